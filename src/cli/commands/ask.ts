/**
 * npm run ask -- "ふるさと納税は？"        answer readably, as staff read it
 * npm run --silent ask -- --jsonl < FILE   one question per stdin line, one JSON object per line
 * Options: --top N (hits, default 3), --corpus PATH (a corpus directory or a JSONL FAQ),
 * --explain (why each hit came and why the bot answered or not; with --jsonl, an `explain` field).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { askResultFrom, type AskResult } from '../../bot/ask-result.js';
import type { Engine } from '../../bot/engine.js';
import { loadEngine } from '../../bot/load-engine.js';
import { formatAskResult } from '../format-ask-result.js';
import { explainJson, formatExplain } from '../../decide/explain.js';
import { CorpusError, formatProblem } from '../../corpus/corpus-problem.js';
import { askText, commonText } from '../messages.js';

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      jsonl: { type: 'boolean', default: false },
      top: { type: 'string', default: '3' },
      corpus: { type: 'string' },
      explain: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (err) {
  console.error(`${commonText.badArguments((err as Error).message)}\n${askText.usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const top = Number(values.top);
if (values.help) {
  console.log(askText.help);
  process.exit(0);
}
if (!Number.isInteger(top) || top < 1 || (!values.jsonl && positionals.length === 0)) {
  console.error(`${askText.usage}\n${askText.badArguments}`);
  process.exit(2);
}

let engine: Engine;
try {
  engine = await loadEngine(values.corpus);
} catch (err) {
  if (err instanceof CorpusError) {
    for (const p of err.problems) console.error(formatProblem(p));
    console.error(commonText.invalidCorpus);
    process.exit(1);
  }
  console.error(commonText.cannotLoadCorpus((err as Error).message));
  process.exit(1);
}

/** As askResult asks: at least 5 hits ranked, whatever --top shows. */
const ask = (question: string) => engine.ask(question, { top: Math.max(top, 5) });

if (values.jsonl) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const question = line.replace(/^\uFEFF/, '');
    if (question.trim() === '') continue;
    const asked = ask(question);
    const result: AskResult = askResultFrom(engine, asked, top);
    const output = values.explain ? { ...result, explain: explainJson(engine.index, asked, top) } : result;
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }
} else {
  for (const question of positionals) {
    const asked = ask(question);
    console.log(formatAskResult(askResultFrom(engine, asked, top)));
    if (values.explain) console.log(formatExplain(engine.index, asked, top));
  }
}
