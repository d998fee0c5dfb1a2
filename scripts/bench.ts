/**
 * npm run bench [-- --requests N] [--concurrency N] [--warmup N] [--starts N] [--passes N] [--skip-build]
 *                  [--node-flags '...' (instead of start:prod's, e.g. '' for none)]
 * The bot's performance in one run, as production runs it (`npm run build`, then the node arguments
 * of `npm run start:prod`, which the Dockerfile's CMD repeats):
 *   1. start-up: time from spawn to the first 200 of /healthz, and resident memory once ready;
 *   2. latency of each pipeline stage, in process, over the development and citizen questions;
 *   3. a load test over loopback, the bot beside the floor (scripts/bench/floor-server.ts: express
 *      and the SDK's signature middleware answering every event with one constant Flex reply),
 *      both replying to a counting fake Messaging API, with every reply matched by reply token:
 *      first at a fixed concurrency (throughput), then both at one fixed rate (latency at a load
 *      both can carry);
 *   4. the memory of the kuromoji dictionary: kuromoji's own loader against this project's.
 * Prints figures and the targets beside them; never asserts (timings depend on the machine).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileScript } from './bench/compile-script.js';
import { startCountingLineApi } from './bench/counting-line-api.js';
import { runLoad, type LoadResult } from './bench/load.js';
import { readQuestions, repoRoot } from './bench/questions.js';
import { startServer, type ServerProcess } from './bench/server-process.js';
import { stageNames, timeStages } from './bench/stages.js';
import { mb, median, medianAndRange, ms, percentile, ratio, table, us } from './bench/stats.js';
import { renderReply } from '../src/line/render-reply.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '300' },
    starts: { type: 'string', default: '5' },
    'tsx-starts': { type: 'string', default: '2' },
    passes: { type: 'string', default: '20' },
    'skip-build': { type: 'boolean', default: false },
    'node-flags': { type: 'string' },
  },
});
function positive(name: keyof typeof values): number {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} expects a non-negative integer`);
    process.exit(2);
  }
  return n;
}
const requests = positive('requests');
const concurrency = Math.max(1, positive('concurrency'));
const warmup = positive('warmup');
const starts = Math.max(1, positive('starts'));
const tsxStarts = positive('tsx-starts');
const passes = Math.max(1, positive('passes'));

const targets = { readyMs: 2500, rssBytes: 300 * 2 ** 20, throughputVsFloor: 0.9, replyP99VsFloor: 1.5 };
const channelSecret = '0123456789abcdef0123456789abcdef';
const work = mkdtempSync(path.join(tmpdir(), 'komoro-bench-'));
const benchStarted = performance.now();
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function git(...args: string[]): string {
  return spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
}

// ---- what runs ----

const { files, questions } = readQuestions();
const dirty = git('status', '--porcelain', '--untracked-files=no') !== '' ? ' + uncommitted changes' : '';
console.log(`npm run bench — ${new Date().toISOString()}`);
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${mb(totalmem())} MB; ` +
    `commit ${git('rev-parse', '--short', 'HEAD') || '?'}${dirty}`,
);
console.log(`questions: ${questions.length} from ${files.map((f) => path.relative(repoRoot, f)).join(', ')}`);

/** The node arguments of `npm run start:prod` (what the Dockerfile's CMD runs), e.g. [flags..., 'dist/main.js']. */
function productionArgs(): string[] {
  const script = (
    JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
  ).scripts?.['start:prod'];
  const words = script?.trim().split(/\s+/) ?? [];
  return words[0] === 'node' && words.length > 1 ? words.slice(1) : ['dist/main.js'];
}
const startProd = productionArgs();
const nodeFlags =
  values['node-flags'] === undefined
    ? startProd.slice(0, -1)
    : values['node-flags'].split(/\s+/).filter((f) => f !== '');
const prodArgs = [...nodeFlags, ...startProd.slice(-1)];
const tsxArgs = ['--import', 'tsx', ...nodeFlags, 'src/main.ts'];
let serverArgs = prodArgs;
let serverLabel = `node ${prodArgs.join(' ')} (npm run start:prod after npm run build: what the container runs)`;
if (!values['skip-build']) {
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) {
    serverArgs = tsxArgs;
    serverLabel = `node ${tsxArgs.join(' ')} (npm run build FAILED, so the TypeScript sources through tsx)`;
    console.log(`npm run build failed:\n${(built.stdout + built.stderr).trim().split('\n').slice(-8).join('\n')}`);
  }
}
console.log(`server: ${serverLabel}`);

const api = await startCountingLineApi();
const serverEnv = (logName: string): Record<string, string> => ({
  NODE_ENV: 'production',
  LINE_CHANNEL_SECRET: channelSecret,
  LINE_CHANNEL_ACCESS_TOKEN: 'bench-channel-access-token',
  LINE_API_BASE_URL: api.baseUrl,
  DATA_DIR: mkdtempSync(path.join(work, `${logName}-data-`)),
  HASH_SALT: 'bench-hash-salt-0123456789',
});

