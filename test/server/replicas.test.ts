import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Metrics } from '../../src/line/metrics.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { fakeChannelAccessToken, startFakeLineApi, type FakeLineApi } from '../support/fake-line-api.js';
import { hasRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { callbackBody, sign, textEvent } from '../support/webhook-fixtures.js';

const secret = '0123456789abcdef0123456789abcdef';

async function metrics(replica: ServerProcess): Promise<Metrics & { inFlight: number }> {
  return (await (await fetch(`${replica.url}/metrics`)).json()) as Metrics & { inFlight: number };
}

/** Events the replica is still handling. */
const inFlight = async (replica: ServerProcess): Promise<number> => (await metrics(replica)).inFlight;

// CI installs redis-server (.ci/run); a developer machine without it skips this, saying why.
const suite = hasRedisServer || process.env.CI ? describe : describe.skip;

suite('two replicas sharing redis', () => {
  let redis: RedisServer;
  let fake: FakeLineApi;
  let replicas: ServerProcess[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    fake = await startFakeLineApi();
    const env = {
      LINE_CHANNEL_SECRET: secret,
      LINE_CHANNEL_ACCESS_TOKEN: fakeChannelAccessToken,
      LINE_API_BASE_URL: fake.baseUrl,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'info',
    };
    replicas = await Promise.all([startServerProcess({ env }), startServerProcess({ env })]);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
    await fake?.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
    await redis?.stop();
  });

  it('answers an event delivered to both replicas exactly once', async () => {
    const events = Array.from({ length: 10 }, (_, i) => textEvent(i % 2 ? 'ふるさと納税は？' : '残業は減ったの？'));
    for (const event of events) {
      const body = JSON.stringify(callbackBody([event]));
      const post = (url: string) =>
        fetch(`${url}/webhook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-line-signature': sign(body, secret) },
          body,
        });
      const statuses = await Promise.all(replicas.map((r) => post(r.url).then((res) => res.status)));
      expect(statuses).toEqual([200, 200]);
    }
    await fake.waitForReplies(events.length);
    // Wait until both replicas have handled every event: a would-be duplicate is sent before that.
    await expect.poll(() => Promise.all(replicas.map(inFlight))).toEqual([0, 0]);
    expect(fake.replies.map((r) => r.replyToken).sort()).toEqual(events.map((e) => e.replyToken).sort());
    expect(fake.invalidRequests).toEqual([]);
    // Each event skipped by the replica that lost the claim, as counted and, once its log is written, logged.
    const skippedCounted = await Promise.all(replicas.map(async (r) => (await metrics(r)).events.duplicatesSkipped));
    expect((skippedCounted[0] as number) + (skippedCounted[1] as number)).toBe(events.length);
    await expect
      .poll(() => {
        const skipped = replicas.map((r) => (r.output().match(/redelivered event skipped/g) ?? []).length);
        return (skipped[0] as number) + (skipped[1] as number);
      })
      .toBe(events.length);
  });
});
