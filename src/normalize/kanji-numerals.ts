/**
 * Kanji numerals as citizens may write them (三億, 四千三百万円, 五つの柱, 百四十件) become arabic
 * digits, the way the corpus writes figures (3億, 4300万円, 5つ, 140件). Only numerals that
 * stand before a counter or a unit are converted, so words such as 一緒, 統一 or 十分 stay intact.
 */

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

// A numeral run, not preceded by another kanji (except 第, an era's name: 平成三十年, and the large
// units 万 and 億, which chain: 3億四千三百万) nor by digits (3,536千円 is thousands of yen), and
// followed by a counter, a unit or 万/億; an ordinal too (四番目, 第四の).
const NUMERAL_BEFORE_COUNTER =
  /(?:(?<=平成|令和|昭和)|(?<![\p{Script=Han}&&[^万億兆第]]|[0-9][0-9,.]*))[〇零一二三四五六七八九十百千]+(?=[万億兆円人件倍%年月日回時間区団体つ個名社校か箇ヶカ歳才割点位次期]|パーセント|番目|(?<=第[〇零一二三四五六七八九十百千]+)の)/gv;

/** Value of a run of kanji numerals below 万: 四千三百 → 4300, 十二 → 12, 二〇二〇 → 2020. */
export function kanjiNumberValue(run: string): number {
  const hasUnits = [...run].some((c) => c in SMALL_UNITS);
  if (!hasUnits) return Number([...run].map((c) => DIGITS[c] ?? 0).join(''));
  let total = 0;
  let digit: number | undefined;
  for (const c of run) {
    const unit = SMALL_UNITS[c];
    if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else {
      digit = DIGITS[c] ?? 0;
    }
  }
  return total + (digit ?? 0);
}

/**
 * A numeral of three kanji or more with 千 or 〇 in it, standing before no other kanji: a number
 * said or typed whole (観光局二千二十, 二〇二〇), which no word of the language spells so.
 */
const LONG_NUMERAL =
  /(?<![〇零一二三四五六七八九十百千])(?=[一二三四五六七八九十百千〇零]*[千〇])[〇零一二三四五六七八九十百千]{3,}(?![\p{Script=Han}])/gu;

/** Native numerals typed in kana (いつつの柱, ふたつめ): their digit. */
const KANA_NUMERALS: Readonly<Record<string, number>> = {
  ひとつ: 1,
  ふたつ: 2,
  みっつ: 3,
  よっつ: 4,
  いつつ: 5,
  むっつ: 6,
  ななつ: 7,
  やっつ: 8,
  ここのつ: 9,
};

/**
 * A kana numeral counting or ordering something (いつつの柱, いつつめ), not the start of another
 * word (いつつくった is いつ・つくった): opening a word, or after a particle from ふたつ up
 * (プロジェクトのいつつの; がひとつの建物 is one building, a word of its own), and before の, め or 目,
 * punctuation or the end only.
 */
const KANA_NUMERAL = new RegExp(
  `(?:(?<![\\p{Script=Hiragana}])(?:${Object.keys(KANA_NUMERALS).join('|')})|(?<=[のはがもをと])(?:${Object.keys(KANA_NUMERALS).slice(1).join('|')}))(?=の|め|目|[、,。？?！!\\s]|$)`,
  'gu',
);

/** Replace kanji numerals that count something, and numbers typed whole, with arabic digits. */
export function convertKanjiNumerals(text: string): string {
  return text
    .replace(NUMERAL_BEFORE_COUNTER, (run) => String(kanjiNumberValue(run)))
    .replace(LONG_NUMERAL, (run) => String(kanjiNumberValue(run)))
    .replace(KANA_NUMERAL, (word: string) => `${KANA_NUMERALS[word] ?? ''}つ`);
}
