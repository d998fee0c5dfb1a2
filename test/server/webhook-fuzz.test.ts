/**
 * The webhook under bad input, over HTTP: the real app on loopback, signed requests, the fake
 * Messaging API validating every reply against the official schema and LINE's limits.
 *
 * What the server promises:
 * - a request that is not a webhook body is refused: 401 for a bad or missing signature, 400 for
 *   malformed JSON or JSON without an events array, 413 over maxWebhookBodyBytes; never a 5xx;
 * - otherwise it acknowledges with 200, and each event is handled on its own: a well-formed
 *   message, postback or follow event with a reply token gets exactly one valid reply, whatever its
 *   text; other well-formed events (unfollow, join, unknown types) none; a malformed event (a text
 *   that is not a string, a numeric reply token, no type...) is skipped with a logged reason and
 *   never stops the other events of the request from being answered;
 * - nothing crashes: no unhandled rejection, no uncaught exception.
 */
import { Buffer } from 'node:buffer';
import { createHmac } from 'node:crypto';
import type { webhook } from '@line/bot-sdk';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { maxWebhookBodyBytes } from '../../src/server/create-app.js';
import { bundledEngine, startBotServer, testChannelSecret, type BotServer } from '../support/bot-server.js';
import { startFakeLineApi, type FakeLineApi } from '../support/fake-line-api.js';
import {
  callbackBody,
  followEvent,
  imageEvent,
  joinEvent,
  postbackEvent,
  replyTokenLike,
  stickerEvent,
  textEvent,
  ulidLike,
  unfollowEvent,
  unsendEvent,
} from '../support/webhook-fixtures.js';

let fake: FakeLineApi;
let bot: BotServer;
const crashes: unknown[] = [];
const onCrash = (reason: unknown): void => {
  crashes.push(reason);
};

beforeAll(async () => {
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  fake = await startFakeLineApi();
  bot = await startBotServer({ lineApiBaseUrl: fake.baseUrl, engine: await bundledEngine() });
});

afterEach(() => {
  expect(crashes).toEqual([]);
  expect(fake.invalidRequests.map((r) => r.errors)).toEqual([]);
});

afterAll(async () => {
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
  await bot?.close();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
  await fake?.close();
});

type Signature = 'valid' | 'forged' | 'missing';

/** Posts raw bytes to the webhook and waits until every event it accepted has been handled. */
async function post(body: string | Buffer, signature: Signature = 'valid'): Promise<number> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const hmac = createHmac('sha256', testChannelSecret).update(bytes).digest('base64');
  if (signature === 'valid') headers['x-line-signature'] = hmac;
  if (signature === 'forged') headers['x-line-signature'] = `${hmac.slice(1)}A`;
  const res = await fetch(`${bot.url}/webhook`, { method: 'POST', headers, body: Uint8Array.from(bytes) });
  await res.arrayBuffer();
  await bot.dispatcher?.idle();
  return res.status;
}

/** Reply tokens of the reply requests the fake received since `from` (accepted or not). */
function replyTokensSince(from: number): string[] {
  return fake.requests
    .slice(from)
    .filter((r) => r.path === '/v2/bot/message/reply')
    .map((r) => String((r.body as { replyToken?: unknown } | undefined)?.replyToken));
}

/**
 * Posts the events as one signed request and checks the server's promise: 200, exactly one
 * reply per expected token, none for the others, every reply valid (checked in afterEach).
 */
async function postEvents(events: readonly unknown[], expectedTokens: readonly string[]): Promise<void> {
  const from = fake.requests.length;
  const status = await post(JSON.stringify({ destination: 'U8e742f61d673b39c7fff3cecb7536ef0', events }));
  expect(status).toBe(200);
  expect(replyTokensSince(from).sort()).toEqual([...expectedTokens].sort());
  expect(fake.invalidRequests).toEqual([]);
}

/** The status the server owes a correctly signed body: 400 unless it is JSON with an events array. */
function expectedStatus(bytes: Buffer): number {
  try {
    const body: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof body === 'object' && body !== null && Array.isArray((body as { events?: unknown }).events)
      ? 200
      : 400;
  } catch {
    return 400;
  }
}

