/**
 * The fake Messaging API behaves as LINE does toward the real SDK client: it is reached
 * through the client's `baseURL`, accepts valid replies, answers invalid ones with a LINE-like
 * 400 and records why, refuses a reused reply token and a wrong access token, and injects
 * the faults later tests need.
 */
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fakeChannelAccessToken,
  startFakeLineApi,
  type FakeLineApi,
  type FakeLineApiOptions,
} from './fake-line-api.js';

const running: FakeLineApi[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function start(
  options?: FakeLineApiOptions,
): Promise<{ fake: FakeLineApi; client: messagingApi.MessagingApiClient }> {
  const fake = await startFakeLineApi(options);
  running.push(fake);
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: fakeChannelAccessToken,
    baseURL: fake.baseUrl,
  });
  return { fake, client };
}

/** The error the SDK throws for `promise`, which must reject with an HTTPFetchError. */
async function httpError(promise: Promise<unknown>): Promise<HTTPFetchError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HTTPFetchError);
  return error as HTTPFetchError;
}

const hello: messagingApi.TextMessage = { type: 'text', text: 'こんにちは' };

describe('fake LINE Messaging API', () => {
  it('listens on an ephemeral loopback port', async () => {
    const { fake } = await start();
    expect(fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('records a valid reply sent by the real SDK client and answers 200 with sentMessages', async () => {
    const { fake, client } = await start();
    const response = await client.replyMessageWithHttpInfo({ replyToken: 'token-1', messages: [hello] });

    expect(response.httpResponse.status).toBe(200);
    expect(response.body.sentMessages).toHaveLength(1);
    expect(fake.replies).toHaveLength(1);
    expect(fake.replies[0]).toMatchObject({ replyToken: 'token-1', messages: [hello] });
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v2/bot/message/reply', errors: [] });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${fakeChannelAccessToken}`);
    expect(fake.invalidRequests).toEqual([]);
  });

  it('answers an invalid message with 400, which the SDK throws as HTTPFetchError, and records the errors', async () => {
    const { fake, client } = await start();
    const withoutAltText = { type: 'flex', contents: { type: 'bubble' } } as unknown as messagingApi.Message;
    const error = await httpError(client.replyMessage({ replyToken: 'token-1', messages: [withoutAltText] }));

    expect(error.status).toBe(400);
    expect(JSON.parse(error.body)).toEqual({
      message: 'The request body has 1 error(s)',
      details: [{ property: 'messages[0]', message: "must have required property 'altText'" }],
    });
    expect(fake.replies).toEqual([]);
    expect(fake.invalidRequests).toHaveLength(1);
    expect(fake.invalidRequests[0]?.errors).toEqual(["messages[0]: must have required property 'altText'"]);
  });

  it("answers 400 to a message that fits the spec but breaks LINE's limits", async () => {
    const { fake, client } = await start();
    const error = await httpError(
      client.replyMessage({ replyToken: 'token-1', messages: [{ type: 'text', text: 'あ'.repeat(5001) }] }),
    );

    expect(error.status).toBe(400);
    expect(fake.invalidRequests[0]?.errors).toEqual(['messages[0].text: 5001 characters (max 5000)']);
  });

  it('accepts a reply token once and answers "Invalid reply token" to its second use', async () => {
    const { fake, client } = await start();
    await client.replyMessage({ replyToken: 'token-1', messages: [hello] });
    const error = await httpError(client.replyMessage({ replyToken: 'token-1', messages: [hello] }));

    expect(error.status).toBe(400);
    expect(JSON.parse(error.body)).toEqual({ message: 'Invalid reply token' });
    expect(fake.replies).toHaveLength(1);
    expect(fake.invalidRequests).toEqual([]);
  });

  it('answers 401 to a client with the wrong channel access token', async () => {
    const { fake } = await start();
    const stranger = new messagingApi.MessagingApiClient({ channelAccessToken: 'wrong-token', baseURL: fake.baseUrl });
    const error = await httpError(stranger.replyMessage({ replyToken: 'token-1', messages: [hello] }));

    expect(error.status).toBe(401);
    expect(fake.replies).toEqual([]);
  });

  it('answers 404 to an endpoint it does not serve', async () => {
    const { client } = await start();
    const error = await httpError(client.getBotInfo());
    expect(error.status).toBe(404);
  });

  it('serves push messages and refuses a retry key already accepted with 409', async () => {
    const { fake, client } = await start();
    const retryKey = '123e4567-e89b-12d3-a456-426614174000';
    await client.pushMessage({ to: 'U4af4980629a1b2c3d4e5f60718293a4b', messages: [hello] }, retryKey);
    const error = await httpError(
      client.pushMessage({ to: 'U4af4980629a1b2c3d4e5f60718293a4b', messages: [hello] }, retryKey),
    );

    expect(error.status).toBe(409);
    expect(error.headers.get('x-line-accepted-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(fake.pushes).toHaveLength(1);
    expect(fake.pushes[0]).toMatchObject({ to: 'U4af4980629a1b2c3d4e5f60718293a4b', retryKey });
  });

  it('serves the loading animation and validates its body', async () => {
    const { fake, client } = await start();
    await client.showLoadingAnimation({ chatId: 'U4af4980629a1b2c3d4e5f60718293a4b', loadingSeconds: 20 });
    const error = await httpError(
      client.showLoadingAnimation({ chatId: 'U4af4980629a1b2c3d4e5f60718293a4b', loadingSeconds: 90 }),
    );

    expect(error.status).toBe(400);
    expect(fake.loadingStarts).toEqual([{ chatId: 'U4af4980629a1b2c3d4e5f60718293a4b', loadingSeconds: 20 }]);
    expect(fake.invalidRequests[0]?.errors).toEqual(['loadingSeconds: must be <= 60']);
  });

  it('waits for replies and rejects with what it received when they do not come', async () => {
    const { fake, client } = await start();
    const waiting = fake.waitForReplies(2);
    await client.replyMessage({ replyToken: 'token-1', messages: [hello] });
    await client.replyMessage({ replyToken: 'token-2', messages: [hello] });
    await expect(waiting).resolves.toHaveLength(2);

    await expect(fake.waitForReplies(3, 50)).rejects.toThrow(
      /expected 3 replies within 50 ms, got 2; requests: POST \/v2\/bot\/message\/reply, POST \/v2\/bot\/message\/reply/,
    );
  });

  it('injects a 429 with Retry-After without consuming the reply token', async () => {
    let calls = 0;
    const { fake, client } = await start({
      respond: () =>
        ++calls === 1
          ? { status: 429, body: { message: 'Too Many Requests' }, headers: { 'retry-after': '1' } }
          : undefined,
    });
    const error = await httpError(client.replyMessage({ replyToken: 'token-1', messages: [hello] }));
    expect(error.status).toBe(429);
    expect(error.headers.get('retry-after')).toBe('1');

    await client.replyMessage({ replyToken: 'token-1', messages: [hello] });
    expect(fake.replies).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
  });

  it('delays an answer by delayMs', async () => {
    const { client } = await start({ respond: () => ({ status: 500, body: { message: 'boom' }, delayMs: 100 }) });
    const started = Date.now();
    const error = await httpError(client.replyMessage({ replyToken: 'token-1', messages: [hello] }));
    expect(error.status).toBe(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('resets the connection when destroySocket says so, and the SDK sees a network error', async () => {
    const { fake, client } = await start({ destroySocket: (request) => request.path === '/v2/bot/message/reply' });
    const error: unknown = await client
      .replyMessage({ replyToken: 'token-1', messages: [hello] })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(HTTPFetchError);
    expect(fake.requests).toHaveLength(1);
    expect(fake.replies).toEqual([]);
  });

  it('records validation errors even when a fault replaces the answer', async () => {
    const { fake, client } = await start({ respond: () => ({ status: 500 }) });
    await httpError(
      client.replyMessage({ replyToken: 'token-1', messages: [{ type: 'text' } as unknown as messagingApi.Message] }),
    );
    expect(fake.invalidRequests[0]?.errors).toEqual(["messages[0]: must have required property 'text'"]);
  });

  it('counts arrivals by reply token when countOnly, a reused token and an invalid body included', async () => {
    const { fake, client } = await start({ countOnly: true });
    await client.replyMessage({ replyToken: 'token-1', messages: [hello] });
    await client.replyMessage({
      replyToken: 'token-1',
      messages: [{ type: 'text' } as unknown as messagingApi.Message],
    });
    await client.showLoadingAnimation({ chatId: 'U1', loadingSeconds: 5 });

    expect(fake.arrivals.get('token-1')).toHaveLength(2);
    expect(fake.lastReplyAt).toBe(fake.arrivals.get('token-1')?.[1]);
    expect(Object.fromEntries(fake.counts)).toEqual({
      'POST /v2/bot/message/reply': 2,
      'POST /v2/bot/chat/loading/start': 1,
    });
    expect(fake.requests).toEqual([]);
    fake.reset();
    expect([fake.arrivals.size, fake.counts.size, fake.lastReplyAt]).toEqual([0, 0, 0]);
  });
});
