/**
 * Makes one reply reliable within the life of its reply token. The rule: a reply token is spent
 * once a request carrying it may have reached LINE. So an attempt is retried only when it provably
 * did not reach LINE (the connection was refused, the name did not resolve, the connection could
 * not be made: nothing was sent) or when LINE itself answered 429 or 5xx, which its documentation
 * ("Retrying a failed API request") says may succeed on retry; never after a timeout or a
 * connection reset, when the request may have been carried out and only its answer was lost.
 * Retries use exponential backoff with full jitter, honour Retry-After, and never run past the
 * deadline the caller passes in (the token dies one minute after its event). Other 4xx and
 * "Invalid reply token" are not retried. It never throws: it returns what happened, for the
 * dispatcher to log and count.
 *
 * An attempt is raced against a timer that times the wire: with a port that tells when its request
 * was written (the bot's own poster), the timer starts then, not when the reply was queued behind
 * the event loop's other work; a request not written within the connect timeout was never sent and
 * is retried. When the timer fires, pending I/O is read first (the decision waits for setImmediate,
 * after the poll phase), so an answer that arrived while the event loop was busy is not taken for a
 * timeout. A timed-out attempt's request is abandoned (the port closes its connection), so a
 * response that would still arrive is never read, and its token counts as spent.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { Logger } from '../logger.js';
import { RequestNotSentError } from './messaging-api-poster.js';
import type { ReplyClient, RequestHandle } from './reply-client.js';

/** The retry policy; every field has a production default in {@link defaultReplyPolicy}. */
export interface ReplyPolicy {
  /** Longest wait for one attempt's answer (ms), from when its request was written when the port tells. */
  readonly timeoutMs: number;
  /**
   * Longest wait for a request to be written (ms), with a port that tells when it wrote: one not
   * written by then (a connection never made) was never sent, so it is abandoned and retried.
   */
  readonly connectTimeoutMs: number;
  /** Attempts at most, the first one included. */
  readonly maxAttempts: number;
  /** Cap of the first backoff; it doubles per retry (full jitter: a uniform draw below the cap). */
  readonly baseBackoffMs: number;
  /** The backoff cap never grows beyond this. */
  readonly maxBackoffMs: number;
  /** How long LINE accepts a reply token after its event. */
  readonly tokenLifeMs: number;
  /** Kept off the token's life, for clock skew between LINE and us and for the request's transit. */
  readonly safetyMarginMs: number;
  /** No attempt is started with less time than this left before the deadline. */
  readonly minAttemptMs: number;
}

export const defaultReplyPolicy: ReplyPolicy = {
  timeoutMs: 5000,
  connectTimeoutMs: 5000,
  maxAttempts: 5,
  baseBackoffMs: 500,
  maxBackoffMs: 8000,
  tokenLifeMs: 60_000,
  safetyMarginMs: 5000,
  minAttemptMs: 250,
};

/** Waits `ms`, or less when `signal` aborts; never rejects. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Calls `fire` after `ms` unless the returned cancel function is called first. */
export type StartTimer = (ms: number, fire: () => void) => () => void;

export interface ReplyPolicyOptions extends Partial<ReplyPolicy> {
  /** Epoch milliseconds; injectable for tests. */
  readonly now?: () => number;
  readonly sleep?: Sleep;
  /** The attempt timeout's timer; by default setTimeout, or built on `sleep` when only that is injected. */
  readonly timer?: StartTimer;
  /** A number in [0, 1) for the jitter. */
  readonly random?: () => number;
}

/** Why a reply failed, as counted in /metrics. */
export type ReplyFailureReason =
  | 'expired' // the deadline had passed before the first attempt
  | 'timeout'
  | 'network'
  | 'rate-limited'
  | 'server-error'
  | 'invalid-reply-token'
  | 'client-error'
  | 'unexpected';

/**
 * Why the client stopped trying: `token-spent` when the last attempt may have reached LINE without
 * an answer (timeout, reset), so the token may already be used and a retry could only be refused.
 */
export type StoppedBy = 'not-retryable' | 'token-spent' | 'attempts' | 'deadline';

