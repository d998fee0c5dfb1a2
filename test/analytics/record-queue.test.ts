import { describe, expect, it } from 'vitest';
import { createRecordQueue } from '../../src/analytics/record-queue.js';
import { capturedLogger } from '../support/captured-logger.js';

const parsed = (lines: readonly string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('createRecordQueue', () => {
  it('writes the records of a burst together, a tick later, not while they are pushed', async () => {
    const batches: number[][] = [];
    const queue = createRecordQueue<number>({ write: (batch) => void batches.push([...batch]), flushDelayMs: 1 });
    for (let i = 0; i < 5; i++) queue.push(i);
    expect(batches).toEqual([]);
    await expect.poll(() => batches).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('writes a backlog in slices of maxBatch, and flush() writes everything waiting', async () => {
    const batches: number[] = [];
    const queue = createRecordQueue<number>({ write: (batch) => void batches.push(batch.length), maxBatch: 4 });
    for (let i = 0; i < 10; i++) queue.push(i);
    await queue.flush();
    expect(batches).toEqual([4, 4, 2]);
  });

  it('writes one batch at a time when the write is async, in the order pushed', async () => {
    const written: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const queue = createRecordQueue<number>({
      async write(batch) {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        written.push(...batch);
        inFlight--;
      },
      maxBatch: 3,
      flushDelayMs: 0,
    });
    for (let i = 0; i < 7; i++) queue.push(i);
    await new Promise((resolve) => setTimeout(resolve, 1)); // a tick's write is under way
    for (let i = 7; i < 10; i++) queue.push(i);
    await queue.close();
    expect(written).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(mostInFlight).toBe(1);
  });

  it('drops a batch the database refuses, logs the count and the error without the records, and goes on', async () => {
    const { logger, lines } = capturedLogger();
    let failing = true;
    const written: string[] = [];
    const queue = createRecordQueue<string>({
      write(batch) {
        if (failing) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        written.push(...batch);
      },
      logger,
    });
    queue.push('除雪は？');
    queue.push('ゴミの日');
    await expect(queue.flush()).resolves.toBeUndefined();
    expect(parsed(lines)).toEqual([
      expect.objectContaining({
        dropped: 2,
        writeFailed: 2,
        queueFull: 0,
        code: 'SQLITE_FULL',
        error: 'database or disk is full',
        msg: 'analytics: records dropped, not written (replies are not affected)',
      }),
    ]);
    expect(lines.join('')).not.toMatch(/除雪|ゴミ/);

    failing = false;
    queue.push('次');
    await queue.close();
    expect(written).toEqual(['次']);
  });

  it('keeps at most maxWaiting records, and counts the ones it turns away', async () => {
    const { logger, lines } = capturedLogger();
    const written: number[] = [];
    const queue = createRecordQueue<number>({ write: (batch) => void written.push(...batch), logger, maxWaiting: 3 });
    for (let i = 0; i < 5; i++) queue.push(i);
    await queue.close();
    expect(written).toEqual([0, 1, 2]);
    expect(parsed(lines)).toEqual([
      expect.objectContaining({ dropped: 1, queueFull: 1 }),
      expect.objectContaining({ dropped: 1, queueFull: 1 }),
    ]);
  });

  it('logs drops at once when they start, then at most once per logEveryMs with the count since', async () => {
    const { logger, lines } = capturedLogger();
    const queue = createRecordQueue<number>({
      write: () => {
        throw new Error('disk I/O error');
      },
      logger,
      logEveryMs: 60_000,
    });
    for (let round = 0; round < 3; round++) {
      queue.push(round);
      queue.push(round);
      await queue.flush();
    }
    expect(parsed(lines).map((l) => l.dropped)).toEqual([2]);
    await queue.close(); // what was not logged yet is logged on close
    expect(parsed(lines).map((l) => l.dropped)).toEqual([2, 4]);
  });

  describe('while the database cannot be reached (isTransient)', () => {
    const unreachable = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const transient = (error: Error) => (error as { code?: string }).code === 'ECONNREFUSED';

    it('keeps the records, tries again with backoff, and writes them all, in order, once it answers', async () => {
      const { logger, lines } = capturedLogger();
      let down = true;
      let attempts = 0;
      const written: number[] = [];
      const queue = createRecordQueue<number>({
        write(batch) {
          attempts++;
          if (down) throw unreachable();
          written.push(...batch);
        },
        logger,
        flushDelayMs: 1,
        maxBatch: 2,
        isTransient: transient,
        retryDelayMs: { first: 1, max: 5 },
      });
      for (let i = 0; i < 5; i++) queue.push(i);
      await expect.poll(() => attempts).toBeGreaterThanOrEqual(3);
      expect(queue.status()).toMatchObject({ waiting: 5, dropped: 0, outage: { error: { message: /ECONNREFUSED/ } } });
      queue.push(5); // recorded during the outage: waits behind the others

      down = false;
      await expect.poll(() => written).toEqual([0, 1, 2, 3, 4, 5]);
      expect(queue.status()).toEqual({ waiting: 0, dropped: 0 });
      const logged = parsed(lines);
      expect(logged.map((l) => l.msg)).toEqual([
        expect.stringContaining('the database cannot be reached; records wait in memory'),
        expect.stringContaining('the database answers again'),
      ]);
      expect(logged[0]).toMatchObject({ code: 'ECONNREFUSED', level: 40 });
      await queue.close();
    });

    it('keeps at most maxWaiting records, and logs the count of those it turned away', async () => {
      const { logger, lines } = capturedLogger();
      let down = true;
      const written: number[] = [];
      const queue = createRecordQueue<number>({
        write(batch) {
          if (down) throw unreachable();
          written.push(...batch);
        },
        logger,
        flushDelayMs: 1,
        maxWaiting: 3,
        isTransient: transient,
        retryDelayMs: { first: 1, max: 5 },
      });
      for (let i = 0; i < 5; i++) queue.push(i);
      await queue.flush(); // one attempt, which fails: the records stay
      expect(queue.status()).toMatchObject({ waiting: 3, dropped: 2 });
      down = false;
      await queue.close();
      expect(written).toEqual([0, 1, 2]);
      expect(parsed(lines).filter((l) => l.dropped !== undefined)).toEqual([
        expect.objectContaining({ dropped: 1, queueFull: 1 }),
        expect.objectContaining({ dropped: 1, queueFull: 1 }),
      ]);
    });

    it('still drops a batch the database refuses for what it holds', async () => {
      const { logger, lines } = capturedLogger();
      const queue = createRecordQueue<number>({
        write: () => {
          throw Object.assign(new Error('value too long'), { code: '22001' });
        },
        logger,
        isTransient: transient,
      });
      queue.push(1);
      await queue.flush();
      expect(queue.status()).toEqual({ waiting: 0, dropped: 1 });
      expect(parsed(lines)).toEqual([expect.objectContaining({ dropped: 1, writeFailed: 1, code: '22001' })]);
      await queue.close();
    });

    it('on close, tries for closeRetryMs, then drops what is left and says how many', async () => {
      const { logger, lines } = capturedLogger();
      let attempts = 0;
      const queue = createRecordQueue<number>({
        write: () => {
          attempts++;
          throw unreachable();
        },
        logger,
        isTransient: transient,
        retryDelayMs: { first: 1, max: 2 },
        closeRetryMs: 50,
      });
      for (let i = 0; i < 4; i++) queue.push(i);
      await queue.close();
      expect(attempts).toBeGreaterThan(1);
      expect(queue.status()).toMatchObject({ waiting: 0, dropped: 4 });
      expect(parsed(lines).at(-1)).toMatchObject({ dropped: 4, unwrittenAtClose: 4, code: 'ECONNREFUSED' });
    });
  });
});
