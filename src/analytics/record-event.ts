/**
 * The webhook side of analytics: after an event has been answered (or the reply failed), record
 * the text question with its outcome, or the 役に立った / 役に立たなかった vote. The user id is
 * hashed before anything is stored; a store failure is logged without user data and never
 * reaches the reply. Votes on entries the corpus does not have are dropped.
 */
import type { webhook } from '@line/bot-sdk';
import type { ReplyPlan } from '../bot/reply-for-event.js';
import { parsePostbackData } from '../render/postback-data.js';
import type { Logger } from '../logger.js';
import { partialAnswerReason, type AnalyticsRecord, type AnalyticsStore } from './analytics-store.js';
import { hashUserId } from './user-hash.js';

/** Records what an event means for analytics; never rejects. */
export type EventRecorder = (event: webhook.Event, plan: ReplyPlan) => Promise<void>;

/**
 * What to record for an event and the reply planned for it (pure): a record for a text message
 * or a feedback postback, undefined for anything else. Reads the outcome replyForEvent gives a
 * text question: `answer-full`, `answer-partial` (recorded with {@link partialAnswerReason}) or
 * `abstain-<reason>`.
 */
export function analyticsRecordFor(event: webhook.Event, plan: ReplyPlan, salt: string): AnalyticsRecord | undefined {
  if (event.type === 'message' && event.message.type === 'text') {
    // Every record has the same fields in the same order (no spreads): made per message, they stay
    // cheap to build and to keep in the analytics queue.
    const answered = plan.outcome.startsWith('answer-');
    return {
      kind: 'question',
      record: {
        eventId: event.webhookEventId,
        at: new Date(event.timestamp),
        userHash: userHashOf(event, salt),
        question: event.message.text,
        answered,
        reason: reasonOf(plan.outcome),
        entryIds: answered ? (plan.entryIds ?? []) : [],
      },
    };
  }
  if (event.type === 'postback') {
    const postback = parsePostbackData(event.postback.data);
    if (postback.kind === 'feedback') {
      const { entryId, vote } = postback;
      return {
        kind: 'feedback',
        record: {
          eventId: event.webhookEventId,
          at: new Date(event.timestamp),
          userHash: userHashOf(event, salt),
          entryId,
          vote,
        },
      };
    }
  }
  return undefined;
}

/** The reason recorded for a text question's outcome: why not answered, or whether only in part. */
function reasonOf(outcome: string): string | undefined {
  if (outcome === 'answer-partial') return partialAnswerReason;
  if (outcome.startsWith('answer-')) return undefined;
  return outcome.startsWith('abstain-') ? outcome.slice('abstain-'.length) : outcome;
}

function userHashOf(event: webhook.Event, salt: string): string | undefined {
  const userId = event.source?.userId;
  return userId === undefined ? undefined : hashUserId(userId, salt);
}

export interface EventRecorderDeps {
  readonly store: AnalyticsStore;
  /** HASH_SALT, or a random per-process salt when it is not set. */
  readonly salt: string;
  readonly logger: Logger;
  /**
   * Whether the serving corpus has this entry; a vote on any other id (a made-up postback) is not
   * stored. Absent: every vote is stored.
   */
  readonly isKnownEntry?: (entryId: string) => boolean;
}

export function createEventRecorder(deps: EventRecorderDeps): EventRecorder {
  const written = Promise.resolve();
  // Store errors (SQLite's messages and codes) never carry the bound values: no user data here.
  const notRecorded = (eventId: string | undefined, kind: AnalyticsRecord['kind'] | undefined, err: unknown) => {
    deps.logger.error(
      { eventId, record: kind, code: (err as { code?: unknown }).code, error: (err as Error).message },
      'analytics not recorded (the reply was not affected)',
    );
  };
  // Not an async function: the record is built at once, and what waits for the store holds only
  // the event id, never the event and its reply (a store may settle after its batch is written,
  // and kept alive that long they would outlive the young generation under load).
  return (event, plan) => {
    const eventId = event.webhookEventId;
    let kind: AnalyticsRecord['kind'] | undefined;
    let stored: Promise<void>;
    try {
      const entry = analyticsRecordFor(event, plan, deps.salt);
      if (!entry) return written;
      kind = entry.kind;
      if (entry.kind === 'feedback' && deps.isKnownEntry && !deps.isKnownEntry(entry.record.entryId)) {
        // Not the id itself: postback data is whatever the client sent.
        deps.logger.debug({ eventId, reason: 'unknown-entry' }, 'vote not recorded: no such entry in the corpus');
        return written;
      }
      stored =
        entry.kind === 'question' ? deps.store.recordQuestion(entry.record) : deps.store.recordFeedback(entry.record);
    } catch (err) {
      notRecorded(eventId, kind, err);
      return written;
    }
    return stored.catch((err: unknown) => notRecorded(eventId, kind, err));
  };
}
