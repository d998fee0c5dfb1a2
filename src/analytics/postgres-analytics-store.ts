/**
 * The analytics store in PostgreSQL (DATABASE_URL), shared by every instance of the bot: what
 * citizens asked survives a redeploy, and the report reads every instance's questions at once.
 *
 * It opens without waiting for the database: the schema is migrated before the first write or
 * read, and the bot answers citizens whether or not PostgreSQL is there. Records are queued as
 * with SQLite and written one batch per 50 ms, each batch one statement (atomic, one round trip);
 * while the database cannot be reached, batches stay in memory (at most 20,000 records) and are
 * retried with backoff, and what passes the bound is dropped and logged. A batch written twice (a
 * commit whose answer was lost) or an event recorded by two instances counts once: every record
 * carries its webhook event's id, unique in the tables.
 */
import pg from 'pg';
import type { Logger } from '../logger.js';
import {
  checkQuery,
  dailyVolumeOf,
  partialAnswerReason,
  pruneEveryMs,
  questionKey,
  reportDay,
  reportDays,
  smallTalkReasons,
  storedQuestion,
  type AnalyticsRecord,
  type AnalyticsStore,
  type AnalyticsStoreStatus,
  type DayQuestionCounts,
  type DayVoteCounts,
  type FeedbackRecord,
} from './analytics-store.js';
import { migratePostgres, postgresSchemaVersion } from './postgres-migrations.js';
import { codeOf, createRecordQueue } from './record-queue.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (DATABASE_URL). */
  readonly connectionString: string;
  /** Where the store's state changes, drops and failed retention rounds are logged (no user data). */
  readonly logger?: Logger;
  /** Questions and votes older than this many days are deleted, once the schema is ready and every 6 hours. */
  readonly retentionDays?: number;
  /** The clock of the retention, epoch ms; injectable for tests. */
  readonly now?: () => number;
  /** How long a record may wait for others before its batch is written (default 50 ms). */
  readonly flushDelayMs?: number;
  /** The most records kept in memory while the database cannot be reached (default 20,000). */
  readonly maxWaiting?: number;
  /** The backoff between attempts while the database cannot be reached (default 250 ms doubling to 15 s). */
  readonly retryDelayMs?: { readonly first: number; readonly max: number };
  /** How long close() keeps trying to write what waits while the database is down (default 2 s). */
  readonly closeRetryMs?: number;
  /** Connections at most (default 4: one writer, the report's parallel queries). */
  readonly poolSize?: number;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Errors after which the same batch may be written later: the database is down, restarting,
 * failing over or out of connections, or the network lost it. SQLSTATE classes 08 (connection),
 * 53 (insufficient resources), 57P01–57P03 (shutting down, cannot connect now), 40001/40P01,
 * 25006 (a standby during a failover), 42P01 (the tables are gone: they are made again); Node's
 * network errors; pg's own connection errors, which carry no code.
 */
export function isTransientPostgresError(error: Error): boolean {
  const code = codeOf(error);
  if (code === undefined) return /timeout|terminated|connection|not queryable/i.test(error.message);
  if (/^(08|53)/.test(code)) return true;
  if (['57P01', '57P02', '57P03', '40001', '40P01', '25006', '42P01'].includes(code)) return true;
  return networkCodes.has(code);
}
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
]);

/** Where the store writes, for the log: host, port and database, never the user or password. */
export function describeDatabaseUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return '(DATABASE_URL)';
  }
}

