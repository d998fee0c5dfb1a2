import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  analyticsDbFile,
  analyticsSchemaVersion,
  openSqliteAnalyticsStore,
} from '../../src/analytics/sqlite-analytics-store.js';
import { openWorkerAnalyticsStore } from '../../src/analytics/worker-analytics-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'analytics-worker-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

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

  it('refuses a database written by a newer version of the bot with the store’s own message', async () => {
    const file = analyticsDbFile(dir);
    const db = new Database(file);
    db.pragma(`user_version = ${analyticsSchemaVersion + 1}`);
    db.close();

    await expect(openWorkerAnalyticsStore(file)).rejects.toThrow(/newer than this bot supports/);
    await expect(openWorkerAnalyticsStore(file)).rejects.toMatchObject({ name: 'AnalyticsSchemaError' });
  });

  it('gives up, instead of keeping the server from starting, when the database does not open in time', async () => {
    // 1 ms: the worker has not even loaded its code by then.
    await expect(openWorkerAnalyticsStore(analyticsDbFile(dir), { openTimeoutMs: 1 })).rejects.toThrow(
      /did not open within 1 ms/,
    );
  });
});
