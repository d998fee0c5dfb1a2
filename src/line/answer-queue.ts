/**
 * The answers to webhook events, computed in turn in short slices of the event loop. An answer is
 * CPU work (a long never-seen question takes milliseconds); computed as events arrive, a webhook
 * of a thousand events or a burst of webhooks held the event loop for seconds, and with it the
 * health checks, the other webhooks and the reading of LINE's answers to replies already sent.
 * Here answers wait in one queue, first come first served, and are computed a few at a time:
 * a slice ends once it has run `sliceMs` or `maxPerSlice` answers, and the next one starts
 * after the event loop has polled for I/O (setImmediate). An answer is a job in steps (a
 * generator, see askInSteps): one long letter is searched once whole and once per question in
 * it, and a slice may end between those steps, the job going on in the next slice. A job that has waited `waitingAfterMs`
 * is told so before it runs (the dispatcher then shows the loading animation in a 1:1 chat), at
 * most `maxPerSlice` jobs a slice: a thousand loading animations asked at once held the event
 * loop for a quarter of a second.
 */

export interface AnswerQueueOptions {
  /** A slice ends once it has run this long (ms); it always runs at least one step of a job. Default 10. */
  readonly sliceMs?: number;
  /** Jobs run in one slice at most: the cap on answers computed without a break. Default 32. */
  readonly maxPerSlice?: number;
  /** A job that has waited this long (ms) has its `onWaiting` called, once, before it runs. Default 1000. */
  readonly waitingAfterMs?: number;
}

export interface AnswerQueue {
  /**
   * Runs `job` in its turn, step by step (each `yield` is a point where a slice may end);
   * resolves with what it returns, or rejects with what it throws. `onWaiting` is called at most
   * once, before the job starts, when it waited `waitingAfterMs`.
   */
  run<T>(job: () => Generator<void, T, void>, onWaiting?: () => void): Promise<T>;
  /** Jobs waiting for their turn. */
  readonly waiting: number;
}

interface Job {
  /** Runs the job's next step; true when the job has ended (its promise settled). */
  readonly step: () => boolean;
  readonly queuedAt: number;
  readonly onWaiting: (() => void) | undefined;
}

export function createAnswerQueue(options: AnswerQueueOptions = {}): AnswerQueue {
  const sliceMs = options.sliceMs ?? 10;
  const maxPerSlice = Math.max(1, options.maxPerSlice ?? 32);
  const waitingAfterMs = options.waitingAfterMs ?? 1000;
  // A plain array read from `head`, compacted when drained: no allocation per job beyond the job.
  let jobs: (Job | undefined)[] = [];
  let head = 0;
  /** Jobs before this index were told they waited (or ran). Jobs are queued in time order. */
  let noticed = 0;
  let scheduled = false;

  function noticeWaiting(at: number): void {
    noticed = Math.max(noticed, head);
    const last = Math.min(jobs.length, noticed + maxPerSlice);
    for (; noticed < last; noticed++) {
      const job = jobs[noticed];
      if (!job || at - job.queuedAt < waitingAfterMs) return;
      job.onWaiting?.();
    }
  }

  function slice(): void {
    scheduled = false;
    const started = performance.now();
    noticeWaiting(started);
    for (let ran = 0; head < jobs.length;) {
      const job = jobs[head];
      if (!job || job.step()) {
        jobs[head] = undefined;
        head += 1;
        ran += 1;
      } else {
        noticed = Math.max(noticed, head + 1);
      }
      if (ran >= maxPerSlice || performance.now() - started >= sliceMs) break;
    }
    if (head === jobs.length) {
      jobs = [];
      head = 0;
      noticed = 0;
      return;
    }
    if (head >= 1024 && head * 2 >= jobs.length) {
      jobs = jobs.slice(head);
      noticed = Math.max(0, noticed - head);
      head = 0;
    }
    schedule();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(slice);
  }

  return {
    run<T>(job: () => Generator<void, T, void>, onWaiting?: () => void): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        let steps: Generator<void, T, void> | undefined;
        jobs.push({
          step: () => {
            try {
              steps ??= job();
              const next = steps.next();
              if (next.done) resolve(next.value);
              return next.done === true;
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
              return true;
            }
          },
          queuedAt: performance.now(),
          onWaiting,
        });
        schedule();
      });
    },
    get waiting() {
      return jobs.length - head;
    },
  };
}
