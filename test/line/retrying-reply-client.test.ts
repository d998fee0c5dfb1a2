import { Writable } from 'node:stream';
import { HTTPFetchError, type messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { RequestNotSentError } from '../../src/line/messaging-api-poster.js';
import type { ReplyClient } from '../../src/line/reply-client.js';
import {
  backoffMs,
  classifyFailure,
  createRetryingReplyClient,
  defaultReplyPolicy,
  parseRetryAfter,
  type ReplyContext,
  type ReplyPolicyOptions,
  type Sleep,
} from '../../src/line/retrying-reply-client.js';
import { createLogger } from '../../src/logger.js';

/**
 * A virtual clock: sleeps are timers on a list, and `run` advances time to the next timer
 * whenever nothing else can happen, so no test waits for real.
 */
function virtualClock(start = 1_700_000_000_000) {
  let now = start;
  let seq = 0;
  const timers: { at: number; seq: number; fire: () => void }[] = [];
  const sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const timer = { at: now + Math.max(0, ms), seq: seq++, fire: resolve };
      timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
          resolve();
        },
        { once: true },
      );
    });
  return {
    now: () => now,
    sleep,
    /** Advances virtual time until `promise` settles. */
    async run<T>(promise: Promise<T>): Promise<T> {
      let settled = false;
      promise.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (let step = 0; step < 10_000; step++) {
        await new Promise((resolve) => setImmediate(resolve));
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the callbacks above while awaiting
        if (settled) return promise;
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (!next) throw new Error('nothing scheduled and the promise is still pending');
        now = Math.max(now, next.at);
        next.fire();
      }
      throw new Error('too many steps');
    },
  };
}

type Step = 'ok' | 'hang' | Error | { readonly afterMs: number; readonly then: 'ok' | Error };

/** A reply port that plays one step per attempt and records when each attempt started. */
function scriptedPort(clock: ReturnType<typeof virtualClock>, steps: readonly Step[]) {
  const calls: number[] = [];
  const port: ReplyClient = {
    reply() {
      calls.push(clock.now());
      const step = steps[calls.length - 1] ?? 'ok';
      if (step === 'ok') return Promise.resolve();
      if (step === 'hang') return new Promise<void>(() => {});
      if (step instanceof Error) return Promise.reject(step);
      return clock.sleep(step.afterMs).then(() => {
        if (step.then !== 'ok') throw step.then;
      });
    },
  };
  return { port, calls };
}

function httpError(status: number, body: unknown = {}, headers: Record<string, string> = {}): HTTPFetchError {
  return new HTTPFetchError(`${status} - test`, {
    status,
    statusText: 'test',
    headers: new Headers(headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const invalidReplyToken = () => httpError(400, { message: 'Invalid reply token' });

function networkError(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`socket: ${code}`), { code }) });
}

const messages: messagingApi.Message[] = [{ type: 'text', text: 'こんにちは' }];

function setup(steps: readonly Step[], options: ReplyPolicyOptions = {}, deadlineInMs = 55_000) {
  const clock = virtualClock();
  const { port, calls } = scriptedPort(clock, steps);
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = createLogger('debug', sink).child({ eventId: 'EVENT-1' });
  const client = createRetryingReplyClient(port, { now: clock.now, sleep: clock.sleep, random: () => 0.5, ...options });
  const deadline = clock.now() + deadlineInMs;
  const send = (context: Partial<ReplyContext> = {}) =>
    clock.run(
      client.reply('0123456789abcdef0123456789abcdef', messages, { deadline: () => deadline, log, ...context }),
    );
  return { clock, calls, logs, client, deadline, send };
}

