/**
 * The analytics worker thread: it owns the SQLite connection and writes what citizens asked, so
 * that inserts, commits and WAL checkpoints (disk writes) never hold up the event loop that
 * answers citizens. Started by worker-analytics-store.ts; speaks analytics-worker-protocol.ts.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { AnalyticsStore } from './analytics-store.js';
import { crossedError, type AnalyticsWorkerData, type FromWorker, type ToWorker } from './analytics-worker-protocol.js';
import { openSqliteAnalyticsStore } from './sqlite-analytics-store.js';

function workerPort(): MessagePort {
  if (!parentPort) throw new Error('analytics-worker.ts runs as a worker thread (see worker-analytics-store.ts)');
  return parentPort;
}
const port = workerPort();
const send = (message: FromWorker) => port.postMessage(message);

let store: AnalyticsStore | undefined;
try {
  // A batch from the event loop is already one burst: write it at once, in one transaction.
  const { file, retentionDays } = workerData as AnalyticsWorkerData;
  store = openSqliteAnalyticsStore(file, {
    flushDelayMs: 0,
    ...(retentionDays === undefined ? {} : { retentionDays }),
  });
  send({ type: 'ready' });
} catch (err) {
  send({ type: 'open-failed', error: crossedError(err) });
}

async function handle(open: AnalyticsStore, message: ToWorker): Promise<unknown> {
  switch (message.type) {
    case 'write':
      await Promise.all(
        message.records.map((r) =>
          r.kind === 'question' ? open.recordQuestion(r.record) : open.recordFeedback(r.record),
        ),
      );
      return undefined;
    case 'query':
      // The query's shape was checked on the event loop's side before it was sent.
      return (open[message.method] as (query: unknown) => Promise<unknown>)(message.query);
    case 'close':
      await open.close();
      return undefined;
  }
}

// One message at a time, in order: a query sees every batch sent before it, and close() comes last.
let previous: Promise<unknown> = Promise.resolve();
port.on('message', (message: ToWorker) => {
  const open = store;
  if (!open) {
    send({ type: 'failed', id: message.id, error: { name: 'Error', message: 'the analytics store is not open' } });
    return;
  }
  previous = previous.then(() => answer(open, message));
});

function answer(open: AnalyticsStore, message: ToWorker): Promise<void> {
  return handle(open, message).then(
    (value) => {
      send({ type: 'done', id: message.id, ...(value === undefined ? {} : { value }) });
      if (message.type === 'close') port.close(); // the thread ends once its port is closed
    },
    (err: unknown) => send({ type: 'failed', id: message.id, error: crossedError(err) }),
  );
}
