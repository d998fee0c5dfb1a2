/**
 * Handles the events of an acknowledged webhook request off the request path: each event once
 * (redeliveries are skipped), one reply per event with a reply token, and a logged reason for
 * every event that gets no reply. Logs carry event ids and outcomes, never user ids or texts.
 */
import type { webhook } from '@line/bot-sdk';
import type { EngineRef } from '../bot/engine-ref.js';
import { replyForEvent } from '../bot/reply-for-event.js';
import type { ReplyClient } from '../line/reply-client.js';
import type { Logger } from '../logger.js';
import type { EventDeduplicator } from './event-deduplicator.js';

export interface WebhookDispatcher {
  /** Start handling the events; returns at once. */
  dispatch(events: readonly webhook.Event[]): void;
  /** Resolves when every event dispatched so far has been handled (for shutdown and tests). */
  idle(): Promise<void>;
}

export interface DispatcherDeps {
  readonly engines: EngineRef;
  readonly deduplicator: EventDeduplicator;
  readonly replies: ReplyClient;
  readonly logger: Logger;
}

function errorStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

export function createWebhookDispatcher(deps: DispatcherDeps): WebhookDispatcher {
  const inFlight = new Set<Promise<void>>();

  async function handle(event: webhook.Event): Promise<void> {
    const started = performance.now();
    const eventId = event.webhookEventId;
    const log = deps.logger.child({ eventId, eventType: event.type });
    if (eventId && !(await deps.deduplicator.claim(eventId))) {
      log.info({ outcome: 'duplicate' }, 'redelivered event skipped');
      return;
    }
    const engine = await deps.engines.ready();
    const plan = replyForEvent(event, engine);
    if (!plan) {
      log.info({ outcome: 'ignored' }, 'event needs no reply');
      return;
    }
    const replyToken = 'replyToken' in event ? event.replyToken : undefined;
    if (!replyToken) {
      log.warn({ outcome: plan.outcome }, 'event has no reply token; not answered');
      return;
    }
    try {
      await deps.replies.reply(replyToken, plan.messages);
      log.info(
        { outcome: plan.outcome, entryIds: plan.entryIds, ms: Math.round(performance.now() - started) },
        'replied',
      );
    } catch (err) {
      log.error(
        { outcome: plan.outcome, status: errorStatus(err), error: (err as Error).message },
        'reply failed',
      );
    }
  }

  function track(promise: Promise<void>): void {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  }

  return {
    dispatch(events) {
      for (const event of events) {
        track(
          handle(event).catch((err: unknown) => {
            deps.logger.error({ eventId: event.webhookEventId, error: (err as Error).message }, 'event handling failed');
          }),
        );
      }
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
