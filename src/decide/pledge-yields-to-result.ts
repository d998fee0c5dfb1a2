/**
 * A pledge (a ● 具体的政策 of the report) and a result it lists share their words, and BM25 ranks
 * either first. A question asking what was done or how far it got (「取り組んだの？」「どこまで進んで
 * る？」) is answered by the result; one asking what was promised or aimed at (「政策集では何を
 * 目指していましたか」) by the pledge. Pure: hits in, hits out.
 */
import type { RankedHit } from '../search/search.js';

/** How much less of the question the other entry may cover and still come first. */
export const resultCoverageSlack = 0.1;

/** What the question asks of a pledge and its results: what was done, what was promised, or neither. */
export type PledgeSide = 'result' | 'pledge' | undefined;

const lists = (pledge: RankedHit, result: RankedHit) =>
  pledge.entry.kind === 'policy' && (pledge.entry.results ?? []).includes(result.entry.id);

/** The hits with the first one after the pledge or result of it that the question asks for, when that covers nearly as much. */
export function pledgeYieldsToResult(hits: readonly RankedHit[], side: PledgeSide): RankedHit[] {
  const [first, ...rest] = hits;
  if (!first || side === undefined) return [...hits];
  const floor = (first.coverage ?? 0) - resultCoverageSlack;
  const other = rest.find(
    (hit) => (hit.coverage ?? 0) >= floor && (side === 'result' ? lists(first, hit) : lists(hit, first)),
  );
  if (!other) return [...hits];
  return [other, first, ...rest.filter((hit) => hit !== other)];
}
