/**
 * The Japanese of the staff report wherever it is printed: the tables of `npm run report` and the
 * CSV of `npm run report -- --csv` and `GET /admin/report?format=csv` share these titles and
 * column names (the same words the preview page's report uses), so a figure is called the same
 * in the terminal, in Excel and on the page. The JSON keeps its English field names.
 */

export const reportTitles = {
  heading: (days: number, since: string) =>
    `こもろ政策ボット 市民の質問レポート — 直近 ${days} 日（${since} 以降、日本時間）`,
  unanswered: '回答できなかった質問（多い順）',
  negativeFeedback: '「役に立たなかった」が多い回答',
  dailyVolume: '日ごとの件数（日本時間）',
  topEntries: 'よく表示された項目',
};

/** What an empty list means, said instead of an empty table. */
export const reportEmpty = {
  unanswered: 'なし: この期間の質問には、すべて回答したか、あいさつ等でした',
  negativeFeedback: 'なし: この期間に「役に立たなかった」を押した人はいません',
  topEntries: 'なし: この期間に回答はありません',
};

/** Column names, in the order of the rows (dailyVolumeCells for the daily volume). */
export const reportColumns = {
  unanswered: {
    count: '回数',
    users: '人数',
    lastAskedAt: '最後に聞かれた日時',
    question: '質問',
    normalized: '正規化した質問',
  },
  negativeFeedback: {
    entryId: '項目ID',
    down: '役に立たなかった',
    up: '役に立った',
    lastDownAt: '最後の「役に立たなかった」',
  },
  dailyVolume: [
    '日付',
    '質問',
    '回答',
    'うち関連する情報',
    '回答できず',
    'あいさつ等',
    '役に立った',
    '役に立たなかった',
  ],
  topEntries: { entryId: '項目ID', hits: '表示回数', lastShownAt: '最後に表示した日時' },
} as const;

/** A report option (`--days`, `?limit=`) out of bounds. */
export function reportNumberError(name: string, max: number, raw: string): string {
  return `${name} には 1 から ${max} までの整数を指定してください（'${raw}' が指定されました）`;
}
