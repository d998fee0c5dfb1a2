/**
 * A counter typed in kana after a number (2020ねんど, 3にん, romaji "2020 nendo" read into
 * hiragana) is written as the report writes it (2020年度, 3人): the year and unit stages read kanji.
 * Only right after the number, with at most a space between, and not inside a longer kana word.
 */

/** Kana counters and how they are written; longer first (ねんど before ねん). */
const COUNTERS: readonly (readonly [string, string])[] = [
  ['ねんせい', '年生'],
  ['ねんど', '年度'],
  ['ねんかん', '年間'],
  ['ねん', '年'],
  ['かげつ', 'か月'],
  ['がつ', '月'],
  ['にちかん', '日間'],
  ['にち', '日'],
  ['にん', '人'],
  ['めい', '名'],
  ['えん', '円'],
  ['けん', '件'],
  ['かい', '回'],
  ['ばい', '倍'],
  ['ぱーせんと', '%'],
  ['じかん', '時間'],
];
const WRITTEN = new Map(COUNTERS);

/** The number, then its counter in kana, ending where a particle or anything but kana follows. */
const KANA_COUNTER = new RegExp(
  `(?<=[0-9])\\s?(${COUNTERS.map(([kana]) => kana).join('|')})(?=[はがもでにのとやへをかよねだ]|[^\\u3041-\\u3096]|$)`,
  'gu',
);

/** The text with kana counters after numbers written in kanji. */
export function writeKanaCounters(text: string): string {
  return text.replace(KANA_COUNTER, (_m, kana: string) => WRITTEN.get(kana) ?? kana);
}