// One statement per batch: atomic, one round trip. The batch travels as JSON arrays, which
// jsonb_to_recordset turns into rows (a JSON array into text[]).
const insertBatch = `
  WITH questions AS (
    INSERT INTO analytics_questions (event_id, at, day, user_hash, question, normalized, answered, reason, entry_ids)
    SELECT event_id, at, day, user_hash, question, normalized, answered, reason, entry_ids
    FROM jsonb_to_recordset($1::jsonb) AS r(event_id text, at timestamptz, day date, user_hash text,
      question text, normalized text, answered boolean, reason text, entry_ids text[])
    ON CONFLICT (event_id) WHERE event_id IS NOT NULL DO NOTHING
  ), votes AS (
    INSERT INTO analytics_feedback (event_id, at, day, user_hash, entry_id, vote)
    SELECT event_id, at, day, user_hash, entry_id, vote
    FROM jsonb_to_recordset($2::jsonb) AS r(event_id text, at timestamptz, day date, user_hash text,
      entry_id text, vote text)
    ON CONFLICT (user_hash, entry_id) WHERE user_hash IS NOT NULL
    DO UPDATE SET at = excluded.at, day = excluded.day, vote = excluded.vote, event_id = excluded.event_id
    WHERE excluded.at >= analytics_feedback.at
  ), anonymous_votes AS (
    INSERT INTO analytics_feedback (event_id, at, day, user_hash, entry_id, vote)
    SELECT event_id, at, day, NULL, entry_id, vote
    FROM jsonb_to_recordset($3::jsonb) AS r(event_id text, at timestamptz, day date, entry_id text, vote text)
    ON CONFLICT (event_id) WHERE user_hash IS NULL AND event_id IS NOT NULL DO NOTHING
  )
  SELECT 1`;

const IS_UNANSWERED = '(NOT answered AND (reason IS NULL OR reason <> ALL($SMALL_TALK)))';
const IS_SMALL_TALK = '(NOT answered AND reason = ANY($SMALL_TALK))';
const withSmallTalk = (sql: string, n: number) => sql.replaceAll('$SMALL_TALK', `$${n}::text[]`);

// Ties break by the text's UTF-8 bytes (COLLATE "C"), as SQLite's BINARY and the memory store do;
// the sample text of a group is its most recent one.
const selectUnanswered = withSmallTalk(
  `SELECT normalized, (array_agg(question ORDER BY at DESC, id DESC))[1] AS question,
     count(*)::int AS count, count(DISTINCT user_hash)::int AS users, max(at) AS last_at
   FROM analytics_questions
   WHERE ${IS_UNANSWERED} AND at >= $1
   GROUP BY normalized
   ORDER BY count DESC, last_at DESC, normalized COLLATE "C"
   LIMIT $2`,
  3,
);
const selectNegative = `
  SELECT entry_id, count(*) FILTER (WHERE vote = 'up')::int AS up, count(*) FILTER (WHERE vote = 'down')::int AS down,
    max(at) FILTER (WHERE vote = 'down') AS last_down_at
  FROM analytics_feedback
  WHERE at >= $1
  GROUP BY entry_id
  HAVING count(*) FILTER (WHERE vote = 'down') > 0
  ORDER BY down DESC, up ASC, entry_id COLLATE "C"
  LIMIT $2`;
const selectDayQuestions = withSmallTalk(
  `SELECT to_char(day, 'YYYY-MM-DD') AS day, count(*)::int AS questions,
     count(*) FILTER (WHERE answered)::int AS answered,
     count(*) FILTER (WHERE answered AND reason = $4)::int AS partial,
     count(*) FILTER (WHERE ${IS_UNANSWERED})::int AS unanswered,
     count(*) FILTER (WHERE ${IS_SMALL_TALK})::int AS small_talk
   FROM analytics_questions
   WHERE day BETWEEN $1::date AND $2::date
   GROUP BY day`,
  3,
);
const selectDayFeedback = `
  SELECT to_char(day, 'YYYY-MM-DD') AS day, count(*) FILTER (WHERE vote = 'up')::int AS up,
    count(*) FILTER (WHERE vote = 'down')::int AS down
  FROM analytics_feedback
  WHERE day BETWEEN $1::date AND $2::date
  GROUP BY day`;
// An entry counts once per answer even if it were listed twice.
const selectTopEntries = `
  SELECT e.entry_id, count(DISTINCT q.id)::int AS hits, max(q.at) AS last_at
  FROM analytics_questions q CROSS JOIN LATERAL unnest(q.entry_ids) AS e(entry_id)
  WHERE q.at >= $1
  GROUP BY e.entry_id
  ORDER BY hits DESC, e.entry_id COLLATE "C"
  LIMIT $2`;

