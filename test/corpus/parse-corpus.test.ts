import { describe, expect, it } from 'vitest';
import { CorpusError, formatProblem } from '../../src/corpus/corpus-problem.js';
import { parseCorpus, parseCorpusInSlices } from '../../src/corpus/parse-corpus.js';
import { parseJsonlCorpus } from '../../src/corpus/parse-jsonl-corpus.js';

const meta = {
  name: 'corpus/meta.yaml',
  text: `source:
  title: こもろ未来プロジェクト進捗報告
  asOf: 2020年1月時点
pillars:
  - number: 1
    name: 市役所の改革と健全財政
    label: しせいを正す
    color: "#1E5AA8"
`,
};

const entry = (id: string, extra = '') => `  - id: ${id}
    pillar: 1
    kind: highlight
    title: ふるさと納税
    body: 寄付額が増えました。
    source: { section: "1", line: 3 }
${extra}`;

function problemsOf(files: { name: string; text: string }[]): string[] {
  try {
    parseCorpus(meta, files);
  } catch (err) {
    if (err instanceof CorpusError) return err.problems.map(formatProblem);
    throw err;
  }
  return [];
}

describe('parseCorpus', () => {
  it('reads a valid corpus', () => {
    const corpus = parseCorpus(meta, [{ name: 'a.yaml', text: `entries:\n${entry('furusato')}` }]);
    expect(corpus.entries.map((e) => e.id)).toEqual(['furusato']);
    expect(corpus.meta.pillars[0]?.label).toBe('しせいを正す');
  });

  it('locates a wrong figure value at its file, line and field', () => {
    const text = `entries:\n${entry('furusato', `    figures:\n      - label: 寄付額\n        after: 3億\n        unit: 円\n        period: R2.1\n`)}`;
    const problems = problemsOf([{ name: 'corpus/entries/01.yaml', text }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe("corpus/entries/01.yaml:10 entries[0].figures[0].after: 数値を書いてください（'3億' は数値ではありません）");
  });

  it('reports duplicate ids with where the first one is', () => {
    const problems = problemsOf([
      { name: 'a.yaml', text: `entries:\n${entry('same')}` },
      { name: 'b.yaml', text: `entries:\n${entry('same')}` },
    ]);
    expect(problems).toEqual(["b.yaml:2 id: id 'same' が重複しています（最初は a.yaml:2）"]);
  });

  it('reports an empty body and a missing field in the same pass', () => {
    const text = `entries:\n${entry('one').replace('寄付額が増えました。', '""')}  - id: two\n    pillar: 1\n`;
    const problems = problemsOf([{ name: 'c.yaml', text }]);
    expect(problems.some((p) => p.startsWith('c.yaml:6 entries[0].body:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('c.yaml:8 entries[1].kind:'))).toBe(true);
  });

  it('reports a YAML syntax error with its line', () => {
    const problems = problemsOf([{ name: 'd.yaml', text: 'entries:\n  - id: x\n   bad: [\n' }]);
    expect(problems[0]).toMatch(/^d\.yaml:\d+: YAML の書き方に誤りがあります/);
  });

  it('refuses an entry whose pillar the meta does not define', () => {
    const problems = problemsOf([{ name: 'e.yaml', text: `entries:\n${entry('x').replace('pillar: 1', 'pillar: 4')}` }]);
    expect(problems).toEqual(['e.yaml:2 pillar: 柱 4 は corpus/meta.yaml にありません']);
  });
});

describe('parseCorpusInSlices', () => {
  it('gives what parseCorpus gives, and the same problems', async () => {
    const files = [
      { name: 'a.yaml', text: `entries:\n${entry('furusato')}` },
      { name: 'b.yaml', text: `entries:\n${entry('station')}` },
    ];
    expect(await parseCorpusInSlices(meta, files)).toEqual(parseCorpus(meta, files));
    const duplicate = [...files, { name: 'c.yaml', text: `entries:\n${entry('furusato')}` }];
    const rejected = await parseCorpusInSlices(meta, duplicate).catch((err: unknown) => (err as CorpusError).problems.map(formatProblem));
    expect(rejected).toEqual(problemsOf(duplicate));
    expect(rejected).toHaveLength(1);
  });
});

describe('parseJsonlCorpus', () => {
  it('reads FAQ lines as entries and numbers the bad ones', () => {
    const corpus = parseJsonlCorpus('faq.jsonl', '{"id":1,"title":"ごみの出し方","text":"月曜です"}\n\n');
    expect(corpus.entries[0]).toMatchObject({ id: '1', title: 'ごみの出し方', body: '月曜です' });
    expect(() => parseJsonlCorpus('faq.jsonl', '{"id":1,"title":"a","text":"b"}\nnot json\n{"id":1,"title":"a","text":"b"}')).toThrow(
      /faq\.jsonl:2: JSON として読めません[\s\S]*faq\.jsonl:3 id: id '1' が重複しています/,
    );
  });
});
