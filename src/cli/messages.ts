/**
 * What the staff commands print, in Japanese: help, usage, errors and results of `npm run ask`,
 * `corpus` (CSV import and export), `corpus:check`, `report`, `synonyms:build` and
 * `rich-menu:image`. One module, so that the commands say the same things the same way; file
 * names, options and identifiers stay as typed. (`npm run eval` and the benches are for engineers
 * and speak English.)
 */

/** Lines of a problem list's closing count: 「問題 3 件」. */
const problems = (n: number) => `問題 ${n} 件`;

export const commonText = {
  invalidCorpus: 'コーパスに誤りがあります: npm run corpus:check で確かめてください',
  cannotLoadCorpus: (reason: string) => `コーパスを読み込めませんでした: ${reason}`,
  noSuchFile: (file: string) => `${file}: ファイルまたはフォルダがありません`,
  /** node:util parseArgs' own English error, shown with what was wrong in Japanese first. */
  badArguments: (detail: string) => `オプションの指定に誤りがあります（${detail}）`,
};

export const askText = {
  usage: '使い方: npm run ask -- [--top N] [--corpus PATH] [--explain] "質問" | --jsonl < questions.txt',
  help: [
    '使い方: npm run ask -- [--top N] [--corpus PATH] [--explain] "質問" ...',
    '        npm run --silent ask -- --jsonl < questions.txt',
    '',
    '市民に返す答えを、職員が読む形で表示します。',
    '  --top N        表示する候補の数（既定 3）',
    '  --corpus PATH  別のコーパス（フォルダか JSONL ファイル）で答えます',
    '  --explain      どの語がどの項目に一致したか、なぜ回答した（しなかった）かを表示します',
    '  --jsonl        標準入力の 1 行を 1 つの質問として、1 行 1 つの JSON で出力します',
  ].join('\n'),
  badArguments: '--top には 1 以上の整数を指定してください。質問か --jsonl のどちらかが必要です',
  question: '質問',
  answered: '→ 回答',
  /** `reason` as staff read it, then its identifier. */
  notAnswered: (reasonName: string, reason: string) => `→ 回答せず（${reasonName}: ${reason}）`,
  hit: (rank: number, title: string, id: string, score: number) => `  ${rank}. ${title}  [${id}] スコア ${score}`,
  botSays: '  ボット: ',
};

export const reportText = {
  usage: '使い方: npm run report -- [--data DIR] [--days N] [--limit N] [--csv [FILE]]',
  help: [
    '使い方: npm run report -- [--data DIR] [--days N] [--limit N] [--csv [FILE]]',
    '',
    '市民の質問の集計を表示します: 回答できなかった質問、「役に立たなかった」が多い回答、日ごとの件数、よく表示された項目。',
    '  --data DIR    集計データ（SQLite）のフォルダ（既定は DATA_DIR、なければ ./data）',
    '  --days N      直近 N 日（既定 30、最大 366）',
    '  --limit N     各一覧の行数（既定 20、最大 500）',
    '  --csv FILE    Excel で開ける CSV（UTF-8）に書き出します。--csv だけなら画面に出します',
    '',
    'DATABASE_URL があれば全インスタンス共有の PostgreSQL から、なければ DATA_DIR の SQLite から読みます（--data DIR はその SQLite を読みます）。',
  ].join('\n'),
  noDatabase: (file: string) =>
    [
      `まだ集計データがありません: ${file} がありません。`,
      'ボットは LINE の設定（または ADMIN_TOKEN）があるときにこのファイルを作り、市民の質問を記録していきます。',
      'ボットが別の場所に記録している場合は、--data DIR を指定するか DATA_DIR を設定してください（PostgreSQL なら DATABASE_URL）。',
    ].join('\n'),
  wroteCsv: (file: string) => `${file} に書き出しました（UTF-8 の CSV、Excel で開けます）。`,
};

export const corpusText = {
  usage: [
    '使い方:',
    '  npm run corpus -- import FILE.csv [--corpus DIR]',
    '  npm run corpus -- export FILE.csv [--corpus DIR] [--encoding utf8|sjis]',
  ].join('\n'),
  needsValue: (option: string) => `${option} には値が必要です`,
  badEncoding: (value: string) => `--encoding には utf8 か sjis を指定してください（'${value}' が指定されました）`,
  unknownOption: (option: string) => `不明なオプションです: ${option}`,
  corpusHasProblems: (dir: string) =>
    `${dir} のコーパスに誤りがあります。先に直してください（npm run corpus:check で確かめられます）:`,
  imported: (file: string, encoding: string, added: number, updated: number, unchanged: number) =>
    `${file}（${encoding}）: 追加 ${added} 件、更新 ${updated} 件、変更なし ${unchanged} 件`,
  wrote: (file: string) => `  書き込み: ${file}`,
  checkAfterImport: 'npm run corpus:check で結果を確かめてください（語を増やしたときは npm run synonyms:build も）。',
  exported: (count: number, file: string, encoding: string) => `${count} 件を ${file} に書き出しました（${encoding}）`,
  nothingWritten: (n: number) => `何も書き込んでいません: ${problems(n)}`,
  encodings: { sjis: 'Shift_JIS', utf8Bom: 'UTF-8、BOM 付き', utf8: 'UTF-8' },
};

export const corpusCheckText = {
  ok: (entries: number, withFigures: number, synonymGroups: number, englishGroups: number, location: string) =>
    `コーパスに問題はありません: ${entries} 件（うち数値あり ${withFigures} 件）、職員の同義語 ${synonymGroups} グループ、英語 ${englishGroups} グループ（${location}）`,
  warning: (text: string) => `注意: ${text}`,
  unusedSynonymGroup: (file: string, group: readonly string[]) =>
    `${file} [${group.join(', ')}]: このグループの語はどれもコーパスに出てこないため、一致することがありません`,
  sharedPhrasing: (id: string, phrasing: string, owner: string) =>
    `項目 '${id}' の phrasings: 「${phrasing}」は '${owner}' のよくある言い方でもあるため、どちらとも区別できません`,
  unusedEnglishGroup: (file: string, group: readonly string[], japanese: string) =>
    `${file} [${group.join(', ')}]: 「${japanese}」がコーパスに出てこないため、その英語では何も見つかりません`,
  sudachiMissing: (file: string) => `${file} がありません: npm run synonyms:build を実行してください`,
  sudachiStale: (file: string) =>
    `${file} が古くなっています（コーパスか辞書が変わりました）: npm run synonyms:build を実行してください`,
  sudachiNotInstalled: (file: string) =>
    `Sudachi の同義語辞書（開発用のパッケージ sudachi-synonyms-dictionary）がこの環境にないため、${file} が最新かは確かめていません（開発環境の npm run corpus:check で確かめられます）`,
  richMenuImage: (file: string, problem: string, advice: string) => `${file}: ${problem}: ${advice}`,
  failed: (n: number) => `コーパスの確認で誤りが見つかりました: ${problems(n)}`,
};

export const synonymsBuildText = {
  wrote: (file: string, groups: number, bytes: number) =>
    `${file} を書き出しました: ${groups} グループ、${bytes} バイト`,
  needsValidCorpus: (n: number) => `synonyms:build には正しいコーパスが必要です: ${problems(n)}`,
};

export const richMenuImageText = {
  noFont: (families: readonly string[]) =>
    `日本語フォント（${families.join(' / ')}）が見つかりません: sudo apt-get install fonts-ipafont-gothic を実行してください`,
  wrote: (file: string, width: number, height: number, bytes: string, font: string) =>
    `${file}: ${width}×${height}、${bytes} バイト（フォント ${font}）`,
};
