/**
 * How long the event loop was held, for GET /metrics: perf_hooks.monitorEventLoopDelay's largest
 * and 99th-percentile delay since the previous read, in milliseconds. Every citizen's webhook, the
 * health check and the reading of LINE's answers wait on the one event loop, so its longest stall
 * is the figure to keep small (the burst of `npm run bench` reads it after each phase). One reader
 * is assumed: each read starts a new window.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface EventLoopDelay {
  /** The delays since the previous read (or the start), then a new window. */
  read(): { readonly maxMs: number; readonly p99Ms: number };
  close(): void;
}

export function monitorEventLoop(resolutionMs = 10): EventLoopDelay {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  return {
    read() {
      // An empty histogram reports its max as 0 and its percentiles as NaN.
      const delay = { maxMs: ms(histogram.max), p99Ms: ms(histogram.count > 0 ? histogram.percentile(99) : 0) };
      histogram.reset();
      return delay;
    },
    close: () => histogram.disable(),
  };
}
