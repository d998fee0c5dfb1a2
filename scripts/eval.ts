/**
 * npm run eval [-- --file QUESTIONS.jsonl] [--verbose]
 * Scores the development questions (../shared/eval/dev-questions.jsonl by default) and prints
 * accuracy@1, recall@3 and abstention; --verbose lists every miss with what came first instead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { askResult } from '../src/bot/ask-result.js';
import { loadEngine } from '../src/bot/load-engine.js';
import { parseEvalQuestions, scoreOne, summarize } from '../src/cli/eval-score.js';

const defaultFile = path.resolve(import.meta.dirname, '../../shared/eval/dev-questions.jsonl');
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: defaultFile },
    corpus: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const questions = parseEvalQuestions(readFileSync(values.file, 'utf8'));
const engine = await loadEngine(values.corpus);
const outcomes = questions.map((q) => scoreOne(q, askResult(engine, q.q, 3)));
const s = summarize(outcomes);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

// A set kept aside (its name says held-out) is never listed question by question: it would invite tuning on it.
if (values.verbose && path.basename(values.file).includes('held-out')) {
  console.log('held-out set: misses are not listed (--verbose ignored)');
} else if (values.verbose) {
  for (const o of outcomes.filter((x) => !x.passed)) {
    const first = o.result.hits[0];
    console.log(
      `MISS ${JSON.stringify(o.question.q)} expect=${JSON.stringify(o.question.expect)} answered=${String(o.result.answered)}` +
        ` rank=${o.rank ?? '-'} first=${first ? `${first.id} (${first.score})` : 'none'}`,
    );
  }
}
console.log(
  `questions: ${questions.length} (${s.answerable} answerable, ${s.unanswerable} to abstain) from ${path.relative(process.cwd(), values.file)}`,
);
console.log(
  `accuracy@1: ${pct(s.accuracyAt1)}  (answered and right: ${pct(s.answeredAt1)})  recall@3: ${pct(s.recallAt3)}  MRR: ${s.mrr.toFixed(3)}`,
);
console.log(`abstention: ${pct(s.abstention)}`);

const categories = [...new Set(questions.map((q) => q.category).filter((c): c is string => c !== undefined))];
for (const category of categories) {
  const c = summarize(outcomes.filter((o) => o.question.category === category));
  const parts =
    c.answerable > 0
      ? `accuracy@1 ${pct(c.accuracyAt1)}  recall@3 ${pct(c.recallAt3)}`
      : `abstention ${pct(c.abstention)}`;
  console.log(`  ${category.padEnd(10)} ${String(c.answerable + c.unanswerable).padStart(4)}  ${parts}`);
}
