import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKanaOnly, normalizeText, toKatakana } from '../../src/normalize/normalize.js';

describe('normalizeText', () => {
  it('folds full-width letters and digits and half-width katakana', () => {
    expect(normalizeText('ＪＡとの連携　３６８２人')).toBe('jaとの連携 3682人');
    expect(normalizeText('ﾜｲﾅﾘｰﾊﾞｽ')).toBe('ワイナリーバス');
  });

  it('turns dash-like characters after katakana into the long-vowel mark', () => {
    expect(normalizeText('ワイナリ-バス')).toBe('ワイナリーバス');
    expect(normalizeText('ワイナリ〜バス')).toBe('ワイナリーバス');
  });

  it('removes zero-width and bidi characters and turns control characters into spaces', () => {
    expect(normalizeText('ふる\u200bさと\u202e納税\u0007は')).toBe('ふるさと納税 は');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normalizeText(normalizeText(s)) === normalizeText(s)));
  });

  it('is insensitive to width: a full-width ASCII string normalises like its half-width form', () => {
    const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.stringMatching(/^[!-~ ]{0,30}$/), (s) => normalizeText(toFullWidth(s)) === normalizeText(s)),
    );
  });
});

describe('kana helpers', () => {
  it('converts hiragana to katakana and leaves the rest', () => {
    expect(toKatakana('しょうがくきん 奨学金')).toBe('ショウガクキン 奨学金');
  });

  it('recognises kana-only words', () => {
    expect(isKanaOnly('こども')).toBe(true);
    expect(isKanaOnly('ワイナリーバス')).toBe(true);
    expect(isKanaOnly('子ども')).toBe(false);
  });
});

describe('kanji numerals', () => {
  it('become digits before a counter or a unit, as the corpus writes figures', () => {
    expect(normalizeText('三億四千三百万円')).toBe('3億4300万円');
    expect(normalizeText('五つの柱')).toBe('5つの柱');
    expect(normalizeText('差押は百四十件')).toBe('差押は140件');
    expect(normalizeText('第三次計画')).toBe('第3次計画');
  });

  it('become digits in a year of an era (平成三十年), as voice input writes it', () => {
    expect(normalizeText('平成三十年度の受診率')).toBe('平成30年度の受診率');
    expect(normalizeText('令和二年に')).toBe('令和2年に');
    // Another kanji before a numeral keeps it part of a word.
    expect(normalizeText('統一二年')).toBe('統一二年');
  });

  it('become digits in an ordinal (四番目, 第四の), but not in 一番 (the most)', () => {
    expect(normalizeText('四番目の柱')).toBe('4番目の柱');
    expect(normalizeText('第四の柱')).toBe('第4の柱');
    expect(normalizeText('一番多いのは')).toBe('一番多いのは');
  });

  it('become digits when a number is typed whole, as voice input writes a year', () => {
    expect(normalizeText('観光局二千二十ってなに')).toBe('観光局2020ってなに');
    expect(normalizeText('二〇二〇の計画')).toBe('2020の計画');
  });

  it('leave a unit after digits as it is: 3,536千円 is thousands of yen', () => {
    expect(normalizeText('3,536千円')).toBe('3,536千円');
    expect(normalizeText('2千人')).toBe('2千人');
  });

  it('typed in kana become digits where they count or order (いつつの柱, いつつめ), not inside a phrase (いつつくった)', () => {
    expect(normalizeText('いつつの柱')).toBe('5つの柱');
    expect(normalizeText('いつつめの柱')).toBe('5つめの柱');
    expect(normalizeText('いつつくったの')).toBe('いつつくったの');
    // After a particle too (プロジェクトのいつつのはしら), as romaji runs are joined.
    expect(normalizeText('プロジェクトのいつつのはしら')).toBe('プロジェクトの5つのはしら');
    expect(normalizeText('それはいつつくったの')).toBe('それはいつつくったの');
    expect(normalizeText('所がひとつの建物に入る')).toBe('所がひとつの建物に入る');
  });

  it('stay inside ordinary words', () => {
    expect(normalizeText('一緒に統一する')).toBe('一緒に統一する');
    expect(normalizeText('十分です')).toBe('十分です');
    expect(normalizeText('千曲川と三千世界')).toBe('千曲川と三千世界');
  });
});

describe('era years', () => {
  it('abbreviated as the report writes them are spelled out as citizens write them', () => {
    expect(normalizeText('H28:102件→H30:140件')).toBe('平成28年:102件→平成30年:140件');
    expect(normalizeText('R元:61/68区')).toBe('令和元年:61/68区');
    expect(normalizeText('R2.1.15')).toBe('令和2年1月15日');
    expect(normalizeText('R2.1月15日時点')).toBe('令和2年1月15日時点');
    expect(normalizeText('H31.4現在')).toBe('平成31年4月現在');
    expect(normalizeText('R3秋完成予定')).toBe('令和3年秋完成予定');
    expect(normalizeText('H30年度')).toBe('平成30年度');
  });

  it('with the first year typed in romaji (R-gan-nen, Rgannen) as 元年', () => {
    expect(normalizeText('bousai kunren wa R-gan-nen ni')).toBe('bousai kunren wa 令和元年 ni');
    expect(normalizeText('Rgannen')).toBe('令和元年');
  });

  it('are only a lone h or r before a year, not a letter of a word or a unit', () => {
    expect(normalizeText('24h営業 h2o hr h123')).toBe('24h営業 h2o hr h123');
  });
});

describe('kana iteration marks', () => {
  it('are spelled out, voiced or not', () => {
    expect(normalizeText('こゝろ')).toBe('こころ');
    expect(normalizeText('いすゞ')).toBe('いすず');
  });
});
