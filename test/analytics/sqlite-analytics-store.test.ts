import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AnalyticsSchemaError,
  analyticsDbFile,
  analyticsSchemaVersion,
  openSqliteAnalyticsStore,
} from '../../src/analytics/sqlite-analytics-store.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'analytics-sqlite-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openSqliteAnalyticsStore', () => {
  it('creates the data directory and a WAL-mode database at the current schema version', async () => {
    const file = analyticsDbFile(path.join(dir, 'data'));
    const store = openSqliteAnalyticsStore(file);
    await store.close();

    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(analyticsSchemaVersion);
      const indexes = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all();
      expect(indexes).toEqual(expect.arrayContaining(['questions_at', 'questions_unanswered', 'feedback_at']));
    } finally {
      db.close();
    }
  });

  it('keeps what it recorded when the bot restarts', async () => {
    const file = analyticsDbFile(dir);
    const first = openSqliteAnalyticsStore(file);
    await first.recordQuestion({
      at: new Date('2025-03-01T00:00:00Z'),
      userHash: 'h',
      question: '除雪は？',
      answered: false,
      reason: 'no-match',
      entryIds: [],
    });
    await first.close();

    const second = openSqliteAnalyticsStore(file);
    try {
      expect(await second.unansweredQuestions({ limit: 5 })).toMatchObject([{ question: '除雪は？', count: 1 }]);
    } finally {
      await second.close();
    }
  });

  it('refuses a database written by a newer version of the bot, saying so', () => {
    const file = analyticsDbFile(dir);
    const db = new Database(file);
    db.pragma(`user_version = ${analyticsSchemaVersion + 1}`);
    db.close();

    expect(() => openSqliteAnalyticsStore(file)).toThrow(AnalyticsSchemaError);
    expect(() => openSqliteAnalyticsStore(file)).toThrow(/newer than this bot supports/);
  });
});
