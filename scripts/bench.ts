/**
 * npm run bench [-- --requests N] [--concurrency N] [--warmup N] [--rounds N] [--paced-rounds N] [--starts N]
 *                  [--passes N] [--skip-build] [--burst-only] [--postgres]
 *                  [--node-flags '...' (instead of start:prod's, e.g. '' for none)]
 * The bot's performance in one run, as production runs it (`npm run build`, then the node arguments
 * of `npm run start:prod`, which the Dockerfile's CMD repeats):
 *   1. start-up: time from spawn to the first 200 of /healthz, and resident memory once ready;
 *   2. latency of each pipeline stage, in process, over the development and citizen questions, and
 *      the in-memory de-duplication's cost per event while it fills and once full;
 *   3. a load test over loopback, the bot beside the floor (scripts/bench/floor-server.ts: express
 *      and the SDK's signature middleware answering every event with one constant Flex reply through
 *      the SDK's client) and beside the same floor on the bot's own Messaging API client, all
 *      replying to a counting fake Messaging API, with every reply matched by reply token: at a
 *      fixed concurrency (throughput) in --rounds rounds (default 5) alternating the servers, each a
 *      fresh process, judged on the medians over the rounds; then at one fixed rate (latency at a
 *      load all can carry) in --paced-rounds rounds (default 3), judged on the medians too;
 *   4. the memory of the kuromoji dictionary: kuromoji's own loader against this project's;
 *   5. a burst (scripts/bench/burst.ts): long never-seen questions at concurrency 50, then one
 *      webhook of 1,000 events; alone with --burst-only.
 * With --postgres the bot records what citizens asked in PostgreSQL (DATABASE_URL) instead of
 * SQLite: a temporary server of Debian's binaries on loopback (test/support/postgres-server.ts),
 * shared by every bot process of the run, and the load test says how many questions reached it.
 * Prints figures and the targets beside them; never asserts (timings depend on the machine).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { compileScript } from './bench/compile-script.js';
import { measureClaims } from './bench/dedup-claims.js';
import { runLoad, type LoadResult } from './bench/load.js';
import { startFakeLineApi } from '../test/support/fake-line-api.js';
import { startPostgresServer } from '../test/support/postgres-server.js';
import { repoRoot, startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { stageLabels, stageNames, timeStages } from './bench/stages.js';
import { runBurst } from './bench/burst.js';
import { mb, median, medianAndRange, ms, percentile, ratio, table, us } from './bench/stats.js';
import { parseEvalQuestions } from '../src/cli/eval-score.js';
import { renderReply } from '../src/render/render-reply.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '5' },
    'paced-rounds': { type: 'string', default: '3' },
    starts: { type: 'string', default: '5' },
    'tsx-starts': { type: 'string', default: '2' },
    passes: { type: 'string', default: '20' },
    'skip-build': { type: 'boolean', default: false },
    'node-flags': { type: 'string' },
    'burst-only': { type: 'boolean', default: false },
    postgres: { type: 'boolean', default: false },
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
const rounds = Math.max(1, positive('rounds'));
const pacedRounds = positive('paced-rounds');
const starts = Math.max(1, positive('starts'));
const tsxStarts = positive('tsx-starts');
const passes = Math.max(1, positive('passes'));

const targets = { readyMs: 2500, rssBytes: 300 * 2 ** 20, throughputVsFloor: 0.9, replyP99VsFloor: 1.5 };
const channelSecret = '0123456789abcdef0123456789abcdef';
const work = mkdtempSync(path.join(tmpdir(), 'komoro-bench-'));
const benchStarted = performance.now();
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function git(...args: string[]): string {
  // stdout is null, whatever its type says, when git cannot be started.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  return spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
}

// ---- what runs ----

// The development questions and the citizen question set, as plain texts.
const files = [
  path.resolve(repoRoot, '../shared/eval/dev-questions.jsonl'),
  path.resolve(repoRoot, 'test/eval/citizen-questions.jsonl'),
].filter((file) => existsSync(file));
const questions = files.flatMap((file) => parseEvalQuestions(readFileSync(file, 'utf8')).map(({ q }) => q));
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

const postgres = values.postgres ? await startPostgresServer() : undefined;
const databaseUrl = await postgres?.createDatabase('bench');
console.log(
  `analytics: ${databaseUrl ? `PostgreSQL (DATABASE_URL), a temporary server on loopback: ${await postgresVersion(databaseUrl)}` : 'SQLite in DATA_DIR'}`,
);

/** The server's version line, e.g. "PostgreSQL 15.18". */
async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT split_part(version(), ' (', 1) AS v");
    return rows[0]?.v ?? '?';
  } finally {
    await client.end();
  }
}