// ---------------------------------------------------------------------------------------------
// Odd texts

/** Characters and sequences that tend to break text handling. */
const oddPieces = [
  '👨‍👩‍👧‍👦', // ZWJ family
  '👩🏽‍💻', // ZWJ with a skin tone
  '🏳️‍🌈',
  '🇯🇵', // flag
  '🇺🇳🇯🇵🇫', // flags and a dangling regional indicator
  '👍🏿',
  '🍎',
  '𠮷', // outside the BMP
  '\u200b', // zero-width space
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  'שלום',
  'مرحبا',
  'e\u0301\u0302\u0303\u0304', // stacked combining marks
  'ﾌﾞﾙｰﾍﾞﾘｰ',
  'Ｆｕｌｌ',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\t',
  '\u2028',
  '\ud800', // lone high surrogate: JSON.stringify sends it as the escape \ud800
  '\udfff', // lone low surrogate
  '\ufffd',
  'ゝヽゞ',
  '三億四千万円',
  'ふるさと納税は？',
  '何人',
  '"\\<>&',
  ' ',
  '　',
] as const;

const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...oddPieces), maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...oddPieces), minLength: 1000, maxLength: 2500 }),
  fc.constantFrom(
    '',
    ' ',
    '\u200b',
    '🍎'.repeat(2500),
    'あ'.repeat(5000),
    'a' + '🍎'.repeat(2499),
    'x'.repeat(499) + '👍🏽',
  ),
);

// ---------------------------------------------------------------------------------------------
// Events, each with whether the bot owes it a reply

interface Case {
  readonly event: unknown;
  /** The reply token the bot must answer, if any. */
  readonly replyTo?: string;
}

function replied(event: webhook.Event & { replyToken?: string }): Case {
  return { event, replyTo: event.replyToken };
}

const sources = fc.constantFrom<Record<string, unknown> | undefined>(
  undefined, // LINE's schema makes source optional
  { type: 'user', userId: 'U0123456789abcdef0123456789abcdef' },
  { type: 'group', groupId: 'C0123456789abcdef0123456789abcdef' },
  { type: 'room', roomId: 'R0123456789abcdef0123456789abcdef', userId: 'U0123456789abcdef0123456789abcdef' },
  { type: 'user' }, // no userId
);

/** Replaces (or, with `undefined`, removes) the source. */
function withSource<T extends object>(event: T, source: Record<string, unknown> | undefined): T {
  const { source: _old, ...rest } = event as T & { source?: unknown };
  return (source === undefined ? rest : { ...rest, source }) as T;
}

/** Well-formed events, of every kind, with odd contents. */
const wellFormed: fc.Arbitrary<Case> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(oddText, sources).map(([text, source]) => replied(withSource(textEvent(text), source))),
  },
  fc.constantFrom('sticker', 'image').map((kind) => replied(kind === 'sticker' ? stickerEvent() : imageEvent())),
  // A message type LINE may add one day: the bot invites a typed question.
  fc.string({ maxLength: 20 }).map((type) => {
    const event = { ...textEvent('x'), message: { type: `x-${type}`, id: '1', quoteToken: 'q' } };
    return { event, replyTo: event.replyToken };
  }),
  oddText.map((data) => replied(postbackEvent(data))),
  fc
    .constantFrom('pillar=1', 'pillar=6&page=999', 'browse=pillars', 'feedback=up&entry=x', 'pillar=-1', 'page=2')
    .map((data) => replied(postbackEvent(data))),
  fc.constant(null).map(() => replied(followEvent())),
  // Events that need no reply, with or without a reply token.
  fc.constant(null).map(() => ({ event: unfollowEvent() })),
  fc.constant(null).map(() => ({ event: unsendEvent() })),
  fc.constant(null).map(() => ({ event: joinEvent() })),
  fc.constant(null).map(() => ({ event: { ...textEvent('x'), replyToken: undefined } })), // a text without reply token
  fc.string({ maxLength: 30 }).map((type) => ({
    event: {
      type: `unknown-${type}`,
      mode: 'active',
      timestamp: Date.now(),
      webhookEventId: ulidLike(),
      deliveryContext: { isRedelivery: false },
      replyToken: replyTokenLike(),
    },
  })),
);

