/**
 * The messages between the server's event loop and the analytics worker thread
 * (analytics-worker.ts): records go over in batches, report queries as calls with an id. Values
 * cross by structured clone, so Dates stay Dates.
 */
import type { AnalyticsRecord } from './analytics-store.js';

/** What the worker needs to open the store. */
export interface AnalyticsWorkerData {
  readonly file: string;
  /** ANALYTICS_RETENTION_DAYS; undefined keeps everything. */
  readonly retentionDays?: number;
}

/** The report queries of the store, callable across the thread boundary. */
export type QueryMethod = 'unansweredQuestions' | 'negativeFeedback' | 'dailyVolume' | 'topEntries';

export type ToWorker =
  | { readonly type: 'write'; readonly id: number; readonly records: readonly AnalyticsRecord[] }
  | { readonly type: 'query'; readonly id: number; readonly method: QueryMethod; readonly query: unknown }
  | { readonly type: 'close'; readonly id: number };

/** An error as it crosses: enough to log it and to tell a schema error from others. */
export interface CrossedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'open-failed'; readonly error: CrossedError }
  | { readonly type: 'done'; readonly id: number; readonly value?: unknown }
  | { readonly type: 'failed'; readonly id: number; readonly error: CrossedError };

export function crossedError(err: unknown): CrossedError {
  const error = err instanceof Error ? err : new Error(String(err));
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
}
