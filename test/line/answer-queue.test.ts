import { describe, expect, it } from 'vitest';
import { createAnswerQueue } from '../../src/line/answer-queue.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('answer queue', () => {
  it('runs jobs in the order they were queued, each resolving with its value or rejecting with its error', async () => {
    const queue = createAnswerQueue();
    const ran: number[] = [];
    const results = await Promise.allSettled([
      queue.run(() => (ran.push(1), 'one')),
      queue.run(() => {
        ran.push(2);
        throw new Error('broken index');
      }),
      queue.run(() => (ran.push(3), 'three')),
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
    const done = Promise.all([1, 2, 3, 4, 5].map((n) => queue.run(() => order.push(`job ${n}`))));
    expect(queue.waiting).toBe(5);
    // Queued after the first slice was scheduled: runs once that slice yields.
    setImmediate(() => order.push('other work'));
    await done;
    expect(order).toEqual(['job 1', 'job 2', 'other work', 'job 3', 'job 4', 'job 5']);
  });

  it('ends a slice once it has run sliceMs, after at least one job', async () => {
    const queue = createAnswerQueue({ sliceMs: 0 });
    const order: string[] = [];
    const done = Promise.all([1, 2].map((n) => queue.run(() => order.push(`job ${n}`))));
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
          () => order.push(`run ${name}`),
          () => order.push(`waited ${name}`),
        ),
      ),
    );
    expect(order.filter((o) => o.endsWith('a'))).toEqual(['waited a', 'run a']);
    expect(order.filter((o) => o.endsWith('b'))).toEqual(['waited b', 'run b']);

    const patient = createAnswerQueue({ waitingAfterMs: 60_000 });
    let told = false;
    await patient.run(
      () => undefined,
      () => (told = true),
    );
    await turn();
    expect(told).toBe(false);
  });
});
