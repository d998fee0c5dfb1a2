import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AnalyticsSchemaError,
  analyticsDbFile,
  analyticsSchemaVersion,
  openSqliteAnalyticsStore,
  pruneEveryMs,
} from '../../src/analytics/sqlite-analytics-store.js';
import { capturedLogger } from '../support/captured-logger.js';

let dir: string;

const at = new Date('2025-03-01T09:00:00+09:00');
const question = (text: string, userHash = 'u') => ({ at, userHash, question: text, answered: false, entryIds: [] });

/** Rows in a table, read through a connection of its own (what `npm run report` would see). */
function rows(file: string, table: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
  } finally {
    db.close();
  }
}

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

  it('deletes questions, the entries shown for them and votes once they pass the retention, at open and every 6 hours', async () => {
    const file = analyticsDbFile(dir);
    const day = 24 * 60 * 60 * 1000;
    let now = Date.parse('2026-06-01T00:00:00+09:00');
    const writer = openSqliteAnalyticsStore(file);
    for (const daysAgo of [100, 31, 29, 1]) {
      const at = new Date(now - daysAgo * day);
      await writer.recordQuestion({
        at,
        userHash: 'u',
        question: `${daysAgo}日前の質問`,
        answered: true,
        entryIds: ['furusato-tax'],
      });
      await writer.recordFeedback({ at, userHash: `u${daysAgo}`, entryId: 'furusato-tax', vote: 'down' });
    }
    await writer.close();
    const count = (table: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
      } finally {
        db.close();
      }
    };

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const store = openSqliteAnalyticsStore(file, { retentionDays: 30, now: () => now });
      // At open: what is older than 30 days is gone from all three tables.
      expect([count('questions'), count('question_entries'), count('feedback')]).toEqual([2, 2, 2]);
      expect((await store.topEntries({ limit: 5 }))[0]).toMatchObject({ entryId: 'furusato-tax', hits: 2 });
      // Two days later, at the next round, the 29-day-old question has passed too.
      now += 2 * day;
      vi.advanceTimersByTime(pruneEveryMs);
      expect([count('questions'), count('question_entries'), count('feedback')]).toEqual([1, 1, 1]);
      await store.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the latest of the votes a user gave one entry when it migrates a database of schema version 1', async () => {
    const file = path.join(dir, 'analytics.sqlite');
    await openSqliteAnalyticsStore(file).close();
    // Back to version 1 (no unique vote per user, no event ids), with the votes the unique index now forbids.
    const db = new Database(file);
    db.exec(`
      DROP INDEX feedback_user_entry;
      DROP INDEX questions_event;
      DROP INDEX feedback_anonymous_event;
      ALTER TABLE questions DROP COLUMN event_id;
      ALTER TABLE feedback DROP COLUMN event_id;
    `);
    db.pragma('user_version = 1');
    const insert = db.prepare('INSERT INTO feedback (at, day, user_hash, entry_id, vote) VALUES (?, ?, ?, ?, ?)');
    insert.run(1, '2025-03-01', 'u', 'furusato', 'down');
    insert.run(2, '2025-03-01', 'u', 'furusato', 'up');
    insert.run(3, '2025-03-01', null, 'furusato', 'down');
    insert.run(4, '2025-03-01', null, 'furusato', 'down');
    db.close();
    const store = openSqliteAnalyticsStore(file);
    expect(await store.negativeFeedback({ limit: 5 })).toMatchObject([{ entryId: 'furusato', up: 1, down: 2 }]);
    await store.close();
  });

  it('refuses a retention that is not a whole number of days', () => {
    expect(() => openSqliteAnalyticsStore(analyticsDbFile(dir), { retentionDays: 0 })).toThrow(RangeError);
    expect(() => openSqliteAnalyticsStore(analyticsDbFile(dir), { retentionDays: 1.5 })).toThrow(/whole number/);
  });

  it('refuses a database written by a newer version of the bot, saying so', () => {
    const file = analyticsDbFile(dir);
    const db = new Database(file);
    db.pragma(`user_version = ${analyticsSchemaVersion + 1}`);
    db.close();

    expect(() => openSqliteAnalyticsStore(file)).toThrow(AnalyticsSchemaError);
    expect(() => openSqliteAnalyticsStore(file)).toThrow(/newer than this bot supports/);
  });

  it('keeps the database, and its write-ahead log, readable by its owner alone', async () => {
    const file = analyticsDbFile(path.join(dir, 'data'));
    const store = openSqliteAnalyticsStore(file);
    await store.recordQuestion(question('住所は小諸市1-2-3です'));
    await store.unansweredQuestions({ limit: 1 }); // written: the -wal file exists now
    try {
      expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
      expect((statSync(`${file}-wal`).mode & 0o777).toString(8)).toBe('600');
    } finally {
      await store.close();
    }
  });

  it('tightens a database left readable by everyone by an older version', async () => {
    const file = analyticsDbFile(dir);
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    await openSqliteAnalyticsStore(file).close();
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  });

  it('records without writing on the spot, and writes every record made before close()', async () => {
    const file = analyticsDbFile(dir);
    const store = openSqliteAnalyticsStore(file);
    // More than one batch: close() writes them all.
    const recorded = Array.from({ length: 1200 }, (_, i) =>
      store.recordQuestion(question(`質問${i % 3}`, `user-${i % 7}`)),
    );
    await Promise.all(recorded);
    expect(rows(file, 'questions')).toBe(0); // the reply's turn of the event loop is not spent on the disk
    await store.close();

    expect(rows(file, 'questions')).toBe(1200);
    const reader = openSqliteAnalyticsStore(file);
    try {
      const groups = await reader.unansweredQuestions({ limit: 10 });
      expect(groups.every((g) => g.users === 7)).toBe(true);
    } finally {
      await reader.close();
    }
  });

  it('logs, without the texts, the records the database refuses, and goes on recording', async () => {
    const file = analyticsDbFile(dir);
    const { logger, lines } = capturedLogger();
    const store = openSqliteAnalyticsStore(file, { logger, flushDelayMs: 1 });
    const other = new Database(file);
    other.exec("CREATE TRIGGER refuse BEFORE INSERT ON questions BEGIN SELECT RAISE(ABORT, 'refused'); END");
    await expect(store.recordQuestion(question('除雪は？'))).resolves.toBeUndefined();
    await expect.poll(() => lines.join('')).toContain('analytics: records dropped');
    expect(lines.join('')).toContain('"writeFailed":1');
    expect(lines.join('')).not.toContain('除雪');

    other.exec('DROP TRIGGER refuse');
    other.close();
    await store.recordQuestion(question('次'));
    expect((await store.unansweredQuestions({ limit: 5 })).map((g) => g.question)).toEqual(['次']);
    await store.close();
  });

  it('logs a retention round that fails instead of throwing at the server', async () => {
    const file = analyticsDbFile(dir);
    const { logger, lines } = capturedLogger();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const store = openSqliteAnalyticsStore(file, { retentionDays: 30, logger });
      const other = new Database(file);
      other.exec("CREATE TRIGGER refuse BEFORE DELETE ON feedback BEGIN SELECT RAISE(ABORT, 'refused'); END");
      other.close();
      await store.recordFeedback({
        at: new Date(Date.now() - 40 * 24 * 60 * 60 * 1000),
        userHash: 'u',
        entryId: 'e',
        vote: 'up',
      });
      await store.negativeFeedback({ limit: 1 });
      expect(() => vi.advanceTimersByTime(pruneEveryMs)).not.toThrow();
      expect(lines.join('')).toContain('deleting what passed the retention failed');
      await store.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