export type ReplyResult =
  | { readonly outcome: 'sent'; readonly attempts: number }
  /** "Invalid reply token" after an attempt that may have reached LINE: the reply most likely went out. */
  | { readonly outcome: 'delivered-unconfirmed'; readonly attempts: number }
  | {
      readonly outcome: 'failed';
      readonly attempts: number;
      readonly reason: ReplyFailureReason;
      readonly stoppedBy: StoppedBy;
      /** Some attempt may have reached LINE (timeout, reset, 5xx): the message may have gone out. */
      readonly mayHaveBeenDelivered: boolean;
      readonly status?: number;
      readonly code?: string;
    };

/** Per-reply context. */
export interface ReplyContext {
  /** Epoch ms after which no attempt may run; read before every attempt and wait (shutdown may move it earlier). */
  readonly deadline: () => number;
  /** Aborted when the deadline moves earlier, to cut a backoff wait short. */
  readonly wake?: AbortSignal;
  /** Carries the event id; attempts are logged with their number, status and error code. */
  readonly log: Logger;
  /**
   * Called before each attempt; the attempt waits for the promise it returns, if any (the
   * loading animation's request in flight, which must reach LINE before the answer does).
   */
  readonly beforeAttempt?: () => Promise<void> | undefined;
  /** Called when an attempt starts (1-based). */
  readonly onAttempt?: (attempt: number) => void;
  /** Called when a wait before the next attempt starts. */
  readonly onBackoff?: (delayMs: number) => void;
}

export interface RetryingReplyClient {
  /** Sends the reply, retrying transient failures; never throws. */
  reply(replyToken: string, messages: messagingApi.Message[], context: ReplyContext): Promise<ReplyResult>;
  /** The last moment a reply to an event of `eventTimestamp` may be attempted. */
  deadlineFor(eventTimestamp: number): number;
  readonly now: () => number;
  readonly sleep: Sleep;
}