// ---- 1. start-up ----

interface StartUp {
  readonly readyMs: number;
  readonly rssAtReady: number;
  readonly rssSettled: number;
}

async function startUps(args: readonly string[], runs: number, label: string): Promise<StartUp[]> {
  const results: StartUp[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer({ args, env: serverEnv(label), logFile: path.join(work, `${label}-${i}.log`) });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    results.push({ readyMs: server.readyMs, rssAtReady: server.rssAtReady, rssSettled: server.rss() });
    await server.stop();
  }
  return results;
}

function startUpRow(label: string, runs: readonly StartUp[]): string[] {
  return [
    label,
    String(runs.length),
    medianAndRange(
      runs.map((r) => r.readyMs),
      (x) => x.toFixed(0),
    ),
    medianAndRange(
      runs.map((r) => r.rssAtReady),
      mb,
    ),
    medianAndRange(
      runs.map((r) => r.rssSettled),
      mb,
    ),
  ];
}

const prodStarts = await startUps(serverArgs, starts, 'start');
const tsxRuns = tsxStarts > 0 && serverArgs !== tsxArgs ? await startUps(tsxArgs, tsxStarts, 'start-tsx') : [];

console.log(
  '\n1. Start-up: spawn → first 200 of GET /healthz (tokenizer, corpus and index ready), LINE credentials set',
);
console.log(
  table(
    ['server', 'runs', 'ready ms, median (range)', 'RSS at ready, MB', 'RSS 1 s later, MB'],
    [
      startUpRow(serverArgs.join(' '), prodStarts),
      ...(tsxRuns.length > 0 ? [startUpRow(`${tsxArgs.join(' ')} (as npm start)`, tsxRuns)] : []),
    ],
  ),
);
const readyMedian = median(prodStarts.map((r) => r.readyMs));
const readyRss = Math.max(...prodStarts.map((r) => r.rssSettled), ...prodStarts.map((r) => r.rssAtReady));
if (tsxRuns.length > 0) {
  const overhead = median(tsxRuns.map((r) => r.readyMs)) - readyMedian;
  const rssOverhead = median(tsxRuns.map((r) => r.rssSettled)) - median(prodStarts.map((r) => r.rssSettled));
  console.log(
    `  tsx (npm start) adds about ${overhead.toFixed(0)} ms and ${mb(rssOverhead)} MB: it compiles the sources at start-up.`,
  );
}
console.log(
  `  target: ready < ${targets.readyMs} ms: ${met(readyMedian < targets.readyMs)} (median); ` +
    `RSS < ${mb(targets.rssBytes)} MB after ready: ${met(readyRss < targets.rssBytes)} (largest sample ${mb(readyRss)} MB)`,
);

// ---- 2. stages ----

const stages = await timeStages(questions, passes);
console.log(
  `\n2. Pipeline stages, in process: ${questions.length} questions × ${passes} passes after a warm-up pass ` +
    `(engine built in ${stages.loadMs.toFixed(0)} ms)`,
);
console.log(
  table(
    ['stage', 'p50 µs', 'p99 µs', 'mean µs'],
    stageNames.map((name) => {
      const xs = stages.samples.get(name) ?? [];
      return [
        name,
        us(percentile(xs, 50)),
        us(percentile(xs, 99)),
        us(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)),
      ];
    }),
  ),
);
console.log('  (question terms tokenizes again, and tokenizes synonym targets: it includes the two rows above it)');

// ---- 3. load ----

// The floor replies with the bot's own answer to the first question, so both send bodies of one size.
const floorReply = path.join(work, 'floor-reply.json');
const firstQuestion = questions[0] ?? 'ふるさと納税は？';
const { corpus } = stages.engine;
const floorMessages = renderReply(stages.engine.ask(firstQuestion).decision, corpus.meta, { entries: corpus.entries });
writeFileSync(floorReply, JSON.stringify(floorMessages));

const ok200 = (r: LoadResult) => r.statuses.get(200) ?? 0;
const throughput = (r: LoadResult) => ok200(r) / (r.ackSpanMs / 1000);
const repliesPerSecond = (r: LoadResult) => r.replyLatencies.length / (r.replySpanMs / 1000);
const p = (xs: readonly number[], q: number) => percentile(xs, q);
type Run = {
  readonly server: ServerProcess;
  /** At fixed concurrency. */
  readonly result: LoadResult;
  /** Then at a fixed rate, on the same (warm) process. */
  readonly paced: LoadResult;
  readonly rate: number;
};

/** The open-loop phase lasts about this long. */
const pacedSeconds = 5;

