/**
 * CPU work in short slices: a long job written as a generator that yields between small pieces
 * of work (an entry indexed, a file parsed) runs either at once, for tools, or in slices of a few
 * milliseconds with the event loop free between them, for a server that must keep answering.
 */

/** Run the job to its end without a break, and return what it returns. */
export function runAtOnce<T>(job: Generator<void, T, void>): T {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}

/** Run the job, letting pending events run (setImmediate) each time about `sliceMs` has passed. */
export async function runInSlices<T>(job: Generator<void, T, void>, sliceMs = 10): Promise<T> {
  let sliceStarted = performance.now();
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStarted >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
}
