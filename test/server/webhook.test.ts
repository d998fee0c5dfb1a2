import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { messagingApi, webhook } from '@line/bot-sdk';
import { createMemoryAnalyticsStore, type AnalyticsStore } from '../../src/analytics/analytics-store.js';
import { startBotServer, bundledEngine, testChannelSecret, type BotServer } from '../support/bot-server.js';
import { startFakeLineApi, type FakeLineApi } from '../support/fake-line-api.js';
import {
  callbackBody,
  fixtureUserId,
  followEvent,
  imageEvent,
  joinEvent,
  postbackEvent,
  sign,
  stickerEvent,
  textEvent,
  unfollowEvent,
  unsendEvent,
} from '../support/webhook-fixtures.js';
import { validateWebhook } from '../support/line-spec.js';

let fake: FakeLineApi;
let bot: BotServer;

beforeAll(async () => {
  await bundledEngine();
});

beforeEach(async () => {
  fake = await startFakeLineApi();
  bot = await startBotServer({ lineApiBaseUrl: fake.baseUrl, engine: await bundledEngine() });
});

afterEach(async () => {
  await bot.close();
  await fake.close();
});

async function post(events: webhook.Event[], options: { signature?: string | null; raw?: string } = {}) {
  const body = options.raw ?? JSON.stringify(callbackBody(events));
  if (options.raw === undefined) expect(validateWebhook('CallbackRequest', JSON.parse(body))).toEqual([]);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = options.signature === undefined ? sign(body, testChannelSecret) : options.signature;
  if (signature !== null) headers['x-line-signature'] = signature;
  return fetch(`${bot.url}/webhook`, { method: 'POST', headers, body });
}

/** Wait until every event the server accepted has been handled. */
async function settled() {
  await bot.dispatcher?.idle();
}

function flexJson(messages: readonly messagingApi.Message[]): string {
  return JSON.stringify(messages.filter((m) => m.type === 'flex'));
}

