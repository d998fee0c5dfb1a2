/**
 * The production analytics store as the server uses it: the SQLite store runs in a worker thread
 * (analytics-worker.ts) and this side only gathers records. Recording a question costs the event
 * loop an array push; every 50 ms (or 500 records) the batch crosses to the worker in one message
 * and is written there in one transaction. Report queries first send what is waiting, so a report
 * always includes every record made before it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
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

/**
 * Starts the worker and opens the database there. Rejects, with the worker's error (an
 * AnalyticsSchemaError's message, a permission error), when it cannot be opened.
 */
export interface WorkerStoreOptions {
  /**
   * How long opening may take (default 10 s). The server opens analytics before it listens, and a
   * database that never opens (a file on a hung network mount, a pipe) must not keep it from
   * answering: past this, analytics is given up and the thread left to itself.
   */
  readonly openTimeoutMs?: number;
}

export async function openWorkerAnalyticsStore(
  file: string,
  options: WorkerStoreOptions = {},
): Promise<AnalyticsStore> {
  const openTimeoutMs = options.openTimeoutMs ?? 10_000;
  const { script, eval: isEval } = workerScript();
  const worker = new Worker(script, { eval: isEval, workerData: { file } satisfies AnalyticsWorkerData });
  const calls = new Map<number, Call>();
  let nextId = 1;
  let stopped: Error | undefined;

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

  const failAll = (err: Error) => {
    stopped = err;
    for (const call of calls.values()) call.reject(err);
    calls.clear();
  };
  worker.on('message', (message: FromWorker) => {
    if (message.type !== 'done' && message.type !== 'failed') return;
    const call = calls.get(message.id);
    if (!call) return;
    calls.delete(message.id);
    if (calls.size === 0) worker.unref();
    if (message.type === 'done') call.resolve(message.value);
    else call.reject(new AnalyticsWorkerError(message.error));
  });
  worker.on('error', (err) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`the analytics worker stopped (exit code ${code})`)));
  // An idle worker does not keep the process alive (records waiting to be sent hold a timer,
  // which does); while an answer is awaited, it does.
  worker.unref();

  function call(message: (id: number) => ToWorker): Promise<unknown> {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      if (calls.size === 0) worker.ref();
      calls.set(id, { resolve, reject });
      worker.postMessage(message(id));
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
      if (stopped) return;
      send();
      await call((id) => ({ type: 'close', id }));
      await worker.terminate();
    },
  };
}
