/**
 * The years a question asks about, against the years the report speaks of: the report is as of
 * January 2020 and names plans up to the year after; a question about a later year (「2024年の人口」,
 * 「令和6年度の予算」) asks for what it cannot know, whichever entry shares the rest of its words.
 */
import type { SearchIndex } from '../search/search-index.js';

/** Years written out (2024年), or in the eras the report uses (令和6年, 平成30年), as normalised text has them. */
const YEAR = /(?<![0-9])((?:19|20)[0-9]{2})年|令和(元|[0-9]{1,2})年|平成(元|[0-9]{1,2})年/gu;

function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR)].map(([, western, reiwa, heisei]) => {
    if (western !== undefined) return Number(western);
    if (reiwa !== undefined) return 2018 + (reiwa === '元' ? 1 : Number(reiwa));
    return 1988 + (heisei === '元' ? 1 : Number(heisei));
  });
}

const latestYears = new WeakMap<SearchIndex, number>();

/** The latest year the corpus speaks of (令和3年秋 for the complex: 2021). */
function latestYear(index: SearchIndex): number {
  let latest = latestYears.get(index);
  if (latest === undefined) {
    latest = Math.max(0, ...yearsIn(index.text));
    latestYears.set(index, latest);
  }
  return latest;
}

/** Whether what is asked (normalised) names a year later than any the corpus speaks of. */
export function asksAfterReport(index: SearchIndex, askedText: string): boolean {
  const latest = latestYear(index);
  return latest > 0 && yearsIn(askedText).some((year) => year > latest);
}

/** Asking whether a thing came to pass (届いたのでしょうか, 達成できたの, 完成した？). */
const CAME_TO_PASS =
  /(?:届い|達し|達成し|達成でき|実現し|実現でき|でき|なっ|終わっ|完成し|超え)た(?:の|ん|か|[?？]|$)/u;

/**
 * Whether what is asked is how a year at or after the report's own turned out (「令和3年度には
 * 目標に届いたのでしょうか」 of a report as of January 2020): the report could only plan for it.
 */
export function asksOutcomeAfterReport(index: SearchIndex, askedText: string): boolean {
  const asOf = /((?:19|20)[0-9]{2})年/u.exec(index.corpus.meta.source.asOf)?.[1];
  if (asOf === undefined || !CAME_TO_PASS.test(askedText)) return false;
  return yearsIn(askedText).some((year) => year >= Number(asOf));
}

/**
 * A year said as a starting point or a reference (平成28年から, 就任前の平成27年と比べ): not the
 * figure's own year. Around a year (平成27年ごろの参画率) is still the year asked, unless a
 * reference follows (平成27年頃から), also typed apart as romaji is (H30 kara: 平成30年 から).
 */
const REFERENCE_AFTER = /^(?:度)?(?:頃|ごろ)?\s?(?:から|以降|以来|より|前|時点|当時|と比べ|に比べ|と比較)/u;

/**
 * The years a figure is asked for (「H30の特定検診の受診率」: 2018), not those said as where a
 * change starts (「平成28年から」) or as a reference.
 */
export function yearsOfFigure(askedText: string): number[] {
  return [...askedText.matchAll(YEAR)]
    .filter((m) => !REFERENCE_AFTER.test(askedText.slice(m.index + m[0].length)))
    .flatMap((m) => yearsIn(m[0]));
}

/**
 * Whether a figure is asked for a year the entry never names, though it names others (「H30の受診率」
 * of an entry stating H25 and H29): its figures are of other years.
 */
export function asksYearNotStated(askedText: string, entryText: string): boolean {
  const asked = yearsOfFigure(askedText);
  if (asked.length === 0) return false;
  const stated = yearsIn(entryText);
  return stated.length > 0 && !asked.some((year) => stated.includes(year));
}
