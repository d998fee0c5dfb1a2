import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { askResult } from '../../src/bot/ask-result.js';
import type { Engine } from '../../src/bot/engine.js';
import { parseEvalQuestions, scoreOne, summarize, type EvalQuestion } from '../../src/cli/eval-score.js';
import { checkLabelFit } from '../../src/render/label-fit.js';
import { bundledEngine } from '../support/bot-server.js';

const root = path.resolve(import.meta.dirname, '../..');

const readQuestions = (file: string) => parseEvalQuestions(readFileSync(file, 'utf8'));

let engine: Engine;
beforeAll(async () => {
  engine = await bundledEngine();
});

function misses(questions: EvalQuestion[]) {
  const outcomes = questions.map((q) => scoreOne(q, askResult(engine, q.q, 3)));
  const failed = outcomes.filter((o) => !o.passed).map((o) => `${o.question.q} → ${o.result.hits[0]?.id ?? 'none'}`);
  return { scores: summarize(outcomes), failed };
}

describe('quality on question sets', () => {
  it('answers the development questions right first and abstains on all the others', () => {
    const { scores, failed } = misses(readQuestions(path.join(root, '../shared/eval/dev-questions.jsonl')));
    expect(scores.accuracyAt1, failed.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(scores.abstention, failed.join('\n')).toBe(1);
  });

  it('shows every button and quick-reply label whole in the replies to the development and citizen questions', () => {
    const questions = [
      ...readQuestions(path.join(root, '../shared/eval/dev-questions.jsonl')),
      ...readQuestions(path.join(root, 'test/eval/citizen-questions.jsonl')),
    ];
    const cut = questions.flatMap((q) => checkLabelFit([...engine.reply(q.q).messages]).map((p) => `${q.q}: ${p}`));
    expect(cut).toEqual([]);
  });

  it('ranks the right entry first for most of our own citizen questions, and abstains on out-of-scope ones', () => {
    const { scores, failed } = misses(readQuestions(path.join(root, 'test/eval/citizen-questions.jsonl')));
    expect(scores.accuracyAt1, failed.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(scores.recallAt3, failed.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(scores.abstention, failed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('answers the ways citizens write in the tune sets, and declines their traps', () => {
    for (const name of ['styles-tune', 'styles-tune-2', 'styles-tune-3']) {
      const { scores, failed } = misses(readQuestions(path.join(root, `test/eval/${name}.jsonl`)));
      expect(scores.answeredAt1, `${name}\n${failed.join('\n')}`).toBeGreaterThanOrEqual(0.85);
      expect(scores.abstention, `${name}\n${failed.join('\n')}`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('holds up on questions written without seeing the engine or the corpus', () => {
    const { scores, failed } = misses(readQuestions(path.join(root, 'test/eval/held-out-questions.jsonl')));
    expect(scores.accuracyAt1, failed.join('\n')).toBeGreaterThanOrEqual(0.88);
    expect(scores.recallAt3, failed.join('\n')).toBeGreaterThanOrEqual(0.93);
    expect(scores.abstention, failed.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
