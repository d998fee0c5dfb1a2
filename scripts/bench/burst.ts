/**
 * The burst scenario of `npm run bench`: a fresh bot process, then 300 long questions no one
 * asked before (300–400 characters, from the corpus's words: the reply cache never helps) as
 * webhooks of one event at concurrency 50, then one webhook of 1,000 events (100–180 characters
 * each, to fit the 1 MB a webhook may have). Each reply is matched to its event by reply token at
 * the counting fake Messaging API; a separate process asks /healthz one request after the other
 * meanwhile (its longest wait is what the platform's health check sees, scheduling of the three
 * processes on the machine's cores included), and the bot's own /metrics gives its event loop's
 * longest delay (perf_hooks.monitorEventLoopDelay) over each phase. Prints figures and the issue's
 * targets; never asserts.
 */
import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import { bundledCorpusDir, readCorpus } from '../../src/corpus/read-corpus.js';
import { longQuestions } from '../../test/support/long-questions.js';
import { callbackBody, sign, textEvent, userIdLike } from '../../test/support/webhook-fixtures.js';
import type { FakeLineApi } from '../../test/support/fake-line-api.js';
import { startServerProcess, type ServerProcess } from '../../test/support/server-process.js';
import { postWebhook } from './load.js';
import { mb, ms, percentile, table } from './stats.js';

export interface BurstOptions {
  /** Node arguments of the bot, e.g. what `npm run start:prod` runs. */
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly logFile: string;
  readonly api: FakeLineApi;
  readonly channelSecret: string;
  /** Webhooks of one long question (default 300), sent at `concurrency` (default 50). */
  readonly questions?: number;
  readonly concurrency?: number;
  /** Events of the one large webhook (default 1,000). */
  readonly events?: number;
}

const targets = { healthStallMs: 200 };

interface Phase {
  readonly label: string;
  readonly events: number;
  readonly answered: number;
  readonly usedTwice: number;
  readonly missing: number;
  readonly unacknowledged: number;
  /** From sending the webhook to its reply reaching the fake, ascending, ms. */
  readonly replyLatencies: readonly number[];
  readonly health: HealthFigures;
  /** The bot's event-loop delay over the phase, from its /metrics; undefined when it was not read. */
  readonly eventLoop: { readonly maxMs: number; readonly p99Ms: number } | undefined;
  readonly rssMax: number;
  readonly tookMs: number;
}

interface HealthFigures {
  readonly checks: number;
  readonly failed: number;
  readonly maxMs: number;
  readonly p99Ms: number;
}

/**
 * The health probe, run by a separate node process so that the load generator's own work does
 * not delay it: GET /healthz over one kept-alive connection, the next 10 ms after each answer,
 * until its standard input closes; then it prints its figures as JSON. Its first check (its own
 * start, the connection made) is not counted: it prints "ready" then, and the burst starts.
 */
const probeSource = `
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const latencies = []; let failed = 0; let stop = false; let first = true;
process.stdin.on('end', () => { stop = true; }); process.stdin.resume();
function check() {
  if (stop) {
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.max(0, Math.ceil(0.99 * latencies.length) - 1)] ?? 0;
    process.stdout.write(JSON.stringify({ checks: latencies.length, failed, maxMs: latencies.at(-1) ?? 0, p99Ms: p99 }));
    agent.destroy();
    return;
  }
  const started = performance.now();
  const req = http.get(process.env.PROBE_URL + '/healthz', { agent }, (res) => {
    res.resume();
    res.on('end', () => {
      if (first) { first = false; process.stdout.write('ready' + String.fromCharCode(10)); }
      else if (res.statusCode === 200) latencies.push(performance.now() - started); else failed++;
      setTimeout(check, 10);
    });
  });
  req.on('error', () => { failed++; setTimeout(check, 10); });
}
check();
`;