/** No lower bound for a time filter. */
const allTime = '-infinity';

/** The rows of one batch, as the statement's three JSON parameters. */
function batchParameters(records: readonly AnalyticsRecord[]): [string, string, string] {
  const questions: unknown[] = [];
  // One vote per citizen and entry within the batch too (one statement cannot update a row twice):
  // the latest by time, the later recorded on a tie.
  const votes = new Map<string, FeedbackRecord>();
  const anonymous: unknown[] = [];
  for (const { kind, record } of records) {
    if (kind === 'question') {
      const question = storedQuestion(record.question);
      questions.push({
        event_id: record.eventId ?? null,
        at: record.at.toISOString(),
        day: reportDay(record.at),
        user_hash: record.userHash ?? null,
        question,
        normalized: questionKey(question),
        answered: record.answered,
        reason: record.reason ?? null,
        entry_ids: record.entryIds,
      });
    } else if (record.userHash === undefined) {
      anonymous.push(voteRow(record));
    } else {
      const key = `${record.userHash}\n${record.entryId}`;
      const earlier = votes.get(key);
      if (!earlier || record.at.getTime() >= earlier.at.getTime()) votes.set(key, record);
    }
  }
  return [JSON.stringify(questions), JSON.stringify([...votes.values()].map(voteRow)), JSON.stringify(anonymous)];
}

function voteRow(record: FeedbackRecord) {
  return {
    event_id: record.eventId ?? null,
    at: record.at.toISOString(),
    day: reportDay(record.at),
    user_hash: record.userHash ?? null,
    entry_id: record.entryId,
    vote: record.vote,
  };
}

/**
 * The store on the database at `connectionString`. Returns at once: the pool connects on the
 * first write or read, which migrate the schema first. Never throws for an unreachable database.
 */
