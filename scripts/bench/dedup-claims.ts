/**
 * The in-memory de-duplicator's cost per claim, while it fills and once it is full (every claim
 * then forgets the oldest id): a burst past its capacity must not make each event slower.
 */
import { createMemoryDeduplicator } from '../../src/line/event-deduplicator.js';

export interface ClaimCost {
  /** Mean µs per claim while the store fills up. */
  readonly fillingUs: number;
  /** Mean µs per claim over three more capacities' worth of claims, each evicting one. */
  readonly fullUs: number;
  readonly capacity: number;
}

export function measureClaims(capacity = 100_000): ClaimCost {
  let now = 0;
  const dedup = createMemoryDeduplicator({ maxEntries: capacity, now: () => now });
  const id = (i: number) => `01M8K28ZYF${String(i).padStart(16, '0')}`;
  const run = (from: number, to: number) => {
    const started = performance.now();
    for (let i = from; i < to; i++) {
      now += 1;
      dedup.claim(id(i));
    }
    return ((performance.now() - started) * 1000) / (to - from);
  };
  const fillingUs = run(0, capacity);
  const fullUs = run(capacity, 4 * capacity);
  return { fillingUs, fullUs, capacity };
}
