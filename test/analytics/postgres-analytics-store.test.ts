import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionRecord } from '../../src/analytics/analytics-store.js';
import {
  createPostgresAnalyticsStore,
  describeDatabaseUrl,
  isTransientPostgresError,
} from '../../src/analytics/postgres-analytics-store.js';
import { migrationLock, postgresSchemaVersion } from '../../src/analytics/postgres-migrations.js';
import { capturedLogger } from '../support/captured-logger.js';
import { hasPostgresServer, startPostgresServer, type PostgresServer } from '../support/postgres-server.js';

const day = 24 * 60 * 60 * 1000;
let databases = 0;

const question = (text: string, overrides: Partial<QuestionRecord> = {}): QuestionRecord => ({
  at: new Date(),
  userHash: 'u',
  question: text,
  answered: false,
  reason: 'no-match',
  entryIds: [],
  ...overrides,
});

/** One SQL query through a connection of its own (what another instance or psql would see). */
async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('isTransientPostgresError', () => {
  const error = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
  it('retries what a later attempt may get through: the database down, restarting or out of reach', () => {
    for (const e of [
      error('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      error('getaddrinfo EAI_AGAIN db', 'EAI_AGAIN'),
      error('terminating connection due to administrator command', '57P01'),
      error('the database system is starting up', '57P03'),
      error('sorry, too many clients already', '53300'),
      error('connection failure', '08006'),
      error('cannot execute INSERT in a read-only transaction', '25006'),
      error('Connection terminated unexpectedly'),
      error('timeout expired'),
    ])
      expect(isTransientPostgresError(e), e.message).toBe(true);
  });
  it('drops what the database refuses for what it holds, or for who asks', () => {
    for (const e of [
      error('value too long for type character varying(5)', '22001'),
      error('permission denied for table analytics_questions', '42501'),
      error('password authentication failed for user "bot"', '28P01'),
      error('syntax error at or near "SELEC"', '42601'),
    ])
      expect(isTransientPostgresError(e), e.message).toBe(false);
  });
});

it('names the database for the log without its user or password', () => {
  expect(describeDatabaseUrl('postgres://bot:s3cret@db.internal:5433/komoro')).toBe('db.internal:5433/komoro');
  expect(describeDatabaseUrl('not a url s3cret')).toBe('(DATABASE_URL)');
});

// CI installs PostgreSQL (.ci/run); a developer machine without it skips this, saying why.
const suite = hasPostgresServer || process.env.CI ? describe : describe.skip;

suite('createPostgresAnalyticsStore on a real server', () => {
  let server: PostgresServer;
  const freshDatabase = () => server.createDatabase(`store_${++databases}`);

  beforeAll(async () => {
    server = await startPostgresServer();
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
    await server?.destroy();
  });

  it('creates its tables at the current schema version, once, when several instances start together', async () => {
    const url = await freshDatabase();
    const { logger, lines } = capturedLogger();
    const instances = Array.from({ length: 4 }, () => createPostgresAnalyticsStore({ connectionString: url, logger }));
    // Each one migrates before its first read: all at once, waiting on the advisory lock.
    await Promise.all(instances.map((store) => store.unansweredQuestions({ limit: 1 })));
    await Promise.all(instances.map((store) => store.close()));

    const versions = await query<{ version: number }>(url, 'SELECT version FROM analytics_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: postgresSchemaVersion }, (_, i) => i + 1));
    expect(lines.filter((l) => l.includes('database schema migrated'))).toHaveLength(1);
  });

  it('survives its connection being cut while it migrates, and migrates on the next write', async () => {
    const url = await freshDatabase();
    // Another instance holds the migration lock: this one waits for it on a connection of its own.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('SELECT pg_advisory_lock($1)', [migrationLock]);
    const { logger, lines } = capturedLogger();
    const store = createPostgresAnalyticsStore({
      connectionString: url,
      logger,
      retryDelayMs: { first: 20, max: 200 },
    });
    try {
      const waiting = async () =>
        (
          await other.query(
            "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
          )
        ).rows as { pid: number }[];
      await expect.poll(async () => (await waiting()).length).toBe(1);
      // The server cuts it (an administrator, a failover): the process must not go down with it.
      await other.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = $1', ['Lock']);
      await expect.poll(() => lines.join('')).toContain('the database cannot be reached yet');
      await other.query('SELECT pg_advisory_unlock($1)', [migrationLock]);

      await store.recordQuestion(question('移行中の質問'));
      expect(await store.unansweredQuestions({ limit: 5 })).toMatchObject([{ question: '移行中の質問' }]);
    } finally {
      await other.end();
      await store.close();
    }
  });

  it('keeps what it recorded when the instance is replaced by a new one', async () => {
    const url = await freshDatabase();
    const before = createPostgresAnalyticsStore({ connectionString: url });
    await before.recordQuestion(question('除雪は？'));
    await before.close(); // a redeploy: what waits is written on the way out

    const after = createPostgresAnalyticsStore({ connectionString: url });
    try {
      expect(await after.unansweredQuestions({ limit: 5 })).toMatchObject([{ question: '除雪は？', count: 1 }]);
    } finally {
      await after.close();
    }
  });

  it('writes on, saying so, to a database a newer version of the bot has migrated further', async () => {
    const url = await freshDatabase();
    const first = createPostgresAnalyticsStore({ connectionString: url });
    await first.topEntries({ limit: 1 });
    await first.close();
    await query(url, 'INSERT INTO analytics_migrations (version) VALUES ($1)', [postgresSchemaVersion + 1]);

    const { logger, lines } = capturedLogger();
    const older = createPostgresAnalyticsStore({ connectionString: url, logger });
    await older.recordQuestion(question('まだ書けますか'));
    expect(await older.unansweredQuestions({ limit: 5 })).toMatchObject([{ question: 'まだ書けますか' }]);
    await older.close();
    expect(lines.join('')).toContain('migrated by a newer version of the bot');
  });

  it('deletes questions and votes older than the retention once the schema is ready', async () => {
    const url = await freshDatabase();
    const now = Date.parse('2026-06-01T00:00:00+09:00');
    const writer = createPostgresAnalyticsStore({ connectionString: url });
    for (const daysAgo of [100, 31, 29, 1]) {
      const at = new Date(now - daysAgo * day);
      await writer.recordQuestion(question(`${daysAgo}日前の質問`, { at, answered: true, entryIds: ['furusato'] }));
      await writer.recordFeedback({ at, userHash: `u${daysAgo}`, entryId: 'furusato', vote: 'down' });
    }
    await writer.close();

    const store = createPostgresAnalyticsStore({ connectionString: url, retentionDays: 30, now: () => now });
    try {
      await store.topEntries({ limit: 1 }); // the schema is ready: the first round starts
      const count = async (table: string) =>
        (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM ${table}`))[0]?.n;
      await expect.poll(() => Promise.all([count('analytics_questions'), count('analytics_feedback')])).toEqual([2, 2]);
    } finally {
      await store.close();
    }
  });

  it('keeps recording while the database is down, never throwing, and writes every record once it is back', async () => {
    const url = await freshDatabase();
    const { logger, lines } = capturedLogger();
    const store = createPostgresAnalyticsStore({
      connectionString: url,
      logger,
      flushDelayMs: 5,
      retryDelayMs: { first: 20, max: 500 },
    });
    try {
      await store.recordQuestion(question('停止前の質問'));
      await store.topEntries({ limit: 1 }); // written, and the pool holds a connection the stop will cut

      await server.stop();
      for (let i = 0; i < 30; i++)
        await expect(store.recordQuestion(question(`停止中の質問${i % 3}`))).resolves.toBe(undefined);
      await expect.poll(() => store.status()).toMatchObject({ store: 'postgresql', state: 'buffering', waiting: 30 });
      expect(store.status().errorCode).toMatch(/^(ECONNREFUSED|57P01)$/);
      await expect(store.unansweredQuestions({ limit: 5 })).rejects.toThrow();

      await server.start();
      await expect.poll(() => store.status()).toMatchObject({ state: 'ok', waiting: 0, dropped: 0 });
      const groups = await store.unansweredQuestions({ limit: 10 });
      expect(groups.map((g) => [g.question, g.count]).sort()).toEqual([
        ['停止中の質問0', 10],
        ['停止中の質問1', 10],
        ['停止中の質問2', 10],
        ['停止前の質問', 1],
      ]);
      const log = lines.join('');
      expect(log).toContain('the database cannot be reached');
      expect(log).toContain('the database answers again');
      expect(log).not.toContain('質問');
    } finally {
      await server.start().catch(() => undefined); // already running unless the test failed while it was down
      await store.close();
    }
  });

  it('opens while the database is down: the bot starts, and the records reach the database when it comes', async () => {
    const url = await freshDatabase();
    await server.stop();
    const store = createPostgresAnalyticsStore({
      connectionString: url,
      flushDelayMs: 5,
      retryDelayMs: { first: 20, max: 500 },
    });
    try {
      await store.recordQuestion(question('起動時の質問'));
      await expect.poll(() => store.status().state).toBe('buffering');
    } finally {
      await server.start();
    }
    await expect.poll(() => store.status()).toMatchObject({ state: 'ok', waiting: 0 });
    expect(await store.unansweredQuestions({ limit: 5 })).toMatchObject([{ question: '起動時の質問' }]);
    await store.close();
  });
});
