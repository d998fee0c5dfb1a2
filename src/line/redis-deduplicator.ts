/**
 * De-duplication of webhook events shared by every replica, in Redis: the first replica to
 * claim an event id (SET NX with a TTL covering LINE's redelivery window) answers it; the others,
 * and later redeliveries, skip it. If Redis cannot be reached the replica still answers (a
 * possible duplicate beats a citizen left without an answer) and says so in the log; its own
 * in-memory store still stops redeliveries that reach it.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { createMemoryDeduplicator, type EventDeduplicator } from './event-deduplicator.js';

export interface RedisDeduplicatorOptions {
  readonly url: string;
  readonly logger: Logger;
  /** How long a claim lasts (default 30 minutes, covering LINE's redelivery window). */
  readonly ttlMs?: number;
  readonly keyPrefix?: string;
  /** Per-command timeout; a claim slower than this is treated as Redis being unavailable. */
  readonly commandTimeoutMs?: number;
}

export interface RedisDeduplicator extends EventDeduplicator {
  close(): Promise<void>;
}

export function createRedisDeduplicator(options: RedisDeduplicatorOptions): RedisDeduplicator {
  const ttlMs = options.ttlMs ?? 30 * 60 * 1000;
  const prefix = options.keyPrefix ?? 'komoro-policy-bot:event:';
  const local = createMemoryDeduplicator({ ttlMs });
  const redis = new Redis(options.url, {
    lazyConnect: false,
    // Commands wait for the connection (bounded by commandTimeout), so a claim at start-up is not lost.
    enableOfflineQueue: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: options.commandTimeoutMs ?? 1000,
  });
  // Connection errors are reported by claim(); without a listener ioredis would print them itself.
  redis.on('error', () => {});

  return {
    async claim(eventId) {
      if (!local.claim(eventId)) return false;
      try {
        const result = await redis.set(`${prefix}${eventId}`, '1', 'PX', ttlMs, 'NX');
        return result === 'OK';
      } catch (err) {
        options.logger.warn(
          { eventId, error: (err as Error).message },
          'redis unavailable for de-duplication; answering anyway',
        );
        return true;
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
