import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  analyticsDbFile,
  analyticsSchemaVersion,
  openSqliteAnalyticsStore,
} from '../../src/analytics/sqlite-analytics-store.js';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { Worker as WorkerThread } from 'node:worker_threads';
import { openWorkerAnalyticsStore, type WorkerEvent } from '../../src/analytics/worker-analytics-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'analytics-worker-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A worker store whose threads and events the test sees, and a way to record a question by its text. */
async function openWatched(restartDelayMs = 20) {
  const threads: Worker[] = [];
  const events: WorkerEvent[] = [];
  const store = await openWorkerAnalyticsStore(analyticsDbFile(dir), {
    restartDelayMs,
    onWorkerEvent: (event) => events.push(event),
    startWorker: keep(threads),
  });
  const at = new Date('2025-03-01T09:00:00+09:00');
  const record = (text: string) =>
    store.recordQuestion({ at, userHash: 'u', question: text, answered: false, entryIds: [] });
  return { store, threads, events, record };
}

/** A startWorker that keeps every thread it starts in `threads`, so that a test can stop one. */
function keep(threads: Worker[]) {
  return (script: string | URL, options: WorkerOptions): Worker => {
    const thread = new WorkerThread(script, options);
    threads.push(thread);
    return thread;
  };
}

describe('openWorkerAnalyticsStore', () => {
  it('writes every record made before close(), although most were still waiting to be sent', async () => {
    const file = analyticsDbFile(dir);
    const store = await openWorkerAnalyticsStore(file);
    const at = new Date('2025-03-01T09:00:00+09:00');
    const recorded = Array.from({ length: 1200 }, (_, i) =>
      store.recordQuestion({ at, userHash: `user-${i % 7}`, question: `質問${i % 3}`, answered: false, entryIds: [] }),
    );
    await store.close();
    await Promise.all(recorded);

    const reader = openSqliteAnalyticsStore(file);
    try {
      const groups = await reader.unansweredQuestions({ limit: 10 });
      expect(groups.map((g) => g.count).reduce((a, b) => a + b, 0)).toBe(1200);
      expect(groups.every((g) => g.users === 7)).toBe(true);
    } finally {
      await reader.close();
    }
  });

  it('deletes in its thread what has passed the retention', async () => {
    const file = analyticsDbFile(dir);
    const old = openSqliteAnalyticsStore(file);
    const question = (at: Date, text: string) => ({ at, userHash: 'u', question: text, answered: false, entryIds: [] });
    await old.recordQuestion(question(new Date(Date.now() - 40 * 24 * 60 * 60 * 1000), '40日前'));
    await old.recordQuestion(question(new Date(), '今日'));
    await old.close();

    const store = await openWorkerAnalyticsStore(file, { retentionDays: 30 });
    try {
      const groups = await store.unansweredQuestions({ limit: 10 });
      expect(groups.map((g) => g.question)).toEqual(['今日']);
    } finally {
      await store.close();
    }
  });

  it('refuses a database written by a newer version of the bot with the store’s own message', async () => {
    const file = analyticsDbFile(dir);
    const db = new Database(file);
    db.pragma(`user_version = ${analyticsSchemaVersion + 1}`);
    db.close();

    await expect(openWorkerAnalyticsStore(file)).rejects.toThrow(/newer than this bot supports/);
    await expect(openWorkerAnalyticsStore(file)).rejects.toMatchObject({ name: 'AnalyticsSchemaError' });
  });

  it('starts a new thread when the worker dies, and records what comes after it', async () => {
    const { store, threads, events, record } = await openWatched();
    await record('前');
    await threads[0]?.terminate(); // as a crash would end it
    // Recorded while the thread is down: it waits for the next one.
    await record('最中');
    await record('後');
    expect(threads).toHaveLength(2);
    expect(events.map((e) => e.type)).toEqual(['stopped', 'restarted']);
    expect(events[0]).toMatchObject({ type: 'stopped', restartInMs: 20 });
    const groups = await store.unansweredQuestions({ limit: 10 });
    expect(groups.map((g) => g.question).sort()).toEqual(['前', '後', '最中'].sort());
    await store.close();
  });

  it('fails the records the dead thread held, instead of losing them silently', async () => {
    const threads: Worker[] = [];
    let sentToHungThread: () => void = () => {};
    const batchSent = new Promise<void>((resolve) => (sentToHungThread = resolve));
    const store = await openWorkerAnalyticsStore(analyticsDbFile(dir), {
      restartDelayMs: 20,
      startWorker: (script: string | URL, options: WorkerOptions) => {
        // First a thread that says it is ready and then never answers, as a hung one; then the real one.
        const thread =
          threads.length === 0
            ? new WorkerThread(
                "require('node:worker_threads').parentPort.postMessage({ type: 'ready' }); setInterval(() => {}, 1000);",
                { eval: true },
              )
            : new WorkerThread(script, options);
        if (threads.length === 0) {
          const post = thread.postMessage.bind(thread);
          thread.postMessage = (value, transferList) => {
            post(value, transferList);
            sentToHungThread();
          };
        }
        threads.push(thread);
        return thread;
      },
    });
    const at = new Date('2025-03-01T09:00:00+09:00');
    const record = (text: string) =>
      store.recordQuestion({ at, userHash: 'u', question: text, answered: false, entryIds: [] });
    const held = record('届かない');
    await batchSent; // its batch goes to the hung thread after 50 ms
    await threads[0]?.terminate();
    await expect(held).rejects.toThrow(/analytics worker stopped/);
    await record('次');
    expect((await store.unansweredQuestions({ limit: 10 })).map((g) => g.question)).toEqual(['次']);
    await store.close();
  });

  it('keeps trying, further apart, while a new thread cannot open the database, and fails what waits meanwhile', async () => {
    const file = analyticsDbFile(dir);
    const { store, threads, events, record } = await openWatched();
    await record('前');
    // The database becomes a directory: no new thread can open it.
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(file, { recursive: true });
    await threads[0]?.terminate();
    await expect(record('開けない間')).rejects.toThrow(/not running/);
    expect(events.slice(0, 2)).toEqual([
      expect.objectContaining({ type: 'stopped', restartInMs: 20 }),
      expect.objectContaining({ type: 'restart-failed', restartInMs: 40 }),
    ]);
    // Once it can be opened again, the next attempt succeeds.
    rmSync(file, { recursive: true, force: true });
    await record('直った後');
    expect(events.at(-1)).toEqual({ type: 'restarted' });
    expect((await store.unansweredQuestions({ limit: 10 })).map((g) => g.question)).toEqual(['直った後']);
    await store.close();
  });

  it('closes while the thread is down without leaving what waits for it hanging', async () => {
    const { store, threads, record } = await openWatched(60_000);
    await threads[0]?.terminate();
    const waiting = record('閉じる前');
    await store.close();
    await expect(waiting).rejects.toThrow(/not running/);
    expect(threads).toHaveLength(1);
  });

  it('gives up, instead of keeping the server from starting, when the database does not open in time', async () => {
    // 1 ms: the worker has not even loaded its code by then.
    await expect(openWorkerAnalyticsStore(analyticsDbFile(dir), { openTimeoutMs: 1 })).rejects.toThrow(
      /did not open within 1 ms/,
    );
  });
});
