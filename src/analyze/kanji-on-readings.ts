/**
 * The Chinese-derived readings (音読み) of a kanji, from KANJIDIC through the `kanji` package: a
 * phone converting a word it does not know picks a kanji by such a reading (私民 for 市民, 頭資 for
 * 投資), which the morphological dictionary does not give for a kanji read on its own (私 → ワタシ).
 */
import kanji from 'kanji';

const known = new Map<string, readonly string[]>();

/** The package's typings leave out the null it returns for a character KANJIDIC does not hold. */
const lookUp = kanji.readings as (character: string) => ReturnType<typeof kanji.readings> | null;

/** The kanji's on-readings in katakana; none for a character KANJIDIC does not hold. */
export function onReadings(character: string): readonly string[] {
  let readings = known.get(character);
  if (readings === undefined) {
    // The package reads one small file per kanji; a kanji's readings are kept once read.
    readings = /^[\p{Script=Han}]$/u.test(character) ? (lookUp(character)?.on ?? []) : [];
    known.set(character, readings);
  }
  return readings;
}