async function loadTest(
  label: string,
  args: readonly string[],
  extraEnv: Record<string, string>,
  rateFor: (closed: LoadResult) => number,
): Promise<Run> {
  api.reset();
  const server = await startServer({
    args,
    env: { ...serverEnv(label), ...extraEnv },
    logFile: path.join(work, `${label}-load.log`),
  });
  try {
    const result = await runLoad(server, api, { channelSecret, questions, requests, concurrency, warmup });
    const rate = rateFor(result);
    const paced = await runLoad(server, api, {
      channelSecret,
      questions,
      requests: Math.min(requests, Math.round(rate * pacedSeconds)),
      concurrency,
      ratePerSecond: rate,
      warmup: 0,
    });
    return { server, result, paced, rate };
  } finally {
    await server.stop();
  }
}

// The open-loop rate for both: half of what the bot carried at fixed concurrency.
const bot = await loadTest('bot', serverArgs, {}, (closed) =>
  Math.max(10, Math.round(throughput(closed) / 2 / 10) * 10),
);
const floorScript = compileScript(path.join(repoRoot, 'scripts/bench/floor-server.ts'));
const floor = await loadTest('floor', [...nodeFlags, floorScript], { FLOOR_REPLY_FILE: floorReply }, () => bot.rate);

const loadRows: [string, (run: Run) => number, (x: number) => string][] = [
  ['acknowledgements/s (200s)', ({ result }) => throughput(result), (x) => x.toFixed(0)],
  ['replies/s', ({ result }) => repliesPerSecond(result), (x) => x.toFixed(0)],
  ['ack latency p50, ms', ({ result }) => p(result.ackLatencies, 50), (x) => ms(x, 2)],
  ['ack latency p99, ms', ({ result }) => p(result.ackLatencies, 99), (x) => ms(x, 2)],
  ['reply latency p50, ms', ({ result }) => p(result.replyLatencies, 50), (x) => ms(x, 2)],
  ['reply latency p99, ms', ({ result }) => p(result.replyLatencies, 99), (x) => ms(x, 2)],
  ['reply latency max, ms', ({ result }) => result.replyLatencies.at(-1) ?? 0, (x) => ms(x, 1)],
  ['server CPU per webhook, ms', ({ result }) => result.serverCpuMs / result.requests, (x) => ms(x, 3)],
  ['RSS at ready, MB', ({ server }) => server.rssAtReady, mb],
  ['RSS under load (max), MB', ({ result }) => result.rssMax, mb],
];
console.log(
  `\n3. Load over loopback: ${requests} signed text webhooks (one event each, questions in turn) at concurrency ${concurrency}, ` +
    `after ${warmup} unmeasured; both compiled and run with ${['node', ...nodeFlags].join(' ')}, one after the other`,
);
console.log(
  table(
    ['', 'bot', 'floor', 'bot/floor'],
    loadRows.map(([label, value, format]) => [
      label,
      format(value(bot)),
      format(value(floor)),
      ratio(value(bot), value(floor)),
    ]),
  ),
);
for (const [label, { result }] of [
  ['bot', bot],
  ['floor', floor],
] as const) {
  const statuses = [...result.statuses].map(([status, n]) => `${status === 0 ? 'failed' : status}: ${n}`).join(', ');
  const duplicates = [...result.duplicates].map(([token, n]) => `${token.slice(0, 8)}… ×${n}`).join(', ');
  const others = [...result.otherRequests].map(([key, n]) => `${key} ×${n}`).join(', ');
  console.log(
    `  ${label}: statuses ${statuses}; ${result.replyLatencies.length}/${result.requests} events answered; ` +
      `duplicates ${result.duplicates.size}${duplicates ? ` (${duplicates})` : ''}; missing ${result.missing.length}` +
      `${
        result.missing.length > 0
          ? ` (${result.missing
              .slice(0, 5)
              .map((t) => `${t.slice(0, 8)}…`)
              .join(', ')})`
          : ''
      }; ` +
      `unexpected ${result.unexpected}${others ? `; other calls: ${others}` : ''}`,
  );
}
const allOk = (r: LoadResult) =>
  ok200(r) === r.requests && r.missing.length === 0 && r.duplicates.size === 0 && r.unexpected === 0;
console.log(
  `  every request 200 and every event exactly one reply: bot ${allOk(bot.result) ? 'yes' : 'NO'}, floor ${allOk(floor.result) ? 'yes' : 'NO'}`,
);
console.log(
  `  targets: throughput ≥ ${targets.throughputVsFloor} × floor: ${met(throughput(bot.result) >= targets.throughputVsFloor * throughput(floor.result))}; ` +
    `reply p99 ≤ ${targets.replyP99VsFloor} × floor: ${met(p(bot.result.replyLatencies, 99) <= targets.replyP99VsFloor * p(floor.result.replyLatencies, 99))}; ` +
    `RSS < ${mb(targets.rssBytes)} MB under load: ${met(bot.result.rssMax < targets.rssBytes)}`,
);