/** How many questions the bot's processes wrote to PostgreSQL so far. */
async function postgresQuestions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM analytics_questions');
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

const api = await startFakeLineApi({ countOnly: true });
const serverEnv = (logName: string): Record<string, string> => ({
  NODE_ENV: 'production',
  LINE_CHANNEL_SECRET: channelSecret,
  LINE_CHANNEL_ACCESS_TOKEN: 'bench-channel-access-token',
  LINE_API_BASE_URL: api.baseUrl,
  DATA_DIR: mkdtempSync(path.join(work, `${logName}-data-`)),
  HASH_SALT: 'bench-hash-salt-0123456789',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});

const burst = () =>
  runBurst({ args: serverArgs, env: serverEnv('burst'), logFile: path.join(work, 'burst.log'), api, channelSecret });
if (values['burst-only']) {
  await burst();
  await api.close();
  await postgres?.destroy();
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

// ---- 1. start-up ----

interface StartUp {
  readonly readyMs: number;
  readonly rssAtReady: number;
  readonly rssSettled: number;
}

async function startUps(args: readonly string[], runs: number, label: string): Promise<StartUp[]> {
  const results: StartUp[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServerProcess({
      args,
      env: serverEnv(label),
      logFile: path.join(work, `${label}-${i}.log`),
    });
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
        stageLabels[name],
        us(percentile(xs, 50)),
        us(percentile(xs, 99)),
        us(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)),
      ];
    }),
  ),
);
console.log(
  "  (askQuestion's own stages, timed through its lap option; a message asking several questions searches and\n" +
    '   decides once more for each, and each row adds them up; tokenize is part of question terms)',
);
const claims = measureClaims();
console.log(
  `  de-duplication (in memory), per webhook event: ${claims.fillingUs.toFixed(2)} µs while filling, ` +
    `${claims.fullUs.toFixed(2)} µs once full (${claims.capacity.toLocaleString('en')} ids, each claim forgetting the oldest)`,
);

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
const p99 = (r: LoadResult) => p(r.replyLatencies, 99);

/** A server of the load test. */
interface Contender {
  readonly name: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}
/** One round of one server: a fresh process, warmed up, then loaded at fixed concurrency. */
interface Run {
  readonly rssAtReady: number;
  readonly result: LoadResult;
}

/** A fresh process of `contender`, loaded by `load`, then stopped. */
async function withServer<T>(
  contender: Contender,
  logName: string,
  load: (server: ServerProcess) => Promise<T>,
): Promise<T> {
  api.reset();
  const server = await startServerProcess({
    args: contender.args,
    env: { ...serverEnv(contender.name), ...contender.env },
    logFile: path.join(work, `${contender.name}-${logName}.log`),
  });
  try {
    return await load(server);
  } finally {
    await server.stop();
  }
}

const loadOptions = { channelSecret, questions, requests, concurrency, warmup };
const fixedConcurrency = (contender: Contender, round: number): Promise<Run> =>
  withServer(contender, `load-${round + 1}`, async (server) => ({
    rssAtReady: server.rssAtReady,
    result: await runLoad(server, api, loadOptions),
  }));

const floorScript = compileScript(path.join(repoRoot, 'scripts/bench/floor-server.ts'));
const bot: Contender = { name: 'bot', args: serverArgs, env: {} };
const floor: Contender = { name: 'floor', args: [...nodeFlags, floorScript], env: { FLOOR_REPLY_FILE: floorReply } };
// The floor again on the bot's own Messaging API client (from dist/, so only when the build worked).
const posterModule = path.join(repoRoot, 'dist/line/messaging-api-poster.js');
const leanFloor: Contender | undefined =
  serverArgs === prodArgs && existsSync(posterModule)
    ? { name: 'floor-lean', args: floor.args, env: { ...floor.env, FLOOR_POSTER_MODULE: posterModule } }
    : undefined;
