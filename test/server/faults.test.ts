/**
 * Replies when the Messaging API misbehaves: the real app on loopback, the real reply client, and
 * the fake Messaging API answering 500, 429, slowly, by resetting the connection, or not at all.
 * Short timeouts and backoffs (the policy's options) keep every test within a few seconds.
 *
 * What the bot promises: every event with a reply token ends as exactly one reply or one logged,
 * counted failure (outcome, reason, attempts), never both and never silence; /healthz stays 200;
 * nothing crashes; logs carry event ids, attempts, statuses and error codes, never the user id,
 * the reply token or the text.
 */
import type { webhook } from '@line/bot-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReplyPolicyOptions } from '../../src/line/retrying-reply-client.js';
import type { Metrics } from '../../src/line/metrics.js';
import { bundledEngine, postEvents, startBotServer, type BotServer } from '../support/bot-server.js';
import {
  fakeChannelAccessToken,
  startFakeLineApi,
  type FakeLineApi,
  type FakeLineRequest,
  type FakeLineResponse,
} from '../support/fake-line-api.js';
import { fixtureUserId, textEvent } from '../support/webhook-fixtures.js';

// A generous timeout where timeouts are not the point (a busy test machine must not fake one),
// a short one where they are.
const testPolicy: ReplyPolicyOptions = {
  timeoutMs: 1000,
  baseBackoffMs: 20,
  maxBackoffMs: 100,
  maxAttempts: 5,
  minAttemptMs: 50,
};
const shortTimeout: ReplyPolicyOptions = { ...testPolicy, timeoutMs: 300 };
const question = 'ふるさと納税は？';
const replyPath = '/v2/bot/message/reply';

const unhandled = vi.fn();
let fake: FakeLineApi | undefined;
let bot: BotServer | undefined;
/** Reply tokens sent in the current test, to check that no log line carries one. */
let replyTokens: string[] = [];
/** When each reply request reached the fake (performance.now()), in order. */
let replyTimes: number[] = [];

beforeAll(async () => {
  process.on('unhandledRejection', unhandled);
  await bundledEngine();
  // The fake compiles its OpenAPI validators on first use, which takes longer than the 300 ms
  // timeout of these tests: warm them up so that only the injected faults are faults.
  const warm = await startFakeLineApi();
  const warmBot = await startBotServer({ lineApiBaseUrl: warm.baseUrl, engine: await bundledEngine() });
  await post(warmBot, [textEvent(question)]);
  await warmBot.dispatcher?.idle();
  await fetch(`${warm.baseUrl}/v2/bot/chat/loading/start`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fakeChannelAccessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ chatId: fixtureUserId, loadingSeconds: 5 }),
  });
  await warmBot.close();
  await warm.close();
  replyTokens = [];
});

afterEach(async () => {
  const logs = bot?.logs.join('\n') ?? '';
  await bot?.close();
  await fake?.close();
  bot = undefined;
  fake = undefined;
  expect(logs).not.toContain(fixtureUserId);
  expect(logs).not.toContain('ふるさと納税は');
  for (const token of replyTokens) expect(logs).not.toContain(token);
  replyTokens = [];
  replyTimes = [];
});

afterAll(() => {
  process.off('unhandledRejection', unhandled);
  expect(unhandled).not.toHaveBeenCalled();
});

/**
 * A fake whose reply endpoint plays `script(n)` for the n-th attempt of each reply token
 * (undefined: answer normally). Other endpoints (the loading animation) answer normally.
 */
async function startFake(
  script: (attempt: number, request: FakeLineRequest) => FakeLineResponse | undefined,
): Promise<FakeLineApi> {
  const attempts = new Map<string, number>();
  fake = await startFakeLineApi({
    respond(request) {
      if (request.path !== replyPath) return undefined;
      replyTimes.push(performance.now());
      const token = (request.body as { replyToken?: string } | undefined)?.replyToken ?? '';
      const attempt = (attempts.get(token) ?? 0) + 1;
      attempts.set(token, attempt);
      return script(attempt, request);
    },
  });
  return fake;
}

