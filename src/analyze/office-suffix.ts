/**
 * An office's kanji suffix typed in kana after a katakana name (スポーツか, インバウンドかかり,
 * ブランドきょく): voice input and hurried typing leave 課, 係 and 局 unconverted, and か then reads
 * as a question particle (「スポーツかって作ったの？」: スポーツ課って). Written as the corpus writes
 * the office, only when the corpus has that office. Pure: text and corpus text in, text out.
 */

/** The offices' suffixes in kana and as written. */
const SUFFIXES: Readonly<Record<string, string>> = { か: '課', かかり: '係', きょく: '局' };

/** A katakana name, a suffix in kana, then a particle, a verb's kanji or the end of a phrase. */
const NAME_THEN_SUFFIX =
  /([\p{Script=Katakana}ー]{2,})(かかり|きょく|か)(?=って|は|が|を|も|の|に|で|[\p{Script=Han}\s、,?？。]|$)/gu;

export function writeOfficeSuffixes(text: string, corpusText: string): string {
  return text.replace(NAME_THEN_SUFFIX, (whole, name: string, kana: string) => {
    const office = `${name}${SUFFIXES[kana] ?? ''}`;
    return corpusText.includes(office) ? office : whole;
  });
}