const contenders = [bot, floor, ...(leanFloor ? [leanFloor] : [])];

// Rounds alternate the servers, so that drift of the machine (other load, thermal state) falls on
// each alike; each is judged on its median round.
const runs = new Map<Contender, Run[]>(contenders.map((c) => [c, []]));
// The database's own CPU over the load test: only the bot's rounds write to it.
const postgresCpuBefore = postgres?.cpuMs() ?? 0;
const runsOf = (c: Contender): Run[] => runs.get(c) ?? [];
for (let round = 0; round < rounds; round++) {
  for (const contender of contenders) runsOf(contender).push(await fixedConcurrency(contender, round));
}
const medianOf = (c: Contender, value: (r: LoadResult) => number) => median(runsOf(c).map((r) => value(r.result)));

// Then latency at one offered load that every server carries: half the slowest median throughput,
// in --paced-rounds rounds alternating the servers, each a fresh process warmed up at fixed
// concurrency first; a p99 of one run is at the mercy of one pause, so each is judged on its median.
const pacedSeconds = 5;
const rate = Math.max(10, Math.round(Math.min(...contenders.map((c) => medianOf(c, throughput))) / 2 / 10) * 10);
const paced = new Map<Contender, LoadResult[]>(contenders.map((c) => [c, []]));
const pacedOf = (c: Contender): LoadResult[] => paced.get(c) ?? [];
for (let round = 0; round < pacedRounds; round++) {
  for (const contender of contenders) {
    pacedOf(contender).push(
      await withServer(contender, `paced-${round + 1}`, (server) =>
        runLoad(server, api, {
          ...loadOptions,
          requests: Math.min(requests, rate * pacedSeconds),
          ratePerSecond: rate,
        }),
      ),
    );
  }
}

const max = (xs: readonly number[]) => Math.max(...xs);
const loadRows: [string, (run: Run) => number, (x: number) => string, (xs: readonly number[]) => number][] = [
  ['acknowledgements/s (200s)', ({ result }) => throughput(result), (x) => x.toFixed(0), median],
  ['replies/s', ({ result }) => repliesPerSecond(result), (x) => x.toFixed(0), median],
  ['ack latency p50, ms', ({ result }) => p(result.ackLatencies, 50), (x) => ms(x, 2), median],
  ['ack latency p99, ms', ({ result }) => p(result.ackLatencies, 99), (x) => ms(x, 2), median],
  ['reply latency p50, ms', ({ result }) => p(result.replyLatencies, 50), (x) => ms(x, 2), median],
  ['reply latency p99, ms', ({ result }) => p99(result), (x) => ms(x, 2), median],
  ['reply latency max, ms', ({ result }) => result.replyLatencies.at(-1) ?? 0, (x) => ms(x, 1), median],
  ['server CPU per webhook, ms', ({ result }) => result.serverCpuMs / result.requests, (x) => ms(x, 3), median],
  ['  of which the main thread, ms', ({ result }) => result.mainThreadCpuMs / result.requests, (x) => ms(x, 3), median],
  ['RSS at ready, MB', ({ rssAtReady }) => rssAtReady, mb, median],
  ['RSS under load (max of rounds), MB', ({ result }) => result.rssMax, mb, max],
];
/** A row's figure for one server over its rounds. */
const over = (c: Contender, value: (run: Run) => number, aggregate: (xs: readonly number[]) => number) =>
  aggregate(runsOf(c).map(value));
