import { describe, expect, it } from 'vitest';
import { createMemoryDeduplicator } from '../../src/line/event-deduplicator.js';

describe('memory event deduplicator', () => {
  it('lets an event through once and refuses its redelivery', () => {
    const dedup = createMemoryDeduplicator();
    expect(dedup.claim('01ABC')).toBe(true);
    expect(dedup.claim('01ABC')).toBe(false);
    expect(dedup.claim('01ABD')).toBe(true);
  });

  it('forgets an event after its time to live', () => {
    let now = 10_000;
    const dedup = createMemoryDeduplicator({ ttlMs: 1000, now: () => now });
    dedup.claim('a');
    now = 10_999;
    expect(dedup.claim('a')).toBe(false);
    now = 12_500;
    expect(dedup.claim('a')).toBe(true);
  });

  it('stays bounded: beyond the maximum the oldest ids are forgotten', () => {
    const dedup = createMemoryDeduplicator({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) dedup.claim(id);
    expect(dedup.claim('a')).toBe(true);
    expect(dedup.claim('d')).toBe(false);
  });

  it('keeps forgetting the oldest ids in order, long after it first filled up', () => {
    let now = 0;
    const dedup = createMemoryDeduplicator({ maxEntries: 100, ttlMs: 1000, now: () => now });
    for (let i = 0; i < 5000; i++) {
      now = 1 + i; // ids older than 1000 ms go by age, the rest by count
      expect(dedup.claim(`id-${i}`)).toBe(true);
    }
    expect(dedup.claim('id-4999')).toBe(false);
    expect(dedup.claim('id-4900')).toBe(false);
    expect(dedup.claim('id-4899')).toBe(true); // forgotten: the 101st newest
    expect(dedup.claim('id-0')).toBe(true);
  });
});
