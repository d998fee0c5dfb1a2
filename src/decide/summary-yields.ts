/**
 * An entry that sums up others (a pillar listing its policies, the mayor's three points naming
 * each) shares the words of every entry it names, and BM25 often ranks it first for a question
 * about one of them. When an entry it names covers more of the question, that entry is what
 * was asked about and comes first; a question about the summary itself (「5つの柱は？」) is
 * covered better by the summary and keeps it first. Pure: hits in, hits out.
 */
import type { Entry } from '../corpus/entry.js';
import { normalizeText } from '../normalize/normalize.js';
import type { RankedHit } from '../search/search.js';

/** Kinds of entries that sum up others. */
const SUMMARY_KINDS = new Set(['pillar', 'intro']);

const texts = new WeakMap<Entry, string>();

/** Title and body, normalised, quotes left out: where a summary names the entries it sums up. */
function textOf(entry: Entry): string {
  let text = texts.get(entry);
  if (text === undefined) {
    text = normalizeText(`${entry.title}${entry.body}`).replace(/[「」『』]/gu, '');
    texts.set(entry, text);
  }
  return text;
}

/** The name of an entry as a summary would quote it: its title after a 「…：」 label, or its short title. */
function namesOf(entry: Entry): string[] {
  const title = normalizeText(entry.title.split(/[：:]/u).at(-1) ?? entry.title).replace(/[「」『』]/gu, '');
  const short = entry.shortTitle === undefined ? '' : normalizeText(entry.shortTitle);
  return [title, short].filter((name) => [...name].length >= 4);
}

/** Whether `summary` sums up `entry`: it is a summary and names it. */
export function sumsUp(summary: Entry, entry: Entry): boolean {
  if (!SUMMARY_KINDS.has(summary.kind) || summary === entry) return false;
  const text = textOf(summary);
  return namesOf(entry).some((name) => text.includes(name));
}

/** Words that give a reason (限界があるため、, 不可欠だとして): a summary names its entries without them. */
const GIVES_REASON = /ため(?:に)?[、,]|ので[、,]|から[、,]|不可欠|欠かせ|必要|理由|背景/u;

/** How much of the question an entry a summary names must cover to answer why in its stead. */
export const reasonCoverage = 0.5;

/**
 * The hits with the first one, when it sums up another that covers more, after that one (or after
 * an entry ranked above that one covering as much, which the summary does not name). What the
 * summary covers is counted by `ownCoverage` when given: without its everyday phrasings, which
 * paraphrase the whole area it sums up (地域のまとまり for 絆) and so say that a question is in the
 * area, not that it asks about the summary rather than one of the entries it names. A question
 * asking why (なぜ市民協働が大事なの) is answered by the entry named that gives the reason, which
 * the summary does not.
 */
export function summaryYields(
  hits: readonly RankedHit[],
  ownCoverage: (hit: RankedHit) => number = (hit) => hit.coverage ?? 1,
  asks: { readonly all?: boolean; readonly why?: boolean; readonly place?: string } = {},
): RankedHit[] {
  const [first, ...rest] = hits;
  if (!first) return [];
  // 「5つの柱をすべて教えて」 asks for the summary itself: kept first, or put first when it sums up
  // the first hit, a summary of its own kind (the five pillars over one pillar a letter quoted,
  // 「ワクワク」), and covers as much.
  if (asks.all === true) {
    const summary = rest.find(
      (hit) =>
        hit.entry.kind === first.entry.kind &&
        (hit.coverage ?? 0) >= (first.coverage ?? 0) &&
        sumsUp(hit.entry, first.entry),
    );
    return summary ? [summary, first, ...rest.filter((hit) => hit !== summary)] : [...hits];
  }
  const covered = SUMMARY_KINDS.has(first.entry.kind) ? ownCoverage(first) : 0;
  // Why is answered by a named entry that gives the reason the summary does not.
  const reasonAsked = asks.why === true && !GIVES_REASON.test(textOf(first.entry));
  const givesReason = (hit: RankedHit) =>
    reasonAsked && (hit.coverage ?? 0) >= reasonCoverage && GIVES_REASON.test(textOf(hit.entry));
  // 「3つのうち2つ目は？」 picks one by its place in the summary's list: only the summary says which,
  // unless the entry named says its place itself (1つ目の柱は…).
  const place = asks.place;
  const named = rest.find(
    (hit) =>
      ((hit.coverage ?? 0) > covered || givesReason(hit)) &&
      sumsUp(first.entry, hit.entry) &&
      (place === undefined || textOf(hit.entry).includes(place)),
  );
  if (!named) return [...hits];
  // The summary steps down for what covers more than it: an entry ranked above the one it names that
  // covers as much (働き方改革推進本部, which the pillar does not list) is as much what was asked.
  const lead =
    place === undefined && !givesReason(named)
      ? (rest.find((hit) => (hit.coverage ?? 0) >= (named.coverage ?? 0)) ?? named)
      : named;
  return [lead, first, ...rest.filter((hit) => hit !== lead)];
}
