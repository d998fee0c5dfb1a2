/**
 * The load test of one server: signed text webhooks (one event each, questions in turn) sent over
 * loopback, each acknowledgement timed, each reply matched to its webhook by reply token at the
 * fake Messaging API (count only), the server's resident memory sampled meanwhile. Either at a fixed
 * concurrency (closed loop: as fast as the server answers, so latency is mostly queueing) or at a
 * fixed rate (open loop: latency at a load the server can carry).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { callbackBody, sign, textEvent } from '../../test/support/webhook-fixtures.js';
import type { FakeLineApi } from '../../test/support/fake-line-api.js';
import type { ServerProcess } from '../../test/support/server-process.js';

export interface LoadOptions {
  readonly channelSecret: string;
  readonly questions: readonly string[];
  readonly requests: number;
  /** Webhooks in flight at once (closed loop), and during the warm-up. */
  readonly concurrency: number;
  /** When set, webhooks are sent at this rate whatever the answers (open loop), per second. */
  readonly ratePerSecond?: number;
  /** Webhooks sent first and not measured (JIT, connection pools, caches). */
  readonly warmup: number;
  /** How long to wait for missing replies after the last acknowledgement, ms. */
  readonly replyTimeoutMs?: number;
}

export interface LoadResult {
  readonly requests: number;
  /** Acknowledgements by HTTP status (0: the request failed). */
  readonly statuses: ReadonlyMap<number, number>;
  /** From the first webhook sent to the last acknowledgement, ms. */
  readonly ackSpanMs: number;
  /** From the first webhook sent to the last reply received, ms. */
  readonly replySpanMs: number;
  /** Per webhook, ascending, ms. */
  readonly ackLatencies: readonly number[];
  /** From sending a webhook to the fake receiving its (first) reply, ascending, ms. */
  readonly replyLatencies: readonly number[];
  /** Events answered more than once: reply token → replies. */
  readonly duplicates: ReadonlyMap<string, number>;
  /** Reply tokens sent that got no reply. */
  readonly missing: readonly string[];
  /** Replies to tokens this run did not send. */
  readonly unexpected: number;
  /** Other requests the server made to the fake, e.g. "POST /v2/bot/chat/loading/start" → 2. */
  readonly otherRequests: ReadonlyMap<string, number>;
  /** Largest VmRSS sampled while the run lasted, bytes. */
  readonly rssMax: number;
  /** VmRSS when the last reply arrived, bytes. */
  readonly rssAfter: number;
  /** CPU time of the server process (user + system) during the run, ms. */
  readonly serverCpuMs: number;
  /** CPU time of its main thread alone (the event loop, with V8's work on it), ms. */
  readonly mainThreadCpuMs: number;
}

interface Webhook {
  readonly body: Buffer;
  readonly signature: string;
  readonly replyToken: string;
}

function webhooks(count: number, questions: readonly string[], channelSecret: string, offset: number): Webhook[] {
  return Array.from({ length: count }, (_, i) => {
    const event = textEvent(questions[(offset + i) % questions.length] ?? '');
    const text = JSON.stringify(callbackBody([event]));
    return { body: Buffer.from(text), signature: sign(text, channelSecret), replyToken: event.replyToken ?? '' };
  });
}

/** POSTs one signed webhook over the load generator's own keep-alive agent; resolves with the status (0: no answer). */
export function postWebhook(
  url: string,
  agent: Agent,
  hook: { readonly body: Buffer; readonly signature: string },
): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      `${url}/webhook`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': hook.body.length,
          'x-line-signature': hook.signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(hook.body);
  });
}

