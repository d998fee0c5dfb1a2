/**
 * The production analytics store as the server uses it: the SQLite store runs in a worker thread
 * (analytics-worker.ts) and this side only gathers records. Recording a question costs the event
 * loop an array push; every 50 ms (or 500 records) the batch crosses to the worker in one message
 * and is written there in one transaction. Report queries first send what is waiting, so a report
 * always includes every record made before it. A thread that dies is replaced (openWorkerAnalyticsStore).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { checkQuery, type AnalyticsRecord, type AnalyticsStore } from './analytics-store.js';
import { batchOutcome, type BatchOutcome } from './batch-outcome.js';
import type {
  AnalyticsWorkerData,
  CrossedError,
  FromWorker,
  QueryMethod,
  ToWorker,
} from './analytics-worker-protocol.js';

/** How long a record may wait for others before its batch is sent, and the largest batch. */
const sendDelayMs = 50;
const maxBatch = 500;

/** An error from the worker, rebuilt on this side with its name, message and code. */
export class AnalyticsWorkerError extends Error {
  readonly code: string | undefined;
  constructor(crossed: CrossedError) {
    super(crossed.message);
    this.name = crossed.name;
    this.code = crossed.code;
  }
}

/**
 * How to start the worker: the compiled file beside this one (dist/, production), or the
 * TypeScript source through tsx's API (npm start and tests run the sources; a worker does not
 * inherit tsx's loader from `--import tsx`).
 */
