/**
 * The records a store has accepted and not yet written. The webhook side only pushes (an array
 * push: no promise, no closure per record); a short timer after the first record writes what
 * waits in one transaction, so a burst of questions costs one commit and no reply waits for the
 * disk. The queue is bounded and never throws to its callers: a batch the database refuses, or a
 * record that finds the queue full, is dropped, counted and logged (the count and the error,
 * never a record). It knows nothing of SQL, so a store on another database can use it with an
 * async write.
 *
 * A store across the network also gives `isTransient`: a batch that failed because the database
 * could not be reached is not dropped but kept, first in line, and written again after a backoff
 * (up to 15 s between attempts) until the database answers; the others wait behind it, within the
 * same bound.
 */
import type { Logger } from '../logger.js';

export interface RecordQueueOptions<T> {
  /** Writes one batch, all of it or (throwing or rejecting) none of it. */
  readonly write: (batch: readonly T[]) => void | Promise<void>;
  /** Where dropped records are reported; undefined keeps quiet (the report CLI records nothing). */
  readonly logger?: Logger | undefined;
  /** How long a record may wait for others before its batch is written (default 50 ms). */
  readonly flushDelayMs?: number;
  /**
   * The largest batch (default 250): the event loop is held for one transaction, so a backlog is
   * written in slices with I/O let through between them.
   */
  readonly maxBatch?: number;
  /** The most records that may wait (default 20,000, a few MB); more are dropped. */
  readonly maxWaiting?: number;
  /** How often, at most, drops are logged while they go on (default 60 s). */
  readonly logEveryMs?: number;
  /**
   * Whether a failed write may succeed later unchanged (the database is down or unreachable): the
   * batch is then kept and tried again after a backoff. Absent, or false for an error: the batch
   * is dropped, as a database that refused it would refuse it again.
   */
  readonly isTransient?: (error: Error) => boolean;
  /** The backoff between attempts while writes fail transiently (default 250 ms doubling to 15 s). */
  readonly retryDelayMs?: { readonly first: number; readonly max: number };
  /**
   * How long close() goes on trying to write what waits while the database cannot be reached
   * (default 0: one attempt); what is left after it is dropped and logged.
   */
  readonly closeRetryMs?: number;
}

/** What a queue holds and whether its writes get through (no records). */
export interface RecordQueueStatus {
  readonly waiting: number;
  /** Records dropped since the queue was made. */
  readonly dropped: number;
  /** While writes fail transiently: since when (epoch ms) and the last error. */
  readonly outage?: { readonly since: number; readonly error: Error };
}

export interface RecordQueue<T> {
  push(record: T): void;
  /**
   * Writes everything waiting; reports call it first, so they include every record made before.
   * While the database cannot be reached it gives up at the first failure: the records wait on.
   */
  flush(): Promise<void>;
  /** Writes what waits (trying for closeRetryMs while it fails transiently) and logs the drops not yet logged. */
  close(): Promise<void>;
  status(): RecordQueueStatus;
}

type Attempt = 'written' | 'dropped' | 'kept';

