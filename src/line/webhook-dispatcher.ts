/**
 * Handles the events of an acknowledged webhook request off the request path: each event once
 * (redeliveries are skipped), one reply per event with a reply token, and a logged reason for
 * every event that gets no reply. Answers are computed in turn, in short slices of the event loop
 * (answer-queue.ts), so that a webhook of a thousand events or a burst of long questions never
 * holds it for long; an event whose token dies while it waits is a counted failure ('expired'),
 * its answer not computed. Replies go through the retrying client (timeouts of the wire, backoff,
 * the token's deadline), so each ends as exactly one counted outcome: sent, delivered-unconfirmed
 * or a failure with its reason. Logs carry event ids and outcomes, never user ids, reply tokens or texts.
 */
import type { webhook } from '@line/bot-sdk';
import type { EngineRef } from '../bot/engine-ref.js';
import { replyForEventInSteps, type ReplyPlan } from '../bot/reply-for-event.js';
import { createAnswerQueue, type AnswerQueueOptions } from './answer-queue.js';
import type { ReplyClient } from './reply-client.js';
import {
  classifyFailure,
  createRetryingReplyClient,
  type ReplyPolicyOptions,
  type ReplyResult,
} from './retrying-reply-client.js';
import type { Logger } from '../logger.js';
import type { EventRecorder } from '../analytics/record-event.js';
import type { EventDeduplicator } from './event-deduplicator.js';
import { countFailure, createMetrics, type Metrics } from './metrics.js';
import { createPushFallback, pushTarget, replyNeverReachedLine } from './push-fallback.js';
import { checkEventShape } from './webhook-event-shape.js';

export interface WebhookDispatcher {
  /**
   * Start handling the events; returns at once. Each is checked first (webhook-event-shape.ts):
   * a malformed one is skipped with a logged reason, the others are handled.
   */
  dispatch(events: readonly unknown[]): void;
  /** Resolves when every event dispatched so far has been handled (for shutdown and tests). */
  idle(): Promise<void>;
  /** Events being handled now (replies waiting for an answer or a retry included). */
  readonly inFlight: number;
  /** Of those, the events whose answer waits in the queue to be computed (answer-queue.ts). */
  readonly answersWaiting: number;
  /** Outcome counters, served by GET /metrics. */
  readonly metrics: Metrics;
  /** True once drain() was called: new webhook requests are answered 503 (LINE redelivers them). */
  readonly draining: boolean;
  /**
   * Shutdown: no reply attempt runs past `repliesBy` (backoff waits are cut short), and resolves
   * once every event is handled or at `waitUntil`, with the number still unfinished.
   */
  drain(bounds: { readonly repliesBy: number; readonly waitUntil: number }): Promise<{ readonly unfinished: number }>;
}

export interface DispatcherDeps {
  readonly engines: EngineRef;
  readonly deduplicator: EventDeduplicator;
  readonly replies: ReplyClient;
  readonly logger: Logger;
  /** Records questions and votes for analytics after the reply (sent or failed); optional. Never rejects. */
  readonly recordEvent?: EventRecorder;
  /** Timeout, attempts, backoff and token deadline of replies (retrying-reply-client.ts); defaults for production. */
  readonly replyPolicy?: ReplyPolicyOptions;
  /** Counters to add to; a fresh set by default. */
  readonly metrics?: Metrics;
  /**
   * A 1:1 chat sees the loading animation when its answer waits in the queue, or its reply for a
   * retry, past this since the event arrived (default 1000 ms).
   */
  readonly loadingAfterMs?: number;
  /** How answers are computed in slices (answer-queue.ts); defaults for production. */
  readonly answers?: Omit<AnswerQueueOptions, 'waitingAfterMs'>;
  /**
   * Send the answer as a push message when the reply token died before any reply attempt could
   * reach LINE (push-fallback.ts); only where the account's plan allows pushes. Default false.
   */
  readonly pushFallback?: boolean;
}

/** The longest a reply waits for the loading animation's request to be answered (ms). */
const loadingWaitMs = 2000;

/**
 * Events of one webhook started in one turn of the event loop at most: checking and starting the
 * 1,000 events a webhook may carry took 25–70 ms at once.
 */
