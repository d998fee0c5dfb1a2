/**
 * The production analytics store: one SQLite file (better-sqlite3) in DATA_DIR, in WAL mode so
 * `npm run report` can read while the bot writes. The schema is created or migrated on open and
 * its version kept in `PRAGMA user_version` (SQLite's own `schema_version` pragma is internal and
 * must never be written). Every statement is prepared once. It runs on the server's event loop:
 * records wait in a queue (record-queue.ts) and are written in one transaction per short tick,
 * after the replies; reports read directly.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../logger.js';
import { createRecordQueue } from './record-queue.js';
import {
  pruneEveryMs,
  checkQuery,
  dailyVolumeOf,
  partialAnswerReason,
  questionKey,
  reportDay,
  reportDays,
  smallTalkReasons,
  storedQuestion,
  type AnalyticsRecord,
  type AnalyticsStore,
  type DayQuestionCounts,
  type DayVoteCounts,
  type FeedbackRecord,
  type QuestionRecord,
} from './analytics-store.js';

/** The database file in a data directory (the bot and `npm run report` agree on it). */
export function analyticsDbFile(dataDir: string): string {
  return path.join(dataDir, 'analytics.sqlite');
}

export class AnalyticsSchemaError extends Error {
  override readonly name = 'AnalyticsSchemaError';
  constructor(
    readonly file: string,
    readonly version: number,
    readonly supported: number,
  ) {
    super(
      `${file} has analytics schema version ${version}, newer than this bot supports (${supported}): run a newer version of the bot`,
    );
  }
}

/** Migrations by version: migrations[0] brings an empty file to version 1. Only ever append. */
const migrations: readonly string[] = [
  `
  CREATE TABLE questions (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,            -- ms since the epoch, when the citizen sent it
    day         TEXT    NOT NULL,            -- YYYY-MM-DD, Japan time
    user_hash   TEXT,                        -- HMAC-SHA256(userId, HASH_SALT); never the raw id
    question    TEXT    NOT NULL,            -- as typed
    normalized  TEXT    NOT NULL,            -- questionKey(question), for grouping
    answered    INTEGER NOT NULL CHECK (answered IN (0, 1)),
    reason      TEXT                         -- why not answered: no-match, greeting, thanks, empty
  );
  CREATE INDEX questions_at ON questions (at);
  CREATE INDEX questions_day ON questions (day);
  CREATE INDEX questions_unanswered ON questions (answered, normalized, at);

  CREATE TABLE question_entries (
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    rank        INTEGER NOT NULL,            -- 0 = the best hit
    entry_id    TEXT    NOT NULL,
    at          INTEGER NOT NULL,            -- copied from the question, for time filters
    PRIMARY KEY (question_id, rank)
  );
  CREATE INDEX question_entries_entry ON question_entries (entry_id, at);
  CREATE INDEX question_entries_at ON question_entries (at);

  CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    day         TEXT    NOT NULL,
    user_hash   TEXT,
    entry_id    TEXT    NOT NULL,
    vote        TEXT    NOT NULL CHECK (vote IN ('up', 'down'))
  );
  CREATE INDEX feedback_at ON feedback (at);
  CREATE INDEX feedback_day ON feedback (day);
  CREATE INDEX feedback_entry ON feedback (entry_id, vote);
  `,
  // One vote per user and entry: the latest one recorded stays.
  `
  DELETE FROM feedback WHERE user_hash IS NOT NULL AND id NOT IN (
    SELECT MAX(id) FROM feedback WHERE user_hash IS NOT NULL GROUP BY user_hash, entry_id
  );
  CREATE UNIQUE INDEX feedback_user_entry ON feedback (user_hash, entry_id) WHERE user_hash IS NOT NULL;
  `,
  // The webhook event of a record: a redelivered event, or one recorded twice, counts once.
  `
  ALTER TABLE questions ADD COLUMN event_id TEXT;
  CREATE UNIQUE INDEX questions_event ON questions (event_id) WHERE event_id IS NOT NULL;
  ALTER TABLE feedback ADD COLUMN event_id TEXT;
  CREATE UNIQUE INDEX feedback_anonymous_event ON feedback (event_id) WHERE user_hash IS NULL AND event_id IS NOT NULL;
  `,
];

/** The schema version this code writes. */
export const analyticsSchemaVersion = migrations.length;