export function createRecordQueue<T>(options: RecordQueueOptions<T>): RecordQueue<T> {
  const { write, logger, isTransient } = options;
  const flushDelayMs = options.flushDelayMs ?? 50;
  const maxBatch = options.maxBatch ?? 250;
  const maxWaiting = options.maxWaiting ?? 20_000;
  const logEveryMs = options.logEveryMs ?? 60_000;
  const retryDelay = options.retryDelayMs ?? { first: 250, max: 15_000 };
  const closeRetryMs = options.closeRetryMs ?? 0;

  let waiting: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  // Batches are written one after another, also when the write is async.
  let writing: Promise<void> = Promise.resolve();
  let droppedTotal = 0;
  // While writes fail transiently: since when, the last error, and the attempts so far (the backoff).
  let outage: { since: number; error: Error; attempts: number } | undefined;

  // Drops are logged at once when they start, then at most once per logEveryMs with the count
  // since the last line: a database that fails under load must not flood the log.
  let unlogged = { full: 0, failed: 0, atClose: 0, error: undefined as Error | undefined };
  let logTimer: NodeJS.Timeout | undefined;
  let quietUntil = 0;
  const logDrops = () => {
    clearTimeout(logTimer);
    logTimer = undefined;
    const { full, failed, atClose, error } = unlogged;
    if (full + failed + atClose === 0) return;
    unlogged = { full: 0, failed: 0, atClose: 0, error: undefined };
    quietUntil = performance.now() + logEveryMs;
    logger?.error(
      {
        dropped: full + failed + atClose,
        queueFull: full,
        writeFailed: failed,
        ...(atClose > 0 ? { unwrittenAtClose: atClose } : {}),
        code: codeOf(error),
        error: error?.message,
      },
      'analytics: records dropped, not written (replies are not affected)',
    );
  };
  const dropped = (count: number, reason: 'full' | 'failed' | 'atClose', error?: Error) => {
    droppedTotal += count;
    unlogged[reason] += count;
    if (error) unlogged.error = error;
    const wait = quietUntil - performance.now();
    if (wait <= 0) logDrops();
    else if (!logTimer) {
      logTimer = setTimeout(logDrops, wait);
      logTimer.unref();
    }
  };

  const entered = (error: Error) => {
    if (outage) {
      outage.error = error;
      outage.attempts += 1;
      return;
    }
    outage = { since: Date.now(), error, attempts: 1 };
    logger?.warn(
      { code: codeOf(error), error: error.message, waiting: waiting.length },
      'analytics: the database cannot be reached; records wait in memory and are written when it answers (replies are not affected)',
    );
  };
  const recovered = () => {
    if (!outage) return;
    // The backoff's timer would hold a backlog up to 15 s: what waits goes on at once instead.
    clearTimeout(timer);
    timer = undefined;
    logger?.info(
      { unreachableMs: Date.now() - outage.since, attempts: outage.attempts, waiting: waiting.length },
      'analytics: the database answers again; the records that waited are being written',
    );
    outage = undefined;
  };
  /** Exponential, half of it random, so instances that lost the database together do not retry in step. */
  const backoffMs = () => {
    const cap = Math.min(retryDelay.max, retryDelay.first * 2 ** Math.min((outage?.attempts ?? 1) - 1, 20));
    return cap / 2 + (Math.random() * cap) / 2;
  };

  const writeOne = async (): Promise<Attempt> => {
    const batch = waiting.length <= maxBatch ? waiting : waiting.splice(0, maxBatch);
    if (batch === waiting) waiting = [];
    if (batch.length === 0) return 'written';
    try {
      await write(batch);
      recovered();
      return 'written';
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      if (isTransient?.(error)) {
        // First in line again; what came meanwhile stayed within the bound, and so does the sum.
        waiting = batch.concat(waiting);
        entered(error);
        return 'kept';
      }
      dropped(batch.length, 'failed', error);
      return 'dropped';
    }
  };
  const schedule = () => {
    if (timer || waiting.length === 0) return;
    // After a failed attempt, the backoff; a backlog goes on at once, one slice per turn of the event loop.
    const delay = outage ? backoffMs() : waiting.length >= maxBatch ? 0 : flushDelayMs;
    timer = setTimeout(tick, delay);
    // A retry must not keep a process alive that is otherwise done (close() writes what waits).
    if (outage) timer.unref();
  };
  const tick = () => {
    timer = undefined;
    writing = writing.then(writeOne).then(schedule);
  };
  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    writing = writing.then(async () => {
      while (waiting.length > 0) if ((await writeOne()) === 'kept') break;
      schedule();
    });
    return writing;
  };

  return {
    push(record) {
      if (waiting.length >= maxWaiting) {
        dropped(1, 'full');
        return;
      }
      waiting.push(record);
      schedule();
    },
    flush,
    async close() {
      await flush();
      const deadline = performance.now() + closeRetryMs;
      while (outage && waiting.length > 0 && performance.now() < deadline) {
        const wait = Math.min(backoffMs(), deadline - performance.now());
        await new Promise((resolve) => setTimeout(resolve, wait));
        await flush();
      }
      clearTimeout(timer);
      timer = undefined;
      if (waiting.length > 0) {
        const left = waiting.length;
        waiting = [];
        dropped(left, 'atClose', outage?.error);
      }
      logDrops();
    },
    status() {
      return {
        waiting: waiting.length,
        dropped: droppedTotal,
        ...(outage ? { outage: { since: outage.since, error: outage.error } } : {}),
      };
    },
  };
}

/** The database's error code (SQLITE_FULL, PostgreSQL's SQLSTATE) or a system one: what an operator acts on. */
export function codeOf(error: Error | undefined): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