function startHealthProbe(url: string): { readonly ready: Promise<void>; stop(): Promise<HealthFigures> } {
  const child = spawn(process.execPath, ['-e', probeSource], {
    env: { PATH: process.env.PATH ?? '', PROBE_URL: url },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  let ready: () => void = () => {};
  const readied = new Promise<void>((resolve) => (ready = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.startsWith('ready\n')) ready();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => ready());
  return {
    ready: readied,
    async stop() {
      child.stdin.end();
      await exited;
      try {
        return JSON.parse(output.split('\n').at(-1) ?? '') as HealthFigures;
      } catch {
        return { checks: 0, failed: 0, maxMs: 0, p99Ms: 0 };
      }
    },
  };
}

interface Webhook {
  readonly body: Buffer;
  readonly signature: string;
  readonly replyTokens: readonly string[];
}

function webhook(texts: readonly string[], channelSecret: string): Webhook {
  const events = texts.map((text) => textEvent(text, { userId: userIdLike() }));
  const json = JSON.stringify(callbackBody(events));
  return {
    body: Buffer.from(json),
    signature: sign(json, channelSecret),
    replyTokens: events.map((e) => e.replyToken ?? ''),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the webhooks `concurrency` at a time, then waits for every reply (or 15 s without a new one). */
async function phase(
  label: string,
  server: ServerProcess,
  api: FakeLineApi,
  hooks: readonly Webhook[],
  concurrency: number,
): Promise<Phase> {
  api.reset();
  await eventLoopDelay(server.url); // a new window
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const probe = startHealthProbe(server.url);
  await probe.ready;
  let rssMax = server.rss();
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, server.rss())), 50);
  const sentAt = new Map<string, number>();
  let unacknowledged = 0;
  const started = performance.now();
  let next = 0;
  const sender = async () => {
    while (next < hooks.length) {
      const hook = hooks[next++] as Webhook;
      const at = performance.now();
      for (const token of hook.replyTokens) sentAt.set(token, at);
      if ((await postWebhook(server.url, agent, hook)) !== 200) unacknowledged += hook.replyTokens.length;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, hooks.length) }, sender));
  let answered = 0;
  let lastChange = performance.now();
  while (answered < sentAt.size && performance.now() - lastChange < 15_000) {
    await sleep(20);
    const now = [...sentAt.keys()].filter((t) => api.arrivals.has(t)).length;
    if (now !== answered) lastChange = performance.now();
    answered = now;
  }
  await sleep(300); // late duplicates
  const tookMs = performance.now() - started;
  clearInterval(sampler);
  agent.destroy();
  const health = await probe.stop();
  const eventLoop = await eventLoopDelay(server.url);
  const replyLatencies: number[] = [];
  let usedTwice = 0;
  for (const [token, at] of sentAt) {
    const times = api.arrivals.get(token);
    if (!times) continue;
    replyLatencies.push((times[0] as number) - at);
    if (times.length > 1) usedTwice += 1;
  }
  return {
    label,
    events: sentAt.size,
    answered: replyLatencies.length,
    usedTwice,
    missing: sentAt.size - replyLatencies.length,
    unacknowledged,
    replyLatencies: replyLatencies.sort((a, b) => a - b),
    health,
    eventLoop,
    rssMax,
    tookMs,
  };
}

/** The bot's event-loop delay since the previous read of its /metrics. */
async function eventLoopDelay(url: string): Promise<Phase['eventLoop']> {
  try {
    const body = (await (await fetch(`${url}/metrics`)).json()) as { eventLoopDelayMs?: Phase['eventLoop'] };
    return body.eventLoopDelayMs;
  } catch {
    return undefined;
  }
}

async function metricsOf(url: string): Promise<string> {
  try {
    const body = (await (await fetch(`${url}/metrics`)).json()) as {
      replies?: { failed?: Record<string, number> };
      loadingAnimation?: { started: number; failed: number };
    };
    const failed = Object.entries(body.replies?.failed ?? {})
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ');
    return (
      `replies failed: ${failed || 'none'}; loading animations started ${body.loadingAnimation?.started ?? 0}, ` +
      `failed ${body.loadingAnimation?.failed ?? 0}`
    );
  } catch (err) {
    return `could not read /metrics: ${(err as Error).message}`;
  }
}

