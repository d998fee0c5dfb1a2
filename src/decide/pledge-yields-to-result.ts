/**
 * A pledge (a ● 具体的政策 of the report) and a result it lists share their words, and BM25 often
 * ranks the pledge first. A question asking what was done or how far it got (「取り組んだの？」
 * 「どこまで進んでる？」) is answered by the result; the pledge only says that it was promised.
 * Pure: hits in, hits out.
 */
import type { RankedHit } from '../search/search.js';

/** How much less of the question a result may cover than the pledge and still come first. */
export const resultCoverageSlack = 0.1;

/** The hits with the first one, a pledge, after a result it lists that covers nearly as much. */
export function pledgeYieldsToResult(hits: readonly RankedHit[], asksWhatWasDone: boolean): RankedHit[] {
  const [first, ...rest] = hits;
  if (!first || !asksWhatWasDone || first.entry.kind !== 'policy') return [...hits];
  const results = new Set(first.entry.results ?? []);
  const floor = (first.coverage ?? 0) - resultCoverageSlack;
  const result = rest.find((hit) => results.has(hit.entry.id) && (hit.coverage ?? 0) >= floor);
  if (!result) return [...hits];
  return [result, first, ...rest.filter((hit) => hit !== result)];
}
