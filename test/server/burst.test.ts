/**
 * A burst: hundreds of long questions no one asked before (so the reply cache does not help),
 * sent at high concurrency, and one webhook of 1,000 events, against the real bot on loopback
 * replying to the validating fake Messaging API. Every event is answered exactly once (no reply
 * token used twice, none missing) and /healthz keeps answering while the answers are computed.
 *
 * Nothing here is timed: on a slow machine the burst takes longer, and the counts still hold. The
 * bot, the fake and the load share this process's event loop, so the health checks answered
 * before the last reply show that the bot let the loop go between its answers.
 */
import type { webhook } from '@line/bot-sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/bot/engine.js';
import type { Metrics } from '../../src/line/metrics.js';
import { bundledEngine, postEvents, startBotServer, type BotServer } from '../support/bot-server.js';
import { startFakeLineApi, type FakeLineApi } from '../support/fake-line-api.js';
import { longQuestions } from '../support/long-questions.js';
import { textEvent, userIdLike } from '../support/webhook-fixtures.js';

const replyPath = '/v2/bot/message/reply';
let engine: Engine;
let fake: FakeLineApi | undefined;
let bot: BotServer | undefined;

beforeAll(async () => {
  engine = await bundledEngine();
});

afterEach(async () => {
  await bot?.close();
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

async function start(): Promise<{ api: FakeLineApi; server: BotServer }> {
  fake = await startFakeLineApi();
  bot = await startBotServer({ lineApiBaseUrl: fake.baseUrl, engine });
  return { api: fake, server: bot };
}

interface HealthCheck {
  readonly status: number;
  /** Answers still waiting to be computed when the bot answered. */
  readonly answersWaiting: number;
}

/**
 * Asks /healthz again and again, one request after the other, until `done` resolves; returns the
 * checks answered before it did.
 */
async function healthChecksUntil(server: BotServer, done: Promise<unknown>): Promise<HealthCheck[]> {
  let finished = false;
  const isFinished = () => finished;
  void done.finally(() => (finished = true));
  const checks: HealthCheck[] = [];
  while (!isFinished()) {
    const res = await fetch(`${server.url}/healthz`);
    const body = (await res.json()) as { answersWaiting?: number };
    if (!isFinished()) checks.push({ status: res.status, answersWaiting: body.answersWaiting ?? 0 });
  }
  return checks;
}

/** Every event's token got exactly one reply request, accepted and valid; the bot counted each as sent. */
async function expectEachAnsweredOnce(api: FakeLineApi, server: BotServer, events: readonly webhook.Event[]) {
  const requestsByToken = new Map<string, number>();
  for (const request of api.requests.filter((r) => r.path === replyPath)) {
    const token = (request.body as { replyToken: string }).replyToken;
    requestsByToken.set(token, (requestsByToken.get(token) ?? 0) + 1);
  }
  const tokens = events.map((e) => ('replyToken' in e ? (e.replyToken ?? '') : ''));
  expect(tokens.filter((t) => requestsByToken.get(t) !== 1)).toEqual([]);
  expect(requestsByToken.size).toBe(events.length);
  expect(new Set(api.replies.map((r) => r.replyToken)).size).toBe(events.length);
  expect(api.invalidRequests).toEqual([]);
  const metrics = (await (await fetch(`${server.url}/metrics`)).json()) as Metrics;
  expect(metrics.replies).toMatchObject({ sent: events.length, failed: {}, deliveredUnconfirmed: 0 });
  expect(metrics.events.received).toBe(events.length);
}

describe('a burst of long, never-seen questions', () => {
  it('answers 300 webhooks sent 50 at a time, each exactly once, and keeps answering /healthz', async () => {
    const { api, server } = await start();
    const questions = longQuestions(engine.corpus, 300, { seed: 13 });
    const events = questions.map((q) => textEvent(q, { userId: userIdLike() }));
    let next = 0;
    const statuses: number[] = [];
    const sender = async () => {
      while (next < events.length) {
        const event = events[next++] as webhook.Event;
        statuses.push(await postEvents(server.url, [event]));
      }
    };
    const allReplies = api.waitForReplies(events.length, 150_000);
    const burst = Promise.all(Array.from({ length: 50 }, sender));
    const health = await healthChecksUntil(server, allReplies);
    await burst;
    await allReplies;
    await server.dispatcher?.idle();

    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await expectEachAnsweredOnce(api, server, events);
    expect(health.filter((h) => h.status !== 200)).toEqual([]);
    expect(health.length).toBeGreaterThanOrEqual(1);
  }, 180_000);

  it('answers one webhook of 1,000 events, each exactly once, and answers /healthz while it does', async () => {
    const { api, server } = await start();
    // Shorter texts, so that 1,000 events fit in the 1 MB a webhook body may have.
    const questions = longQuestions(engine.corpus, 1000, { seed: 1000, minChars: 100, maxChars: 180 });
    const events = questions.map((q) => textEvent(q, { userId: userIdLike() }));
    const allReplies = api.waitForReplies(events.length, 150_000);
    const acknowledged = postEvents(server.url, events);
    const health = await healthChecksUntil(server, allReplies);
    expect(await acknowledged).toBe(200);
    await allReplies;
    await server.dispatcher?.idle();

    await expectEachAnsweredOnce(api, server, events);
    expect(health.filter((h) => h.status !== 200)).toEqual([]);
    // Answered between two answers (some computed, some still waiting): the bot let the event loop
    // go between its slices of answers (answer-queue.ts) instead of computing all 1,000 at once.
    expect(health.filter((h) => h.answersWaiting > 0 && h.answersWaiting < events.length).length).toBeGreaterThan(0);
  }, 180_000);
});