/** Runs the burst on a fresh bot process and prints its figures. */
export async function runBurst(options: BurstOptions): Promise<void> {
  const count = options.questions ?? 300;
  const concurrency = options.concurrency ?? 50;
  const eventCount = options.events ?? 1000;
  const corpus = await readCorpus(bundledCorpusDir);
  const long = longQuestions(corpus, count, { seed: Date.now() });
  const short = longQuestions(corpus, eventCount, { seed: Date.now() + 1, minChars: 100, maxChars: 180 });
  // Built just before their phase: an event's timestamp starts its reply token's minute, and the
  // large webhook built with the others was half a minute old when a busy machine sent it.
  const singles = () => long.map((text) => webhook([text], options.channelSecret));
  let largeBytes = 0;
  const large = () => {
    const hook = webhook(short, options.channelSecret);
    largeBytes = hook.body.length;
    return [hook];
  };

  options.api.reset();
  const server = await startServerProcess({ args: options.args, env: options.env, logFile: options.logFile });
  let phases: Phase[];
  let metrics: string;
  try {
    phases = [
      await phase(`${count} long questions, concurrency ${concurrency}`, server, options.api, singles(), concurrency),
      await phase(`one webhook of ${eventCount} events`, server, options.api, large(), 1),
    ];
    metrics = await metricsOf(server.url);
  } finally {
    await server.stop();
  }

  console.log(
    `\n5. Burst: a fresh bot, ${count} webhooks of one long never-seen question (300–400 characters) at concurrency ` +
      `${concurrency}, then one webhook of ${eventCount} events (100–180 characters, ${mb(largeBytes)} MB);\n` +
      '   /healthz asked by a separate process, one request after the other, all along',
  );
  const row = (label: string, value: (p: Phase) => string) => [label, ...phases.map(value)];
  const lat = (p: Phase, q: number) => ms(percentile(p.replyLatencies, q), 0);
  console.log(
    table(
      ['', ...phases.map((p) => p.label)],
      [
        row('events answered', (p) => `${p.answered}/${p.events}`),
        row('reply tokens used twice', (p) => String(p.usedTwice)),
        row('events without a reply', (p) => String(p.missing)),
        row('webhooks not acknowledged 200 (events)', (p) => String(p.unacknowledged)),
        row('reply latency p50 / p99 / max, ms', (p) => `${lat(p, 50)} / ${lat(p, 99)} / ${lat(p, 100)}`),
        row('longest /healthz wait, ms (p99; checks)', (p) => {
          const h = p.health;
          return `${ms(h.maxMs, 0)} (${ms(h.p99Ms, 0)}; ${h.checks}${h.failed > 0 ? `, ${h.failed} failed` : ''})`;
        }),
        row('longest event-loop delay in the bot, ms (p99)', (p) =>
          p.eventLoop ? `${ms(p.eventLoop.maxMs, 0)} (${ms(p.eventLoop.p99Ms, 0)})` : '—',
        ),
        row('RSS, largest sample, MB', (p) => mb(p.rssMax)),
        row('took, s', (p) => (p.tookMs / 1000).toFixed(1)),
      ],
    ),
  );
  console.log(`  bot's /metrics after both: ${metrics}`);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `  targets: every event answered: ${met(phases.every((p) => p.missing === 0))}; ` +
      `no reply token used twice: ${met(phases.every((p) => p.usedTwice === 0))}; ` +
      `longest health-check wait ≤ ${targets.healthStallMs} ms: ` +
      `${met(phases.every((p) => p.health.checks > 0 && p.health.maxMs <= targets.healthStallMs))}; ` +
      `longest event-loop delay in the bot ≤ ${targets.healthStallMs} ms: ` +
      met(phases.every((p) => p.eventLoop !== undefined && p.eventLoop.maxMs <= targets.healthStallMs)),
  );
}
