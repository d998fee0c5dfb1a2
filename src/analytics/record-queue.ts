/**
 * The records a store has accepted and not yet written. The webhook side only pushes (an array
 * push: no promise, no closure per record); a short timer after the first record writes what
 * waits in one transaction, so a burst of questions costs one commit and no reply waits for the
 * disk. The queue is bounded and never throws to its callers: a batch the database refuses, or a
 * record that finds the queue full, is dropped, counted and logged (the count and the error,
 * never a record). It knows nothing of SQL, so a store on another database can use it with an
 * async write.
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
}

export interface RecordQueue<T> {
  push(record: T): void;
  /** Writes everything waiting; reports call it first, so they include every record made before. */
  flush(): Promise<void>;
  /** Writes what waits and logs the drops not yet logged. */
  close(): Promise<void>;
}

export function createRecordQueue<T>(options: RecordQueueOptions<T>): RecordQueue<T> {
  const { write, logger } = options;
  const flushDelayMs = options.flushDelayMs ?? 50;
  const maxBatch = options.maxBatch ?? 250;
  const maxWaiting = options.maxWaiting ?? 20_000;
  const logEveryMs = options.logEveryMs ?? 60_000;

  let waiting: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  // Batches are written one after another, also when the write is async.
  let writing: Promise<void> = Promise.resolve();

  // Drops are logged at once when they start, then at most once per logEveryMs with the count
  // since the last line: a database that fails under load must not flood the log.
  let unlogged = { full: 0, failed: 0, error: undefined as Error | undefined };
  let logTimer: NodeJS.Timeout | undefined;
  let quietUntil = 0;
  const logDrops = () => {
    clearTimeout(logTimer);
    logTimer = undefined;
    const { full, failed, error } = unlogged;
    if (full + failed === 0) return;
    unlogged = { full: 0, failed: 0, error: undefined };
    quietUntil = performance.now() + logEveryMs;
    logger?.error(
      { dropped: full + failed, queueFull: full, writeFailed: failed, code: codeOf(error), error: error?.message },
      'analytics: records dropped, not written (replies are not affected)',
    );
  };
  const dropped = (count: number, error?: Error) => {
    if (error) {
      unlogged.failed += count;
      unlogged.error = error;
    } else unlogged.full += count;
    const wait = quietUntil - performance.now();
    if (wait <= 0) logDrops();
    else if (!logTimer) {
      logTimer = setTimeout(logDrops, wait);
      logTimer.unref();
    }
  };

  const writeOne = async (): Promise<void> => {
    const batch = waiting.length <= maxBatch ? waiting : waiting.splice(0, maxBatch);
    if (batch === waiting) waiting = [];
    if (batch.length === 0) return;
    try {
      await write(batch);
    } catch (err) {
      dropped(batch.length, err instanceof Error ? err : new Error(String(err)));
    }
  };
  const tick = () => {
    timer = undefined;
    writing = writing.then(writeOne).then(() => {
      // A backlog goes on at once, one slice per turn of the event loop.
      if (waiting.length > 0) timer ??= setTimeout(tick, waiting.length >= maxBatch ? 0 : flushDelayMs);
    });
  };
  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    writing = writing.then(async () => {
      while (waiting.length > 0) await writeOne();
    });
    return writing;
  };

  return {
    push(record) {
      if (waiting.length >= maxWaiting) {
        dropped(1);
        return;
      }
      waiting.push(record);
      timer ??= setTimeout(tick, flushDelayMs);
    },
    flush,
    async close() {
      await flush();
      logDrops();
    },
  };
}

/** SQLite's error code (SQLITE_FULL, SQLITE_READONLY...) or a system one: what an operator acts on. */
function codeOf(error: Error | undefined): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
