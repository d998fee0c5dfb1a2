/**
 * Era years as the report abbreviates them (H30, R元, R2.1.15, H31.4) are spelled out as citizens
 * write them (平成30年, 令和元年, 令和2年1月15日, 平成31年4月): both sides of a match are normalised,
 * so either form finds the other.
 */

const ERAS: Readonly<Record<string, string>> = { h: '平成', r: '令和' };

// A letter h or r standing alone before a year (not the end of a word, nor 24h), then an optional
// month and day after dots, each perhaps already followed by its own counter (R2.1月15日). The first
// year may be typed in romaji (R-gan-nen: 令和元年).
const ABBREVIATED_ERA_YEAR =
  /(?<![a-z0-9])([hr])-?(元|gan-?nen|[0-9]{1,2}(?![0-9]))年?(?:\.([0-9]{1,2})(?:月|(?![0-9]))(?:\.([0-9]{1,2})(?:日|(?![0-9])))?)?(?![a-z])/gu;

/** Text (lower case, as normalizeText gives it) with abbreviated era years spelled out. */
export function spellOutEraYears(text: string): string {
  return text.replace(
    ABBREVIATED_ERA_YEAR,
    (_m, era: string, year: string, month: string | undefined, day: string | undefined) =>
      `${ERAS[era] ?? era}${year.startsWith('gan') ? '元' : year}年${month ? `${month}月` : ''}${day ? `${day}日` : ''}`,
  );
}
