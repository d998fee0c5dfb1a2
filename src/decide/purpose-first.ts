/**
 * A question asking what a thing is for (「PR動画って何のために作るの？」) is answered by the entry
 * that states its purpose (知名度の向上と観光客の誘致のために), rather than one that only reports
 * it was used. Pure: hits in, hits out.
 */
import type { QuestionIntent } from '../analyze/question-intent.js';
import type { RankedHit } from '../search/search.js';
import { normalizedEntryText } from './asked-fact.js';
import { closeHitFirst } from './close-hit-first.js';

/** Wording that states what a thing is for: 〜のために, 〜を目的に, ねらい. */
const STATES_PURPOSE = /のため(?:に|の)|(?:を|が)目的|目的(?:は|で|と)|ねらい|狙い/u;

/** A keyword by which staff say an entry tells what a thing is for (目的, ねらい, 施設の目的). */
const PURPOSE_KEYWORD = /目的|ねらい|狙い/u;

export function purposeFirst(hits: readonly RankedHit[], intent: QuestionIntent | undefined): RankedHit[] {
  if (intent?.asksPurpose !== true) return [...hits];
  return closeHitFirst(
    hits,
    (hit) =>
      STATES_PURPOSE.test(normalizedEntryText(hit.entry)) ||
      hit.entry.keywords.some((keyword) => PURPOSE_KEYWORD.test(keyword)),
  );
}
