import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { webhook } from '@line/bot-sdk';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryAnalyticsStore, type AnalyticsStore } from '../../src/analytics/analytics-store.js';
import type { AnalyticsReport } from '../../src/analytics/report.js';
import { analyticsDbFile, openSqliteAnalyticsStore } from '../../src/analytics/sqlite-analytics-store.js';
import { bundledEngine, startBotServer, testChannelSecret, type BotServer } from '../support/bot-server.js';
import { startFakeLineApi, type FakeLineApi } from '../support/fake-line-api.js';
import { callbackBody, fixtureUserId, postbackEvent, sign, textEvent } from '../support/webhook-fixtures.js';

const adminToken = 'report-test-admin-token-0123456789';
/** A question the bundled corpus does not cover (the bot abstains with no-match). */
const unanswerable = '粗大ごみの出し方を教えて';

let dir: string;
let store: AnalyticsStore;
let fake: FakeLineApi;
let bot: BotServer;

beforeAll(async () => {
  await bundledEngine();
});

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'admin-report-'));
  store = openSqliteAnalyticsStore(analyticsDbFile(dir));
  fake = await startFakeLineApi();
  bot = await startBotServer({
    lineApiBaseUrl: fake.baseUrl,
    engine: await bundledEngine(),
    analytics: store,
    adminToken,
  });
});

afterEach(async () => {
  await bot.close();
  await fake.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(events: webhook.Event[]): Promise<void> {
  const body = JSON.stringify(callbackBody(events));
  const res = await fetch(`${bot.url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': sign(body, testChannelSecret) },
    body,
  });
  expect(res.status).toBe(200);
  await bot.dispatcher?.idle();
}

async function report(query = ''): Promise<Response> {
  return fetch(`${bot.url}/admin/report${query}`, { headers: { authorization: `Bearer ${adminToken}` } });
}

/** Every byte SQLite wrote: the database and, in WAL mode, the log not yet checkpointed. */
function databaseBytes(): Buffer {
  const file = analyticsDbFile(dir);
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

describe('the "what citizens asked" loop', () => {
  it('lists a question the bot could not answer in GET /admin/report', async () => {
    await post([textEvent(unanswerable)]);
    expect(fake.replies).toHaveLength(1);

    const res = await report();
    expect(res.status).toBe(200);
    const body = (await res.json()) as AnalyticsReport;
    expect(body.unanswered).toEqual([expect.objectContaining({ question: unanswerable, count: 1, users: 1 })]);
    expect(body.dailyVolume.at(-1)).toMatchObject({ questions: 1, answered: 0, unanswered: 1 });
  });

  it('lists an entry voted 役に立たなかった under negative feedback, and answered entries under top entries', async () => {
    await post([textEvent('ふるさと納税は？')]);
    await post([postbackEvent('feedback=down&entry=furusato-nozei-growth')]);

    const body = (await (await report()).json()) as AnalyticsReport;
    expect(body.negativeFeedback).toEqual([
      expect.objectContaining({ entryId: 'furusato-nozei-growth', down: 1, up: 0 }),
    ]);
    expect(body.topEntries.map((e) => e.entryId)).toContain('furusato-nozei-growth');
    expect(body.unanswered).toEqual([]);
  });

  it('counts each day’s answers, related answers (関連する情報) and declines as the bot replied', async () => {
    // A full answer, a wish the corpus relates to only in part, and a question it does not cover.
    await post([textEvent('ふるさと納税は？'), textEvent('ワインを飲みたい'), textEvent(unanswerable)]);

    const body = (await (await report()).json()) as AnalyticsReport;
    expect(body.dailyVolume.at(-1)).toMatchObject({ questions: 3, answered: 2, partial: 1, unanswered: 1 });
  });

  it('exports the same report as CSV for Excel', async () => {
    await post([textEvent(unanswerable)]);
    const res = await report('?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    expect(bytes.toString('utf8')).toContain(`${unanswerable},${unanswerable},1,1,`);
  });

  it('refuses report parameters out of range with 400', async () => {
    expect((await report('?days=0')).status).toBe(400);
    expect((await report('?limit=abc')).status).toBe(400);
    expect((await report('?format=xml')).status).toBe(400);
  });

  it('never stores the raw LINE user id in the database, nor logs it or the question', async () => {
    await post([textEvent(unanswerable), textEvent('ふるさと納税は？')]);
    await post([postbackEvent('feedback=down&entry=furusato-nozei-growth')]);

    // The report first: it writes what waits in the store's queue.
    expect(JSON.stringify(await (await report()).json())).not.toContain(fixtureUserId);

    const bytes = databaseBytes();
    expect(bytes.includes(Buffer.from(unanswerable, 'utf8'))).toBe(true); // the question is there, for staff
    expect(bytes.includes(Buffer.from(fixtureUserId, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from(fixtureUserId.slice(1), 'utf8'))).toBe(false);

    const logs = bot.logs.join('\n');
    expect(logs).toContain('replied');
    expect(logs).not.toContain(fixtureUserId);
    expect(logs).not.toContain(unanswerable);
    expect(logs).not.toContain('粗大ごみ');
  });
});

describe('when the analytics store cannot be read', () => {
  it('answers the report 503 with a message for staff, logs the code, and tells in /api/status where questions go', async () => {
    const unreachable = () =>
      Promise.reject(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }));
    const down: AnalyticsStore = { ...createMemoryAnalyticsStore(), unansweredQuestions: unreachable };
    const other = await startBotServer({ engine: await bundledEngine(), analytics: down, adminToken });
    try {
      const res = await fetch(`${other.url}/admin/report`, { headers: { authorization: `Bearer ${adminToken}` } });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { message: string }).message).toMatch(/^集計データベースに接続できないため/);
      await expect.poll(() => other.logs.join('\n')).toContain('"code":"ECONNREFUSED"');

      const status = (await (await fetch(`${other.url}/api/status`)).json()) as { analytics: unknown };
      expect(status.analytics).toEqual({
        store: 'memory',
        state: 'ok',
        waiting: 0,
        dropped: 0,
        message: expect.stringContaining('市民の質問を') as unknown,
      });
    } finally {
      await other.close();
    }
  });
});