/** A text event made malformed in one field: the bot must skip it, not answer or crash. */
const notString = fc.oneof(
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
const malformed: fc.Arbitrary<Case> = fc.oneof(
  notString.map((text) => ({ event: { ...textEvent('x'), message: { ...textEvent('x').message, text } } })),
  fc.integer().map((replyToken) => ({ event: { ...textEvent('ふるさと納税は？'), replyToken } })),
  fc.constant(null).map(() => {
    const { type: _type, ...rest } = textEvent('ふるさと納税は？');
    return { event: rest };
  }),
  fc
    .oneof(fc.integer(), fc.constant(null), fc.constant(['message']))
    .map((type) => ({ event: { ...textEvent('x'), type } })),
  fc
    .constantFrom<unknown>(undefined, 'text', 3, null, [])
    .map((message) => ({ event: { ...textEvent('x'), message } })),
  notString.map((type) => ({ event: { ...textEvent('x'), message: { ...textEvent('x').message, type } } })),
  notString.map((data) => ({ event: { ...postbackEvent('pillar=1'), postback: { data } } })),
  fc
    .constantFrom<unknown>(undefined, '1700000000000', null, 1e300, Number.MAX_VALUE)
    .map((timestamp) => ({ event: { ...textEvent('x'), timestamp } })),
  fc.constantFrom<unknown>('U1', 1, []).map((source) => ({ event: { ...textEvent('x'), source } })),
  fc
    .constantFrom<unknown>(1, null, {})
    .map((userId) => ({ event: { ...textEvent('x'), source: { type: 'user', userId } } })),
  fc.constantFrom<unknown>(1, null, {}).map((webhookEventId) => ({ event: { ...followEvent(), webhookEventId } })),
  fc.constantFrom<unknown>(null, 0, 'message', [], true).map((event) => ({ event })),
);

/** Fresh ids for every run: a shrunk or replayed case must not look like a redelivery. */
function refreshed(c: Case): Case {
  const event = c.event;
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return c;
  const fields = event as Record<string, unknown>;
  const copy: Record<string, unknown> = { ...fields };
  if (typeof fields.webhookEventId === 'string') copy.webhookEventId = ulidLike();
  if (typeof fields.replyToken === 'string') copy.replyToken = replyTokenLike();
  return { event: copy, ...(c.replyTo !== undefined ? { replyTo: copy.replyToken as string } : {}) };
}

async function postCases(cases: readonly Case[]): Promise<void> {
  const fresh = cases.map(refreshed);
  await postEvents(
    fresh.map((c) => c.event),
    fresh.flatMap((c) => (c.replyTo === undefined ? [] : [c.replyTo])),
  );
}

describe('POST /webhook under bad input', () => {
  it('answers every well-formed event once with a valid reply, whatever its text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(wellFormed, { minLength: 1, maxLength: 4 }), (cases) => postCases(cases)),
      { numRuns: 60 },
    );
  });

  it('skips malformed events with a logged reason and still answers the well-formed ones beside them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(wellFormed, malformed), { minLength: 1, maxLength: 5 }), (cases) =>
        postCases(cases),
      ),
      { numRuns: 60 },
    );
  });

  it('logs why a malformed event is skipped, without its text', async () => {
    const secret = 'ひみつの質問テキスト';
    const bad = { ...textEvent(secret), message: { ...textEvent(secret).message, text: 42 } };
    const good = textEvent('ふるさと納税は？');
    const eventWithoutType = (({ type: _type, ...rest }) => rest)(textEvent(secret));
    const logsBefore = bot.logs.length;
    await postEvents(
      [bad, good, eventWithoutType, null, { ...textEvent(secret), replyToken: 7 }],
      [good.replyToken as string],
    );
    const logs = bot.logs.slice(logsBefore).map((line) => JSON.parse(line) as Record<string, unknown>);
    const skipped = logs.filter((l) => l.msg === 'malformed event skipped');
    expect(skipped.map((l) => l.problem)).toEqual([
      'message.text: expected a string, got number',
      'type: expected a string, got undefined',
      'event: expected an object, got null',
      'replyToken: expected a string, got number',
    ]);
    expect(skipped[0]?.eventId).toBe(bad.webhookEventId);
    expect(JSON.stringify(logs)).not.toContain(secret);
  });

  it('answers all of 100 events in one request, with 5,000-character and empty texts among them', async () => {
    const events = Array.from({ length: 100 }, (_, i) =>
      i % 10 === 0
        ? textEvent('ふ'.repeat(5000))
        : i % 10 === 1
          ? textEvent('')
          : i % 10 === 2
            ? textEvent('🇯🇵'.repeat(1250))
            : textEvent(`質問${i}`),
    );
    await postEvents(
      events,
      events.map((e) => e.replyToken as string),
    );
  });

  it('answers texts with the odd characters one by one', async () => {
    const events = [...oddPieces, ...oddPieces.map((p) => p.repeat(2500).slice(0, 5000))].map((text) =>
      textEvent(text),
    );
    await postEvents(
      events,
      events.map((e) => e.replyToken as string),
    );
  });

  it('refuses with 400 a body whose events is not an array, or that is not an object', async () => {
    for (const body of [
      { events: 'none' },
      { events: { 0: textEvent('x') } },
      { events: null },
      { destination: 'U1' },
      [textEvent('x')],
      'events',
      42,
      null,
    ]) {
      const from = fake.requests.length;
      expect(await post(JSON.stringify(body)), JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(fake.requests.length).toBe(from);
    }
  });
});

