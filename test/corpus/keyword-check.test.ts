import { beforeAll, describe, expect, it } from 'vitest';
import { loadKuromoji, type KuromojiTokenizer } from '../../src/analyze/japanese-tokenizer.js';
import { formatWarning } from '../../src/corpus/corpus-warning.js';
import { Entry } from '../../src/corpus/entry.js';
import { keywordWarnings, type TokenizeForCheck } from '../../src/corpus/keyword-check.js';
import { labelWarnings } from '../../src/corpus/label-check.js';

let kuromoji: KuromojiTokenizer;
beforeAll(async () => {
  kuromoji = await loadKuromoji();
});

const tokenize: TokenizeForCheck = (text) =>
  kuromoji.tokenize(text).map((t) => ({
    surface: t.surface_form,
    known: t.word_type === 'KNOWN',
    ...(t.reading && t.reading !== '*' ? { reading: t.reading } : {}),
  }));

const entry = (keywords: string[], title = '「健康長寿日本一こもろ」と高齢者福祉の充実') =>
  Entry.parse({
    id: 'longevity',
    pillar: 3,
    kind: 'policy',
    title,
    body: '高齢者福祉を充実させ、審議会での提言を生かします。',
    keywords,
    source: { section: '3', line: 130 },
  });

describe('keywordWarnings', () => {
  it('warns of a slip copied from the print, a long-vowel mark for 一, which neither the dictionary nor the entry knows', () => {
    const warnings = keywordWarnings([entry(['健康長寿日本ーこもろ', '健康長寿'])], tokenize);
    expect(warnings.map(formatWarning)).toEqual([
      "警告: 項目 'longevity' keywords: 「健康長寿日本ーこもろ」は辞書にない語（「ー」）を含み、この項目のタイトル・本文・よくある言い方にも出てきません。打ち間違いなら直し、要らなければ消してください",
    ]);
  });

  it('passes loanwords, acronyms, kana readings of the entry’s words and anything the entry itself writes', () => {
    const keywords = ['ワイナリー', 'KPI', 'しんぎかい', 'こもろ', '健康長寿日本一こもろ', 'お年寄り'];
    expect(keywordWarnings([entry(keywords)], tokenize)).toEqual([]);
  });

  it('warns of a kana keyword that reads as no word of the entry', () => {
    expect(keywordWarnings([entry(['ちょうかきんむ'])], tokenize).map((w) => w.field)).toEqual(['keywords']);
  });
});

describe('labelWarnings', () => {
  it('asks for a shortTitle when the title is too long for a button, and not when there is one', () => {
    const long = entry([]);
    expect(labelWarnings([long]).map(formatWarning)).toEqual([
      "警告: 項目 'longevity' title: 「「健康長寿日本一こもろ」と高齢者福祉の充実」は全角21文字で、ボタンやクイックリプライ（全角12文字まで）に出せません。shortTitle に全角12文字以内の短いタイトルを書いてください",
    ]);
    expect(labelWarnings([{ ...long, shortTitle: '健康長寿と高齢者福祉' }])).toEqual([]);
    expect(labelWarnings([entry([], '婚活事業の支援')])).toEqual([]);
  });
});
