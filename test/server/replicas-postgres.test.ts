/**
 * Two bot processes behind one "load balancer" (this test), sharing Redis (each event answered
 * once) and PostgreSQL (one report of what citizens asked): a stream of events, some delivered to
 * both; a redeploy (one instance stopped, a new one started); PostgreSQL stopped mid-run, then
 * started again. Replies are never held up and never lost, and the report counts every question
 * once.
 */
import { spawn } from 'node:child_process';
import type { webhook } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStoreStatus } from '../../src/analytics/analytics-store.js';
import type { AnalyticsReport } from '../../src/analytics/report.js';
import { postEvents, testChannelSecret } from '../support/bot-server.js';
import { fakeChannelAccessToken, startFakeLineApi, type FakeLineApi } from '../support/fake-line-api.js';
import { hasPostgresServer, startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { hasRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { repoRoot, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { textEvent, userIdLike } from '../support/webhook-fixtures.js';

const adminToken = 'replicas-postgres-admin-token-0123';
/** The bundled corpus does not cover it: an unanswered question in the report. */
const unanswerable = '粗大ごみの出し方を教えて';
const answerable = 'ふるさと納税は？';
const citizens = [userIdLike(), userIdLike(), userIdLike()];

// CI installs both servers (.ci/run); a developer machine without them skips this, saying why.
const suite = (hasRedisServer && hasPostgresServer) || process.env.CI ? describe : describe.skip;

async function json<T>(url: string, path: string): Promise<T> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${adminToken}` } });
  return (await res.json()) as T;
}

const report = (instance: ServerProcess) => json<AnalyticsReport>(instance.url, '/admin/report?limit=100');
const analyticsStatus = async (instance: ServerProcess) =>
  (await json<{ analytics: AnalyticsStoreStatus & { message: string } }>(instance.url, '/api/status')).analytics;
const inFlight = async (instance: ServerProcess) =>
  (await json<{ inFlight: number }>(instance.url, '/metrics')).inFlight;
const healthz = async (instance: ServerProcess) => (await fetch(`${instance.url}/healthz`)).status;

/** What the report counts, summed over its days. */
function totals(r: AnalyticsReport) {
  const sum = (field: 'questions' | 'answered' | 'unanswered') =>
    r.dailyVolume.reduce((total, day) => total + day[field], 0);
  const group = r.unanswered.find((u) => u.question === unanswerable);
  return {
    questions: sum('questions'),
    answered: sum('answered'),
    unanswered: sum('unanswered'),
    unansweredGroup: group ? { count: group.count, users: group.users } : undefined,
  };
}

/** `npm run report -- ARGS` with the environment given (and nothing else inherited). */
function reportCli(env: Record<string, string>, args: readonly string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/commands/report.ts', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

suite('instances sharing Redis and PostgreSQL', () => {
  let redis: RedisServer;
  let postgres: PostgresServer;
  let fake: FakeLineApi;
  let env: Record<string, string>;
  let instances: ServerProcess[] = [];
  /** Every event sent so far, and how many of them were the unanswerable question. */
  const sent: webhook.MessageEvent[] = [];
  let unanswered = 0;

  /** `count` questions from the citizens in turn, each to one instance and every third to both (a redelivery). */
  async function stream(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const asked = i % 2 === 0 ? unanswerable : answerable;
      const event = textEvent(asked, { userId: citizens[i % citizens.length] as string });
      sent.push(event);
      if (asked === unanswerable) unanswered++;
      const first = instances[i % instances.length] as ServerProcess;
      const second = instances[(i + 1) % instances.length] as ServerProcess;
      const targets = i % 3 === 0 ? [first, second] : [first];
      const statuses = await Promise.all(targets.map((target) => postEvents(target.url, [event])));
      expect(statuses.every((s) => s === 200)).toBe(true);
    }
    await fake.waitForReplies(sent.length, 60_000);
    // Every instance has finished with every event: a duplicate reply would have been sent by now.
    await expect.poll(() => Promise.all(instances.map(inFlight))).toEqual(instances.map(() => 0));
  }

  /** Each event answered exactly once, by one instance or the other. */
  function expectEachAnsweredOnce(): void {
    expect(fake.replies.map((r) => r.replyToken).sort()).toEqual(sent.map((e) => e.replyToken).sort());
    expect(fake.invalidRequests).toEqual([]);
  }

  /** Once every instance has written what waits, the report from `instance` counts each question once. */
  async function expectReportCountsEachOnce(instance: ServerProcess): Promise<void> {
    // After an outage the next attempt may be up to 15 s away (the backoff's cap).
    await expect
      .poll(async () => (await Promise.all(instances.map(analyticsStatus))).map((s) => [s.state, s.waiting]), {
        timeout: 90_000,
      })
      .toEqual(instances.map(() => ['ok', 0]));
    expect(totals(await report(instance))).toEqual({
      questions: sent.length,
      answered: sent.length - unanswered,
      unanswered,
      unansweredGroup: { count: unanswered, users: citizens.length },
    });
  }

  beforeAll(async () => {
    [redis, postgres, fake] = await Promise.all([startRedisServer(), startPostgresServer(), startFakeLineApi()]);
    env = {
      LINE_CHANNEL_SECRET: testChannelSecret,
      LINE_CHANNEL_ACCESS_TOKEN: fakeChannelAccessToken,
      LINE_API_BASE_URL: fake.baseUrl,
      REDIS_URL: redis.url,
      DATABASE_URL: await postgres.createDatabase('komoro'),
      HASH_SALT: 'shared-salt-of-every-instance-0123',
      ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'info',
    };
    instances = await Promise.all([startServerProcess({ env }), startServerProcess({ env })]);
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
    await Promise.all([fake?.close(), redis?.stop(), postgres?.destroy()]);
  });

  it('answers a stream of events each once, and either instance reports each question once', async () => {
    await stream(30);
    expectEachAnsweredOnce();
    await expectReportCountsEachOnce(instances[0] as ServerProcess);
    expect(totals(await report(instances[1] as ServerProcess))).toEqual(
      totals(await report(instances[0] as ServerProcess)),
    );
    const status = await analyticsStatus(instances[0] as ServerProcess);
    expect(status.message).toContain('PostgreSQL（全インスタンスで共有）');
  });

  it('keeps every question across a redeploy: an instance stopped, a new one started', async () => {
    const [old, staying] = instances as [ServerProcess, ServerProcess];
    await stream(6);
    expect(await old.stop()).toBe(0); // what waited in its queue is written on the way out
    const fresh = await startServerProcess({ env });
    instances = [staying, fresh];
    await stream(6);
    expectEachAnsweredOnce();
    await expectReportCountsEachOnce(fresh);

    // npm run report reads the same shared database.
    const cli = await reportCli({ DATABASE_URL: env.DATABASE_URL as string }, ['--csv', '--limit', '100']);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(new RegExp(`^${unanswerable},[^,]*,${unanswered},${citizens.length},`, 'm'));
  });

  it('goes on answering while PostgreSQL is down, and writes the questions that waited once it is back', async () => {
    await postgres.stop();
    await stream(12);
    expectEachAnsweredOnce();
    for (const instance of instances) expect(await healthz(instance)).toBe(200);
    // Staff see it: the questions wait in memory, and the report cannot be read meanwhile.
    await expect
      .poll(async () => (await Promise.all(instances.map(analyticsStatus))).map((s) => s.state))
      .toEqual(['buffering', 'buffering']);
    const waiting = (await Promise.all(instances.map(analyticsStatus))).reduce((n, s) => n + s.waiting, 0);
    expect(waiting).toBeGreaterThan(0);
    const refused = await fetch(`${(instances[0] as ServerProcess).url}/admin/report`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(refused.status).toBe(503);

    await postgres.start();
    await expectReportCountsEachOnce(instances[1] as ServerProcess);
    for (const instance of instances) {
      expect(instance.child.exitCode).toBeNull();
      // Logs are written in the background, up to 250 ms late.
      await expect.poll(() => instance.output()).toContain('the database answers again');
      expect(instance.output()).toContain('the database cannot be reached');
      expect(instance.output()).not.toContain(unanswerable);
    }
  });

  it('refuses to start with PostgreSQL and no HASH_SALT, saying why', async () => {
    const { HASH_SALT: _salt, ...withoutSalt } = env;
    await expect(startServerProcess({ env: withoutSalt })).rejects.toThrow(/exited \(2\)[\s\S]*HASH_SALT/);
  });
});