function workerScript(): { readonly script: string | URL; readonly eval: boolean } {
  const compiled = new URL('./analytics-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return { script: compiled, eval: false };
  const source = new URL('./analytics-worker.ts', import.meta.url).href;
  return {
    script: `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)}))`,
    eval: true,
  };
}

interface Call {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

/** What the store tells about its thread; the server logs it. */
export type WorkerEvent =
  | { readonly type: 'stopped'; readonly error: Error; readonly restartInMs: number }
  | { readonly type: 'restarted' }
  | { readonly type: 'restart-failed'; readonly error: Error; readonly restartInMs: number };

export interface WorkerStoreOptions {
  /**
   * How long opening may take (default 10 s). The server opens analytics before it listens, and a
   * database that never opens (a file on a hung network mount, a pipe) must not keep it from
   * answering: past this, analytics is given up and the thread left to itself.
   */
  readonly openTimeoutMs?: number;
  /**
   * Wait before starting a new thread when the worker stopped unexpectedly (default 1 s); it
   * doubles for every stop within a minute of the last start, up to 30 s.
   */
  readonly restartDelayMs?: number;
  /** Told when the thread stopped and when it was started again. */
  readonly onWorkerEvent?: (event: WorkerEvent) => void;
  /** Questions and votes older than this many days are deleted by the worker (at open, then every 6 h). */
  readonly retentionDays?: number;
  /** Starts the thread; tests pass one that keeps the Worker to stop it. */
  readonly startWorker?: (script: string | URL, options: WorkerOptions) => Worker;
}

const maxRestartDelayMs = 30_000;
/** A thread that ran this long before it stopped starts the backoff afresh. */
const stableAfterMs = 60_000;

/**
 * Starts a worker and waits for it to open the database. Rejects, with the worker's error (an
 * AnalyticsSchemaError's message, a permission error), when it cannot be opened.
 */
async function startOpenWorker(file: string, options: WorkerStoreOptions): Promise<Worker> {
  const openTimeoutMs = options.openTimeoutMs ?? 10_000;
  const { script, eval: isEval } = workerScript();
  const start = options.startWorker ?? ((s: string | URL, o: WorkerOptions) => new Worker(s, o));
  const workerData: AnalyticsWorkerData = {
    file,
    ...(options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays }),
  };
  const worker = start(script, { eval: isEval, workerData });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.type === 'ready') {
        cleanup();
        resolve();
      } else if (message.type === 'open-failed') {
        cleanup();
        void worker.terminate();
        reject(new AnalyticsWorkerError(message.error));
      }
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`the analytics worker exited (${code}) before opening ${file}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      worker.unref(); // stuck in a system call, it may not stop: it must not keep the process alive
      void worker.terminate();
      reject(new Error(`the analytics database did not open within ${openTimeoutMs} ms: ${file}`));
    }, openTimeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
  return worker;
}

/**
 * Starts the worker and opens the database there; rejects when it cannot be opened. If the thread
 * later stops unexpectedly (a crash, an out-of-memory in the worker), the batches it held fail,
 * so their records are logged as not recorded, and a new thread is started after a backoff;
 * what is recorded meanwhile waits for it.
 */
export async function openWorkerAnalyticsStore(
  file: string,
  options: WorkerStoreOptions = {},
): Promise<AnalyticsStore> {
  const baseDelayMs = options.restartDelayMs ?? 1000;
  const calls = new Map<number, Call>();
  let nextId = 1;
  let closed: Error | undefined;
  let closing = false;
  let worker: Worker | undefined = await startOpenWorker(file, options);
  let startedAt = performance.now();
  let delayMs = baseDelayMs;
  /** While the thread is down: settles when a new one is up (or the attempt failed). */
  let restarting: Promise<void> | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  /** Settles `restarting` early: closing while down gives up the pending restart. */
  let giveUpRestart: (() => void) | undefined;

  const failAll = (err: Error) => {
    for (const call of calls.values()) call.reject(err);
    calls.clear();
  };

  function attach(running: Worker): void {
    running.on('message', (message: FromWorker) => {
      if (message.type !== 'done' && message.type !== 'failed') return;
      const call = calls.get(message.id);
      if (!call) return;
      calls.delete(message.id);
      if (calls.size === 0) running.unref();
      if (message.type === 'done') call.resolve(message.value);
      else call.reject(new AnalyticsWorkerError(message.error));
    });
    running.on('error', (err) => lost(running, err));
    running.on('exit', (code) => lost(running, new Error(`the analytics worker stopped (exit code ${code})`)));
    // An idle worker does not keep the process alive (records waiting to be sent hold a timer,
    // which does); while an answer is awaited, it does.
    running.unref();
  }

  /** The thread stopped (an error comes before its exit: the first one counts). */
  function lost(stopped: Worker, error: Error): void {
    if (stopped !== worker || closing) return;
    worker = undefined;
    failAll(error);
    delayMs = performance.now() - startedAt > stableAfterMs ? baseDelayMs : delayMs;
    options.onWorkerEvent?.({ type: 'stopped', error, restartInMs: delayMs });
    scheduleRestart();
  }

  function scheduleRestart(): void {
    const waitMs = delayMs;
    delayMs = Math.min(maxRestartDelayMs, delayMs * 2);
    restarting = new Promise<void>((resolve) => {
      giveUpRestart = resolve;
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        startOpenWorker(file, options).then(
          (started) => {
            if (closed) {
              void started.terminate();
            } else {
              worker = started;
              startedAt = performance.now();
              attach(started);
              options.onWorkerEvent?.({ type: 'restarted' });
            }
            restarting = undefined;
            resolve();
          },
          (err: Error) => {
            options.onWorkerEvent?.({ type: 'restart-failed', error: err, restartInMs: delayMs });
            if (!closed) scheduleRestart();
            resolve();
          },
        );
      }, waitMs);
      restartTimer.unref();
    });
  }

  attach(worker);

  function call(message: (id: number) => ToWorker): Promise<unknown> {
    if (closed) return Promise.reject(closed);
    const running = worker;
    if (!running) {
      // Down: what is sent now goes to the next thread; if starting it failed, this one fails.
      const waiting = restarting ?? Promise.resolve();
      return waiting.then(() => {
        if (!worker) throw new Error('the analytics worker is not running (restarting after a failure)');
        return call(message);
      });
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      if (calls.size === 0) running.ref();
      calls.set(id, { resolve, reject });
      running.postMessage(message(id));
    });
  }

  // Records wait as plain data with one promise per batch (as in the SQLite store).
  let waiting: AnalyticsRecord[] = [];
  let batchSent: BatchOutcome | undefined;
  let timer: NodeJS.Timeout | undefined;
  const send = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const records = waiting;
    const batch = batchSent;
    waiting = [];
    batchSent = undefined;
    if (!batch || records.length === 0) return;
    call((id) => ({ type: 'write', id, records })).then(
      () => batch.settle(),
      (err: Error) => batch.settle(err),
    );
  };
  const enqueue = (record: AnalyticsRecord): Promise<void> => {
    batchSent ??= batchOutcome();
    const { written } = batchSent;
    waiting.push(record);
    if (waiting.length >= maxBatch) send();
    else timer ??= setTimeout(send, sendDelayMs);
    return written;
  };
  /** A report query: checked here (the same RangeError as the other stores), answered by the worker after what waits. */
  function query<M extends QueryMethod>(
    method: M,
    check: (q: Parameters<AnalyticsStore[M]>[0]) => void,
  ): AnalyticsStore[M] {
    const ask = async (q: Parameters<AnalyticsStore[M]>[0]) => {
      check(q);
      send();
      return call((id) => ({ type: 'query', id, method, query: q }));
    };
    return ask as AnalyticsStore[M];
  }

  return {
    recordQuestion: (record) => enqueue({ kind: 'question', record }),
    recordFeedback: (record) => enqueue({ kind: 'feedback', record }),
    unansweredQuestions: query('unansweredQuestions', (q) => checkQuery.limit(q.limit)),
    negativeFeedback: query('negativeFeedback', (q) => checkQuery.limit(q.limit)),
    dailyVolume: query('dailyVolume', (q) => checkQuery.days(q.days)),
    topEntries: query('topEntries', (q) => checkQuery.limit(q.limit)),
    async close() {
      if (closed) return;
      send();
      const running = worker;
      if (!running) {
        // Down and waiting to restart: give up; what waited for the new thread fails (and is logged).
        closed = new Error('the analytics store is closed');
        clearTimeout(restartTimer);
        giveUpRestart?.();
        return;
      }
      closing = true;
      await call((id) => ({ type: 'close', id }));
      closed = new Error('the analytics store is closed');
      await running.terminate();
    },
  };
}
