import { Writable } from 'node:stream';
import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/bot/engine.js';
import { createEngineRef } from '../../src/bot/engine-ref.js';
import type { ReplyClient } from '../../src/line/reply-client.js';
import { createLogger } from '../../src/logger.js';
import { createMemoryDeduplicator } from '../../src/line/event-deduplicator.js';
import { createWebhookDispatcher, loadingSecondsFor } from '../../src/line/webhook-dispatcher.js';
import { bundledEngine } from '../support/bot-server.js';
import { followEvent, stickerEvent, textEvent, unfollowEvent } from '../support/webhook-fixtures.js';

function recordingPort() {
  const sent: { replyToken: string; messages: messagingApi.Message[] }[] = [];
  const port: ReplyClient = {
    async reply(replyToken, messages) {
      sent.push({ replyToken, messages });
    },
  };
  return { port, sent };
}

function capturedLogger(level = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}

describe('webhook dispatcher', () => {
  it('asks LINE for 5 to 60 seconds of loading animation, in steps of 5', () => {
    expect([0, 4000, 5000, 5001, 37_000, 55_000, 120_000, -10].map(loadingSecondsFor)).toEqual([
      5, 5, 5, 10, 40, 55, 60, 5,
    ]);
  });

  it('starts the events of a large webhook a hundred per turn of the event loop, all answered once, in order', async () => {
    const { port, sent } = recordingPort();
    const { logger } = capturedLogger('info');
    const dispatcher = createWebhookDispatcher({
      engines: createEngineRef(await bundledEngine()),
      deduplicator: createMemoryDeduplicator(),
      replies: port,
      logger,
    });
    const events = Array.from({ length: 250 }, () => stickerEvent());
    dispatcher.dispatch(events);
    // At once only the first hundred were taken; the rest follow after other work had its turn.
    expect(dispatcher.metrics.events.received).toBe(100);
    let receivedWhenOthersRan = -1;
    setImmediate(() => (receivedWhenOthersRan = dispatcher.metrics.events.received));
    await dispatcher.idle();
    expect(receivedWhenOthersRan).toBeLessThan(250);
    expect(dispatcher.metrics.events.received).toBe(250);
    expect(sent.map((s) => s.replyToken)).toEqual(events.map((e) => e.replyToken));
    expect(dispatcher.inFlight).toBe(0);
  });

  it('counts each event once: replied, duplicate, ignored', async () => {
    const { port, sent } = recordingPort();
    const { logger } = capturedLogger();
    const dispatcher = createWebhookDispatcher({
      engines: createEngineRef(await bundledEngine()),
      deduplicator: createMemoryDeduplicator(),
      replies: port,
      logger,
    });
    const follow = followEvent();
    dispatcher.dispatch([follow, stickerEvent(), unfollowEvent()]);
    await dispatcher.idle();
    dispatcher.dispatch([follow]);
    await dispatcher.idle();
    expect(sent).toHaveLength(2);
    expect(dispatcher.metrics.events).toMatchObject({ received: 4, duplicatesSkipped: 1, ignored: 1 });
    expect(dispatcher.metrics.replies).toMatchObject({ sent: 2, retried: 0, failed: {} });
    expect(dispatcher.inFlight).toBe(0);
  });

  it('at the production log level, logs an answered event at debug only, and a failed reply with its reason', async () => {
    const { logger, lines } = capturedLogger('info');
    let fail = false;
    const port: ReplyClient = {
      async reply() {
        if (fail) throw Object.assign(new Error('Bad Request'), { status: 400, body: '{"message":"bad"}' });
      },
    };
    const dispatcher = createWebhookDispatcher({
      engines: createEngineRef(await bundledEngine()),
      deduplicator: createMemoryDeduplicator(),
      replies: port,
      logger,
    });
    dispatcher.dispatch([textEvent('ふるさと納税は？')]);
    await dispatcher.idle();
    expect(lines).toEqual([]);
    expect(dispatcher.metrics.replies.sent).toBe(1);

    fail = true;
    const failing = textEvent('残業は減ったの？');
    dispatcher.dispatch([failing]);
    await dispatcher.idle();
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'reply failed',
        eventId: failing.webhookEventId,
        reason: 'client-error',
        status: 400,
      }),
    ]);
  });

  it('turns an error before the reply into one counted failure, not silence', async () => {
    const { port, sent } = recordingPort();
    const { logger, lines } = capturedLogger();
    const real = await bundledEngine();
    const corrupted = () => {
      throw new Error('the index is corrupted');
    };
    const broken = {
      ...real,
      ask: corrupted,
      reply: corrupted,
      askInSteps: corrupted,
      replyInSteps: corrupted,
    } as Engine;
    const dispatcher = createWebhookDispatcher({
      engines: createEngineRef(broken),
      deduplicator: createMemoryDeduplicator(),
      replies: port,
      logger,
    });
    dispatcher.dispatch([textEvent('ふるさと納税は？')]);
    await dispatcher.idle();
    expect(sent).toEqual([]);
    expect(dispatcher.metrics.replies.failed).toEqual({ 'handler-error': 1 });
    expect(lines.filter((l) => l.msg === 'reply failed')).toEqual([
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers any, to fit any field
      expect.objectContaining({ reply: 'failed', reason: 'handler-error', attempts: 0, eventId: expect.any(String) }),
    ]);
  });

  it('drains at once when nothing is in flight', async () => {
    const { port } = recordingPort();
    const dispatcher = createWebhookDispatcher({
      engines: createEngineRef(await bundledEngine()),
      deduplicator: createMemoryDeduplicator(),
      replies: port,
      logger: createLogger('silent'),
    });
    expect(dispatcher.draining).toBe(false);
    const started = performance.now();
    expect(await dispatcher.drain({ repliesBy: Date.now() + 5000, waitUntil: Date.now() + 5000 })).toEqual({
      unfinished: 0,
    });
    expect(performance.now() - started).toBeLessThan(100);
    expect(dispatcher.draining).toBe(true);
  });

  it('shows the loading animation of a 1:1 chat before an answer that waited in the queue, and replies after it', async () => {
    const calls: string[] = [];
    const port: ReplyClient = {
      async reply(replyToken) {
        calls.push(`reply ${replyToken}`);
      },
      async showLoading(chatId) {
        calls.push(`loading ${chatId}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        calls.push(`loading answered ${chatId}`);
      },
    };
    const dispatcher = createWebhookDispatcher({
      engines: createEngineRef(await bundledEngine()),
      deduplicator: createMemoryDeduplicator(),
      replies: port,
      logger: createLogger('silent'),
      // Every answer counts as having waited: each chat sees the animation first.
      loadingAfterMs: 0,
      answers: { maxPerSlice: 1 },
    });
    const users = ['U1', 'U2', 'U3'].map((id) => `${id}${'0'.repeat(32)}`.slice(0, 33));
    const events = users.map((userId, i) => textEvent(`質問${i}: ふるさと納税は？`, { userId }));
    dispatcher.dispatch(events);
    await dispatcher.idle();
    events.forEach((event, i) => {
      const answered = calls.indexOf(`loading answered ${users[i] ?? ''}`);
      expect(answered).toBeGreaterThanOrEqual(0);
      expect(calls.indexOf(`reply ${event.replyToken ?? ''}`)).toBeGreaterThan(answered);
    });
    expect(dispatcher.metrics.loadingAnimation).toEqual({ started: 3, failed: 0 });
    expect(dispatcher.metrics.replies.sent).toBe(3);
  });

  it('does not compute the answer of an event whose token died while it waited: one counted, logged failure', async () => {
    const { port, sent } = recordingPort();
    const { logger, lines } = capturedLogger('info');
    const dispatcher = createWebhookDispatcher({
      engines: createEngineRef(await bundledEngine()),
      deduplicator: createMemoryDeduplicator(),
      replies: port,
      logger,
    });
    const stale = textEvent('ふるさと納税は？', { timestamp: Date.now() - 61_000 });
    dispatcher.dispatch([stale]);
    await dispatcher.idle();
    expect(sent).toEqual([]);
    expect(dispatcher.metrics.replies.failed).toEqual({ expired: 1 });
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'reply failed',
        eventId: stale.webhookEventId,
        reason: 'expired',
        outcome: 'unanswered',
        attempts: 0,
      }),
    ]);
  });
});
