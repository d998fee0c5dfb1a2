/**
 * The answer of an event whose reply token died before the reply could be sent (a burst on a busy
 * machine, LINE unreachable until the deadline) goes out as a push message, where the account
 * allows it (PUSH_FALLBACK=true: push messages count against the plan's monthly messages, reply
 * messages do not). Only when no reply attempt may have reached LINE: a reply that may have gone
 * out is never followed by a push. Each push carries its own X-Line-Retry-Key, so its retries
 * cannot deliver it twice (LINE answers 409 to a key it has already accepted).
 */
import { randomUUID } from 'node:crypto';
import type { messagingApi, webhook } from '@line/bot-sdk';
import type { Logger } from '../logger.js';
import { LineApiError } from './messaging-api-poster.js';
import type { ReplyClient } from './reply-client.js';
import {
  createRetryingReplyClient,
  type ReplyFailureReason,
  type ReplyPolicyOptions,
  type ReplyResult,
} from './retrying-reply-client.js';

export type PushResult =
  | { readonly outcome: 'pushed'; readonly attempts: number }
  | {
      readonly outcome: 'failed';
      readonly attempts: number;
      readonly reason: ReplyFailureReason;
      readonly status?: number;
    };

export interface PushFallback {
  /** Pushes the messages to the event's chat, retrying as replies are retried; never throws. */
  push(to: string, messages: messagingApi.Message[], log: Logger): Promise<PushResult>;
}

/** How long a push may keep being retried (ms). */
export const pushWindowMs = 30_000;

/** True for a failed reply that never reached LINE because time or attempts ran out. */
export function replyNeverReachedLine(result: ReplyResult): boolean {
  return (
    result.outcome === 'failed' &&
    !result.mayHaveBeenDelivered &&
    (result.stoppedBy === 'deadline' || result.stoppedBy === 'attempts')
  );
}

/** Whom a push reaches for this event: its user, group or room. */
export function pushTarget(event: webhook.Event): string | undefined {
  const source = event.source;
  switch (source?.type) {
    case 'user':
      return source.userId;
    case 'group':
      return source.groupId;
    case 'room':
      return source.roomId;
    default:
      return undefined;
  }
}

export function createPushFallback(
  port: Required<Pick<ReplyClient, 'push'>> & Pick<ReplyClient, 'tellsWhenWritten'>,
  policy: ReplyPolicyOptions = {},
): PushFallback {
  return {
    async push(to, messages, log) {
      const retryKey = randomUUID();
      // The retry policy of replies, with the chat as "token": the same timeouts and backoff.
      const client = createRetryingReplyClient(
        {
          reply: (chat, sent, handle) =>
            port.push(chat, sent, retryKey, handle).catch((err: unknown) => {
              // A key LINE has accepted already: an earlier attempt went through.
              if (err instanceof LineApiError && err.status === 409) return;
              throw err;
            }),
          ...(port.tellsWhenWritten === undefined ? {} : { tellsWhenWritten: port.tellsWhenWritten }),
        },
        policy,
      );
      const until = client.now() + pushWindowMs;
      const result = await client.reply(to, messages, { deadline: () => until, log });
      if (result.outcome === 'failed') {
        return {
          outcome: 'failed',
          attempts: result.attempts,
          reason: result.reason,
          ...(result.status === undefined ? {} : { status: result.status }),
        };
      }
      return { outcome: 'pushed', attempts: result.attempts };
    },
  };
}
