/**
 * A question may describe a thing by one entry (お年寄りや子育ての機能をまとめた建物) and ask a fact
 * another entry on the same thing holds (いつ出来上がる: the plan's completion date). When the first
 * hit lacks the kind of fact asked and a close one about the same thing, or a pledge's result linked
 * to it, states it, that one comes first.
 */
import type { Entry } from '../corpus/entry.js';
import type { AskedKind, QuestionIntent } from '../analyze/question-intent.js';
import { statesAskedFact } from './asked-fact.js';
import { normalizedTitle } from './rerank.js';
import type { RankedHit } from '../search/search.js';

/** Share of the first hit's score a sibling needs to be put before it. */
export const siblingScoreShare = 0.3;

/**
 * The kinds a pledge's result may hold for it: when or where it came about, and where it was
 * discussed (どこで話し合って: the council that did). Which one (どこの学校) its names do not tell.
 */
const WHEN_OR_WHERE = new Set<AskedKind>(['date', 'future', 'place']);
const WHERE_DISCUSSED =
  /(?:どこ|どちら|(?:どういう|どんな|どの|どのような)場)で[^。？?]{0,8}?(?:話し合|議論|検討|審議|協議)|(?:話し合い|議論|検討|審議|協議)(?:は|って)\s?(?:どこ|どちら)で/u;

/** How many hits after the first are looked at. */
const SIBLINGS_LOOKED_AT = 2;

/** Shortest run of kanji and katakana two titles must share to name the same thing (複合型施設, not センター). */
const SHARED_NAME_LENGTH = 5;

const NAME_RUN = /[\p{Script=Han}\p{Script=Katakana}ー・]+/gu;

/**
 * True when a pledge and one of its results are linked in the corpus (results:), either way: the
 * result is what became of the pledge, the fact asked may be there.
 */
export function linkedAsResult(a: Entry, b: Entry): boolean {
  return (a.results ?? []).includes(b.id) || (b.results ?? []).includes(a.id);
}

/** True when the two entries' titles share a name of SHARED_NAME_LENGTH characters or more. */
export function nameSameThing(a: Entry, b: Entry): boolean {
  const other = normalizedTitle(b);
  for (const [run] of normalizedTitle(a).matchAll(NAME_RUN)) {
    for (let at = 0; at + SHARED_NAME_LENGTH <= run.length; at++) {
      if (other.includes(run.slice(at, at + SHARED_NAME_LENGTH))) return true;
    }
  }
  return false;
}

/**
 * The hits with the first close sibling that states the kind of fact asked put first, when the
 * first lacks it. Not for a figure, which is stated of one subject (see asked-fact.ts), unless it
 * is the aim a result's pledge states, nor for two kinds asked at once, which are answered part by
 * part (several-questions.ts).
 */
export function siblingStatingAskedFirst(
  hits: readonly RankedHit[],
  intent: QuestionIntent,
  asked = '',
): readonly RankedHit[] {
  const [first] = hits;
  const { kind } = intent;
  // An aim (目標 10万人) is the pledge's own figure for what its result counts; how long ago (何年前)
  // is a time, stated of the event the siblings share, not a figure of one subject.
  const figureOfOther = intent.asksForFigure && intent.asksForAim !== true && intent.unit !== '年前';
  if (!first || kind === undefined || figureOfOther || intent.alsoKinds !== undefined) return hits;
  if (statesAskedFact(first.entry, intent, [], asked)) return hits;
  // The aim of a result (目指していた人数) is stated by the pledge it came of.
  const resultMayHold = WHEN_OR_WHERE.has(kind) || WHERE_DISCUSSED.test(asked) || intent.asksForAim === true;
  const sibling = hits
    .slice(1, 1 + SIBLINGS_LOOKED_AT)
    .find(
      (hit) =>
        ((resultMayHold && linkedAsResult(first.entry, hit.entry)) ||
          (hit.score >= siblingScoreShare * first.score && nameSameThing(first.entry, hit.entry))) &&
        statesAskedFact(hit.entry, intent, [], asked),
    );
  return sibling ? [sibling, ...hits.filter((h) => h !== sibling)] : hits;
}
