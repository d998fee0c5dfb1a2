/**
 * What is wrong with a corpus file, in Japanese for the staff who fix it. Every problem is shown
 * as `file:line 項目: 問題` (corpus-problem.ts): the file and the field stay as staff typed them
 * (entries[3].figures[0].after, pillar), the problem says what to write instead. The YAML
 * checks, synonyms.yaml, the JSONL FAQ and the CSV import and export all take their wording from
 * here; zod's schema checks are put in these words by {@link corpusIssueMessage}.
 */
import { z } from 'zod';

/** A value as staff wrote it, short enough for one line: '3億'. */
export function quoted(value: unknown): string {
  // JSON.stringify gives undefined for undefined, whatever its declared type says.
  const text = typeof value === 'string' ? value : ((JSON.stringify(value) as string | undefined) ?? String(value));
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `'${short.replace(/\n/gu, '\\n')}'`;
}

const typeNames: Readonly<Record<string, string>> = {
  number: '数値',
  string: '文字',
  boolean: 'true か false',
  array: 'リスト（[a, b] の形、または行頭に - を付けた行）',
  object: '項目の組（名前: 値 の形）',
};

/** zod's own Japanese, for the few checks the corpus schemas do not use. */
const zodJapanese = z.locales.ja().localeError;

/**
 * A zod issue of a corpus schema in plain Japanese; pass it as the `error` of safeParse. Messages
 * a schema sets itself (entryIdFormat...) are kept, as zod gives them precedence.
 */
export function corpusIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeNames[issue.expected] ?? issue.expected;
      if (issue.input === undefined || issue.input === null) return `必須です: ${expected}を書いてください`;
      return `${expected}を書いてください（${quoted(issue.input)} は${expected}ではありません）`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '空にはできません' : `${min} 文字以上にしてください`;
      if (issue.origin === 'array') return `少なくとも ${min} 個書いてください`;
      return `${min} 以上にしてください（${quoted(issue.input)}）`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string')
        return `${max} 文字以内にしてください（今は ${String(issue.input).length} 文字）`;
      if (issue.origin === 'array') return `${max} 個までにしてください`;
      return `${max} 以下にしてください（${quoted(issue.input)}）`;
    }
    case 'invalid_value':
      return `次のどれかを書いてください: ${issue.values.map(String).join(', ')}（${quoted(issue.input)} は使えません）`;
    case 'unrecognized_keys':
      return `知らない項目です: ${issue.keys.join(', ')}（書き間違いか、別の場所に書く項目ではありませんか）`;
    case 'invalid_format':
      if (issue.format === 'url') return `https:// で始まる URL を書いてください（${quoted(issue.input)}）`;
      return `形式が違います（${quoted(issue.input)}）`;
    default: {
      const fallback = zodJapanese(issue);
      return typeof fallback === 'string' ? fallback : (fallback?.message ?? '正しくない値です');
    }
  }
}

/** The messages the schemas of entry.ts and synonym-file.ts set themselves. */
export const schemaMessages = {
  entryIdFormat: '半角の英小文字・数字とハイフンで書いてください: furusato-nozei-growth など',
  notEmpty: '空にはできません',
  colorFormat: '#1E5AA8 のような色を書いてください',
  missingWord: '語がありません',
  wordInQuotes: (value: string) => `語を書いてください: ${value} は "${value}" のように引用符で囲んでください`,
  notAWord: '語を書いてください',
  wordList: '[残業, 超過勤務] のような語のリストを書いてください',
  groupTooSmall: '1 つのグループには 2 語以上が必要です',
  wordRepeated: (word: string, first: string, position: number) =>
    `「${word}」は同じグループの「${first}」（${position} 語目）と同じです`,
} as const;

