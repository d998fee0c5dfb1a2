import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createRedisDeduplicator } from '../../src/line/redis-deduplicator.js';
import { hasRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { freePort } from '../support/server-process.js';

const logs: string[] = [];
const logger = createLogger(
  'warn',
  new Writable({
    write: (c: Buffer, _e, done) => {
      logs.push(c.toString());
      done();
    },
  }),
);

// CI installs redis-server (.ci/run); a developer machine without it skips these, saying why.
const suite = hasRedisServer || process.env.CI ? describe : describe.skip;

suite('redis event deduplicator (real redis-server)', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
    await redis?.stop();
  });

  it('lets exactly one of two replicas claim an event', async () => {
    const a = createRedisDeduplicator({ url: redis.url, logger });
    const b = createRedisDeduplicator({ url: redis.url, logger });
    try {
      const claims = await Promise.all([a.claim('01EVENT'), b.claim('01EVENT')]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await a.claim('01EVENT')).toBe(false);
      expect(await b.claim('01OTHER')).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('forgets a claim after its time to live', async () => {
    const a = createRedisDeduplicator({ url: redis.url, logger, ttlMs: 100, keyPrefix: 'ttl-test:' });
    const b = createRedisDeduplicator({ url: redis.url, logger, ttlMs: 100, keyPrefix: 'ttl-test:' });
    try {
      expect(await a.claim('x')).toBe(true);
      await new Promise((r) => setTimeout(r, 250));
      expect(await b.claim('x')).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('redis event deduplicator without redis', () => {
  it('answers anyway when redis is unreachable, logs it, and still skips redeliveries it saw', async () => {
    const dedup = createRedisDeduplicator({ url: `redis://127.0.0.1:${await freePort()}`, logger });
    try {
      expect(await dedup.claim('01DOWN')).toBe(true);
      expect(await dedup.claim('01DOWN')).toBe(false);
      expect(logs.join('')).toContain('redis unavailable');
    } finally {
      await dedup.close();
    }
  });
});