const leanHeader = leanFloor ? ["floor on the bot's client", 'bot/that'] : [];
console.log(
  `\n3. Load over loopback, ${rounds} round${rounds === 1 ? '' : 's'} alternating the servers, ` +
    `each a fresh process: ${requests} signed text webhooks (one event each, questions in turn) at concurrency ${concurrency}, ` +
    `after ${warmup} unmeasured; all compiled and run with ${['node', ...nodeFlags].join(' ')}; medians over the rounds`,
);
console.log(
  "   The floor replies through the SDK's MessagingApiClient (fetch); the bot through its own keep-alive client\n" +
    '   (src/line/messaging-api-poster.ts). ' +
    (leanFloor
      ? "The floor on the bot's client shows what the bot's own work (search, de-duplication,\n" +
        '   retry policy, analytics) costs apart from that choice.'
      : "(The floor on the bot's client needs dist/: npm run build failed, so it is left out.)"),
);
console.log(
  table(
    ['', 'bot', 'floor', 'bot/floor', ...leanHeader],
    loadRows.map(([label, value, format, aggregate]) => {
      const [b, f] = [over(bot, value, aggregate), over(floor, value, aggregate)];
      const lean = leanFloor ? over(leanFloor, value, aggregate) : undefined;
      return [label, format(b), format(f), ratio(b, f), ...(lean === undefined ? [] : [format(lean), ratio(b, lean)])];
    }),
  ),
);
const roundRatios = (other: Contender) =>
  runsOf(bot).map((run, i) => {
    const theirs = runsOf(other)[i];
    return theirs === undefined ? 0 : throughput(run.result) / throughput(theirs.result);
  });
const ratiosLine = (xs: readonly number[]) =>
  `${xs.map((x) => x.toFixed(2)).join(' ')} (median ${median(xs).toFixed(2)})`;
console.log(`  throughput bot/floor by round: ${ratiosLine(roundRatios(floor))}`);
if (leanFloor)
  console.log(`  throughput bot/(floor on the bot's client) by round: ${ratiosLine(roundRatios(leanFloor))}`);

