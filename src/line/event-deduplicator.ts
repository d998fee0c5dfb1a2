/**
 * Remembers which webhook events were already taken, so that an event LINE redelivers (same
 * webhookEventId) is answered only once. The in-memory store is bounded: it forgets events older
 * than LINE's redelivery window and the oldest ones beyond a maximum count.
 */
import { LRUCache } from 'lru-cache';

export interface EventDeduplicator {
  /**
   * True the first time an id is seen (the caller should handle the event), false afterwards.
   * The in-memory store answers at once; a shared store (Redis) answers with a promise.
   */
  claim(eventId: string): boolean | Promise<boolean>;
}

export interface MemoryDeduplicatorOptions {
  /** How long an id is remembered (default 30 minutes, covering LINE's redelivery window). */
  readonly ttlMs?: number;
  /** At most this many ids are remembered (default 100,000). */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** The in-memory store answers at once. */
export interface MemoryDeduplicator extends EventDeduplicator {
  claim(eventId: string): boolean;
}

export function createMemoryDeduplicator(options: MemoryDeduplicatorOptions = {}): MemoryDeduplicator {
  const now = options.now ?? (() => performance.now());
  const seen = new LRUCache<string, true>({
    max: options.maxEntries ?? 100_000,
    ttl: options.ttlMs ?? 30 * 60 * 1000,
    // Checked against the clock on every claim: a redelivery just past the window is a new event.
    ttlResolution: 0,
    perf: { now },
  });
  return {
    claim(eventId) {
      if (seen.has(eventId)) return false;
      seen.set(eventId, true);
      return true;
    },
  };
}