async function startBot(
  lineApiBaseUrl: string,
  replyPolicy: ReplyPolicyOptions = testPolicy,
  pushFallback = false,
): Promise<BotServer> {
  bot = await startBotServer({
    lineApiBaseUrl,
    engine: await bundledEngine(),
    replyPolicy,
    loadingAfterMs: 100,
    pushFallback,
  });
  return bot;
}

async function post(server: BotServer, events: webhook.Event[]): Promise<number> {
  for (const event of events) if ('replyToken' in event && event.replyToken) replyTokens.push(event.replyToken);
  return postEvents(server.url, events);
}

async function metrics(server: BotServer): Promise<Metrics & { inFlight: number }> {
  return (await (await fetch(`${server.url}/metrics`)).json()) as Metrics & { inFlight: number };
}

async function health(server: BotServer): Promise<{ status: number; inFlight: number }> {
  const res = await fetch(`${server.url}/healthz`);
  const body = (await res.json()) as { inFlight: number };
  return { status: res.status, inFlight: body.inFlight };
}

/** The structured log lines whose message is `msg`. */
function logLines(server: BotServer, msg: string): Record<string, unknown>[] {
  return server.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);
}

const replyRequests = (api: FakeLineApi) => api.requests.filter((r) => r.path === replyPath);

