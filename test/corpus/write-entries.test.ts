import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Entry } from '../../src/corpus/entry.js';
import { parseCorpus } from '../../src/corpus/parse-corpus.js';
import { writeEntries } from '../../src/corpus/write-entries.js';

const shisei = {
  name: 'entries/01-shisei.yaml',
  text: `# 柱1: comments stay where they are.
entries:
  - id: furusato-nozei-growth
    pillar: 1
    kind: highlight
    title: ふるさと納税の寄付額が50.5倍に
    body: 寄付額は3億4300万円になりました。
    figures:
      - label: ふるさと納税の寄付額
        before: 6790000 # 679万円
        after: 343000000
        unit: 円
        period: 就任前→2020年1月現在
      - label: 伸び
        after: 12.81
        unit: "%"
        period: H29→H30
    keywords: [寄付, 寄附, 返礼品]
    source: {section: "1. 囲み", line: 72}

  # the next one is short
  - id: zero-overtime
    pillar: 1
    kind: policy
    title: 残業ゼロ
    body: 残業ゼロを目指します。
    keywords: [残業]
    source:
      section: 1. 具体的政策
      line: 67
`,
};

const other = {
  name: 'entries/06-other.yaml',
  text: `entries:
  - id: complex-facility-plan
    pillar: 6
    kind: facility
    title: 複合型施設
    body: R3秋に完成する予定です。
    period: R3秋完成予定
    keywords: [複合型施設]
    source:
      section: 6. その他の実績
      line: 246
`,
};

const newFile = 'entries/90-imported.yaml';
const entriesIn = (text: string) => (parse(text) as { entries: Entry[] }).entries;
const furusato = entriesIn(shisei.text)[0] as Entry;
const overtime = entriesIn(shisei.text)[1] as Entry;
const facility = entriesIn(other.text)[0] as Entry;

const gomi: Entry = {
  id: 'gomi-days',
  pillar: 0,
  kind: 'faq',
  title: 'ごみの収集日は？',
  body: '燃えるごみは週2回、\n地区ごとに曜日が決まっています。',
  figures: [],
  keywords: ['ごみ', '収集日'],
  phrasings: [],
  source: { section: '職員による追加', line: 2 },
};

