/**
 * Counters of what happened to webhook events and their replies, as plain numbers in a plain
 * object (served as JSON by GET /metrics; no metrics library). They count outcomes, never
 * anything about the user.
 */

export interface Metrics {
  readonly events: {
    /** Events handed to the dispatcher. */
    received: number;
    /** Redeliveries of events already taken (same webhookEventId). */
    duplicatesSkipped: number;
    /** Events that need no reply (unfollow, join, unsend...). */
    ignored: number;
    /** Events that would get a reply but carry no reply token. */
    withoutReplyToken: number;
    /** Events of webhook requests answered 503 because the server was shutting down. */
    refusedWhileDraining: number;
  };
  readonly replies: {
    /** Replies LINE confirmed (2xx). */
    sent: number;
    /** "Invalid reply token" after an attempt that may have reached LINE: most likely delivered. */
    deliveredUnconfirmed: number;
    /** Replies that needed at least one retry (whatever their outcome). */
    retried: number;
    /** Attempts beyond the first, over all replies. */
    retryAttempts: number;
    /** Answers sent as push messages because the reply token died first (PUSH_FALLBACK). */
    pushed: number;
    /** Replies given up, by reason (timeout, network, rate-limited, server-error, invalid-reply-token, ...). */
    failed: Record<string, number>;
  };
  readonly loadingAnimation: {
    started: number;
    failed: number;
  };
}

export function createMetrics(): Metrics {
  return {
    events: { received: 0, duplicatesSkipped: 0, ignored: 0, withoutReplyToken: 0, refusedWhileDraining: 0 },
    replies: { sent: 0, deliveredUnconfirmed: 0, retried: 0, retryAttempts: 0, pushed: 0, failed: {} },
    loadingAnimation: { started: 0, failed: 0 },
  };
}

export function countFailure(metrics: Metrics, reason: string): void {
  metrics.replies.failed[reason] = (metrics.replies.failed[reason] ?? 0) + 1;
}

/** A copy safe to serialise while the counters keep moving. */
export function metricsSnapshot(metrics: Metrics): Metrics {
  return structuredClone(metrics);
}
