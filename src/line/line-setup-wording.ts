/**
 * What `npm run line:setup` prints, in Japanese for the staff who set up the account: its help
 * and errors, each step's progress, the webhook's state and the warnings. Request lines of the
 * dry run (method, URL, JSON) stay as LINE's API has them.
 */

const yesNo = (value: boolean) => (value ? 'はい' : 'いいえ');

export const lineSetupText = {
  usage: '使い方: npm run line:setup -- [--dry-run] [--webhook-url https://<ホスト>/webhook]',
  webhookUrlNotHttps: (url: string) =>
    `--webhook-url: LINE が呼び出せるのは https:// の URL だけです（'${url}' が指定されました）`,
  configError: (message: string) => `設定の誤り: ${message}`,
  tokenRequired: 'LINE_CHANNEL_ACCESS_TOKEN: アカウントの設定に必要です（--dry-run なら不要です）',
  limitsBroken: (problems: readonly string[]) => `リッチメニューが LINE の制限を超えています:\n${problems.join('\n')}`,
  image: (file: string, bytes: string) => `リッチメニューの画像: ${file}（${bytes} バイト）`,
  failed: (message: string) => `line:setup に失敗しました: ${message}`,

  /** A step LINE refused, named in the error. */
  couldNot: (step: string, why: string) => `${step}できませんでした: ${why}`,
  lineAnswered: (status: number, statusText: string, body: string) =>
    `LINE の応答 ${status} ${statusText} ${body}`.trim(),
  steps: {
    validate: 'リッチメニューを検証',
    create: 'リッチメニューを作成',
    upload: 'リッチメニューの画像をアップロード',
    setDefault: 'リッチメニューを既定に設定',
    list: 'リッチメニューの一覧を取得',
    delete: (id: string) => `古いリッチメニュー ${id} を削除`,
    setWebhook: 'Webhook URL を設定',
    getWebhook: 'Webhook URL を取得',
    testWebhook: 'Webhook URL をテスト',
  },

  valid: 'リッチメニュー: 検証 OK',
  created: (id: string, name: string) => `リッチメニュー: ${id} を作成しました（${name}）`,
  uploaded: (contentType: string, width: number, height: number, size: string) =>
    `リッチメニュー: 画像をアップロードしました（${contentType}、${width}×${height}、${size}）`,
  isDefault: (id: string) => `リッチメニュー: ${id} を全員の既定にしました`,
  dryRunDeletes: (prefix: string) =>
    `（ドライラン: ${prefix}… という名前の古いリッチメニューは、それぞれ DELETE /v2/bot/richmenu/{richMenuId} で削除されます）`,
  noneToDelete: 'リッチメニュー: このツールで作った古いメニューはありません',
  deleted: (ids: readonly string[]) => `リッチメニュー: 古いメニュー ${ids.length} 件を削除しました: ${ids.join(', ')}`,
  webhookSet: (endpoint: string) => `Webhook URL: ${endpoint} に設定しました`,
  webhookNotSet: 'Webhook URL: 未設定',
  webhookEndpoint: (endpoint: string) => `Webhook URL: ${endpoint}`,
  webhookState: (active: boolean, path: string, endsWithPath: boolean) =>
    `  設定: はい、利用: ${yesNo(active)}、${path} で終わる: ${yesNo(endsWithPath)}`,
  webhookTest: (ok: boolean, status: number, reason: string, detail: string | undefined) =>
    `Webhook のテスト: ${ok ? 'OK' : '失敗'}（HTTP ${status} ${reason}${detail ? `: ${detail}` : ''}）`,
  warning: (text: string) => `注意: ${text}`,
  dryRunNothingSent: '（ドライラン: 何も送っていません）',
  size: (bytes: number) => `${bytes.toLocaleString('ja-JP')} バイト（${(bytes / 1024).toFixed(1)} KiB）`,

  warnings: {
    noWebhookUrl: (path: string) =>
      `Webhook URL が設定されていません: --webhook-url https://<ホスト>${path} を付けてもう一度実行してください`,
    webhookOff:
      'Webhook の利用がオフです: LINE Developers コンソールの Messaging API 設定で「Webhookの利用」をオンにしてください',
    notAUrl: (endpoint: string) => `Webhook URL '${endpoint}' は URL ではありません`,
    wrongPath: (path: string) => `Webhook URL が ${path} で終わっていません（ボットはそこで受け付けます）`,
  },
} as const;