describe('retrying reply client', () => {
  it('sends once when LINE accepts the first attempt', async () => {
    const { calls, send } = setup(['ok']);
    expect(await send()).toEqual({ outcome: 'sent', attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it('retries a 500 after a jittered backoff and sends', async () => {
    const { calls, send } = setup([httpError(500), 'ok']);
    expect(await send()).toEqual({ outcome: 'sent', attempts: 2 });
    // random 0.5 of the first cap (500 ms): 250 ms between the attempts.
    expect((calls[1] ?? 0) - (calls[0] ?? 0)).toBe(250);
  });

  it('draws each backoff below a cap that doubles from the base up to the maximum (full jitter)', () => {
    const almostOne = () => 0.999_999;
    const caps = [1, 2, 3, 4, 5, 6, 7].map((retry) => backoffMs(retry, defaultReplyPolicy, almostOne) + 1);
    expect(caps).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffMs(3, defaultReplyPolicy, () => 0)).toBe(0);
  });

  it('waits at least Retry-After seconds after a 429', async () => {
    const { calls, send } = setup([httpError(429, { message: 'Too many requests' }, { 'retry-after': '3' }), 'ok']);
    expect(await send()).toEqual({ outcome: 'sent', attempts: 2 });
    expect((calls[1] ?? 0) - (calls[0] ?? 0)).toBe(3000);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const clock = virtualClock();
    const retryAt = new Date(clock.now() + 7000).toUTCString();
    const { calls, send } = setup([httpError(503, {}, { 'retry-after': retryAt }), 'ok']);
    expect(await send()).toEqual({ outcome: 'sent', attempts: 2 });
    // HTTP dates have whole seconds: between 6 and 7 seconds later.
    expect((calls[1] ?? 0) - (calls[0] ?? 0)).toBeGreaterThan(6000);
    expect((calls[1] ?? 0) - (calls[0] ?? 0)).toBeLessThanOrEqual(7000);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores what it cannot read', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('gives up when Retry-After reaches past the deadline, without waiting', async () => {
    const { clock, calls, send } = setup([httpError(429, {}, { 'retry-after': '30' })], {}, 10_000);
    const started = clock.now();
    expect(await send()).toMatchObject({
      outcome: 'failed',
      reason: 'rate-limited',
      stoppedBy: 'deadline',
      mayHaveBeenDelivered: false,
      attempts: 1,
      status: 429,
    });
    expect(calls).toHaveLength(1);
    expect(clock.now() - started).toBe(0);
  });

  it('does not retry "Invalid reply token"', async () => {
    const { calls, send } = setup([invalidReplyToken(), 'ok']);
    expect(await send()).toEqual({
      outcome: 'failed',
      attempts: 1,
      reason: 'invalid-reply-token',
      stoppedBy: 'not-retryable',
      mayHaveBeenDelivered: false,
      status: 400,
    });
    expect(calls).toHaveLength(1);
  });

  it('does not retry other 4xx answers', async () => {
    for (const status of [400, 401, 403, 404, 413]) {
      const { calls, send } = setup([httpError(status, { message: 'The request body has 1 error(s)' }), 'ok']);
      expect(await send()).toMatchObject({ outcome: 'failed', reason: 'client-error', status, attempts: 1 });
      expect(calls).toHaveLength(1);
    }
  });

  it('does not retry an attempt that timed out, since its request may have reached LINE, and ignores its late answer', async () => {
    const late = { afterMs: 9000, then: httpError(500) } as const;
    const { clock, calls, send } = setup([late, 'ok'], { timeoutMs: 5000 });
    expect(await send()).toEqual({
      outcome: 'failed',
      attempts: 1,
      reason: 'timeout',
      stoppedBy: 'token-spent',
      mayHaveBeenDelivered: true,
    });
    expect(clock.now() - (calls[0] ?? 0)).toBe(5000);
    // Let the late answer (a rejection) arrive: nothing changes and nothing is unhandled.
    await clock.run(clock.sleep(10_000));
    expect(calls).toHaveLength(1);
  });

  it('does not retry a connection reset or closed under a sent request: the token may be spent', async () => {
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']) {
      const { calls, send } = setup([networkError(code), 'ok']);
      expect(await send()).toEqual({
        outcome: 'failed',
        attempts: 1,
        reason: 'network',
        stoppedBy: 'token-spent',
        mayHaveBeenDelivered: true,
        code,
      });
      expect(calls).toHaveLength(1);
    }
  });

  it('takes "Invalid reply token" after a 5xx as delivered, unconfirmed: the first request may have gone through', async () => {
    const { send } = setup([httpError(502), invalidReplyToken()]);
    expect(await send()).toEqual({ outcome: 'delivered-unconfirmed', attempts: 2 });
  });

  it('takes "Invalid reply token" after a refused connection as a failure: that request never left', async () => {
    const { send } = setup([networkError('ECONNREFUSED'), invalidReplyToken()]);
    expect(await send()).toMatchObject({ outcome: 'failed', reason: 'invalid-reply-token', attempts: 2 });
  });

  it('retries connections that were never made (refused, unknown host) and gives up after the maximum attempts', async () => {
    const { calls, send } = setup(
      [networkError('ECONNREFUSED'), networkError('ENOTFOUND'), networkError('ECONNREFUSED')],
      { maxAttempts: 3 },
    );
    expect(await send()).toEqual({
      outcome: 'failed',
      attempts: 3,
      reason: 'network',
      stoppedBy: 'attempts',
      mayHaveBeenDelivered: false,
      code: 'ECONNREFUSED',
    });
    expect(calls).toHaveLength(3);
  });

  it('gives up a persistent 500 after five attempts by default', async () => {
    const { calls, send } = setup(Array.from({ length: 10 }, () => httpError(500)));
    expect(await send()).toEqual({
      outcome: 'failed',
      attempts: 5,
      reason: 'server-error',
      stoppedBy: 'attempts',
      mayHaveBeenDelivered: true,
      status: 500,
    });
    expect(calls).toHaveLength(5);
  });

  it('never runs an attempt past the deadline, however many attempts are allowed', async () => {
    const { clock, calls, deadline, send } = setup(
      Array.from({ length: 100 }, () => ({ afterMs: 1000, then: httpError(502) })),
      { maxAttempts: 100, random: () => 0.999 },
      20_000,
    );
    expect(await send()).toMatchObject({ outcome: 'failed', reason: 'server-error', stoppedBy: 'deadline' });
    expect(calls.length).toBeGreaterThan(3);
    expect(clock.now()).toBeLessThanOrEqual(deadline);
  });

  it('shortens the last attempt to the time left before the deadline', async () => {
    const { clock, deadline, send } = setup(['hang'], { timeoutMs: 5000 }, 2000);
    expect(await send()).toMatchObject({ outcome: 'failed', reason: 'timeout', attempts: 1, stoppedBy: 'token-spent' });
    expect(clock.now()).toBe(deadline);
  });

  it('does not try once the deadline has passed', async () => {
    const { calls, send } = setup(['ok'], {}, -1);
    expect(await send()).toEqual({
      outcome: 'failed',
      attempts: 0,
      reason: 'expired',
      stoppedBy: 'deadline',
      mayHaveBeenDelivered: false,
    });
    expect(calls).toHaveLength(0);
  });

  it('puts the deadline at the event time plus the token life, less the safety margin', () => {
    const client = createRetryingReplyClient({ reply: async () => {} });
    expect(client.deadlineFor(1_000_000)).toBe(1_000_000 + 60_000 - 5000);
    expect(createRetryingReplyClient({ reply: async () => {} }, { safetyMarginMs: 10_000 }).deadlineFor(0)).toBe(
      50_000,
    );
  });

  it('cuts a backoff short when the deadline moves earlier (shutdown)', async () => {
    const clock = virtualClock();
    const { port, calls } = scriptedPort(clock, [httpError(429, {}, { 'retry-after': '20' }), 'ok']);
    const client = createRetryingReplyClient(port, { now: clock.now, sleep: clock.sleep, random: () => 0.5 });
    let deadline = clock.now() + 55_000;
    const wake = new AbortController();
    const started = clock.now();
    const sending = client.reply('t', messages, {
      deadline: () => deadline,
      wake: wake.signal,
      log: createLogger('silent'),
    });
    // Shutdown 2 s into the 20 s wait: the deadline moves to 8 s from the start.
    void clock.sleep(2000).then(() => {
      deadline = started + 8000;
      wake.abort();
    });
    expect(await clock.run(sending)).toMatchObject({
      outcome: 'failed',
      reason: 'rate-limited',
      stoppedBy: 'deadline',
    });
    expect(clock.now() - started).toBe(2000);
    expect(calls).toHaveLength(1);
  });

  it('keeps the backoff when the moved deadline still leaves time for it', async () => {
    const clock = virtualClock();
    const { port, calls } = scriptedPort(clock, [httpError(429, {}, { 'retry-after': '3' }), 'ok']);
    const client = createRetryingReplyClient(port, { now: clock.now, sleep: clock.sleep, random: () => 0.5 });
    let deadline = clock.now() + 55_000;
    const wake = new AbortController();
    const started = clock.now();
    const sending = client.reply('t', messages, {
      deadline: () => deadline,
      wake: wake.signal,
      log: createLogger('silent'),
    });
    void clock.sleep(1000).then(() => {
      deadline = started + 8000;
      wake.abort();
    });
    expect(await clock.run(sending)).toEqual({ outcome: 'sent', attempts: 2 });
    expect((calls[1] ?? 0) - started).toBe(3000);
  });

  it('does not retry an error it does not know', async () => {
    const { calls, send } = setup([new RangeError('bad'), 'ok']);
    expect(await send()).toMatchObject({ outcome: 'failed', reason: 'unexpected', code: 'RangeError', attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it('logs each retry with the event id, attempt, status and error code, and nothing about the user', async () => {
    const { logs, send } = setup([httpError(503), networkError('ECONNREFUSED'), 'ok']);
    await send();
    const retries = logs.filter((l) => l.msg === 'reply attempt failed; retrying');
    expect(retries).toEqual([
      expect.objectContaining({ eventId: 'EVENT-1', attempt: 1, status: 503, reason: 'server-error' }),
      expect.objectContaining({ eventId: 'EVENT-1', attempt: 2, code: 'ECONNREFUSED', reason: 'network' }),
    ]);
    const text = JSON.stringify(logs);
    expect(text).not.toContain('0123456789abcdef0123456789abcdef');
    expect(text).not.toContain('こんにちは');
  });

  it('tells the caller when attempts and waits start (for the loading animation)', async () => {
    const attempts: number[] = [];
    const waits: number[] = [];
    const { send } = setup([httpError(500), httpError(500), 'ok']);
    await send({ onAttempt: (n) => attempts.push(n), onBackoff: (ms) => waits.push(ms) });
    expect(attempts).toEqual([1, 2, 3]);
    expect(waits).toEqual([250, 500]);
  });
});

describe('classifyFailure', () => {
  it('reads the SDK error: status, Retry-After and the invalid reply token message', () => {
    expect(classifyFailure(httpError(429, {}, { 'Retry-After': '2' }))).toMatchObject({
      reason: 'rate-limited',
      retryable: true,
      retryAfter: '2',
    });
    expect(classifyFailure(httpError(502))).toMatchObject({
      reason: 'server-error',
      retryable: true,
      mayHaveBeenDelivered: true,
    });
    expect(classifyFailure(invalidReplyToken())).toMatchObject({ reason: 'invalid-reply-token', retryable: false });
    expect(classifyFailure(httpError(400, { message: 'The request body has 2 error(s)' }))).toMatchObject({
      reason: 'client-error',
    });
  });

  it('reads the socket error code under fetch failed, and retries only a connection never made', () => {
    expect(classifyFailure(networkError('ECONNRESET'))).toEqual({
      reason: 'network',
      retryable: false,
      mayHaveBeenDelivered: true,
      code: 'ECONNRESET',
    });
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(classifyFailure(networkError(code))).toEqual({
        reason: 'network',
        retryable: true,
        mayHaveBeenDelivered: false,
        code,
      });
    }
    // Without a code nothing proves the request stayed here.
    expect(classifyFailure(new TypeError('fetch failed'))).toEqual({
      reason: 'network',
      retryable: false,
      mayHaveBeenDelivered: true,
      code: 'UNKNOWN',
    });
    expect(classifyFailure(new TypeError('terminated'))).toMatchObject({
      retryable: false,
      mayHaveBeenDelivered: true,
    });
  });

  it('takes a 429 as never carried out and a 5xx as possibly carried out, both retryable (LINE’s retry rules)', () => {
    expect(classifyFailure(httpError(429))).toMatchObject({ retryable: true, mayHaveBeenDelivered: false });
    expect(classifyFailure(httpError(500))).toMatchObject({ retryable: true, mayHaveBeenDelivered: true });
  });

  it('with a port that tells when it wrote, times the wire from the write, not from the queued attempt', async () => {
    const clock = virtualClock();
    const writes: number[] = [];
    // The request waits 4 s before it is written (a connection slow to open), then LINE answers
    // 4 s later: 8 s after the attempt began, within 5 s of the write.
    const port: ReplyClient = {
      tellsWhenWritten: true,
      reply: (_token, _messages, handle) =>
        clock.sleep(4000).then(async () => {
          writes.push(clock.now());
          handle?.onWritten?.();
          await clock.sleep(4000);
        }),
    };
    const client = createRetryingReplyClient(port, { now: clock.now, sleep: clock.sleep, timeoutMs: 5000 });
    const log = createLogger('silent');
    const result = await clock.run(client.reply('t', messages, { deadline: () => clock.now() + 55_000, log }));
    expect(result).toEqual({ outcome: 'sent', attempts: 1 });
    expect(writes).toHaveLength(1);
  });

  it('retries a request never written within the connect timeout: it never reached LINE', async () => {
    const clock = virtualClock();
    let calls = 0;
    const port: ReplyClient = {
      tellsWhenWritten: true,
      reply(_token, _messages, handle) {
        calls += 1;
        if (calls === 1) return new Promise<void>(() => {}); // never connects
        handle?.onWritten?.();
        return Promise.resolve();
      },
    };
    const client = createRetryingReplyClient(port, {
      now: clock.now,
      sleep: clock.sleep,
      connectTimeoutMs: 1000,
      random: () => 0,
    });
    const log = createLogger('silent');
    expect(await clock.run(client.reply('t', messages, { deadline: () => clock.now() + 55_000, log }))).toEqual({
      outcome: 'sent',
      attempts: 2,
    });
  });

  it('retries any socket error before the request was written (a stale kept-alive socket), not after', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifyFailure(new RequestNotSentError('/v2/bot/message/reply', reset))).toEqual({
      reason: 'network',
      retryable: true,
      mayHaveBeenDelivered: false,
      code: 'ECONNRESET',
    });
    expect(classifyFailure(reset)).toMatchObject({ retryable: false, mayHaveBeenDelivered: true });
  });
});