const eventsPerTurn = 100;

/** A reply plan for an event whose answer was never computed: its token died while it waited. */
const unanswered: ReplyPlan = { messages: [], outcome: 'unanswered' };

/**
 * The user of a 1:1 chat waiting for an answer to this event (a message, a postback, a follow),
 * whom the loading animation may be shown; undefined for a group or room, or an event without reply.
 */
function chatAwaitingAnswer(event: webhook.Event): string | undefined {
  if (event.type !== 'message' && event.type !== 'postback' && event.type !== 'follow') return undefined;
  return event.source?.type === 'user' ? event.source.userId : undefined;
}

/** LINE accepts 5 to 60 seconds, in steps of 5. */
export function loadingSecondsFor(remainingMs: number): number {
  return Math.min(60, Math.max(5, Math.ceil(remainingMs / 5000) * 5));
}

export function createWebhookDispatcher(deps: DispatcherDeps): WebhookDispatcher {
  const inFlight = new Set<Promise<void>>();
  const recordings = new Set<Promise<void>>();
  const metrics = deps.metrics ?? createMetrics();
  const replier = createRetryingReplyClient(deps.replies, deps.replyPolicy);
  const loadingAfterMs = deps.loadingAfterMs ?? 1000;
  const answers = createAnswerQueue({ ...deps.answers, waitingAfterMs: loadingAfterMs });
  const port = deps.replies;
  const pushes =
    deps.pushFallback === true && port.push
      ? createPushFallback(
          {
            push: (to, messages, retryKey, handle) =>
              port.push ? port.push(to, messages, retryKey, handle) : Promise.reject(new Error('push unavailable')),
            tellsWhenWritten: port.tellsWhenWritten,
          },
          deps.replyPolicy,
        )
      : undefined;
  let draining = false;
  let repliesBy = Number.POSITIVE_INFINITY;
  const wake = new AbortController();

  /**
   * The loading animation of a 1:1 chat, started at most once: when the answer has waited in the
   * queue past loadingAfterMs (before it is computed), or when the reply waits for a retry. The
   * reply's next attempt waits for the animation's request (at most loadingWaitMs), and no
   * animation is requested while an attempt is in flight, so it cannot reach LINE after the answer.
   */
  function loadingAnimation(chatId: string, startedAt: number, deadline: () => number, log: () => Logger) {
    let shown = false;
    let request: Promise<void> | undefined;
    let pending: AbortController | undefined;
    const cancel = (): void => {
      pending?.abort();
      pending = undefined;
    };
    const show = (): void => {
      if (shown || deps.replies.showLoading === undefined) return;
      shown = true;
      const loadingSeconds = loadingSecondsFor(deadline() - replier.now());
      const sent = deps.replies.showLoading(chatId, loadingSeconds).then(
        () => {
          metrics.loadingAnimation.started += 1;
          log().debug({ loadingSeconds }, 'loading animation started');
        },
        (err: unknown) => {
          metrics.loadingAnimation.failed += 1;
          const { reason, status, code } = classifyFailure(err);
          log().warn({ reason, status, code }, 'loading animation failed');
        },
      );
      request = sent;
      void sent.then(() => {
        if (request === sent) request = undefined;
      });
    };
    return {
      show,
      beforeAttempt(): Promise<void> | undefined {
        cancel();
        if (!request) return undefined;
        const timer = new AbortController();
        return Promise.race([request, replier.sleep(loadingWaitMs, timer.signal)]).then(() => timer.abort());
      },
      onBackoff(delayMs: number): void {
        if (shown) return;
        const showInMs = Math.max(0, startedAt + loadingAfterMs - replier.now());
        if (showInMs >= delayMs) return;
        const timer = new AbortController();
        pending = timer;
        void replier.sleep(showInMs, timer.signal).then(() => {
          if (!timer.signal.aborted) show();
        });
      },
      cancel,
    };
  }

  /** Counts and logs the one outcome of a reply: sent, delivered (unconfirmed) or failed. */
  function account(result: ReplyResult, plan: ReplyPlan, log: () => Logger, started: number): void {
    const ms = Math.round(performance.now() - started);
    if (result.attempts > 1) {
      metrics.replies.retried += 1;
      metrics.replies.retryAttempts += result.attempts - 1;
    }
    switch (result.outcome) {
      case 'sent':
        metrics.replies.sent += 1;
        // At debug: a line per answer would be the costliest thing the bot does per webhook after
        // the reply itself; /metrics counts them, analytics keeps what was asked and answered.
        if (!deps.logger.isLevelEnabled('debug')) return;
        log().debug(
          { outcome: plan.outcome, reply: 'sent', entryIds: plan.entryIds, attempts: result.attempts, ms },
          'replied',
        );
        return;
      case 'delivered-unconfirmed':
        metrics.replies.deliveredUnconfirmed += 1;
        log().warn(
          { outcome: plan.outcome, reply: 'delivered-unconfirmed', attempts: result.attempts, ms },
          'reply most likely delivered: LINE refused the token after an attempt that may have gone through',
        );
        return;
      case 'failed':
        countFailure(metrics, result.reason);
        log().error(
          {
            outcome: plan.outcome,
            reply: 'failed',
            reason: result.reason,
            stoppedBy: result.stoppedBy,
            attempts: result.attempts,
            status: result.status,
            code: result.code,
            ms,
          },
          'reply failed',
        );
        return;
    }
  }

  async function handle(event: webhook.Event, state: { accounted: boolean }): Promise<void> {
    const started = performance.now();
    const eventId = event.webhookEventId;
    // Made on first use: most events log nothing, and a child logger serialises its bindings.
    let child: Logger | undefined;
    const log = (): Logger => (child ??= deps.logger.child({ eventId, eventType: event.type }));
    const claimed = eventId ? deps.deduplicator.claim(eventId) : true;
    if (!(typeof claimed === 'boolean' ? claimed : await claimed)) {
      metrics.events.duplicatesSkipped += 1;
      state.accounted = true;
      log().info({ outcome: 'duplicate' }, 'redelivered event skipped');
      return;
    }
    const engine = deps.engines.current() ?? (await deps.engines.ready());
    const replyToken = 'replyToken' in event ? event.replyToken : undefined;
    const tokenDeadline = replier.deadlineFor(event.timestamp);
    const deadline = () => Math.min(tokenDeadline, repliesBy);
    const arrivedAt = replier.now();
    const chatId = replyToken && deps.replies.showLoading ? chatAwaitingAnswer(event) : undefined;
    // Made when first needed: most answers come at once and never need it.
    let loading: ReturnType<typeof loadingAnimation> | undefined;
    const loadingFor = (id: string) => (loading ??= loadingAnimation(id, arrivedAt, deadline, log));
    const pushTo = pushes && replyToken ? pushTarget(event) : undefined;
    // A push is the answer's way out only when the token's own life ran out, not a shutdown.
    const mayPush = () => pushTo !== undefined && tokenDeadline <= repliesBy;
    // The answer waits its turn (answer-queue.ts); once the token is dead it is not computed,
    // unless it can still go out as a push message.
    const plan = await answers.run(
      function* () {
        if (replyToken && replier.now() >= deadline() && !mayPush()) return unanswered;
        return yield* replyForEventInSteps(event, deps.engines.current() ?? engine);
      },
      chatId === undefined ? undefined : () => loadingFor(chatId).show(),
    );
    if (plan === unanswered) {
      state.accounted = true;
      account(
        { outcome: 'failed', attempts: 0, reason: 'expired', stoppedBy: 'deadline', mayHaveBeenDelivered: false },
        plan,
        log,
        started,
      );
      return;
    }
    if (!plan) {
      metrics.events.ignored += 1;
      state.accounted = true;
      log().info({ outcome: 'ignored' }, 'event needs no reply');
      return;
    }
    if (!replyToken) {
      metrics.events.withoutReplyToken += 1;
      state.accounted = true;
      log().warn({ outcome: plan.outcome }, 'event has no reply token; not answered');
      record(event, plan);
      return;
    }
    // Never rejects: every outcome, failures included, is counted and logged once.
    const result = await replier.reply(replyToken, plan.messages, {
      deadline,
      wake: wake.signal,
      get log() {
        return log();
      },
      beforeAttempt: () => loading?.beforeAttempt(),
      onBackoff: (delayMs) => {
        if (chatId !== undefined) loadingFor(chatId).onBackoff(delayMs);
      },
    });
    loading?.cancel();
    if (pushes && pushTo !== undefined && mayPush() && replyNeverReachedLine(result)) {
      const pushed = await pushes.push(pushTo, plan.messages, log());
      if (pushed.outcome === 'pushed') {
        state.accounted = true;
        metrics.replies.pushed += 1;
        log().warn(
          {
            outcome: plan.outcome,
            reply: 'pushed',
            reason: result.outcome === 'failed' ? result.reason : undefined,
            attempts: pushed.attempts,
            ms: Math.round(performance.now() - started),
          },
          'reply token died before the reply could be sent; answered by a push message',
        );
        record(event, plan);
        return;
      }
      log().error({ reason: pushed.reason, status: pushed.status, attempts: pushed.attempts }, 'push fallback failed');
    }
    state.accounted = true;
    account(result, plan, log, started);
    // After the reply, so analytics never delays it.
    record(event, plan);
  }

  /**
   * Analytics records are written in batches, a few tens of milliseconds later: tracked apart
   * from the event, so that the event's own state (its handler, logger, reply) is released as
   * soon as it is answered instead of living on until the batch is written. idle() waits for both.
   */
  function record(event: webhook.Event, plan: ReplyPlan): void {
    const recording = deps.recordEvent?.(event, plan);
    if (!recording) return;
    recordings.add(recording);
    void recording.finally(() => recordings.delete(recording));
  }

  async function idle(): Promise<void> {
    while (inFlight.size > 0 || recordings.size > 0) await Promise.allSettled([...inFlight, ...recordings]);
  }

  function track(promise: Promise<void>): void {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  }

  /** Checks one event of a webhook and starts handling it. */
  function dispatchOne(value: unknown): void {
    const shape = checkEventShape(value);
    if (!shape.ok) {
      const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
      const eventId = typeof fields.webhookEventId === 'string' ? fields.webhookEventId : undefined;
      const eventType = typeof fields.type === 'string' ? fields.type : undefined;
      deps.logger.warn({ eventId, eventType, outcome: 'malformed', problem: shape.problem }, 'malformed event skipped');
      return;
    }
    const { event } = shape;
    metrics.events.received += 1;
    const state = { accounted: false };
    track(
      handle(event, state).catch((err: unknown) => {
        const eventId = event.webhookEventId;
        if (!state.accounted && 'replyToken' in event && event.replyToken) {
          // The reply was never attempted: a counted failure, not silence.
          countFailure(metrics, 'handler-error');
          deps.logger.error(
            {
              eventId,
              eventType: event.type,
              reply: 'failed',
              reason: 'handler-error',
              attempts: 0,
              error: (err as Error).message,
            },
            'reply failed',
          );
          return;
        }
        deps.logger.error({ eventId, error: (err as Error).message }, 'event handling failed');
      }),
    );
  }

  return {
    dispatch(events) {
      const startFrom = (first: number): void => {
        for (let i = first; i < Math.min(events.length, first + eventsPerTurn); i++) dispatchOne(events[i]);
      };
      startFrom(0);
      if (events.length <= eventsPerTurn) return;
      // The rest a turn of the event loop at a time; tracked, so idle() and shutdown wait for them.
      track(
        (async () => {
          for (let first = eventsPerTurn; first < events.length; first += eventsPerTurn) {
            await new Promise((resolve) => setImmediate(resolve));
            startFrom(first);
          }
        })(),
      );
    },
    idle,
    get inFlight() {
      return inFlight.size;
    },
    get answersWaiting() {
      return answers.waiting;
    },
    metrics,
    get draining() {
      return draining;
    },
    async drain(bounds) {
      draining = true;
      repliesBy = Math.min(repliesBy, bounds.repliesBy);
      wake.abort();
      const timer = new AbortController();
      const everyEventHandled = idle().then(() => timer.abort());
      await Promise.race([everyEventHandled, replier.sleep(bounds.waitUntil - replier.now(), timer.signal)]);
      timer.abort();
      return { unfinished: inFlight.size };
    },
  };
}