describe('POST /webhook with random and cut bodies', () => {
  const bodies = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json({ maxDepth: 3 }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ events: Array.isArray(value) ? value : [value] })),
    fc
      .array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 })
      .map((events) => JSON.stringify({ destination: 'U1', events })),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  );

  it('answers 200, 400 or 401 to anything, never a 5xx, and sends only valid replies', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies,
        fc.constantFrom<Signature>('valid', 'valid', 'valid', 'forged', 'missing'),
        async (body, signature) => {
          const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
          const status = await post(bytes, signature);
          expect(status).toBe(signature === 'valid' ? expectedStatus(bytes) : 401);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses with 400 a valid body cut at every length, and answers the whole one', async () => {
    const events = [textEvent('小諸の🍎ふるさと納税は？ 👨‍👩‍👧‍👦'), postbackEvent('pillar=2'), followEvent()];
    const body = Buffer.from(JSON.stringify(callbackBody(events)), 'utf8');
    const from = fake.requests.length;
    const statuses = new Map<number, number[]>();
    for (let length = 0; length < body.length; length++) {
      const status = await post(body.subarray(0, length));
      statuses.set(status, [...(statuses.get(status) ?? []), length]);
    }
    expect([...statuses.keys()]).toEqual([400]);
    expect(fake.requests.length).toBe(from);
    expect(await post(body)).toBe(200);
    expect(replyTokensSince(from).sort()).toEqual(events.map((e) => e.replyToken as string).sort());
  });

  it('refuses a body over maxWebhookBodyBytes with 413, and accepts one just under it', async () => {
    const envelope = JSON.stringify(callbackBody([textEvent('')]));
    const fill = (bytes: number) => envelope.replace('"text":""', `"text":"${'a'.repeat(bytes - envelope.length)}"`);
    const over = fill(maxWebhookBodyBytes + 1);
    const under = fill(maxWebhookBodyBytes);
    expect(Buffer.byteLength(over)).toBe(maxWebhookBodyBytes + 1);
    expect(Buffer.byteLength(under)).toBe(maxWebhookBodyBytes);
    const from = fake.requests.length;
    expect(await post(over)).toBe(413);
    expect(fake.requests.length).toBe(from);
    expect(await post(under)).toBe(200);
    expect(replyTokensSince(from)).toHaveLength(1);
  });
});