describe('replies under Messaging API faults', () => {
  it('delivers one reply after a retry when LINE answers 500, then 200', async () => {
    const api = await startFake((n) =>
      n === 1 ? { status: 500, body: { message: 'Internal server error' } } : undefined,
    );
    const server = await startBot(api.baseUrl);
    expect(await post(server, [textEvent(question)])).toBe(200);
    await server.dispatcher?.idle();
    expect(api.replies).toHaveLength(1);
    expect(replyRequests(api)).toHaveLength(2);
    expect(api.invalidRequests).toEqual([]);
    const counted = await metrics(server);
    expect(counted.replies).toMatchObject({
      sent: 1,
      retried: 1,
      retryAttempts: 1,
      deliveredUnconfirmed: 0,
      failed: {},
    });
    expect(logLines(server, 'reply attempt failed; retrying')).toEqual([
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers any, to fit any field
      expect.objectContaining({ eventId: expect.any(String), attempt: 1, status: 500, reason: 'server-error' }),
    ]);
    expect(logLines(server, 'replied')).toEqual([expect.objectContaining({ reply: 'sent', attempts: 2 })]);
    // A fast answer needs no loading animation.
    expect(api.loadingStarts).toEqual([]);
  });

  it('waits for Retry-After after a 429, showing the loading animation in a 1:1 chat only', async () => {
    const api = await startFake((n) =>
      n === 1 ? { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '1' } } : undefined,
    );
    const server = await startBot(api.baseUrl);
    const inGroup: webhook.MessageEvent = {
      ...textEvent('ワイナリーバス'),
      source: { type: 'group', groupId: `C${'0'.repeat(32)}`, userId: fixtureUserId },
    };
    expect(await post(server, [textEvent(question), inGroup])).toBe(200);
    // While the retries wait (both first attempts answered 429), the server stays healthy and says what is in flight.
    await expect.poll(() => logLines(server, 'reply attempt failed; retrying')).toHaveLength(2);
    expect(await health(server)).toEqual({ status: 200, inFlight: 2 });
    await server.dispatcher?.idle();
    expect(api.replies).toHaveLength(2);
    const [first, , third] = replyTimes;
    expect(replyTimes).toHaveLength(4);
    expect((third ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(990);
    expect(api.loadingStarts).toHaveLength(1);
    const [loading] = api.loadingStarts;
    expect(loading?.chatId).toBe(fixtureUserId);
    expect((loading?.loadingSeconds ?? 0) % 5).toBe(0);
    expect(loading?.loadingSeconds).toBeGreaterThanOrEqual(5);
    expect(loading?.loadingSeconds).toBeLessThanOrEqual(60);
    expect(api.invalidRequests).toEqual([]);
    expect((await metrics(server)).loadingAnimation).toEqual({ started: 1, failed: 0 });
    expect(logLines(server, 'reply attempt failed; retrying')).toEqual([
      expect.objectContaining({ status: 429, retryAfterMs: 1000, attempt: 1 }),
      expect.objectContaining({ status: 429, retryAfterMs: 1000, attempt: 1 }),
    ]);
  });

  it('gives up a persistent 500 after the maximum attempts with one logged, counted failure', async () => {
    const api = await startFake(() => ({ status: 500, body: { message: 'Internal server error' } }));
    const server = await startBot(api.baseUrl);
    expect(await post(server, [textEvent(question)])).toBe(200);
    await server.dispatcher?.idle();
    expect(api.replies).toEqual([]);
    expect(replyRequests(api)).toHaveLength(5);
    expect((await metrics(server)).replies).toMatchObject({ sent: 0, failed: { 'server-error': 1 } });
    expect(logLines(server, 'reply failed')).toEqual([
      expect.objectContaining({
        reply: 'failed',
        reason: 'server-error',
        stoppedBy: 'attempts',
        attempts: 5,
        status: 500,
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers any, to fit any field
        eventId: expect.any(String),
      }),
    ]);
    expect(logLines(server, 'replied')).toEqual([]);
    // No crash: the server keeps serving.
    expect((await health(server)).status).toBe(200);
  });

  it('gives up a persistent 500 by the reply token deadline, never after it', async () => {
    const api = await startFake(() => ({ status: 500, delayMs: 50 }));
    // No attempt starts with less than 300 ms left, so each one's 50 ms answer is read even on a
    // busy machine: the last failure is the 500, not a timeout cut short by the deadline.
    const server = await startBot(api.baseUrl, { ...testPolicy, maxAttempts: 1000, minAttemptMs: 300 });
    // The event is old: its token's deadline (timestamp + 60 s − 5 s) is 1,000 ms away.
    const deadline = Date.now() + 1000;
    const started = performance.now();
    expect(await post(server, [textEvent(question, { timestamp: deadline - 55_000 })])).toBe(200);
    await server.dispatcher?.idle();
    expect(replyRequests(api).length).toBeGreaterThan(1);
    // Every attempt reached LINE before the deadline; a thousand attempts would have taken minutes.
    expect((replyTimes.at(-1) ?? 0) - started).toBeLessThan(1000);
    expect(replyRequests(api).length).toBeLessThan(1000);
    expect((await metrics(server)).replies.failed).toEqual({ 'server-error': 1 });
    expect(logLines(server, 'reply failed')).toEqual([
      expect.objectContaining({ reason: 'server-error', stoppedBy: 'deadline' }),
    ]);
  });

  it('does not retry an attempt that gets no answer within the timeout: its token may be spent', async () => {
    const api = await startFake((n) => (n === 1 ? { delayMs: 600, status: 500 } : undefined));
    const server = await startBot(api.baseUrl, shortTimeout);
    await post(server, [textEvent(question)]);
    await server.dispatcher?.idle();
    expect(replyRequests(api)).toHaveLength(1);
    expect(logLines(server, 'reply attempt failed; retrying')).toEqual([]);
    expect(logLines(server, 'reply failed')).toEqual([
      expect.objectContaining({ reason: 'timeout', stoppedBy: 'token-spent', attempts: 1 }),
    ]);
    // The bot hung up on the attempt, so its late 500 is never read: nothing changes.
    await expect.poll(() => api.abandoned).toEqual([replyRequests(api)[0]]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(replyRequests(api)).toHaveLength(1);
    expect((await metrics(server)).replies).toMatchObject({ sent: 0, retried: 0, failed: { timeout: 1 } });
  });

  it('counts "Invalid reply token" after a 5xx as delivered, unconfirmed, not as a failure', async () => {
    // LINE carried out the first request but answered 500: it refuses the token the second time.
    const api = await startFake((n) =>
      n === 1 ? { status: 500 } : { status: 400, body: { message: 'Invalid reply token' } },
    );
    const server = await startBot(api.baseUrl);
    await post(server, [textEvent(question)]);
    await server.dispatcher?.idle();
    expect(replyRequests(api)).toHaveLength(2);
    expect((await metrics(server)).replies).toMatchObject({ sent: 0, deliveredUnconfirmed: 1, failed: {} });
    expect(logLines(server, 'reply failed')).toEqual([]);
  });

  it('does not retry when the connection is reset under a sent request: one counted failure', async () => {
    const api = await startFake((n) => (n === 1 ? { destroySocket: true } : undefined));
    const server = await startBot(api.baseUrl);
    await post(server, [textEvent(question)]);
    await server.dispatcher?.idle();
    expect(replyRequests(api)).toHaveLength(1);
    expect(api.replies).toHaveLength(0);
    expect(logLines(server, 'reply attempt failed; retrying')).toEqual([]);
    expect(logLines(server, 'reply failed')).toEqual([
      expect.objectContaining({ reason: 'network', code: 'ECONNRESET', stoppedBy: 'token-spent', attempts: 1 }),
    ]);
    expect((await metrics(server)).replies).toMatchObject({ sent: 0, retried: 0, failed: { network: 1 } });
  });

  it('retries a refused connection, then counts one failure, and stays healthy', async () => {
    const gone = await startFakeLineApi();
    const deadUrl = gone.baseUrl;
    await gone.close();
    const server = await startBot(deadUrl);
    expect(await post(server, [textEvent(question)])).toBe(200);
    await server.dispatcher?.idle();
    expect(logLines(server, 'reply failed')).toEqual([
      expect.objectContaining({ reason: 'network', code: 'ECONNREFUSED', attempts: 5, stoppedBy: 'attempts' }),
    ]);
    expect(logLines(server, 'reply attempt failed; retrying')).toHaveLength(4);
    expect((await metrics(server)).replies.failed).toEqual({ network: 1 });
    expect(await health(server)).toEqual({ status: 200, inFlight: 0 });
  });

  it('does not retry "Invalid reply token" and counts it', async () => {
    const api = await startFake(() => ({ status: 400, body: { message: 'Invalid reply token' } }));
    const server = await startBot(api.baseUrl);
    await post(server, [textEvent(question)]);
    await server.dispatcher?.idle();
    expect(replyRequests(api)).toHaveLength(1);
    expect((await metrics(server)).replies).toMatchObject({
      sent: 0,
      deliveredUnconfirmed: 0,
      failed: { 'invalid-reply-token': 1 },
    });
    expect(logLines(server, 'reply failed')).toEqual([
      expect.objectContaining({ reason: 'invalid-reply-token', stoppedBy: 'not-retryable', attempts: 1, status: 400 }),
    ]);
  });

  it('counts a 200 whose body is not JSON as sent (a 2xx body is not read)', async () => {
    const api = await startFake(() => ({ status: 200, body: 'OK' }));
    const server = await startBot(api.baseUrl);
    await post(server, [textEvent(question)]);
    await server.dispatcher?.idle();
    expect(replyRequests(api)).toHaveLength(1);
    expect((await metrics(server)).replies).toMatchObject({ sent: 1, failed: {} });
  });

  it('on shutdown refuses new webhooks with 503, reports draining, and cuts retries to the drain deadline', async () => {
    const api = await startFake(() => ({ status: 429, headers: { 'retry-after': '30' } }));
    const server = await startBot(api.baseUrl);
    await post(server, [textEvent(question)]);
    await expect.poll(() => logLines(server, 'reply attempt failed; retrying')).toHaveLength(1);
    const dispatcher = server.dispatcher;
    if (!dispatcher) throw new Error('expected a dispatcher');
    // Retry-After 30 s fits in the token's life, so the reply waits...
    expect(dispatcher.inFlight).toBe(1);
    const started = performance.now();
    const drained = dispatcher.drain({ repliesBy: Date.now() + 200, waitUntil: Date.now() + 400 });
    expect(await post(server, [textEvent(question)])).toBe(503);
    expect((await health(server)).status).toBe(503);
    // ...until the shutdown deadline cuts the wait: one counted failure, nothing unfinished.
    expect(await drained).toEqual({ unfinished: 0 });
    expect(performance.now() - started).toBeLessThan(300);
    const counted = await metrics(server);
    expect(counted.replies.failed).toEqual({ 'rate-limited': 1 });
    expect(counted.events).toMatchObject({ received: 1, refusedWhileDraining: 1 });
    expect(logLines(server, 'reply failed')).toEqual([
      expect.objectContaining({ reason: 'rate-limited', stoppedBy: 'deadline', attempts: 1 }),
    ]);
  });
});

describe('push fallback (PUSH_FALLBACK=true)', () => {
  /** An event whose reply token died a second ago (LINE's tokens live one minute). */
  const expiredEvent = () => textEvent(question, { timestamp: Date.now() - 61_000 });

  it('answers an event whose token died before its reply by a push message with a retry key', async () => {
    const api = await startFake(() => undefined);
    const server = await startBot(api.baseUrl, testPolicy, true);
    expect(await post(server, [expiredEvent()])).toBe(200);
    await server.dispatcher?.idle();
    expect(replyRequests(api)).toEqual([]);
    expect(api.pushes).toHaveLength(1);
    const [pushed] = api.pushes;
    expect(pushed?.to).toBe(fixtureUserId);
    expect(pushed?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(pushed?.messages)).toContain('ふるさと納税');
    expect(api.requests.flatMap((r) => r.errors)).toEqual([]);
    expect((await metrics(server)).replies).toMatchObject({ sent: 0, pushed: 1, failed: {} });
    expect(logLines(server, 'reply token died before the reply could be sent; answered by a push message')).toEqual([
      expect.objectContaining({ reply: 'pushed', reason: 'expired', outcome: 'answer-full' }),
    ]);
  });

  it('pushes once a reply refused with 429 until the token died, the reply never having reached LINE', async () => {
    const api = await startFake(() => ({ status: 429, body: { message: 'rate limited' } }));
    const server = await startBot(api.baseUrl, { ...testPolicy, maxAttempts: 1000 }, true);
    const deadline = Date.now() + 400;
    expect(await post(server, [textEvent(question, { timestamp: deadline - 55_000 })])).toBe(200);
    await server.dispatcher?.idle();
    expect(replyRequests(api).length).toBeGreaterThan(1);
    expect(api.replies).toEqual([]);
    expect(api.pushes).toHaveLength(1);
    expect((await metrics(server)).replies).toMatchObject({ pushed: 1, failed: {} });
  });

  it('never pushes after a reply that may have reached LINE (a 500): one counted failure', async () => {
    const api = await startFake(() => ({ status: 500 }));
    const server = await startBot(api.baseUrl, testPolicy, true);
    expect(await post(server, [textEvent(question)])).toBe(200);
    await server.dispatcher?.idle();
    expect(api.pushes).toEqual([]);
    expect((await metrics(server)).replies).toMatchObject({ pushed: 0, failed: { 'server-error': 1 } });
  });

  it('without PUSH_FALLBACK, counts the dead token as a failure and pushes nothing', async () => {
    const api = await startFake(() => undefined);
    const server = await startBot(api.baseUrl, testPolicy, false);
    expect(await post(server, [expiredEvent()])).toBe(200);
    await server.dispatcher?.idle();
    expect(api.pushes).toEqual([]);
    expect(api.requests).toEqual([]);
    expect((await metrics(server)).replies).toMatchObject({ pushed: 0, failed: { expired: 1 } });
  });
});