/** One failed attempt, classified. */
export interface AttemptFailure {
  readonly reason: Exclude<ReplyFailureReason, 'expired'>;
  /** Retrying can do good: nothing reached LINE, or LINE answered 429/5xx. */
  readonly retryable: boolean;
  /** The request may have reached LINE and been carried out (timeout, reset, 5xx): its token may be spent. */
  readonly mayHaveBeenDelivered: boolean;
  readonly status?: number;
  readonly code?: string;
  /** The Retry-After header, as sent. */
  readonly retryAfter?: string;
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Every attempt has a timer that is nearly always cancelled: a plain setTimeout, because an
 * AbortController per attempt (and the DOMException its abort creates) cost more than the rest
 * of the retry logic under load. When it expires, `fire` waits for setImmediate: timers run before
 * the poll phase, so after the event loop was held (answers computed, a collection) an answer
 * already in the socket would otherwise be taken for a timeout; the poll phase reads it first.
 */
export const realTimer: StartTimer = (ms, fire) => {
  let cancelled = false;
  const timer = setTimeout(
    () =>
      setImmediate(() => {
        if (!cancelled) fire();
      }),
    Math.max(0, ms),
  );
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
};

/** A timer on an injected sleep (a test's virtual clock). */
function timerFromSleep(sleep: Sleep): StartTimer {
  return (ms, fire) => {
    const cancelled = new AbortController();
    void sleep(ms, cancelled.signal).then(() => {
      if (!cancelled.signal.aborted) fire();
    });
    return () => cancelled.abort();
  };
}

/**
 * Errors of making the connection, raised before a byte of the request is written: the request
 * provably did not reach LINE, so its token is unspent and a retry is safe. Any other socket error
 * (ECONNRESET, EPIPE, UND_ERR_SOCKET "other side closed", ...) may come after the request was sent.
 */
const neverSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The first `code` in an error's cause chain (fetch wraps the socket error in `cause`). */
function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (current as { errors?: unknown }).errors;
    current = Array.isArray(errors) && errors.length > 0 ? errors[0] : (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** A timed-out attempt, for {@link classifyFailure}. */
export class ReplyTimeoutError extends Error {
  override readonly name = 'ReplyTimeoutError';
  constructor(
    readonly timeoutMs: number,
    /** False when the request was not even written (a connection never made): nothing was sent. */
    readonly written = true,
  ) {
    super(written ? `no answer within ${timeoutMs} ms` : `request not written within ${timeoutMs} ms`);
  }
}

/** The code of a connect timeout of the poster (the request was never written). */
export const connectTimeoutCode = 'CONNECT_TIMEOUT';

/**
 * Classifies what one attempt threw: an HTTP error with LINE's status, headers and body (the
 * port's LineApiError, or the SDK's HTTPFetchError); a socket error with its code (node:http's,
 * or fetch's TypeError "fetch failed" / "terminated" with the code in its cause); or a timeout.
 */
export function classifyFailure(err: unknown): AttemptFailure {
  if (err instanceof ReplyTimeoutError) {
    return err.written
      ? { reason: 'timeout', retryable: false, mayHaveBeenDelivered: true }
      : { reason: 'network', retryable: true, mayHaveBeenDelivered: false, code: connectTimeoutCode };
  }
  if (err instanceof RequestNotSentError) {
    // Failed before it was written: provably not delivered, whatever the socket's code.
    const code = err.code ?? 'UNKNOWN';
    if (/CERT|^ERR_TLS_|^UNABLE_TO_/.test(code))
      return { reason: 'unexpected', retryable: false, mayHaveBeenDelivered: false, code };
    return { reason: 'network', retryable: true, mayHaveBeenDelivered: false, code };
  }
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number') {
    const headers = (err as { headers?: unknown }).headers;
    const retryAfter = header(headers, 'retry-after');
    const withRetryAfter = retryAfter === undefined ? {} : { retryAfter };
    if (status === 429)
      return { reason: 'rate-limited', retryable: true, mayHaveBeenDelivered: false, status, ...withRetryAfter };
    if (status >= 500)
      return { reason: 'server-error', retryable: true, mayHaveBeenDelivered: true, status, ...withRetryAfter };
    const body = (err as { body?: unknown }).body;
    if (status === 400 && typeof body === 'string' && /invalid reply token/i.test(body)) {
      return { reason: 'invalid-reply-token', retryable: false, mayHaveBeenDelivered: false, status };
    }
    return { reason: 'client-error', retryable: false, mayHaveBeenDelivered: false, status };
  }
  const code = errorCode(err);
  // A certificate LINE's would never be (or a broken TLS set-up): nothing was sent, and retrying
  // changes nothing.
  if (code !== undefined && /CERT|^ERR_TLS_|^UNABLE_TO_/.test(code))
    return { reason: 'unexpected', retryable: false, mayHaveBeenDelivered: false, code };
  const fetchFailed = err instanceof TypeError && (err.message === 'fetch failed' || err.message === 'terminated');
  // E...: the socket's errors; UND_ERR_...: fetch's; HPE_...: node's HTTP parser, on a garbled response.
  if (fetchFailed || (code !== undefined && /^(E[A-Z]+|UND_ERR_[A-Z_]+|HPE_[A-Z_]+)$/.test(code))) {
    const networkCode = code ?? 'UNKNOWN';
    const neverSent = neverSentCodes.has(networkCode);
    return { reason: 'network', retryable: neverSent, mayHaveBeenDelivered: !neverSent, code: networkCode };
  }
  return {
    reason: 'unexpected',
    retryable: false,
    mayHaveBeenDelivered: false,
    code: (err as Error | null)?.name ?? typeof err,
  };
}

/** Retry-After in milliseconds from now: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: a uniform draw below min(max, base · 2^(retry−1)). */
export function backoffMs(retry: number, policy: ReplyPolicy, random: () => number): number {
  const cap = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

/** Wraps the single-attempt reply port with the timeout and retry policy. */
export function createRetryingReplyClient(port: ReplyClient, options: ReplyPolicyOptions = {}): RetryingReplyClient {
  const { now = Date.now, sleep = realSleep, random = Math.random, timer, ...overrides } = options;
  const policy: ReplyPolicy = { ...defaultReplyPolicy, ...definedOnly(overrides) };
  const startTimer = timer ?? (options.sleep ? timerFromSleep(sleep) : realTimer);

  /**
   * One attempt: resolves with undefined when sent, or the failure; a late answer is ignored. With
   * a port that tells when it wrote, the answer's timeout (`timeoutMs`, at most the time left before
   * the deadline) starts then, and before then the connect timeout runs.
   */
  function attempt(
    replyToken: string,
    messages: messagingApi.Message[],
    timeoutMs: number,
    deadline: () => number,
  ): Promise<AttemptFailure | undefined> {
    return new Promise((resolve) => {
      const request: RequestHandle = {};
      let settled = false;
      let cancel: () => void;
      const settle = (failure: AttemptFailure | undefined): void => {
        if (settled) return;
        settled = true;
        cancel();
        resolve(failure);
      };
      const timeOut = (ms: number, written: boolean) => () => {
        settle(classifyFailure(new ReplyTimeoutError(ms, written)));
        request.abandon?.();
      };
      if (port.tellsWhenWritten === true) {
        const connectMs = Math.min(policy.connectTimeoutMs, timeoutMs);
        cancel = startTimer(connectMs, timeOut(connectMs, false));
        request.onWritten = () => {
          if (settled) return;
          cancel();
          const wireMs = Math.min(timeoutMs, Math.max(policy.minAttemptMs, deadline() - now()));
          cancel = startTimer(wireMs, timeOut(wireMs, true));
        };
      } else {
        cancel = startTimer(timeoutMs, timeOut(timeoutMs, true));
      }
      port.reply(replyToken, messages, request).then(
        () => settle(undefined),
        (err: unknown) => settle(classifyFailure(err)),
      );
    });
  }

  return {
    now,
    sleep,
    deadlineFor: (eventTimestamp) => eventTimestamp + policy.tokenLifeMs - policy.safetyMarginMs,
    async reply(replyToken, messages, context) {
      let attempts = 0;
      let mayHaveBeenDelivered = false;
      let last: AttemptFailure | undefined;
      const failed = (failure: AttemptFailure | undefined, stoppedBy: StoppedBy): ReplyResult => ({
        outcome: 'failed',
        attempts,
        reason: failure?.reason ?? 'expired',
        stoppedBy,
        mayHaveBeenDelivered: mayHaveBeenDelivered || failure?.mayHaveBeenDelivered === true,
        ...(failure?.status === undefined ? {} : { status: failure.status }),
        ...(failure?.code === undefined ? {} : { code: failure.code }),
      });

      for (;;) {
        const before = context.beforeAttempt?.();
        if (before) await before;
        const remaining = context.deadline() - now();
        if (remaining < Math.min(policy.minAttemptMs, policy.timeoutMs)) return failed(last, 'deadline');
        attempts += 1;
        context.onAttempt?.(attempts);
        const failure = await attempt(replyToken, messages, Math.min(policy.timeoutMs, remaining), context.deadline);
        if (failure === undefined) return { outcome: 'sent', attempts };
        if (failure.reason === 'invalid-reply-token' && mayHaveBeenDelivered)
          return { outcome: 'delivered-unconfirmed', attempts };
        mayHaveBeenDelivered ||= failure.mayHaveBeenDelivered;
        last = failure;
        if (!failure.retryable) return failed(failure, failure.mayHaveBeenDelivered ? 'token-spent' : 'not-retryable');
        if (attempts >= policy.maxAttempts) return failed(failure, 'attempts');

        const retryAfterMs = parseRetryAfter(failure.retryAfter, now());
        const delayMs = Math.max(backoffMs(attempts, policy, random), retryAfterMs ?? 0);
        const wakeAt = now() + delayMs;
        if (wakeAt + policy.minAttemptMs > context.deadline()) return failed(failure, 'deadline');
        context.log.warn(
          {
            attempt: attempts,
            reason: failure.reason,
            status: failure.status,
            code: failure.code,
            delayMs,
            retryAfterMs,
          },
          'reply attempt failed; retrying',
        );
        context.onBackoff?.(delayMs);
        await sleep(delayMs, context.wake);
        // Woken early because the deadline moved: keep the backoff if there is still time for it.
        if (now() < wakeAt) {
          if (wakeAt + policy.minAttemptMs > context.deadline()) return failed(failure, 'deadline');
          await sleep(wakeAt - now());
        }
      }
    },
  };
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
