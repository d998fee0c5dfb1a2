/**
 * A pledge (a ● 具体的政策 of the report) and a result it lists share their words, and BM25 ranks
 * either first. A question asking what was done or how much it changed (「取り組んだの？」「どこまで
 * 進んでる？」「どれだけ減った」) is answered by the result; one asking what was promised or aimed
 * at (「政策集では何を目指していましたか」) by the pledge. Pure: hits in, hits out.
 */
import type { QuestionIntent } from '../analyze/question-intent.js';
import type { RankedHit } from '../search/search.js';

/** How much less of the question the other entry may cover and still come first. */
export const pledgeOrResultSlack = 0.1;

/** What the question asks of a pledge and its results: what was done, what was promised, or neither. */
export type PledgeSide = 'result' | 'pledge' | undefined;

/**
 * The side a question asks for: the result for what was done or how much it changed; the pledge
 * for what was promised when no figure is asked, and for the figure aimed at itself (何人集める気で
 * いたの), which pledgeOrResultFirst moves first only when the pledge has figures.
 */
export function pledgeSideOf(intent: QuestionIntent | undefined): PledgeSide {
  if (intent?.asksWhatWasDone === true || (intent?.asksForChange === true && intent.asksForFigure)) return 'result';
  if (intent?.asksForAim === true) return 'pledge';
  return intent?.asksForTarget === true && !intent.asksForFigure ? 'pledge' : undefined;
}

/**
 * Whether `result` is one of what `pledge` promised: a result its policy lists, or a result of the
 * pillar it sums up (行財政改革ってなんかした: the plan drawn up, not the pillar's summary).
 */
const lists = (pledge: RankedHit, result: RankedHit) =>
  (pledge.entry.kind === 'policy' && (pledge.entry.results ?? []).includes(result.entry.id)) ||
  (pledge.entry.kind === 'pillar' &&
    result.entry.kind === 'achievement' &&
    result.entry.pillar === pledge.entry.pillar);

/**
 * The hits with the pledge or the result of the first one that the question asks for first, when
 * it covers nearly as much; a result with figures comes first whatever it covers when a figure of
 * what was done is asked and the pledge states none (残業ゼロとか言ってたけど、実際どんだけ減った？:
 * the pledge's name is the citizen's words, the reduction is the result's).
 */
export function pledgeOrResultFirst(hits: readonly RankedHit[], side: PledgeSide, asksFigure = false): RankedHit[] {
  const [first, ...rest] = hits;
  if (!first || side === undefined) return [...hits];
  const figureOnlyInResult = side === 'result' && asksFigure && first.entry.figures.length === 0;
  const floor = figureOnlyInResult ? 0 : (first.coverage ?? 0) - pledgeOrResultSlack;
  // A figure asked moves only an entry that has figures.
  const needsFigures = figureOnlyInResult || (side === 'pledge' && asksFigure);
  const other = rest.find(
    (hit) =>
      (hit.coverage ?? 0) >= floor &&
      (!needsFigures || hit.entry.figures.length > 0) &&
      (side === 'result' ? lists(first, hit) : lists(hit, first)),
  );
  if (!other) return [...hits];
  // The result answers for the pledge the question names: it covers what the pledge covers.
  const promoted = figureOnlyInResult
    ? { ...other, coverage: Math.max(other.coverage ?? 0, first.coverage ?? 0) }
    : other;
  return [promoted, first, ...rest.filter((hit) => hit !== other)];
}
