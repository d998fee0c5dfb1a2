import { describe, expect, it } from 'vitest';
import { CorpusError, formatProblem } from '../../src/corpus/corpus-problem.js';
import { parseCorpus } from '../../src/corpus/parse-corpus.js';
import { formatWarning } from '../../src/corpus/corpus-warning.js';
import { unlinkedPledgeWarnings } from '../../src/corpus/pledge-links.js';

const meta = {
  name: 'corpus/meta.yaml',
  text: `source:
  title: こもろ未来プロジェクト進捗報告
  asOf: 2020年1月時点
pillars:
  - number: 1
    name: 市役所の改革と健全財政
    color: "#1E5AA8"
`,
};

const entry = (id: string, kind: string, extra = '') => `  - id: ${id}
    pillar: 1
    kind: ${kind}
    title: ${id}のタイトル
    body: ${id}の本文です。
${extra}    source: { section: "1", line: 3 }
`;

function parse(text: string) {
  return parseCorpus(meta, [{ name: 'corpus/entries/01.yaml', text: `entries:\n${text}` }]);
}

function problemsOf(text: string): string[] {
  try {
    parse(text);
  } catch (err) {
    if (err instanceof CorpusError) return err.problems.map(formatProblem);
    throw err;
  }
  return [];
}

describe('a pledge’s results', () => {
  it('are read as ids of the results the report lists for it', () => {
    const corpus = parse(
      entry('pledge', 'policy', '    results: [done, counted]\n') + entry('done', 'achievement') + entry('counted', 'highlight'),
    );
    expect(corpus.entries[0]?.results).toEqual(['done', 'counted']);
  });

  it('locate an id that names no entry, the pledge itself, a second pledge and a repeated id at their line', () => {
    const problems = problemsOf(
      entry('pledge', 'policy', '    results:\n      - done\n      - dnoe\n      - pledge\n      - other\n      - done\n') +
        entry('done', 'achievement') +
        entry('other', 'policy', '    results: []\n'),
    );
    expect(problems).toEqual([
      "corpus/entries/01.yaml:9 entries[0].results[1]: 'dnoe' という id の項目はありません。実績の項目の id を書いてください（打ち間違いではありませんか）",
      "corpus/entries/01.yaml:10 entries[0].results[2]: 公約が自分自身（'pledge'）を実績に挙げています。報告にある実績の項目の id を書いてください",
      "corpus/entries/01.yaml:11 entries[0].results[3]: 'other' は種類 policy の項目です。実績に挙げられるのは highlight・achievement・facility の項目です",
      "corpus/entries/01.yaml:12 entries[0].results[4]: 'done' が2回書かれています。1回にしてください",
    ]);
  });

  it('are refused on an entry that is not a pledge', () => {
    expect(problemsOf(entry('done', 'achievement', '    results: []\n'))).toEqual([
      'corpus/entries/01.yaml:7 entries[0].results: results（公約の実績）は種類 policy（具体的政策）の項目にだけ書けます（この項目は achievement）',
    ]);
  });

  it('warn of a pledge nobody has linked yet, but not of one the report lists nothing for (results: [])', () => {
    const corpus = parse(entry('unlinked', 'policy') + entry('nothing-reported', 'policy', '    results: []\n'));
    expect(unlinkedPledgeWarnings(corpus.entries).map(formatWarning)).toEqual([
      expect.stringMatching(/^警告: 項目 'unlinked' results: この公約（具体的政策）に報告の実績が結び付けられていません。/u),
    ]);
  });
});

describe('a short title', () => {
  it('is refused when wider than 12 full-width characters, at its line', () => {
    const problems = problemsOf(entry('long', 'highlight', '    shortTitle: ふるさと納税の寄付額が50.5倍\n'));
    expect(problems).toEqual([
      'corpus/entries/01.yaml:7 entries[0].shortTitle: ボタンに出す短いタイトルは全角12文字以内にしてください（「ふるさと納税の寄付額が50.5倍」は全角14文字、半角の英数字は0.5文字）',
    ]);
  });
});