/** Counts added up key by key, e.g. statuses over rounds. */
function addCounts<K>(maps: readonly ReadonlyMap<K, number>[]): Map<K, number> {
  const sum = new Map<K, number>();
  for (const m of maps) for (const [key, n] of m) sum.set(key, (sum.get(key) ?? 0) + n);
  return sum;
}
/** The status line of one server: its rounds added up. */
function statusLine(results: readonly LoadResult[]): string {
  const sum = (f: (r: LoadResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const statuses = [...addCounts(results.map((r) => r.statuses))]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status === 0 ? 'failed' : status}: ${n}`)
    .join(', ');
  const duplicateMap = addCounts(results.map((r) => r.duplicates));
  const duplicates = [...duplicateMap].map(([token, n]) => `${token.slice(0, 8)}… ×${n}`).join(', ');
  const missing = results.flatMap((r) => r.missing);
  const others = [...addCounts(results.map((r) => r.otherRequests))].map(([key, n]) => `${key} ×${n}`).join(', ');
  return (
    `statuses ${statuses}; ${sum((r) => r.replyLatencies.length)}/${sum((r) => r.requests)} events answered; ` +
    `duplicates ${duplicateMap.size}${duplicates ? ` (${duplicates})` : ''}; missing ${missing.length}` +
    `${
      missing.length > 0
        ? ` (${missing
            .slice(0, 5)
            .map((t) => `${t.slice(0, 8)}…`)
            .join(', ')})`
        : ''
    }; ` +
    `unexpected ${sum((r) => r.unexpected)}${others ? `; other calls: ${others}` : ''}`
  );
}
for (const contender of contenders) {
  const results = [...runsOf(contender).map((r) => r.result), ...pacedOf(contender)];
  console.log(`  ${contender.name}, ${rounds} + ${pacedRounds} runs: ${statusLine(results)}`);
}
const allOk = (r: LoadResult) =>
  ok200(r) === r.requests && r.missing.length === 0 && r.duplicates.size === 0 && r.unexpected === 0;
const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
const everyOk = (c: Contender) => runsOf(c).every((r) => allOk(r.result)) && pacedOf(c).every(allOk);
console.log(
  `  every request 200 and every event exactly one reply, in every run: ` +
    contenders.map((c) => `${c.name} ${yes(everyOk(c))}`).join(', '),
);
if (databaseUrl) {
  // Every webhook the bot answered, warm-up included, is one question; each process wrote what
  // waited when it was stopped.
  const sent = [...runsOf(bot).map((r) => r.result), ...pacedOf(bot)].reduce((n, r) => n + warmup + r.requests, 0);
  const cpu = (postgres?.cpuMs() ?? 0) - postgresCpuBefore;
  console.log(
    `  PostgreSQL holds ${await postgresQuestions(databaseUrl)} of the ${sent} questions the bot was sent; ` +
      `its server spent ${ms(cpu / sent, 3)} ms of CPU per question, on the same two cores as the bot and the load`,
  );
}
const botRssMax = max(runsOf(bot).map((r) => r.result.rssMax));
console.log(
  `  targets, on the medians of ${rounds} round${rounds === 1 ? '' : 's'}, against the floor: ` +
    `throughput ≥ ${targets.throughputVsFloor} × floor: ${met(medianOf(bot, throughput) >= targets.throughputVsFloor * medianOf(floor, throughput))}; ` +
    `reply p99 ≤ ${targets.replyP99VsFloor} × floor: ${met(medianOf(bot, p99) <= targets.replyP99VsFloor * medianOf(floor, p99))}; ` +
    `RSS < ${mb(targets.rssBytes)} MB under load (largest of the rounds): ${met(botRssMax < targets.rssBytes)}`,
);

const pacedRows: [string, (r: LoadResult) => number, (x: number) => string][] = [
  ['ack latency p50, ms', (r) => p(r.ackLatencies, 50), (x) => ms(x, 2)],
  ['ack latency p99, ms', (r) => p(r.ackLatencies, 99), (x) => ms(x, 2)],
  ['reply latency p50, ms', (r) => p(r.replyLatencies, 50), (x) => ms(x, 2)],
  ['reply latency p99, ms', p99, (x) => ms(x, 2)],
  ['reply latency max, ms', (r) => r.replyLatencies.at(-1) ?? 0, (x) => ms(x, 1)],
  // At one rate for all, CPU per webhook is the cost of the work itself, not of how busy the server is.
  ['server CPU per webhook, ms', (r) => r.serverCpuMs / r.requests, (x) => ms(x, 3)],
  ['  of which the main thread, ms', (r) => r.mainThreadCpuMs / r.requests, (x) => ms(x, 3)],
];
/** One paced figure of a server: the median over its paced rounds. */
const pacedMedian = (c: Contender, value: (r: LoadResult) => number) => median(pacedOf(c).map(value));
if (pacedRounds > 0) {
  console.log(
    `\n   The same servers at one offered load (open loop): ${Math.min(requests, rate * pacedSeconds)} webhooks at ${rate}/s, ` +
      `half the slowest median throughput above (at fixed concurrency latency is mostly queueing, so it follows\n` +
      `   throughput), in ${pacedRounds} round${pacedRounds === 1 ? '' : 's'} alternating the servers, each a fresh process warmed up as above; medians over the rounds`,
  );
  console.log(
    table(
      ['', 'bot', 'floor', 'bot/floor', ...leanHeader],
      pacedRows.map(([label, value, format]) => {
        const [b, f] = [pacedMedian(bot, value), pacedMedian(floor, value)];
        const lean = leanFloor ? pacedMedian(leanFloor, value) : undefined;
        return [
          label,
          format(b),
          format(f),
          ratio(b, f),
          ...(lean === undefined ? [] : [format(lean), ratio(b, lean)]),
        ];
      }),
    ),
  );
  console.log(
    `  reply p99 by round, bot/floor: ${ratiosLine(pacedOf(bot).map((r, i) => p99(r) / p99(pacedOf(floor)[i] ?? r)))}; ` +
      `reply p99 ≤ ${targets.replyP99VsFloor} × floor at this load: ${met(pacedMedian(bot, p99) <= targets.replyP99VsFloor * pacedMedian(floor, p99))} (medians)`,
  );
}

// ---- 4. memory of the dictionary ----

const memoryScript = compileScript(path.join(repoRoot, 'scripts/bench/tokenizer-memory.ts'));
const compiledTokenizer = path.join(repoRoot, 'dist/analyze/japanese-tokenizer.js');
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
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stdout is null when the process cannot be started
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
  ['compact', 'loadKuromoji() (src/analyze/japanese-tokenizer.ts)'],
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

await burst();
await api.close();
await postgres?.destroy();
rmSync(work, { recursive: true, force: true });
console.log(`\nbench took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
