/**
 * A question asking where a thing stands in its series (「しせいを正す」は何番目の柱) is answered by
 * the thing's own entry, which states its place (1つ目の柱, 基本姿勢1：), rather than by the summary
 * that lists the whole series. Pure: hits in, hits out.
 */
import type { QuestionIntent } from '../analyze/question-intent.js';
import type { RankedHit } from '../search/search.js';
import { normalizedEntryText } from './asked-fact.js';
import { closeHitFirst } from './close-hit-first.js';

/** Wording that states a place in an order: 1つ目, 3番目, 第2. */
const STATES_PLACE = /[0-9]+(?:つ目|番目)|第[0-9]+/u;

/** A title numbered as a member of a series (柱1：, 基本姿勢3：). */
const NUMBERED_TITLE = /^[\p{Script=Han}\p{Script=Katakana}ー]{1,6}[0-9]+[：:]/u;

export function placeFirst(hits: readonly RankedHit[], intent: QuestionIntent | undefined): RankedHit[] {
  if (intent?.asksPlaceInOrder !== true) return [...hits];
  return closeHitFirst(
    hits,
    (hit) => NUMBERED_TITLE.test(hit.entry.title) || STATES_PLACE.test(normalizedEntryText(hit.entry)),
  );
}