function migrate(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) throw new AnalyticsSchemaError(file, version, migrations.length);
  for (let v = version; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

// Constants, not user input: safe to inline.
const smallTalkList = smallTalkReasons.map((r) => `'${r.replace(/'/g, "''")}'`).join(', ');
const IS_SMALL_TALK = `(answered = 0 AND reason IN (${smallTalkList}))`;
const IS_UNANSWERED = `(answered = 0 AND (reason IS NULL OR reason NOT IN (${smallTalkList})))`;
// The schema's comment on `reason` predates it: answered rows also carry 'partial' there (関連する情報).
const IS_PARTIAL = `(answered = 1 AND reason = '${partialAnswerReason.replace(/'/g, "''")}')`;
const noLowerBound = Number.MIN_SAFE_INTEGER;

interface UnansweredRow {
  normalized: string;
  question: string;
  count: number;
  users: number;
  last_at: number;
}
interface FeedbackRow {
  entry_id: string;
  up: number;
  down: number;
  last_down_at: number;
}
interface HitsRow {
  entry_id: string;
  hits: number;
  last_at: number;
}

export interface SqliteStoreOptions {
  /** How long a record may wait for others before its batch is written (default 50 ms). */
  readonly flushDelayMs?: number;
  /** Where records that could not be written, and failed retention rounds, are logged (no user data). */
  readonly logger?: Logger;
  /**
   * Questions (with the entries shown for them) and votes older than this many days are deleted,
   * when the store opens and then every {@link pruneEveryMs}; undefined keeps everything (the
   * report CLI reads without deleting).
   */
  readonly retentionDays?: number;
  /** The clock of the retention, epoch ms; injectable for tests. */
  readonly now?: () => number;
}

export { pruneEveryMs };
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Open (creating the file and its directory if missing) and migrate the analytics database.
 * Throws AnalyticsSchemaError for a file written by a newer version of the bot.
 */
export function openSqliteAnalyticsStore(file: string, options: SqliteStoreOptions = {}): AnalyticsStore {
  mkdirSync(path.dirname(file), { recursive: true });
  ownerOnly(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, file);
  } catch (err) {
    db.close();
    throw err;
  }

  // A question whose event is already recorded is not recorded again (changes = 0).
  const insertQuestion = db.prepare<
    [string | null, number, string, string | null, string, string, number, string | null]
  >(`
    INSERT INTO questions (event_id, at, day, user_hash, question, normalized, answered, reason)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (event_id) WHERE event_id IS NOT NULL DO NOTHING`);
  const insertQuestionEntry = db.prepare<[number | bigint, number, string, number]>(
    'INSERT INTO question_entries (question_id, rank, entry_id, at) VALUES (?, ?, ?, ?)',
  );
  // A user's second vote on an entry replaces the first (see FeedbackRecord).
  const insertFeedback = db.prepare<[string | null, number, string, string, string, string]>(`
    INSERT INTO feedback (event_id, at, day, user_hash, entry_id, vote) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (user_hash, entry_id) WHERE user_hash IS NOT NULL
    DO UPDATE SET at = excluded.at, day = excluded.day, vote = excluded.vote, event_id = excluded.event_id`);
  // A vote without a user counts once per event.
  const insertAnonymousFeedback = db.prepare<[string | null, number, string, string, string]>(`
    INSERT INTO feedback (event_id, at, day, user_hash, entry_id, vote) VALUES (?, ?, ?, NULL, ?, ?)
    ON CONFLICT (event_id) WHERE user_hash IS NULL AND event_id IS NOT NULL DO NOTHING`);
  // With exactly one max() aggregate, SQLite takes the bare column `question` from the row holding
  // the max: the most recent original text of the group.
  const selectUnanswered = db.prepare<[number, number], UnansweredRow>(`
    SELECT normalized, question, COUNT(*) AS count, COUNT(DISTINCT user_hash) AS users, MAX(at) AS last_at
    FROM questions
    WHERE ${IS_UNANSWERED} AND at >= ?
    GROUP BY normalized
    ORDER BY count DESC, last_at DESC, normalized
    LIMIT ?`);
  const selectNegative = db.prepare<[number, number], FeedbackRow>(`
    SELECT entry_id, SUM(vote = 'up') AS up, SUM(vote = 'down') AS down,
           MAX(CASE WHEN vote = 'down' THEN at END) AS last_down_at
    FROM feedback
    WHERE at >= ?
    GROUP BY entry_id
    HAVING down > 0
    ORDER BY down DESC, up ASC, entry_id
    LIMIT ?`);
  const selectDayQuestions = db.prepare<[string, string], DayQuestionCounts>(`
    SELECT day, COUNT(*) AS questions, SUM(answered) AS answered, SUM(${IS_PARTIAL}) AS partial,
           SUM(${IS_UNANSWERED}) AS unanswered, SUM(${IS_SMALL_TALK}) AS small_talk
    FROM questions
    WHERE day BETWEEN ? AND ?
    GROUP BY day`);
  const selectDayFeedback = db.prepare<[string, string], DayVoteCounts>(`
    SELECT day, SUM(vote = 'up') AS up, SUM(vote = 'down') AS down
    FROM feedback
    WHERE day BETWEEN ? AND ?
    GROUP BY day`);
  // An entry is counted once per answer even if it were listed twice.
  const selectTopEntries = db.prepare<[number, number], HitsRow>(`
    SELECT entry_id, COUNT(DISTINCT question_id) AS hits, MAX(at) AS last_at
    FROM question_entries
    WHERE at >= ?
    GROUP BY entry_id
    ORDER BY hits DESC, entry_id
    LIMIT ?`);

  const insertQuestionRecord = (r: QuestionRecord) => {
    const at = r.at.getTime();
    const question = storedQuestion(r.question);
    const { changes, lastInsertRowid } = insertQuestion.run(
      r.eventId ?? null,
      at,
      reportDay(r.at),
      r.userHash ?? null,
      question,
      questionKey(question),
      r.answered ? 1 : 0,
      r.reason ?? null,
    );
    if (changes === 0) return;
    r.entryIds.forEach((entryId, rank) => insertQuestionEntry.run(lastInsertRowid, rank, entryId, at));
  };
  const insertFeedbackRecord = (r: FeedbackRecord) => {
    const eventId = r.eventId ?? null;
    if (r.userHash === undefined)
      insertAnonymousFeedback.run(eventId, r.at.getTime(), reportDay(r.at), r.entryId, r.vote);
    else insertFeedback.run(eventId, r.at.getTime(), reportDay(r.at), r.userHash, r.entryId, r.vote);
  };

  // Retention: the rows of a question go with it (question_entries cascade on delete).
  const deleteQuestionsBefore = db.prepare<[number]>('DELETE FROM questions WHERE at < ?');
  const deleteFeedbackBefore = db.prepare<[number]>('DELETE FROM feedback WHERE at < ?');
  const prune = db.transaction((before: number) => {
    deleteQuestionsBefore.run(before);
    deleteFeedbackBefore.run(before);
  });
  const now = options.now ?? Date.now;
  const retentionDays = options.retentionDays;
  let pruneTimer: NodeJS.Timeout | undefined;
  if (retentionDays !== undefined) {
    if (!Number.isInteger(retentionDays) || retentionDays < 1) {
      db.close();
      throw new RangeError(`retentionDays must be a whole number of days, at least 1 (got ${retentionDays})`);
    }
    const pruneNow = () => prune(now() - retentionDays * dayMs);
    try {
      pruneNow();
    } catch (err) {
      db.close();
      throw err;
    }
    // Later rounds run on the server's event loop: a failure is logged, never thrown at it.
    pruneTimer = setInterval(() => {
      try {
        pruneNow();
      } catch (err) {
        options.logger?.error(
          { code: (err as { code?: unknown }).code, error: (err as Error).message },
          'analytics: deleting what passed the retention failed; trying again in 6 hours',
        );
      }
    }, pruneEveryMs);
    pruneTimer.unref();
  }

  // One transaction (one WAL commit) per batch instead of one per message, which under load
  // costs the server more than answering.
  const writeBatch = db.transaction((records: readonly AnalyticsRecord[]) => {
    for (const p of records) {
      if (p.kind === 'question') insertQuestionRecord(p.record);
      else insertFeedbackRecord(p.record);
    }
  });
  const queue = createRecordQueue<AnalyticsRecord>({
    write: writeBatch,
    logger: options.logger,
    ...(options.flushDelayMs === undefined ? {} : { flushDelayMs: options.flushDelayMs }),
  });
  // Recording resolves once the record is queued: nothing waits for the disk, and what fails is
  // logged by the queue, once for many records.
  const queued = Promise.resolve();
  let closed: Promise<void> | undefined;

  return {
    recordQuestion(record) {
      queue.push({ kind: 'question', record });
      return queued;
    },
    recordFeedback(record) {
      queue.push({ kind: 'feedback', record });
      return queued;
    },
    async unansweredQuestions({ since, limit }) {
      await queue.flush();
      checkQuery.limit(limit);
      return selectUnanswered.all(since?.getTime() ?? noLowerBound, limit).map((row) => ({
        question: row.question,
        normalized: row.normalized,
        count: row.count,
        users: row.users,
        lastAskedAt: new Date(row.last_at),
      }));
    },
    async negativeFeedback({ since, limit }) {
      await queue.flush();
      checkQuery.limit(limit);
      return selectNegative.all(since?.getTime() ?? noLowerBound, limit).map((row) => ({
        entryId: row.entry_id,
        up: row.up,
        down: row.down,
        lastDownAt: new Date(row.last_down_at),
      }));
    },
    async dailyVolume({ days, until }) {
      await queue.flush();
      checkQuery.days(days);
      const dayList = reportDays(days, until ?? new Date());
      const first = dayList[0] as string;
      const last = dayList[dayList.length - 1] as string;
      return dailyVolumeOf(dayList, selectDayQuestions.all(first, last), selectDayFeedback.all(first, last));
    },
    async topEntries({ since, limit }) {
      await queue.flush();
      checkQuery.limit(limit);
      return selectTopEntries.all(since?.getTime() ?? noLowerBound, limit).map((row) => ({
        entryId: row.entry_id,
        hits: row.hits,
        lastShownAt: new Date(row.last_at),
      }));
    },
    status() {
      const { waiting, dropped } = queue.status();
      return { store: 'sqlite', state: 'ok', waiting, dropped };
    },
    close() {
      closed ??= (async () => {
        clearInterval(pruneTimer);
        await queue.close();
        db.close();
      })();
      return closed;
    },
  };
}

/**
 * Question texts are personal data: the database is readable by its owner alone (0600), and
 * SQLite gives its -wal and -shm files the database's mode. A file left 0644 by an older version
 * is tightened; one of another user is theirs to protect (EPERM is left alone).
 */
function ownerOnly(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(f) || (statSync(f).mode & 0o077) === 0) continue;
    try {
      chmodSync(f, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
    }
  }
}
