/**
 * A counter typed in kana after a number (2020ねんど, 3にん, romaji "2020 nendo" read into
 * hiragana) is written as the report writes it (2020年度, 3人): the year and unit stages read kanji.
 * Only right after the number, with at most a space between, and not inside a longer kana word.
 * A place in a list said with a kana numeral (ごばんめ) is written with its digit (5番目).
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
  ['ばんめ', '番目'],
  ['つめ', 'つ目'],
];
const WRITTEN = new Map(COUNTERS);

/** The number, then its counter in kana, ending where a particle or anything but kana follows. */
const KANA_COUNTER = new RegExp(
  `(?<=[0-9])\\s?(${COUNTERS.map(([kana]) => kana).join('|')})(?=[はがもでにのとやへをかよねだ]|って|[^\\u3041-\\u3096]|$)`,
  'gu',
);

/** Sino-Japanese numerals typed in kana before 番目 (ごばんめ), as one says a place in a list. */
const KANA_PLACES: Readonly<Record<string, number>> = {
  いち: 1,
  に: 2,
  さん: 3,
  よん: 4,
  ご: 5,
  ろく: 6,
  なな: 7,
  はち: 8,
  きゅう: 9,
};

/** A place in a list typed in kana (ごばんめ, の いちばんめ): opening a word, or after a particle. */
const KANA_PLACE = new RegExp(
  `(?:(?<![\\p{Script=Hiragana}])|(?<=[のはがもをと]))(${Object.keys(KANA_PLACES).join('|')})(?:ばんめ|番目)`,
  'gu',
);

/** The text with kana counters after numbers, and places in a list typed in kana, written in kanji. */
export function writeKanaCounters(text: string): string {
  return text
    .replace(KANA_PLACE, (_place, numeral: string) => `${KANA_PLACES[numeral] ?? ''}番目`)
    .replace(KANA_COUNTER, (_m, kana: string) => WRITTEN.get(kana) ?? kana);
}
