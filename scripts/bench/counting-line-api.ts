/**
 * A fake LINE Messaging API for the load test: it accepts every request at once and only counts,
 * recording when each reply token arrived (for reply latency, duplicates and missing replies).
 * It does not validate bodies like test/support/fake-line-api.ts does: that costs more CPU than
 * the bot under test, in the same process as the load generator.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingLineApi {
  /** E.g. http://127.0.0.1:40123, for LINE_API_BASE_URL. */
  readonly baseUrl: string;
  /** Arrival times (performance.now()) of the replies to each reply token, in order. */
  readonly replies: Map<string, number[]>;
  /** Requests by method and path, e.g. "POST /v2/bot/message/reply" → 3000. */
  readonly requests: Map<string, number>;
  /** Replies whose body could not be read as a reply (no replyToken). */
  readonly malformed: number;
  /** Arrival time of the last reply (performance.now()), 0 before any. */
  readonly lastReplyAt: number;
  reset(): void;
  close(): Promise<void>;
}

const replyPath = '/v2/bot/message/reply';
const sentMessages = JSON.stringify({ sentMessages: [{ id: '461230966842064897', quoteToken: 'IStG5h1Tz7b...' }] });

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Starts the fake on an ephemeral loopback port. */
export async function startCountingLineApi(): Promise<CountingLineApi> {
  const replies = new Map<string, number[]>();
  const requests = new Map<string, number>();
  let malformed = 0;
  let lastReplyAt = 0;

  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const at = performance.now();
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const key = `${request.method ?? 'GET'} ${path}`;
      requests.set(key, (requests.get(key) ?? 0) + 1);
      if (path === replyPath) {
        const token = /"replyToken"\s*:\s*"([^"]+)"/.exec(body)?.[1];
        if (token === undefined) {
          malformed += 1;
        } else {
          const times = replies.get(token);
          if (times) times.push(at);
          else replies.set(token, [at]);
          lastReplyAt = at;
        }
        response.writeHead(200, { 'content-type': 'application/json', 'x-line-request-id': 'bench' });
        response.end(sentMessages);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    replies,
    requests,
    get malformed() {
      return malformed;
    },
    get lastReplyAt() {
      return lastReplyAt;
    },
    reset() {
      replies.clear();
      requests.clear();
      malformed = 0;
      lastReplyAt = 0;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
