/**
 * A question asking how far the pledges got is answered by the pledge tracker. Its words split
 * into a frame (公約, どこまで, 進み具合, 市長…: question-intent.ts) and a topic (子育て in 「子育ての
 * 公約の進み具合は？」). Without a topic the whole tracker answers; with one, the entry the topic
 * finds places the answer in the tracker: a pledge, the pledges listing a result, a pillar.
 */
import type { Term } from '../analyze/analyze.js';
import type { Span } from '../analyze/question-focus.js';
import type { Entry } from '../corpus/entry.js';
import { trackerScopeOf } from '../corpus/pledge-tracker.js';
import type { Decision } from './decision.js';

/** Where a term stands in the question: its own span, or for a synonym's term the phrase it replaces. */
function spanOf(term: Term): Span | undefined {
  if (term.start !== undefined && term.end !== undefined) return { start: term.start, end: term.end };
  return term.synonym ? { start: term.synonym.start, end: term.synonym.end } : undefined;
}

/** True when at least half of the term lies in the frame (a kana run may run past it: どこま, ちゃんとやれた). */
function inFrame(term: Term, frame: readonly Span[]): boolean {
  const span = spanOf(term);
  if (span === undefined || span.end <= span.start) return false;
  let covered = 0;
  for (let i = span.start; i < span.end; i++) if (frame.some((f) => i >= f.start && i < f.end)) covered++;
  return covered * 2 >= span.end - span.start;
}

/** The terms of the question's topic: those outside its frame. */
export function topicTerms(terms: readonly Term[], frame: readonly Span[]): Term[] {
  return terms.filter((t) => !inFrame(t, frame));
}

/** The whole tracker as the answer, with the hits the question found kept for staff tools and the eval. */
export function wholeTracker(decision: Decision): Decision {
  return { kind: 'answer', hits: decision.hits, confidence: 'full', tracker: {} };
}

/**
 * The answer placed in the tracker by what the topic found (`topic`, decided on the topic's
 * terms alone), or `decision` unchanged when the topic found nothing the tracker holds (a result
 * no pledge lists is better shown as itself).
 */
export function trackerForTopic(decision: Decision, topic: Decision, entries: readonly Entry[]): Decision {
  const best = topic.kind === 'answer' ? topic.hits[0] : undefined;
  const scope = best && trackerScopeOf(best.entry, entries);
  if (!scope) return decision;
  const base = decision.kind === 'answer' ? decision : topic;
  return base.kind === 'answer' ? { ...base, tracker: scope } : decision;
}