export function createPostgresAnalyticsStore(options: PostgresStoreOptions): AnalyticsStore {
  const { logger, retentionDays } = options;
  if (retentionDays !== undefined && (!Number.isInteger(retentionDays) || retentionDays < 1)) {
    throw new RangeError(`retentionDays must be a whole number of days, at least 1 (got ${retentionDays})`);
  }
  const now = options.now ?? Date.now;
  const target = describeDatabaseUrl(options.connectionString);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 4,
    // A database that does not answer fails the attempt instead of holding the queue.
    connectionTimeoutMillis: 5000,
    query_timeout: 15_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'komoro-bot',
  });
  // An idle connection the server closed (a restart, a failover) is reported here; without a
  // listener it would end the process. The next query opens a new one.
  pool.on('error', (err) => {
    logger?.debug({ code: codeOf(err), error: err.message }, 'analytics: an idle database connection was closed');
  });

  const prune = async () => {
    if (retentionDays === undefined) return;
    const before = new Date(now() - retentionDays * dayMs);
    await pool.query('DELETE FROM analytics_questions WHERE at < $1', [before]);
    await pool.query('DELETE FROM analytics_feedback WHERE at < $1', [before]);
  };
  const pruneLogged = () =>
    prune().catch((err: unknown) => {
      logger?.error(
        { code: codeOf(err as Error), error: (err as Error).message },
        'analytics: deleting what passed the retention failed; trying again in 6 hours',
      );
    });

  // The schema, migrated once per process; after a failure, by the next write or read.
  let schema: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    schema ??= migratePostgres(pool).then(
      ({ from, to }) => {
        if (to > postgresSchemaVersion) {
          logger?.warn(
            { database: target, version: to, supported: postgresSchemaVersion },
            'analytics: the database was migrated by a newer version of the bot; writing on (migrations only add)',
          );
        } else if (from !== to) logger?.info({ database: target, from, to }, 'analytics: database schema migrated');
        // The first round of the retention, off the path of the write that found the schema.
        void pruneLogged();
      },
      (err: unknown) => {
        schema = undefined;
        throw err;
      },
    );
    return schema;
  };

  // Migrated at once, so that the tables are there before the first question and a wrong
  // DATABASE_URL (a refused password, a missing database) shows in the start-up log.
  ready().catch((err: unknown) => {
    const error = err as Error;
    const transient = isTransientPostgresError(error);
    logger?.[transient ? 'warn' : 'error'](
      { database: target, code: codeOf(error), error: error.message },
      transient
        ? 'analytics: the database cannot be reached yet; records wait in memory until it answers (replies are not affected)'
        : 'analytics: the database refused to set up the tables; records will be dropped until this is fixed (replies are not affected)',
    );
  });

  const queue = createRecordQueue<AnalyticsRecord>({
    async write(batch) {
      try {
        await ready();
        await pool.query(insertBatch, batchParameters(batch));
      } catch (err) {
        // Tables dropped or a database restored from before them: migrate again on the next try.
        if (codeOf(err as Error) === '42P01') schema = undefined;
        throw err;
      }
    },
    logger,
    isTransient: isTransientPostgresError,
    closeRetryMs: options.closeRetryMs ?? 2000,
    ...(options.flushDelayMs === undefined ? {} : { flushDelayMs: options.flushDelayMs }),
    ...(options.maxWaiting === undefined ? {} : { maxWaiting: options.maxWaiting }),
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
  });

  let pruneTimer: NodeJS.Timeout | undefined;
  if (retentionDays !== undefined) {
    pruneTimer = setInterval(() => void ready().then(pruneLogged, () => undefined), pruneEveryMs);
    pruneTimer.unref();
  }

  /** Reports include every record made before them, and need the schema. */
  const beforeReading = async () => {
    await queue.flush();
    await ready();
  };
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
      checkQuery.limit(limit);
      await beforeReading();
      const { rows } = await pool.query<{
        normalized: string;
        question: string;
        count: number;
        users: number;
        last_at: Date;
      }>(selectUnanswered, [since ?? allTime, limit, smallTalkReasons]);
      return rows.map((row) => ({
        question: row.question,
        normalized: row.normalized,
        count: row.count,
        users: row.users,
        lastAskedAt: row.last_at,
      }));
    },
    async negativeFeedback({ since, limit }) {
      checkQuery.limit(limit);
      await beforeReading();
      const { rows } = await pool.query<{ entry_id: string; up: number; down: number; last_down_at: Date }>(
        selectNegative,
        [since ?? allTime, limit],
      );
      return rows.map((row) => ({ entryId: row.entry_id, up: row.up, down: row.down, lastDownAt: row.last_down_at }));
    },
    async dailyVolume({ days, until }) {
      checkQuery.days(days);
      await beforeReading();
      const dayList = reportDays(days, until ?? new Date());
      const first = dayList[0] as string;
      const last = dayList[dayList.length - 1] as string;
      const [questionRows, feedbackRows] = await Promise.all([
        pool.query<DayQuestionCounts>(selectDayQuestions, [first, last, smallTalkReasons, partialAnswerReason]),
        pool.query<DayVoteCounts>(selectDayFeedback, [first, last]),
      ]);
      return dailyVolumeOf(dayList, questionRows.rows, feedbackRows.rows);
    },
    async topEntries({ since, limit }) {
      checkQuery.limit(limit);
      await beforeReading();
      const { rows } = await pool.query<{ entry_id: string; hits: number; last_at: Date }>(selectTopEntries, [
        since ?? allTime,
        limit,
      ]);
      return rows.map((row) => ({ entryId: row.entry_id, hits: row.hits, lastShownAt: row.last_at }));
    },
    status(): AnalyticsStoreStatus {
      const { waiting, dropped, outage } = queue.status();
      if (!outage) return { store: 'postgresql', state: 'ok', waiting, dropped };
      const errorCode = codeOf(outage.error);
      return {
        store: 'postgresql',
        state: 'buffering',
        waiting,
        dropped,
        unreachableSince: new Date(outage.since).toISOString(),
        ...(errorCode === undefined ? {} : { errorCode }),
      };
    },
    close() {
      closed ??= (async () => {
        clearInterval(pruneTimer);
        await queue.close();
        await pool.end();
      })();
      return closed;
    },
  };
}
