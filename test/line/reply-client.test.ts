/**
 * The reply port on the SDK's MessagingApiClient, against a real HTTP server on loopback that
 * plays LINE's answers: what it sends, what it makes of 2xx and error answers, kept-alive
 * connections, and what the SDK raises when no answer comes (reset, refused, unknown host, a
 * certificate LINE's would never be), as the retry policy classifies it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HTTPFetchError } from '@line/bot-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { createLineReplyClient } from '../../src/line/reply-client.js';
import { classifyFailure } from '../../src/line/retrying-reply-client.js';

interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly socketPort: number | undefined;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server answering each request with `answer`; returns its base URL and what it received. */
async function startLine(answer: (req: IncomingMessage, res: ServerResponse, n: number) => void) {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        socketPort: req.socket.remotePort,
      });
      answer(req, res, received.length);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, received };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

const text = [{ type: 'text', text: 'ふるさと納税は？🙂' }] as const;

describe('the reply client on the SDK', () => {
  it('POSTs the reply as UTF-8 JSON with the bearer token, and the loading animation to its endpoint', async () => {
    const line = await startLine((_req, res) => json(res, 200, {}));
    const client = createLineReplyClient({ baseUrl: line.baseUrl, channelAccessToken: 'TOKEN' });
    await client.reply('abc', [...text]);
    await client.showLoading?.('U1', 5);
    expect(line.received.map((r) => [r.method, r.url])).toEqual([
      ['POST', '/v2/bot/message/reply'],
      ['POST', '/v2/bot/chat/loading/start'],
    ]);
    const [reply, loading] = line.received;
    expect(reply?.headers).toMatchObject({ authorization: 'Bearer TOKEN', 'content-type': 'application/json' });
    expect(JSON.parse(reply?.body ?? '')).toEqual({ replyToken: 'abc', messages: text });
    expect(JSON.parse(loading?.body ?? '')).toEqual({ chatId: 'U1', loadingSeconds: 5 });
  });

  it('takes any 2xx as sent, even with a body that is not JSON, and keeps the connection for the next request', async () => {
    const line = await startLine((_req, res, n) => (n === 1 ? json(res, 200, 'OK') : json(res, 202, '')));
    const client = createLineReplyClient({ baseUrl: line.baseUrl, channelAccessToken: 'TOKEN' });
    for (const token of ['a', 'b', 'c', 'd', 'e', 'f']) await client.reply(token, [...text]);
    expect(line.received).toHaveLength(6);
    // fetch's pool may open a second connection while the first is being released, never one per request.
    expect(new Set(line.received.map((r) => r.socketPort)).size).toBeLessThanOrEqual(2);
  });

  it('rejects an error answer with the SDK’s HTTPFetchError (status, headers, body), which the retry policy reads', async () => {
    const line = await startLine((_req, res, n) =>
      n === 1
        ? json(res, 429, { message: 'The API rate limit has been exceeded.' }, { 'Retry-After': '3' })
        : n === 2
          ? json(res, 400, { message: 'Invalid reply token' })
          : json(res, 503, { message: 'Service unavailable' }),
    );
    const client = createLineReplyClient({ baseUrl: line.baseUrl, channelAccessToken: 'TOKEN' });
    const limited = await rejection(client.reply('t', [...text]));
    expect(limited).toBeInstanceOf(HTTPFetchError);
    expect(limited).toMatchObject({
      status: 429,
      body: JSON.stringify({ message: 'The API rate limit has been exceeded.' }),
    });
    expect(classifyFailure(limited)).toMatchObject({
      reason: 'rate-limited',
      retryable: true,
      mayHaveBeenDelivered: false,
      retryAfter: '3',
    });
    const invalid = await rejection(client.reply('t', [...text]));
    expect(classifyFailure(invalid)).toMatchObject({ reason: 'invalid-reply-token', retryable: false, status: 400 });
    const unavailable = await rejection(client.reply('t', [...text]));
    expect(classifyFailure(unavailable)).toMatchObject({
      reason: 'server-error',
      retryable: true,
      mayHaveBeenDelivered: true,
      status: 503,
    });
  });

  it('takes a connection reset after the request was sent as a spent token: not retryable', async () => {
    const line = await startLine((req) => req.socket.destroy());
    const client = createLineReplyClient({ baseUrl: line.baseUrl, channelAccessToken: 'TOKEN' });
    const reset = await rejection(client.reply('t', [...text]));
    expect(line.received).toHaveLength(1);
    expect(classifyFailure(reset)).toMatchObject({
      reason: 'network',
      code: 'UND_ERR_SOCKET',
      retryable: false,
      mayHaveBeenDelivered: true,
    });
  });

  it('takes a refused connection and an unknown host as never sent: retryable', async () => {
    const gone = (await startLine(() => undefined)).baseUrl;
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    const refused = await rejection(
      createLineReplyClient({ baseUrl: gone, channelAccessToken: 'TOKEN' }).reply('t', [...text]),
    );
    expect(classifyFailure(refused)).toEqual({
      reason: 'network',
      code: 'ECONNREFUSED',
      retryable: true,
      mayHaveBeenDelivered: false,
    });
    // .invalid never resolves (RFC 6761): ENOTFOUND, or EAI_AGAIN without a resolver.
    const unknown = await rejection(
      createLineReplyClient({ baseUrl: 'http://api.line.invalid', channelAccessToken: 'TOKEN' }).reply('t', [...text]),
    );
    expect(classifyFailure(unknown)).toMatchObject({
      reason: 'network',
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers any, to fit any field
      code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/),
      retryable: true,
      mayHaveBeenDelivered: false,
    });
  });

  it('speaks TLS to an https base URL and checks the certificate: a self-signed one is refused, not retried', async () => {
    const tls = path.join(path.dirname(fileURLToPath(import.meta.url)), '../support/tls');
    const secure = createHttpsServer(
      {
        cert: readFileSync(path.join(tls, 'localhost-cert.pem')),
        key: readFileSync(path.join(tls, 'localhost-key.pem')),
      },
      (_req, res) => json(res, 200, {}),
    );
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    const { port } = secure.address() as AddressInfo;
    const client = createLineReplyClient({ baseUrl: `https://127.0.0.1:${port}`, channelAccessToken: 'TOKEN' });
    try {
      const err = await rejection(client.reply('t', [...text]));
      expect(classifyFailure(err)).toEqual({
        reason: 'unexpected',
        retryable: false,
        mayHaveBeenDelivered: false,
        code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      });
    } finally {
      secure.closeAllConnections();
      await new Promise((resolve) => secure.close(resolve));
    }
  });
});
