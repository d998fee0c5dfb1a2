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
  const seenAt = new Map<string, number>();
  // The ids in the order they were claimed, oldest at `head`: eviction walks forward from there.
  // (Iterating the Map from its start instead skips every entry deleted before, until V8 rehashes
  // the table: once full, each claim cost tens of microseconds instead of a fraction of one.)
  let order: string[] = [];
  let head = 0;
  const evict = (time: number) => {
    while (head < order.length) {
      const id = order[head] as string;
      const at = seenAt.get(id) ?? time;
      if (time - at < ttlMs && seenAt.size <= maxEntries) break;
      seenAt.delete(id);
      head += 1;
    }
    if (head > 1024 && head * 2 > order.length) {
      order = order.slice(head);
      head = 0;
    }
  };
  return {
    claim(eventId) {
      const time = now();
      evict(time);
      if (seenAt.has(eventId)) return false;
      seenAt.set(eventId, time);
      order.push(eventId);
      evict(time);
      return true;
    },
  };
}