export const corpusMessages = {
  yamlSyntax: (detail: string) => `YAML の書き方に誤りがあります（${detail}）`,
  duplicateId: (id: string, firstAt: string) => `id '${id}' が重複しています（最初は ${firstAt}）`,
  duplicateIdEarlier: (id: string) => `id '${id}' が重複しています（前の行にもあります）`,
  pillarNotDefined: (pillar: number, metaFile: string) => `柱 ${pillar} は ${metaFile} にありません`,
  noEntries: 'コーパスに項目が 1 つもありません',
  wordInTwoGroups: (word: string, line: number, index: number) =>
    `「${word}」はすでに ${line} 行目のグループ（groups[${index}]）にあります。1 つの語は 1 つのグループにしか入れられません: 2 つのグループをまとめてください`,
  englishFirstWord: (got: string) =>
    `グループの最初には、コーパスで使う日本語の語を書いてください（例: [超過勤務, overtime]）。'${got}' になっています`,
  notEnglishWord: (word: string) => `'${word}' は英語の語ではありません: 半角の英字・数字・空白・ハイフンだけで書いてください`,
  notFromDictionaryInEnglish:
    'notFromDictionary は英語の同義語ファイルには書けません: 日本語の同義語ファイル（synonyms.yaml）に書いてください',
  notJson: (detail: string) => `JSON として読めません（${detail}）`,
  rebuildSudachi: 'npm run synonyms:build で作り直してください',
} as const;

/** The problems of a spreadsheet (npm run corpus -- import / export). */
export const csvMessages = {
  emptyFile: (columns: readonly string[]) => `ファイルが空です: 1 行目に見出し（${columns.join(',')}）が必要です`,
  unknownColumn: (columns: readonly string[]) =>
    `知らない列です: ${columns.join(', ')}（または 本文、キーワード、柱 など）のどれかにしてください`,
  columnTwice: (column: string, first: string) => `列 ${column} が 2 回あります（1 回目は ${first}）`,
  missingColumn: (column: string, aliases: readonly string[], required: readonly string[]) =>
    `列 ${column}（または ${aliases.join('、')}）がありません: 1 行目には少なくとも ${required.join(', ')} が必要です`,
  duplicateId: (id: string, firstRow: number) => `id '${id}' が重複しています（${firstRow} 行目にもあります）`,
  pillarNotDefined: (pillar: number) => `柱 ${pillar} は meta.yaml にありません`,
  unnamedColumn: (column: number) => `${column}列目`,
  cellWithoutHeader: (cell: string) => `見出しのない列にセルがあります: ${cell}`,
  pillarNumber: (cell: string) => `0 から 6 までの数を書いてください（${cell} になっています）`,
  kind: (kinds: readonly string[], cell: string) => `次のどれかを書いてください: ${kinds.join(', ')}（${cell} になっています）`,
  sourceLine: (cell: string) => `1 以上の整数を書いてください（${cell} になっています）`,
  figures: (example: string, detail: string) => `数値は ${example} のような JSON の配列で書いてください（${detail}）`,
  notAnArray: (cell: string) => `配列ではありません: ${cell}`,
  /** Appended to a schema problem of the id or kind column: what the cell holds. */
  got: (cell: string) => `（${cell} になっています）`,
  keywordWithSeparator: (keyword: string, id: string) =>
    `項目 '${id}' のキーワード「${keyword}」には区切りの文字（、 , ; ； か改行）が入っていて、取り込むときに分かれてしまいます: YAML ファイルで直してください`,
  tooLarge: (mb: number, maxMb: number) =>
    `ファイルが大きすぎます（${mb} MB）。${maxMb} MB までにしてください（ファイルを分けて取り込めます）`,
  quoteNotClosed: 'この行から始まる " で囲んだセルが閉じられていません（セルの終わりに " を書いてください）',
  unreadableCsv: (detail: string) => `CSV として読めません（${detail}）`,
  tooManyRows: (maxRows: number) =>
    `行が多すぎます（見出しを含めて ${maxRows} 行まで）。ファイルを分けて取り込んでください`,
  unreadableEncoding:
    '文字コードが読み取れません（UTF-8 としても Shift_JIS としても正しくない文字があります）。Excel で「CSV UTF-8（コンマ区切り）」として保存し直してください',
} as const;

/** Characters of a column that Shift_JIS cannot hold, found first on its row and on `rows` rows in all. */
export function cp932Problem(missing: readonly string[], rows: number): string {
  const chars = missing
    .map((ch) => `'${ch}'（U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}）`)
    .join('、');
  const where = rows === 1 ? 'この行' : `この行とほか ${rows - 1} 行`;
  return `${chars}は Shift_JIS で書けません（${where}）: 既定の UTF-8 で書き出してください（Excel でもそのまま開けます）`;
}
