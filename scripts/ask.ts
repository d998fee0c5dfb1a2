/**
 * npm run ask -- "ふるさと納税は？"        answer readably, as staff read it
 * npm run --silent ask -- --jsonl < FILE   one question per stdin line, one JSON object per line
 * Options: --top N (hits, default 3), --corpus PATH (a corpus directory or a JSONL FAQ).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { askResult, type AskResult } from '../src/bot/ask-result.js';
import { loadEngine } from '../src/cli/load-engine.js';
import { formatAskResult } from '../src/cli/format-ask-result.js';
import { CorpusError, formatProblem } from '../src/corpus/corpus-problem.js';

const usage = 'usage: npm run ask -- [--top N] [--corpus PATH] "question" | --jsonl < questions.txt';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    jsonl: { type: 'boolean', default: false },
    top: { type: 'string', default: '3' },
    corpus: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const top = Number(values.top);
if (values.help || !Number.isInteger(top) || top < 1 || (!values.jsonl && positionals.length === 0)) {
  console.error(values.help ? usage : `${usage}\n--top expects a positive integer; a question or --jsonl is required`);
  process.exit(values.help ? 0 : 2);
}

let engine;
try {
  engine = await loadEngine(values.corpus);
} catch (err) {
  if (err instanceof CorpusError) {
    for (const p of err.problems) console.error(formatProblem(p));
    process.exit(1);
  }
  console.error(`could not load the corpus: ${(err as Error).message}`);
  process.exit(1);
}

if (values.jsonl) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const question = line.replace(/^\uFEFF/, '');
    if (question.trim() === '') continue;
    const result: AskResult = askResult(engine, question, top);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
} else {
  for (const question of positionals) console.log(formatAskResult(askResult(engine, question, top)));
}
