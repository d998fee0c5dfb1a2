/**
 * Scoring of question sets in the format of ../shared/eval (q, expect): accuracy@1, recall@3 and
 * abstention, exactly as the eval README defines them. Pure: results in, scores out.
 */
import type { AskResult } from '../bot/ask-result.js';

export interface EvalQuestion {
  readonly q: string;
  /** Strings of which one must appear in the answer, or null when the bot must not answer. */
  readonly expect: readonly string[] | null;
  readonly category?: string;
  /** The pillar of the entry that answers it (styles sets), to read scores per pillar. */
  readonly pillar?: number | null;
}

export interface EvalOutcome {
  readonly question: EvalQuestion;
  readonly result: AskResult;
  /** Rank (1-based) of the first hit containing an expected string, or undefined. */
  readonly rank: number | undefined;
  readonly passed: boolean;
}

export interface EvalScores {
  readonly answerable: number;
  readonly unanswerable: number;
  /** First hit contains an expected string (the README's accuracy@1). */
  readonly accuracyAt1: number;
  /** Stricter: answered (not abstained) and the first hit is right. */
  readonly answeredAt1: number;
  readonly recallAt3: number;
  readonly mrr: number;
  readonly abstention: number;
}

/** The questions of a JSONL question set, one JSON object a line (blank lines skipped). */
export function parseEvalQuestions(jsonl: string): EvalQuestion[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalQuestion);
}

/** NFKC, then spaces and commas removed, as the eval README specifies. */
export function canonical(text: string): string {
  return text.normalize('NFKC').replace(/[\s,]/gu, '');
}

export function scoreOne(question: EvalQuestion, result: AskResult): EvalOutcome {
  if (question.expect === null) {
    return { question, result, rank: undefined, passed: !result.answered };
  }
  const expected = question.expect.map(canonical);
  const index = result.hits.findIndex((h) => expected.some((e) => canonical(h.text).includes(e)));
  const rank = index >= 0 ? index + 1 : undefined;
  return { question, result, rank, passed: rank === 1 && result.answered };
}

const share = (n: number, d: number) => (d === 0 ? 1 : n / d);

export function summarize(outcomes: readonly EvalOutcome[]): EvalScores {
  const answerable = outcomes.filter((o) => o.question.expect !== null);
  const unanswerable = outcomes.filter((o) => o.question.expect === null);
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    accuracyAt1: share(answerable.filter((o) => o.rank === 1).length, answerable.length),
    answeredAt1: share(answerable.filter((o) => o.passed).length, answerable.length),
    recallAt3: share(answerable.filter((o) => o.rank !== undefined && o.rank <= 3).length, answerable.length),
    mrr: share(
      answerable.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0),
      answerable.length,
    ),
    abstention: share(unanswerable.filter((o) => !o.result.answered).length, unanswerable.length),
  };
}
