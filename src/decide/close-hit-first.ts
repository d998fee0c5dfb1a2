/**
 * Of the first hit and the two after it, the first hit that answers the way the question asks (says
 * what a thing is, states a purpose) comes first, when it covers nearly as much of the question.
 * Pure: hits in, hits out.
 */
import type { RankedHit } from '../search/search.js';

/** How much less of the question the hit moved first may cover. */
export const closeHitSlack = 0.1;

/** How many hits after the first are looked at. */
const LOOKED_AT = 2;

export function closeHitFirst(hits: readonly RankedHit[], answersAsAsked: (hit: RankedHit) => boolean): RankedHit[] {
  const [first, ...rest] = hits;
  if (!first || answersAsAsked(first)) return [...hits];
  const floor = (first.coverage ?? 0) - closeHitSlack;
  const other = rest.slice(0, LOOKED_AT).find((hit) => (hit.coverage ?? 0) >= floor && answersAsAsked(hit));
  return other ? [other, first, ...rest.filter((hit) => hit !== other)] : [...hits];
}