describe('writeEntries', () => {
  it('changes nothing when every entry is as the files have it', () => {
    const result = writeEntries([shisei, other], [furusato, overtime, facility], newFile);
    expect(result).toEqual({ files: [], added: [], updated: [], unchanged: [furusato.id, overtime.id, facility.id] });
  });

  it('updates only the changed fields of an entry, keeping comments, styles and the other entries', () => {
    const changed: Entry = {
      ...furusato,
      title: 'ふるさと納税の寄付額が大きく増加',
      figures: [{ ...(furusato.figures[0] as Entry['figures'][number]), after: 343000001 }, ...furusato.figures.slice(1)],
      keywords: ['寄付', '返礼品', 'ふるさと納税'],
      source: { section: '1. 囲み', line: 73 },
    };
    const result = writeEntries([shisei, other], [changed], newFile);
    expect(result.updated).toEqual([furusato.id]);
    expect(result.files.map((f) => f.name)).toEqual([shisei.name]);
    const expected = shisei.text
      .replace('title: ふるさと納税の寄付額が50.5倍に', 'title: ふるさと納税の寄付額が大きく増加')
      .replace('after: 343000000', 'after: 343000001')
      .replace('[寄付, 寄附, 返礼品]', '[寄付, 返礼品, ふるさと納税]')
      .replace('line: 72}', 'line: 73}');
    expect(result.files[0]?.text).toBe(expected);
  });

  it('keeps flow lists written with spaces inside the brackets as they are', () => {
    const padded = { name: 'entries/02.yaml', text: other.text.replace('[複合型施設]', '[ 複合型施設 ]') };
    const result = writeEntries([padded], [{ ...facility, keywords: ['複合型施設', '複合施設'] }], newFile);
    expect(result.files[0]?.text).toBe(other.text.replace('[複合型施設]', '[ 複合型施設, 複合施設 ]'));
  });

  it('inserts a field where the key order puts it and removes one the entry no longer has', () => {
    const result = writeEntries([shisei, other], [{ ...overtime, period: 'H30' }, { ...facility, period: undefined }], newFile);
    expect(result.files.find((f) => f.name === shisei.name)?.text).toBe(
      shisei.text.replace('    body: 残業ゼロを目指します。\n', '    body: 残業ゼロを目指します。\n    period: H30\n'),
    );
    expect(result.files.find((f) => f.name === other.name)?.text).toBe(other.text.replace('    period: R3秋完成予定\n', ''));
  });

  it('removes the figures of an entry that has none left, and adds figures to one that had none', () => {
    const result = writeEntries([shisei], [{ ...furusato, figures: [] }, { ...overtime, figures: furusato.figures.slice(1) }], newFile);
    const text = result.files[0]?.text ?? '';
    expect(entriesIn(text)[0]).not.toHaveProperty('figures');
    expect(entriesIn(text)[1]?.figures).toEqual(furusato.figures.slice(1));
    expect(text).toContain('    figures:\n      - label: 伸び\n        after: 12.81\n        unit: "%"\n');
  });

  it('writes a body with line breaks so that it reads back the same', () => {
    const body = '一行目\n二行目: 「残業」';
    const result = writeEntries([shisei], [{ ...overtime, body }], newFile);
    expect(entriesIn(result.files[0]?.text ?? '')[1]?.body).toBe(body);
  });

  it('appends new entries to a new file for them, one blank line apart, in the corpus style', () => {
    const second: Entry = { ...gomi, id: 'gomi-bags', body: '指定袋を使います。', period: 'R2' };
    const result = writeEntries([shisei, other], [gomi, second], newFile);
    expect(result.added).toEqual(['gomi-days', 'gomi-bags']);
    expect(result.files.map((f) => f.name)).toEqual([newFile]);
    expect(result.files[0]?.text).toBe(`# Entries added from a spreadsheet (npm run corpus -- import). They may be moved to the file of their pillar.
entries:
  - id: gomi-days
    pillar: 0
    kind: faq
    title: ごみの収集日は？
    body: |-
      燃えるごみは週2回、
      地区ごとに曜日が決まっています。
    keywords: [ごみ, 収集日]
    source:
      section: 職員による追加
      line: 2

  - id: gomi-bags
    pillar: 0
    kind: faq
    title: ごみの収集日は？
    body: 指定袋を使います。
    period: R2
    keywords: [ごみ, 収集日]
    source:
      section: 職員による追加
      line: 2
`);
  });

  it('appends to the file for new entries when it exists already, and the result is a valid corpus', () => {
    const first = writeEntries([shisei], [gomi], newFile).files[0];
    if (!first) throw new Error('no file');
    const result = writeEntries([shisei, first], [{ ...gomi, id: 'gomi-bags' }, { ...gomi, title: '収集日' }], newFile);
    expect(result).toMatchObject({ added: ['gomi-bags'], updated: ['gomi-days'] });
    const text = result.files[0]?.text ?? '';
    expect(entriesIn(text).map((e) => [e.id, e.title])).toEqual([
      ['gomi-days', '収集日'],
      ['gomi-bags', 'ごみの収集日は？'],
    ]);
    const meta = {
      name: 'meta.yaml',
      text: 'source: { title: 報告, asOf: 2020年1月時点 }\npillars:\n  - { number: 0, name: 全体, color: "#4A4A4A" }\n  - { number: 1, name: 柱1, color: "#1E5AA8" }\n',
    };
    expect(parseCorpus(meta, [shisei, { name: newFile, text }]).entries.map((e) => e.id)).toEqual([
      furusato.id,
      overtime.id,
      'gomi-days',
      'gomi-bags',
    ]);
  });
});
