/**
 * What the server answers staff, in Japanese: the `message` of the staff API's errors (GET
 * /api/ask, POST /api/postback, which the preview page shows as they are), of /admin (login,
 * report, reload) and of the abuse limits. One module, so the preview page, the admin pages and
 * a script calling them read the same words. LINE's webhook and the log stay in English: their
 * readers are the platform and the engineers.
 */

export const apiMessages = {
  starting: 'ボットを起動中です（辞書と索引を準備しています）。しばらくしてからもう一度お試しください。',
  missingQuestion: '質問を q で渡してください（例: /api/ask?q=ふるさと納税は？）',
  missingPostbackData: 'ポストバックのデータを JSON の {"data": "..."} で送ってください（例: {"data": "pillar=1"}）',
  badJson: '送られた内容が JSON として読めません',
  internalError:
    'サーバーでエラーが起きました。しばらくしてからもう一度お試しください（続くときはサーバーのログをご確認ください）。',
} as const;

export const adminMessages = {
  disabled: '管理機能は無効です: ADMIN_TOKEN（16文字以上）を設定してサーバーを再起動すると /admin が使えます',
  unauthorized:
    '管理機能には ADMIN_TOKEN が必要です: Authorization: Bearer <トークン> を付けて送るか、/admin/login からログインしてください',
  wrongToken: 'トークンが違います。ADMIN_TOKEN を入力してください。',
  lockedOut: (minutes: number) =>
    `ログインの失敗が続いたため、この端末からのログインを ${minutes} 分ほど止めています。しばらく待ってから ADMIN_TOKEN を確かめて入力してください。`,
  analyticsUnavailable:
    '集計を表示できません: DATA_DIR の集計データベースを開けませんでした（サーバーの起動時のログをご確認ください）',
  badFormat: (format: string) => `format には json か csv を指定してください（'${format}' が指定されました）`,
  reloadStarting: 'ボットを起動中です: コーパスはまだ読み込まれていません',
  loginTitle: '管理画面ログイン',
  loginButton: 'ログイン',
} as const;

export const limitMessages = {
  tooManyRequests: (perMinute: number) =>
    `リクエストが多すぎます（この端末から 1 分に ${perMinute} 回まで）。1 分ほど待ってからもう一度お試しください。`,
  cpuBudgetSpent: 'この端末からの質問の処理が多すぎます。1 分ほど待ってからもう一度お試しください。',
  questionTooLong: (length: number, max: number) =>
    `質問が長すぎます（${length} 文字）。${max} 文字までにしてください（ボットも先頭の ${max} 文字しか読みません）。`,
} as const;