const pacedRows: [string, (r: LoadResult) => number, (x: number) => string][] = [
  ['ack latency p50, ms', (r) => p(r.ackLatencies, 50), (x) => ms(x, 2)],
  ['ack latency p99, ms', (r) => p(r.ackLatencies, 99), (x) => ms(x, 2)],
  ['reply latency p50, ms', (r) => p(r.replyLatencies, 50), (x) => ms(x, 2)],
  ['reply latency p99, ms', (r) => p(r.replyLatencies, 99), (x) => ms(x, 2)],
  ['reply latency max, ms', (r) => r.replyLatencies.at(-1) ?? 0, (x) => ms(x, 1)],
];
console.log(
  `\n   The same servers at one offered load (open loop): ${bot.paced.requests} webhooks at ${bot.rate}/s, half the bot's throughput above ` +
    '(at fixed concurrency latency is mostly queueing, so it follows throughput)',
);
console.log(
  table(
    ['', 'bot', 'floor', 'bot/floor'],
    pacedRows.map(([label, value, format]) => [
      label,
      format(value(bot.paced)),
      format(value(floor.paced)),
      ratio(value(bot.paced), value(floor.paced)),
    ]),
  ),
);
console.log(
  `  every request 200 and every event exactly one reply: bot ${allOk(bot.paced) ? 'yes' : 'NO'}, floor ${allOk(floor.paced) ? 'yes' : 'NO'}; ` +
    `reply p99 ≤ ${targets.replyP99VsFloor} × floor at this load: ${met(p(bot.paced.replyLatencies, 99) <= targets.replyP99VsFloor * p(floor.paced.replyLatencies, 99))}`,
);

// ---- 4. memory of the dictionary ----

const memoryScript = compileScript(path.join(repoRoot, 'scripts/bench/tokenizer-memory.ts'));
const compiledTokenizer = path.join(repoRoot, 'dist/search/japanese-tokenizer.js');
interface Snapshot {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly arrayBuffers: number;
}
interface MemoryRun {
  readonly variant: string;
  readonly loadMs: number;
  readonly settled: Snapshot;
  readonly afterGc: Snapshot;
}
function memoryRun(variant: string): MemoryRun | string {
  const run = spawnSync(process.execPath, ['--expose-gc', memoryScript, variant, compiledTokenizer], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const line = run.stdout?.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as MemoryRun;
  } catch {
    return `${variant}: ${(run.stderr || run.stdout || 'no output').trim().split('\n').slice(-3).join(' ')}`;
  }
}
const memoryVariants: [string, string][] = [
  ['none', 'node alone (baseline)'],
  ['kuromoji', "kuromoji.builder().build() (kuromoji's loader)"],
  ['compact', 'loadKuromoji() (src/search/japanese-tokenizer.ts)'],
];
const memoryRuns = memoryVariants.map(([variant]) => memoryRun(variant));
console.log('\n4. Memory of the kuromoji dictionary, each loader alone in a fresh node process, MB');
console.log(
  table(
    ['loader', 'load ms', 'RSS', 'heap used', 'heap total', 'buffers', 'after GC: RSS', 'heap used', 'buffers'],
    memoryRuns.flatMap((run, i) =>
      typeof run === 'string'
        ? []
        : [
            [
              memoryVariants[i]?.[1] ?? run.variant,
              run.variant === 'none' ? '—' : run.loadMs.toFixed(0),
              mb(run.settled.rss),
              mb(run.settled.heapUsed),
              mb(run.settled.heapTotal),
              mb(run.settled.arrayBuffers),
              mb(run.afterGc.rss),
              mb(run.afterGc.heapUsed),
              mb(run.afterGc.arrayBuffers),
            ],
          ],
    ),
  ),
);
for (const run of memoryRuns) if (typeof run === 'string') console.log(`  could not measure ${run}`);
console.log(
  '  (one second after loading, as a server sits; then after two forced full GCs, for the figures only. "buffers" is V8\'s\n' +
    '   count of array buffers, which still counts buffers freed early until a GC: RSS is what the system sees)',
);
const [base, plain, compact] = memoryRuns;
if (typeof base === 'object' && typeof plain === 'object' && typeof compact === 'object') {
  console.log(
    `  above the baseline, one second after loading: kuromoji's loader ${mb(plain.settled.rss - base.settled.rss)} MB, ` +
      `this project's ${mb(compact.settled.rss - base.settled.rss)} MB (after forced GCs: ${mb(plain.afterGc.rss - base.afterGc.rss)} and ${mb(compact.afterGc.rss - base.afterGc.rss)} MB)`,
  );
}

await api.close();
rmSync(work, { recursive: true, force: true });
console.log(`\nbench took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
