import { describe, expect, it } from 'vitest';
import { kanaRuns, readingBigrams } from '../../src/analyze/kana-runs.js';

const texts = (q: string) => kanaRuns(q).map((r) => r.text);

describe('kanaRuns', () => {
  it('trims question endings from a word typed in hiragana', () => {
    expect(texts('しょうがくきんってある?')).toEqual(['しょうがくきん']);
    expect(texts('いじゅうしたい')).toEqual(['いじゅう']);
  });

  it('drops a particle that follows a kanji word and a trailing question word', () => {
    expect(texts('納税はいくら')).toEqual([]);
    expect(texts('子どもの医療費')).toEqual([]);
  });

  it('reads つ after a number as its counter, not as a word typed in hiragana (1つにまとめた)', () => {
    const runs = kanaRuns('1つにまとめた', () => false, { cutHiraganaEndings: false });
    expect(runs.some((r) => r.whole === true)).toBe(false);
    expect(texts('1つにまとめた')).not.toContain('つに');
  });

  it('keeps a word of the corpus after a counter and one particle (5つのはしらの), though a particle reads as its first kana', () => {
    const opensCorpusWord = (kana: string) => kana.startsWith('はしら');
    const runs = kanaRuns('5つのはしらの', () => false, { cutHiraganaEndings: false, opensCorpusWord });
    expect(runs.map((r) => r.text)).toEqual(['はしら']);
  });

  it('reads する in an ending (言い方をしていましたか) as no word (not 指定)', () => {
    expect(texts('言い方をしていましたか。')).toEqual([]);
  });

  it('drops a particle that follows a quoted name as it does after a word', () => {
    expect(texts('「ジャムの日」はどこと連携したの')).toEqual(['ジャム']);
  });

  it('keeps katakana words and gives their reading', () => {
    expect(kanaRuns('ワイナリーバスってどこ')).toEqual([
      { text: 'ワイナリーバス', reading: 'ワイナリーバス', start: 0, end: 7 },
    ]);
  });

  it('leaves nothing of a run that is all polite ending (はありますか), not its stem あり', () => {
    expect(texts('ワイナリーバスはありますか')).toEqual(['ワイナリーバス']);
    expect(texts('支援はございますか')).toEqual([]);
    // The most polite ending (どれほどなのでございましょうか) holds no word (not 商 of しょう).
    expect(texts('割合はそれぞれどれほどなのでございましょうか')).not.toContainEqual(expect.stringContaining('しょう'));
  });

  it('leaves out demonstratives and connectives, which everyone writes in kana', () => {
    expect(texts('そこで、いくつか教えてください')).toEqual([]);
    expect(texts('それで、しょうがくきんは')).toEqual(['しょうがくきん']);
  });

  it('ignores a run of one repeated sound', () => {
    expect(texts('ああああ')).toEqual([]);
  });
});

describe('readingBigrams', () => {
  it('cuts a reading into overlapping pairs', () => {
    // Marked, so that a reading bigram is never the same string as a two-letter word (バス).
    expect(readingBigrams('ショウガクキン')).toEqual(['~ショ', '~ョウ', '~ウガ', '~ガク', '~クキ', '~キン']);
  });

  it('hears ヅ as ズ and ヂ as ジ, which sound the same (てつずき for 手続き)', () => {
    expect(readingBigrams('テツズキ')).toEqual(readingBigrams('テツヅキ'));
    expect(readingBigrams('ハナヂ')).toEqual(readingBigrams('ハナジ'));
  });
});

describe('kanaRuns edges', () => {
  it('removes several particles after a kanji word and keeps a final long-vowel mark', () => {
    expect(texts('職員とのランチミーティング')).toEqual(['ランチミーティング']);
    expect(texts('小諸ストーリー')).toEqual(['ストーリー']);
  });
});

describe('kana runs after kanji', () => {
  it('are dropped when they are the ending of the kanji word, kept when a particle opens them', () => {
    expect(texts('詳しく教えていただけますか')).toEqual([]);
    expect(texts('市役所のざんぎょう')).toEqual(['ざんぎょう']);
    expect(texts('観光局について')).toEqual([]);
  });

  it('split where katakana and hiragana meet', () => {
    expect(texts('ニホンジカのペットフード')).toEqual(['ニホンジカ', 'ペットフード']);
  });
});

describe('kana runs left whole for a caller that cuts them into words', () => {
  it('keeps a run that opens the sentence whole, and trims one that follows a word as before', () => {
    expect(kanaRuns('しなのてつどうとなかよく', () => false, { cutHiraganaEndings: false })).toEqual([
      { text: 'しなのてつどうとなかよく', reading: 'シナノテツドウトナカヨク', start: 0, end: 12, whole: true },
    ]);
    expect(texts('市役所のざんぎょう')).toEqual(['ざんぎょう']);
    expect(kanaRuns('市役所のざんぎょう', () => false, { cutHiraganaEndings: false })[0]?.whole).toBeUndefined();
  });

  it('leaves out a particle standing alone between spaces after a kana word (いろいろ って), which is no word', () => {
    const runs = kanaRuns('いろいろ って どの はしら', () => false, { cutHiraganaEndings: false });
    expect(runs.map((r) => r.text)).not.toContain('って');
    expect(runs.map((r) => r.text)).toContain('はしら');
  });

  it('takes a run after a space that follows a word (voice and romaji: バス って) as following that word', () => {
    const runs = kanaRuns('ワイナリーバス って はしってるの', () => false, { cutHiraganaEndings: false });
    expect(runs.find((r) => r.text === 'って')?.afterWord).toBe(true);
    // ー ends a katakana word, though it is of no script (センターで).
    const afterLong = kanaRuns('こどもセンターでいくじ', () => false, { cutHiraganaEndings: false });
    expect(afterLong.find((r) => r.text === 'でいくじ')?.afterWord).toBe(true);
    // At the start of a message a run follows nothing.
    expect(kanaRuns(' って', () => false, { cutHiraganaEndings: false })[0]?.afterWord).toBeUndefined();
  });
});
