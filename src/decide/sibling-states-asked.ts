/**
 * A question may describe a thing by one entry (お年寄りや子育ての機能をまとめた建物) and ask a fact
 * another entry on the same thing holds (いつ出来上がる: the plan's completion date). When the first
 * hit lacks the kind of fact asked and a close one about the same thing states it, that one comes first.
 */
import type { Entry } from '../corpus/entry.js';
import type { QuestionIntent } from '../analyze/question-intent.js';
import { statesAskedFact } from './asked-fact.js';
import { normalizeText } from '../normalize/normalize.js';
import type { RankedHit } from '../search/search.js';

/** Share of the first hit's score a sibling needs to be put before it. */
export const siblingScoreShare = 0.3;

/** How many hits after the first are looked at. */
const SIBLINGS_LOOKED_AT = 2;

/** Shortest run of kanji and katakana two titles must share to name the same thing (複合型施設). */
const SHARED_NAME_LENGTH = 4;

const NAME_RUN = /[\p{Script=Han}\p{Script=Katakana}ー・]+/gu;

/** True when the two entries' titles share a name of SHARED_NAME_LENGTH characters or more. */
export function nameSameThing(a: Entry, b: Entry): boolean {
  const other = normalizeText(b.title);
  for (const [run] of normalizeText(a.title).matchAll(NAME_RUN)) {
    for (let at = 0; at + SHARED_NAME_LENGTH <= run.length; at++) {
      if (other.includes(run.slice(at, at + SHARED_NAME_LENGTH))) return true;
    }
  }
  return false;
}

/**
 * The hits with the first close sibling that states the kind of fact asked put first, when the
 * first lacks it. Not for a figure, which is stated of one subject (see asked-fact.ts), nor for
 * two kinds asked at once, which are answered part by part (several-questions.ts).
 */
export function siblingStatingAskedFirst(hits: readonly RankedHit[], intent: QuestionIntent): readonly RankedHit[] {
  const [first] = hits;
  if (!first || intent.kind === undefined || intent.asksForFigure || intent.alsoKinds !== undefined) return hits;
  if (statesAskedFact(first.entry, intent)) return hits;
  const sibling = hits
    .slice(1, 1 + SIBLINGS_LOOKED_AT)
    .find(
      (hit) =>
        hit.score >= siblingScoreShare * first.score &&
        nameSameThing(first.entry, hit.entry) &&
        statesAskedFact(hit.entry, intent),
    );
  return sibling ? [sibling, ...hits.filter((h) => h !== sibling)] : hits;
}
