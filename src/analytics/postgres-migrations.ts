/**
 * The analytics schema in PostgreSQL, versioned: each migration runs once, recorded in
 * `analytics_migrations`, all of them in one transaction under an advisory lock, so instances
 * starting together wait for one another instead of creating the tables twice. PostgreSQL's DDL
 * is transactional: a migration that fails leaves nothing half done.
 *
 * Migrations are only appended, and only add (a table, a nullable column, an index): during a
 * rolling update the older instances keep writing to a schema the newer one has moved on, so an
 * instance finding a newer version than its own says so and goes on.
 */
import type pg from 'pg';

/** Migrations by version: migrations[0] brings an empty database to version 1. Only ever append. */
const migrations: readonly string[] = [
  `
  CREATE TABLE analytics_questions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    text,                          -- the webhook event's id: one question per event
    at          timestamptz NOT NULL,          -- when the citizen sent it
    day         date        NOT NULL,          -- the Japan-time day of at
    user_hash   text,                          -- HMAC-SHA256(userId, HASH_SALT); never the raw id
    question    text        NOT NULL,          -- as typed (its first 500 characters)
    normalized  text        NOT NULL,          -- questionKey(question), for grouping
    answered    boolean     NOT NULL,
    reason      text,                          -- why not answered: no-match, greeting, thanks, empty
    entry_ids   text[]      NOT NULL DEFAULT '{}'  -- the entries shown, best first
  );
  CREATE UNIQUE INDEX analytics_questions_event ON analytics_questions (event_id) WHERE event_id IS NOT NULL;
  CREATE INDEX analytics_questions_at ON analytics_questions (at);
  CREATE INDEX analytics_questions_day ON analytics_questions (day);
  CREATE INDEX analytics_questions_unanswered ON analytics_questions (normalized, at) WHERE NOT answered;

  CREATE TABLE analytics_feedback (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    text,
    at          timestamptz NOT NULL,
    day         date        NOT NULL,
    user_hash   text,
    entry_id    text        NOT NULL,
    vote        text        NOT NULL CHECK (vote IN ('up', 'down'))
  );
  -- One vote per citizen and entry; a vote without a user, once per event.
  CREATE UNIQUE INDEX analytics_feedback_user_entry ON analytics_feedback (user_hash, entry_id)
    WHERE user_hash IS NOT NULL;
  CREATE UNIQUE INDEX analytics_feedback_anonymous_event ON analytics_feedback (event_id)
    WHERE user_hash IS NULL AND event_id IS NOT NULL;
  CREATE INDEX analytics_feedback_at ON analytics_feedback (at);
  CREATE INDEX analytics_feedback_day ON analytics_feedback (day);
  `,
];

/** The schema version this code writes. */
export const postgresSchemaVersion = migrations.length;

/** Any constant the bot's instances agree on: the advisory lock of the analytics migrations. */
export const migrationLock = 7_004_151_623;

export interface MigrationResult {
  /** The version found. */
  readonly from: number;
  /** The version now: postgresSchemaVersion, or a newer one a newer instance left. */
  readonly to: number;
}

/** Brings the database to {@link postgresSchemaVersion}, waiting for any other instance doing the same. */
export async function migratePostgres(pool: pg.Pool): Promise<MigrationResult> {
  const client = await pool.connect();
  let failed: Error | undefined;
  // A client checked out of the pool has no listener for a connection lost between two queries
  // (the server restarting): without one, its 'error' event would end the process.
  const lost = (err: Error) => {
    failed = err;
  };
  client.on('error', lost);
  try {
    await client.query('BEGIN');
    // Held until COMMIT or ROLLBACK: a second instance waits here, then finds the work done.
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS analytics_migrations (
        version     integer     PRIMARY KEY,
        applied_at  timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM analytics_migrations',
    );
    const from = rows[0]?.version ?? 0;
    for (let v = from; v < migrations.length; v++) {
      await client.query(migrations[v] as string);
      await client.query('INSERT INTO analytics_migrations (version) VALUES ($1)', [v + 1]);
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from, migrations.length) };
  } catch (err) {
    failed = err as Error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.off('error', lost);
    // A connection that failed mid-transaction is not given back to the pool.
    client.release(failed);
  }
}