describe('POST /webhook', () => {
  it('answers a signed ふるさと納税 question with one valid Flex reply showing 50.5倍 and the amounts', async () => {
    const event = textEvent('ふるさと納税は？');
    const res = await post([event]);
    expect(res.status).toBe(200);
    const [reply] = await fake.waitForReplies(1);
    await settled();
    expect(fake.replies).toHaveLength(1);
    expect(fake.invalidRequests).toEqual([]);
    expect(reply?.replyToken).toBe(event.replyToken);
    const flex = flexJson(reply?.messages ?? []);
    expect(flex).toContain('50.5倍');
    expect(flex).toContain('679万円');
    expect(flex).toContain('3億4300万円');
    expect(flex).toContain('2020年1月時点');
  });

  it('acknowledges before replying, even when the Messaging API is slow', async () => {
    await fake.close();
    fake = await startFakeLineApi({ respond: () => ({ delayMs: 400 }) });
    await bot.close();
    bot = await startBotServer({ lineApiBaseUrl: fake.baseUrl, engine: await bundledEngine() });
    const started = performance.now();
    const res = await post([textEvent('残業は減ったの？')]);
    const ackMs = performance.now() - started;
    expect(res.status).toBe(200);
    expect(fake.requests).toHaveLength(0);
    expect(ackMs).toBeLessThan(400);
    await settled();
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects a forged signature with 401 and sends nothing', async () => {
    const res = await post([textEvent('ふるさと納税は？')], { signature: sign('{}', testChannelSecret) });
    expect(res.status).toBe(401);
    await settled();
    expect(fake.requests).toEqual([]);
  });

  it('rejects a request without a signature with 401 and sends nothing', async () => {
    const res = await post([textEvent('ふるさと納税は？')], { signature: null });
    expect(res.status).toBe(401);
    await settled();
    expect(fake.requests).toEqual([]);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await post([], { raw: '{"events": [' });
    expect(res.status).toBe(400);
  });

  it('answers JSON that is not a webhook body with 400', async () => {
    const res = await post([], { raw: '{"events": "none"}' });
    expect(res.status).toBe(400);
  });

  it('answers a redelivered event only once', async () => {
    const first = textEvent('ふるさと納税は？');
    const redelivery = { ...first, replyToken: 'f'.repeat(32), deliveryContext: { isRedelivery: true } };
    expect((await post([first])).status).toBe(200);
    await settled();
    expect((await post([redelivery])).status).toBe(200);
    await settled();
    expect(fake.requests).toHaveLength(1);
  });

  it('replies once to each event of a request with several', async () => {
    const events = [textEvent('ふるさと納税は？'), textEvent('ワイナリーバス'), followEvent(), stickerEvent()];
    expect((await post(events)).status).toBe(200);
    await settled();
    expect(fake.replies.map((r) => r.replyToken).sort()).toEqual(
      events.map((e) => ('replyToken' in e ? e.replyToken : '')).sort(),
    );
    expect(fake.invalidRequests).toEqual([]);
  });

  it('greets a new friend with what can be asked', async () => {
    await post([followEvent()]);
    const [reply] = await fake.waitForReplies(1);
    expect(JSON.stringify(reply?.messages)).toContain('ふるさと納税は？');
  });

  it('invites a typed question after a sticker or an image', async () => {
    await post([stickerEvent()]);
    await post([imageEvent()]);
    const replies = await fake.waitForReplies(2);
    for (const r of replies) expect(r.messages[0]?.type).toBe('text');
  });

  it('shows the entries of a pillar for its postback', async () => {
    await post([postbackEvent('pillar=1')]);
    const [reply] = await fake.waitForReplies(1);
    expect(fake.invalidRequests).toEqual([]);
    expect(flexJson(reply?.messages ?? [])).toContain('しせいを正す');
  });

  it('acknowledges unfollow, unsend and join events without replying', async () => {
    const res = await post([unfollowEvent(), unsendEvent(), joinEvent()]);
    expect(res.status).toBe(200);
    await settled();
    expect(fake.requests).toEqual([]);
  });

  it('does not answer a greeting or an out-of-scope question with corpus facts', async () => {
    await post([textEvent('おはよう'), textEvent('天気予報')]);
    const replies = await fake.waitForReplies(2);
    for (const r of replies) expect(r.messages.some((m) => m.type === 'flex')).toBe(false);
  });

  it('never writes the user id or the message text to the logs', async () => {
    await post([
      textEvent('ふるさと納税は？'),
      textEvent('粗大ごみの出し方を教えて'),
      postbackEvent('feedback=up&entry=x'),
    ]);
    await settled();
    const logs = bot.logs.join('\n');
    expect(logs).toContain('replied');
    expect(logs).not.toContain(fixtureUserId);
    expect(logs).not.toContain('ふるさと納税は');
    expect(logs).not.toContain('粗大ごみ');
    // The analytics path ran for these events too, and stored the question for staff.
    expect(await bot.analytics.unansweredQuestions({ limit: 5 })).toMatchObject([
      { question: '粗大ごみの出し方を教えて' },
    ]);
  });

  it('records one vote per citizen per entry, and none on an entry the corpus does not have', async () => {
    await post([postbackEvent('feedback=down&entry=furusato-nozei-growth')]);
    await post([postbackEvent('feedback=down&entry=furusato-nozei-growth')]);
    await post([postbackEvent('feedback=down&entry=no-such-entry')]);
    await settled();
    expect(fake.replies).toHaveLength(3);
    expect(await bot.analytics.negativeFeedback({ limit: 10 })).toMatchObject([
      { entryId: 'furusato-nozei-growth', up: 0, down: 1 },
    ]);
    expect(bot.logs.join('\n')).toContain('unknown-entry');
  });

  it('still replies, and logs no user id or text, when the analytics store fails', async () => {
    const failing: AnalyticsStore = {
      ...createMemoryAnalyticsStore(),
      recordQuestion: () => Promise.reject(new Error('disk I/O error')),
      recordFeedback: () => Promise.reject(new Error('disk I/O error')),
    };
    await bot.close();
    bot = await startBotServer({ lineApiBaseUrl: fake.baseUrl, engine: await bundledEngine(), analytics: failing });
    await post([textEvent('粗大ごみの出し方を教えて'), postbackEvent('feedback=down&entry=furusato-nozei-growth')]);
    await settled();
    expect(fake.replies).toHaveLength(2);
    const logs = bot.logs.join('\n');
    expect(logs).toContain('analytics not recorded');
    expect(logs).not.toContain(fixtureUserId);
    expect(logs).not.toContain('粗大ごみ');
  });
});

describe('health and local mode', () => {
  let local: BotServer | undefined;
  afterAll(async () => {
    await local?.close();
  });

  it('reports not ready until the engine is built, then ready', async () => {
    local = await startBotServer({});
    expect((await fetch(`${local.url}/healthz`)).status).toBe(503);
    local.engines.set(await bundledEngine());
    expect((await fetch(`${local.url}/healthz`)).status).toBe(200);
  });

  it('disables the webhook without credentials and answers /api/ask', async () => {
    local ??= await startBotServer({ engine: await bundledEngine() });
    const hook = await fetch(`${local.url}/webhook`, { method: 'POST', body: '{}' });
    expect(hook.status).toBe(503);
    const res = await fetch(`${local.url}/api/ask?q=${encodeURIComponent('ふるさと納税は？')}`);
    const body = (await res.json()) as { answered: boolean; hits: { text: string }[]; messages: unknown[] };
    expect(body.answered).toBe(true);
    expect(body.hits[0]?.text).toContain('50.5倍');
    expect(body.messages.length).toBeGreaterThan(0);
  });

  it('asks for a question when /api/ask has none', async () => {
    local ??= await startBotServer({ engine: await bundledEngine() });
    expect((await fetch(`${local.url}/api/ask`)).status).toBe(400);
  });
});
