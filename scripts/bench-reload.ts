/**
 * npm run bench:reload -- [--rounds N] [--corpus DIR]
 * How long a live reload of the corpus holds the event loop, that is, how long every request waits
 * behind it: the longest delay perf_hooks.monitorEventLoopDelay sees during a reload through the
 * corpus reloader (the index built in slices), beside the same index built at once (as before), and
 * the pieces that run without a break (hashing the files, reading and validating the corpus, the
 * Sudachi synonyms). Target (issue 13): at most 200 ms. Prints figures; never asserts.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { hashCorpus } from '../src/bot/corpus-hash.js';
import { createCorpusReloader } from '../src/bot/corpus-reloader.js';
import { createEngine } from '../src/bot/engine.js';
import { createEngineRef } from '../src/bot/engine-ref.js';
import { bundledCorpusDir, readCorpus, readSudachiSynonyms } from '../src/corpus/read-corpus.js';
import { createLogger } from '../src/logger.js';
import { createJapaneseTokenizer } from '../src/analyze/japanese-tokenizer.js';
import { median } from './bench/stats.js';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '7' }, corpus: { type: 'string', default: bundledCorpusDir } },
});
const rounds = Number(values.rounds);
const dir = values.corpus;

/** The longest event-loop delay (ms) while `work` runs, and how long it took in all. */
async function stallOf(work: () => Promise<unknown>): Promise<{ stall: number; total: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  // The histogram measures from its first tick: let it tick before the work starts.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const started = performance.now();
  await work();
  const total = performance.now() - started;
  // One more turn of the loop, so a stall at the very end is recorded.
  await new Promise((resolve) => setTimeout(resolve, 5));
  delay.disable();
  return { stall: delay.max / 1e6, total };
}

const tokenize = await createJapaneseTokenizer();
const engines = createEngineRef();
const reloader = createCorpusReloader({
  dir,
  tokenize,
  engines,
  logger: createLogger('silent', new Writable({ write: (_c, _e, done) => done() })),
  readCorpus,
  readSynonyms: readSudachiSynonyms,
});
await reloader.reload();
const [corpus, synonyms] = await Promise.all([readCorpus(dir), readSudachiSynonyms(dir)]);

const rows: Record<string, number[]> = {
  'reload (index in slices): longest stall': [],
  'reload (index in slices): total': [],
  'index built at once: stall': [],
  'hash of the files: stall': [],
  'read + validate the corpus: stall': [],
  'read the Sudachi synonyms: stall': [],
};
const add = (name: string, ms: number) => rows[name]?.push(ms);
for (let round = 0; round < rounds; round++) {
  const sliced = await stallOf(() => reloader.reload());
  add('reload (index in slices): longest stall', sliced.stall);
  add('reload (index in slices): total', sliced.total);
  add('index built at once: stall', (await stallOf(async () => createEngine(corpus, tokenize, synonyms))).stall);
  add('hash of the files: stall', (await stallOf(() => hashCorpus(dir))).stall);
  add('read + validate the corpus: stall', (await stallOf(() => readCorpus(dir))).stall);
  add('read the Sudachi synonyms: stall', (await stallOf(() => readSudachiSynonyms(dir))).stall);
}
console.log(`${corpus.entries.length} entries, ${rounds} rounds; median (max) in ms; target: longest stall <= 200 ms`);
for (const [name, values] of Object.entries(rows)) {
  console.log(`${name.padEnd(42)} ${median(values).toFixed(0).padStart(5)} (${Math.max(...values).toFixed(0)})`);
}
