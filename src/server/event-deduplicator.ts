/**
 * Remembers which webhook events were already taken, so that an event LINE redelivers (same
 * webhookEventId) is answered only once. The in-memory store is bounded: it forgets events older
 * than LINE's redelivery window and the oldest ones beyond a maximum count.
 */

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
  const ttlMs = options.ttlMs ?? 30 * 60 * 1000;
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  // A Map keeps insertion order, so the first keys are the oldest.
  const seenAt = new Map<string, number>();
  const evict = (time: number) => {
    for (const [id, at] of seenAt) {
      if (time - at < ttlMs && seenAt.size <= maxEntries) break;
      seenAt.delete(id);
    }
  };
  return {
    claim(eventId) {
      const time = now();
      evict(time);
      if (seenAt.has(eventId)) return false;
      seenAt.set(eventId, time);
      evict(time);
      return true;
    },
  };
}
