/**
 * A question asking what a thing is for (「PR動画って何のために作るの？」) is answered by the entry
 * that states its purpose (知名度の向上と観光客の誘致のために), rather than one that only reports
 * it was used. Pure: hits in, hits out.
 */
import type { QuestionIntent } from '../analyze/question-intent.js';
import type { RankedHit } from '../search/search.js';
import { normalizedEntryText } from './asked-fact.js';

/** How much less of the question the entry stating a purpose may cover and still come first. */
export const purposeSlack = 0.1;

/** How many hits after the first are looked at. */
const LOOKED_AT = 2;

/** Wording that states what a thing is for: 〜のために, 〜を目的に, ねらい. */
const STATES_PURPOSE = /のため(?:に|の)|(?:を|が)目的|目的(?:は|で|と)|ねらい|狙い/u;

export function purposeFirst(hits: readonly RankedHit[], intent: QuestionIntent | undefined): RankedHit[] {
  const [first, ...rest] = hits;
  if (!first || intent?.asksPurpose !== true) return [...hits];
  if (STATES_PURPOSE.test(normalizedEntryText(first.entry))) return [...hits];
  const floor = (first.coverage ?? 0) - purposeSlack;
  const other = rest
    .slice(0, LOOKED_AT)
    .find((hit) => (hit.coverage ?? 0) >= floor && STATES_PURPOSE.test(normalizedEntryText(hit.entry)));
  return other ? [other, first, ...rest.filter((hit) => hit !== other)] : [...hits];
}
