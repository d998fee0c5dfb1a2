import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/corpus/entry.js';
import { numberedSeries, writeOrdinalsAsNumbered } from '../../src/analyze/ordinal-names.js';
import type { KanaLexicon } from '../../src/analyze/kana-words.js';

const entry = (title: string, body: string): Entry =>
  ({ id: title, kind: 'pillar', title, body, pillar: 0, figures: [], keywords: [], phrasings: [] }) as unknown as Entry;

const entries = [
  entry('柱3：市民が幸福を実感できる市政を実現「笑顔」', '3つ目の柱は「市民が幸福を実感できる市政を実現」です。'),
  entry('基本姿勢1：民間の発想と着眼点', '民の発想へ切り替えます。'),
  entry('ふるさと納税の寄付額が50.5倍に', '寄付が増えました。'),
];

describe('numberedSeries', () => {
  it('finds the series the titles number, and whether the text counts its members', () => {
    expect(numberedSeries(entries)).toEqual([
      { name: '基本姿勢', countedInText: false, readings: [] },
      { name: '柱', countedInText: true, readings: [] },
    ]);
  });

  it('reads each name in kana as the lexicon lists it first, and no reading it lists another word under', () => {
    const word = (text: string) => ({ text, terms: [{ text, weak: false }] });
    const lexicon: KanaLexicon = new Map([
      ['キホンシセイ', [word('基本姿勢')]],
      ['ハシラ', [word('柱'), word('走る')]],
      ['チュウ', [word('中'), word('柱')]],
    ]);
    expect(numberedSeries(entries, lexicon)).toEqual([
      { name: '基本姿勢', countedInText: false, readings: ['きほんしせい'] },
      { name: '柱', countedInText: true, readings: ['はしら'] },
    ]);
  });
});

describe('writeOrdinalsAsNumbered', () => {
  const series = numberedSeries(entries);

  it('writes a member counted in another order as the report counts it (柱の3つ目: 3つ目の柱)', () => {
    expect(writeOrdinalsAsNumbered('5つの柱の3つ目ってなんだっけ', series)).toBe('3つ目の柱ってなんだっけ');
    expect(writeOrdinalsAsNumbered('第3の柱は', series)).toBe('3つ目の柱は');
  });

  it('writes a member of a series the text does not count as its title numbers it (基本姿勢1)', () => {
    expect(writeOrdinalsAsNumbered('基本姿勢の1つ目って', series)).toBe('基本姿勢1って');
    expect(writeOrdinalsAsNumbered('1つ目の基本姿勢は', series)).toBe('基本姿勢1は');
  });

  it('writes a member picked later in the sentence that counted the series first (基本姿勢が3つ…、2つ目の)', () => {
    expect(writeOrdinalsAsNumbered('基本姿勢が3つ書いてあったと思いますが、2つ目の内容は', series)).toBe(
      '基本姿勢が3つ書いてあったと思いますが、基本姿勢2の内容は',
    );
    expect(writeOrdinalsAsNumbered('柱は5つあるそうですが、3つ目は', series)).toBe(
      '柱は5つあるそうですが、3つ目の柱は',
    );
  });

  it('leaves out the size of the series said before a place asked in it (5つの柱のうち何番目)', () => {
    expect(writeOrdinalsAsNumbered('「笑顔」は5つの柱のうち何番目？', series)).toBe('「笑顔」は柱のうち何番目？');
    expect(writeOrdinalsAsNumbered('「攻める」は5つの柱の何番目ですか', series)).toBe('「攻める」は柱の何番目ですか');
    expect(writeOrdinalsAsNumbered('「笑顔」という柱は、5本のうちいくつ目？', series)).toBe(
      '「笑顔」という柱は、うちいくつ目？',
    );
    // Without a place asked, the size stays: it may be what is asked about.
    expect(writeOrdinalsAsNumbered('5つの柱のうち、いちばん大事なのは？', series)).toBe(
      '5つの柱のうち、いちばん大事なのは？',
    );
  });

  it('writes a member counted in kana, spaces between the words, as the report counts it', () => {
    const word = (text: string) => ({ text, terms: [{ text, weak: false }] });
    const read = numberedSeries(
      entries,
      new Map([
        ['キホンシセイ', [word('基本姿勢')]],
        ['ハシラ', [word('柱')]],
      ]),
    );
    expect(writeOrdinalsAsNumbered('しちょうの きほんしせいの 1つ目は', read)).toBe('しちょうの 基本姿勢1は');
    expect(writeOrdinalsAsNumbered('はしらの 3つ目は なに', read)).toBe('3つ目の柱は なに');
  });

  it('leaves counts of other things alone', () => {
    expect(writeOrdinalsAsNumbered('3つ目の質問です', series)).toBe('3つ目の質問です');
    expect(writeOrdinalsAsNumbered('5つの柱を教えて', series)).toBe('5つの柱を教えて');
  });
});
