import { describe, expect, it } from 'vitest';
import { createAnswerQueue } from '../../src/line/answer-queue.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A job of one step. */
function steps<T>(work: () => T): () => Generator<void, T, void> {
  // eslint-disable-next-line require-yield -- a job that never yields is one step
  return function* () {
    return work();
  };
}

describe('answer queue', () => {
  it('runs jobs in the order they were queued, each resolving with its value or rejecting with its error', async () => {
    const queue = createAnswerQueue();
    const ran: number[] = [];
    const results = await Promise.allSettled([
      queue.run(function* () {
        ran.push(1);
        yield;
        return 'one';
      }),
      queue.run(function* () {
        ran.push(2);
        yield;
        throw new Error('broken index');
      }),
      queue.run(steps(() => (ran.push(3), 'three'))),
    ]);
    expect(ran).toEqual([1, 2, 3]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'one',
      'broken index',
      'three',
    ]);
    expect(queue.waiting).toBe(0);
  });

  it('lets the event loop run between slices of at most maxPerSlice jobs', async () => {
    const queue = createAnswerQueue({ maxPerSlice: 2, sliceMs: 60_000 });
    const order: string[] = [];
    const done = Promise.all([1, 2, 3, 4, 5].map((n) => queue.run(steps(() => order.push(`job ${n}`)))));
    expect(queue.waiting).toBe(5);
    // Queued after the first slice was scheduled: runs once that slice yields.
    setImmediate(() => order.push('other work'));
    await done;
    expect(order).toEqual(['job 1', 'job 2', 'other work', 'job 3', 'job 4', 'job 5']);
  });

  it('ends a slice once it has run sliceMs, after at least one job', async () => {
    const queue = createAnswerQueue({ sliceMs: 0 });
    const order: string[] = [];
    const done = Promise.all([1, 2].map((n) => queue.run(steps(() => order.push(`job ${n}`)))));
    setImmediate(() => order.push('other work'));
    await done;
    expect(order).toEqual(['job 1', 'other work', 'job 2']);
  });

  it('tells a job that waited past waitingAfterMs, once and before it runs', async () => {
    const queue = createAnswerQueue({ waitingAfterMs: 0, maxPerSlice: 1 });
    const order: string[] = [];
    await Promise.all(
      ['a', 'b'].map((name) =>
        queue.run(
          steps(() => order.push(`run ${name}`)),
          () => order.push(`waited ${name}`),
        ),
      ),
    );
    expect(order.filter((o) => o.endsWith('a'))).toEqual(['waited a', 'run a']);
    expect(order.filter((o) => o.endsWith('b'))).toEqual(['waited b', 'run b']);

    const patient = createAnswerQueue({ waitingAfterMs: 60_000 });
    let told = false;
    await patient.run(
      steps(() => undefined),
      () => (told = true),
    );
    await turn();
    expect(told).toBe(false);
  });

  it('ends a slice between the steps of a long job, which goes on in the next slice', async () => {
    const queue = createAnswerQueue({ sliceMs: 0 });
    const order: string[] = [];
    const long = queue.run(function* () {
      order.push('search whole message');
      yield;
      order.push('search first question');
      yield;
      order.push('search second question');
      return 'answer';
    });
    const next = queue.run(steps(() => order.push('next job')));
    setImmediate(() => order.push('other work'));
    expect(await long).toBe('answer');
    await next;
    expect(order.slice(0, 3)).toEqual(['search whole message', 'other work', 'search first question']);
    expect(order.at(-1)).toBe('next job');
  });
});
