/**
 * The bot's own client of the Messaging API, against a real HTTP server on loopback that plays
 * LINE's answers: what it sends, what it makes of 2xx and error answers, kept-alive connections,
 * and how it lets go of a request (abort, reset, refused connection).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyFailure } from '../../src/line/retrying-reply-client.js';
import {
  createMessagingApiPoster,
  LineApiError,
  maxErrorBodyBytes,
  RequestAbandonedError,
  RequestNotSentError,
  type RequestHandle,
} from '../../src/line/messaging-api-poster.js';

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
  const closedEarly: string[] = [];
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
      res.once('close', () => {
        if (!res.writableFinished) closedEarly.push(req.url ?? '');
      });
      answer(req, res, received.length);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, received, closedEarly };
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

describe('the Messaging API poster', () => {
  it('POSTs the payload as UTF-8 JSON with the bearer token, under the base URL’s path', async () => {
    const line = await startLine((_req, res) => json(res, 200, {}));
    const poster = createMessagingApiPoster({ baseUrl: `${line.baseUrl}/prefix/`, channelAccessToken: 'TOKEN' });
    const payload = { replyToken: 'abc', messages: [{ type: 'text', text: 'ふるさと納税は？🙂' }] };
    await poster.post('/v2/bot/message/reply', payload);
    poster.close();
    expect(line.received).toHaveLength(1);
    const [request] = line.received;
    expect(request).toMatchObject({ method: 'POST', url: '/prefix/v2/bot/message/reply' });
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer TOKEN',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(JSON.stringify(payload))),
    });
    expect(JSON.parse(request?.body ?? '')).toEqual(payload);
  });

  it('takes any 2xx as sent without reading its body, and keeps the connection for the next request', async () => {
    const line = await startLine((_req, res, n) => (n === 1 ? json(res, 200, 'not json') : json(res, 202, {})));
    const poster = createMessagingApiPoster({ baseUrl: line.baseUrl, channelAccessToken: 'TOKEN' });
    await poster.post('/v2/bot/message/reply', { replyToken: 'a', messages: [] });
    await poster.post('/v2/bot/chat/loading/start', { chatId: 'U1', loadingSeconds: 5 });
    poster.close();
    expect(line.received.map((r) => r.socketPort)).toEqual([
      line.received[0]?.socketPort,
      line.received[0]?.socketPort,
    ]);
  });

  it('turns an error answer into a LineApiError with its status, headers and body, which the retry policy reads', async () => {
    const line = await startLine((_req, res, n) =>
      n === 1
        ? json(res, 429, { message: 'The API rate limit has been exceeded.' }, { 'Retry-After': '3' })
        : json(res, 400, { message: 'Invalid reply token' }),
    );
    const poster = createMessagingApiPoster({ baseUrl: line.baseUrl, channelAccessToken: 'TOKEN' });
    const limited = await rejection(poster.post('/v2/bot/message/reply', {}));
    expect(limited).toBeInstanceOf(LineApiError);
    expect(limited).toMatchObject({
      status: 429,
      body: JSON.stringify({ message: 'The API rate limit has been exceeded.' }),
    });
    expect((limited as LineApiError).headers['retry-after']).toBe('3');
    expect((limited as Error).message).toBe('LINE answered 429 to POST /v2/bot/message/reply');
    expect(classifyFailure(limited)).toMatchObject({ reason: 'rate-limited', retryable: true, retryAfter: '3' });
    const invalid = await rejection(poster.post('/v2/bot/message/reply', {}));
    expect(classifyFailure(invalid)).toMatchObject({ reason: 'invalid-reply-token', retryable: false, status: 400 });
    poster.close();
  });

  it('keeps no more than the first 16 KB of an error body', async () => {
    const line = await startLine((_req, res) => json(res, 500, 'x'.repeat(maxErrorBodyBytes * 4)));
    const poster = createMessagingApiPoster({ baseUrl: line.baseUrl, channelAccessToken: 'TOKEN' });
    const err = await rejection(poster.post('/v2/bot/message/reply', {}));
    poster.close();
    expect((err as LineApiError).body).toHaveLength(maxErrorBodyBytes);
    expect(classifyFailure(err)).toMatchObject({ reason: 'server-error', retryable: true, status: 500 });
  });

  it('hangs up on a request its caller abandons, so a late answer is never read', async () => {
    const line = await startLine((_req, res) => setTimeout(() => json(res, 200, {}), 300));
    const poster = createMessagingApiPoster({ baseUrl: line.baseUrl, channelAccessToken: 'TOKEN' });
    const handle: RequestHandle = {};
    const sent = poster.post('/v2/bot/message/reply', {}, handle);
    while (line.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    handle.abandon?.();
    expect(await rejection(sent)).toBeInstanceOf(RequestAbandonedError);
    await expect.poll(() => line.closedEarly).toEqual(['/v2/bot/message/reply']);
    poster.close();
  });

  it('tells its caller when the request was written, before the answer, and only once', async () => {
    const line = await startLine((_req, res) => json(res, 200, {}));
    const poster = createMessagingApiPoster({ baseUrl: line.baseUrl, channelAccessToken: 'TOKEN' });
    const events: string[] = [];
    const handle: RequestHandle = { onWritten: () => events.push('written') };
    await poster.post('/v2/bot/message/reply', { replyToken: 'x' }, handle).then(() => events.push('answered'));
    expect(events).toEqual(['written', 'answered']);
    poster.close();
  });

  it('gives up on its own, after its timeout, a request whose caller holds no handle', async () => {
    const line = await startLine(() => undefined); // never answers
    const poster = createMessagingApiPoster({ baseUrl: line.baseUrl, channelAccessToken: 'TOKEN', timeoutMs: 100 });
    const started = performance.now();
    const err = await rejection(poster.post('/v2/bot/chat/loading/start', { chatId: 'U1', loadingSeconds: 5 }));
    expect(err).toBeInstanceOf(RequestAbandonedError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    await expect.poll(() => line.closedEarly).toEqual(['/v2/bot/chat/loading/start']);
    poster.close();
  });

  it('rejects with the socket’s code when the connection is reset or refused', async () => {
    const line = await startLine((req) => req.socket.destroy());
    const poster = createMessagingApiPoster({ baseUrl: line.baseUrl, channelAccessToken: 'TOKEN' });
    const reset = await rejection(poster.post('/v2/bot/message/reply', {}));
    expect(classifyFailure(reset)).toMatchObject({ reason: 'network', code: 'ECONNRESET', mayHaveBeenDelivered: true });
    poster.close();
    const gone = line.baseUrl;
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    const refused = createMessagingApiPoster({ baseUrl: gone, channelAccessToken: 'TOKEN' });
    const written: string[] = [];
    const err = await rejection(refused.post('/v2/bot/message/reply', {}, { onWritten: () => written.push('x') }));
    // Refused before a byte was written: provably never sent.
    expect(err).toBeInstanceOf(RequestNotSentError);
    expect(written).toEqual([]);
    expect(classifyFailure(err)).toMatchObject({
      reason: 'network',
      code: 'ECONNREFUSED',
      mayHaveBeenDelivered: false,
    });
    refused.close();
  });

  it('speaks TLS to an https base URL and checks the certificate: a self-signed one is refused', async () => {
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
    const poster = createMessagingApiPoster({ baseUrl: `https://127.0.0.1:${port}`, channelAccessToken: 'TOKEN' });
    try {
      const err = await rejection(poster.post('/v2/bot/message/reply', {}));
      expect(err).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      // Not a network blip to retry: a certificate LINE's would never be.
      expect(classifyFailure(err)).toMatchObject({ reason: 'unexpected', retryable: false });
    } finally {
      poster.close();
      secure.closeAllConnections();
      await new Promise((resolve) => secure.close(resolve));
    }
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => createMessagingApiPoster({ baseUrl: 'ftp://api.line.me', channelAccessToken: 'TOKEN' })).toThrow(
      /must be http\(s\)/,
    );
  });
});