const clockTicks = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stdout is null when getconf cannot be started
  const ticks = Number(out.stdout?.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

/**
 * User + system CPU time of a process, ms (fields 14 and 15 of /proc/<pid>/stat); of its main
 * thread alone with `thread`, whose id is the process's (/proc/<pid>/task/<pid>/stat).
 */
function cpuMs(pid: number, thread = false): number {
  try {
    const stat = readFileSync(thread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once every token has a reply, or when no reply came for `idleMs`. */
async function repliesFor(api: FakeLineApi, tokens: readonly string[], idleMs: number): Promise<void> {
  let lastCount = -1;
  let lastChange = performance.now();
  for (;;) {
    const answered = tokens.reduce((n, token) => n + (api.arrivals.has(token) ? 1 : 0), 0);
    if (answered === tokens.length) return;
    if (answered !== lastCount) {
      lastCount = answered;
      lastChange = performance.now();
    } else if (performance.now() - lastChange > idleMs) {
      return;
    }
    await sleep(20);
  }
}

type Done = (i: number, status: number, sentAt: number) => void;

/** Closed loop: `concurrency` senders, each sending its next webhook when the last is acknowledged. */
async function sendClosed(url: string, agent: Agent, hooks: readonly Webhook[], concurrency: number, onDone?: Done) {
  let next = 0;
  const worker = async () => {
    while (next < hooks.length) {
      const i = next++;
      const sentAt = performance.now();
      const status = await postWebhook(url, agent, hooks[i] as Webhook);
      onDone?.(i, status, sentAt);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Open loop: webhook i leaves at i / rate seconds, whether or not the earlier ones were answered. */
async function sendAtRate(url: string, agent: Agent, hooks: readonly Webhook[], ratePerSecond: number, onDone?: Done) {
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < hooks.length; i++) {
    const wait = started + (i * 1000) / ratePerSecond - performance.now();
    if (wait >= 1) await sleep(wait);
    const sentAt = performance.now();
    pending.push(postWebhook(url, agent, hooks[i] as Webhook).then((status) => onDone?.(i, status, sentAt)));
  }
  await Promise.all(pending);
}

export async function runLoad(server: ServerProcess, api: FakeLineApi, options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: options.ratePerSecond === undefined ? options.concurrency : 512,
  });
  const idleMs = options.replyTimeoutMs ?? 5000;
  try {
    // Warm-up, then a clean slate at the fake.
    const warm = webhooks(options.warmup, options.questions, options.channelSecret, 0);
    await sendClosed(server.url, agent, warm, options.concurrency);
    await repliesFor(
      api,
      warm.map((h) => h.replyToken),
      idleMs,
    );
    await sleep(100);
    api.reset();

    const hooks = webhooks(options.requests, options.questions, options.channelSecret, options.warmup);
    const sentAt = new Float64Array(hooks.length);
    const ackLatencies: number[] = [];
    const statuses = new Map<number, number>();
    let rssMax = server.rss();
    const sampler = setInterval(() => {
      rssMax = Math.max(rssMax, server.rss());
    }, 50);
    const cpuBefore = cpuMs(server.pid);
    const mainBefore = cpuMs(server.pid, true);
    const started = performance.now();
    let lastAck = started;
    const onDone: Done = (i, status, at) => {
      const now = performance.now();
      sentAt[i] = at;
      ackLatencies.push(now - at);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      lastAck = now;
    };
    if (options.ratePerSecond === undefined) await sendClosed(server.url, agent, hooks, options.concurrency, onDone);
    else await sendAtRate(server.url, agent, hooks, options.ratePerSecond, onDone);
    await repliesFor(
      api,
      hooks.map((h) => h.replyToken),
      idleMs,
    );
    await sleep(200); // late duplicates
    clearInterval(sampler);
    const rssAfter = server.rss();
    rssMax = Math.max(rssMax, rssAfter);
    const serverCpuMs = cpuMs(server.pid) - cpuBefore;
    const mainThreadCpuMs = cpuMs(server.pid, true) - mainBefore;

    const sent = new Set<string>();
    const replyLatencies: number[] = [];
    const duplicates = new Map<string, number>();
    const missing: string[] = [];
    hooks.forEach((hook, i) => {
      sent.add(hook.replyToken);
      const times = api.arrivals.get(hook.replyToken);
      if (!times) {
        missing.push(hook.replyToken);
        return;
      }
      replyLatencies.push((times[0] as number) - (sentAt[i] as number));
      if (times.length > 1) duplicates.set(hook.replyToken, times.length);
    });
    const unexpected = [...api.arrivals.keys()].filter((token) => !sent.has(token)).length;
    const otherRequests = new Map([...api.counts].filter(([key]) => key !== 'POST /v2/bot/message/reply'));
    return {
      requests: hooks.length,
      statuses,
      ackSpanMs: lastAck - started,
      replySpanMs: Math.max(lastAck, api.lastReplyAt) - started,
      ackLatencies: ackLatencies.sort((a, b) => a - b),
      replyLatencies: replyLatencies.sort((a, b) => a - b),
      duplicates,
      missing,
      unexpected,
      otherRequests,
      rssMax,
      rssAfter,
      serverCpuMs,
      mainThreadCpuMs,
    };
  } finally {
    agent.destroy();
  }
}
