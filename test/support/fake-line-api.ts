/**
 * A fake LINE Messaging API on loopback, for tests that drive the real SDK client through
 * its `baseURL`.
 *
 * It listens on an ephemeral port of 127.0.0.1 and serves the endpoints the bot uses:
 * `POST /v2/bot/message/reply`, `POST /v2/bot/message/push` and
 * `POST /v2/bot/chat/loading/start`. Every body is validated against the official OpenAPI
 * spec (with discriminators resolved, see line-spec.ts) and, for messages, against the
 * platform limits of `checkLineLimits`; problems are answered with a LINE-like 400 and
 * recorded, so a test can assert that the bot sent no invalid request at all. Like LINE, it
 * requires `Authorization: Bearer <token>` and accepts each reply token once.
 *
 * With `countOnly` it is the load test's fake instead (npm run bench): every request answered
 * 200 at once, nothing validated or kept but when each reply token's replies arrived and how many
 * requests each endpoint had. Validating costs more CPU than the bot under test, and the load
 * generator shares this process.
 *
 * Faults for resilience tests (500, 429 with Retry-After, slow answers, reset connections)
 * are injected with the `respond` and `destroySocket` options.
 *
 * It also serves the account setup (`npm run line:setup`): rich menus (validate, create, image
 * upload, default, list, delete) and the webhook endpoint (get, set, test), see
 * fake-line-account.ts; their state is in `account`.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { messagingApi } from '@line/bot-sdk';
import { checkLineLimits } from '../../src/render/limits.js';
import {
  accountRequestSchemas,
  accountRoute,
  createFakeLineAccount,
  type AccountRequest,
  type AccountRoute,
  type FakeLineAccountOptions,
  type FakeLineAccountState,
} from './fake-line-account.js';
import { checkAgainstSpec, compileValidators } from './line-spec.js';

/** A request the fake received, as recorded before it answered. */
export interface FakeLineRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/v2/bot/message/reply`. */
  readonly path: string;
  /** Headers with lowercase names, as node parses them. */
  readonly headers: IncomingHttpHeaders;
  /** The raw body text. */
  readonly rawBody: string;
  /** The parsed JSON body, or `undefined` when the body is empty or not JSON. */
  readonly body: unknown;
  /**
   * Why the body is invalid for its endpoint (spec violations and LINE limits), empty when
   * valid or when the endpoint is unknown. Recorded even when a fault overrides the answer.
   */
  readonly errors: readonly string[];
  /** The raw body bytes (the rich menu image is binary). */
  readonly bodyBytes: Buffer;
}

/** A reply the fake accepted (status 200). */
export interface FakeLineReply {
  readonly replyToken: string;
  readonly messages: readonly messagingApi.Message[];
  readonly notificationDisabled: boolean | undefined;
  readonly request: FakeLineRequest;
}

/** A push the fake accepted (status 200). */
export interface FakeLinePush {
  readonly to: string;
  readonly messages: readonly messagingApi.Message[];
  readonly retryKey: string | undefined;
  readonly request: FakeLineRequest;
}

/** An answer that replaces the fake's normal one. */
export interface FakeLineResponse {
  /** Defaults to 200. */
  readonly status?: number;
  /** Sent as JSON unless it is a string; defaults to `{}`. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering (to trigger client timeouts). */
  readonly delayMs?: number;
  /** Reset the connection instead of answering (after `delayMs`, if any). */
  readonly destroySocket?: boolean;
}

/** Options of {@link startFakeLineApi}. */
export interface FakeLineApiOptions extends FakeLineAccountOptions {
  /** The token expected in `Authorization: Bearer`; defaults to {@link fakeChannelAccessToken}. */
  readonly channelAccessToken?: string;
  /**
   * Called for every request after it is recorded and validated; return a response to
   * replace the normal answer (the reply token is then not consumed and nothing is added to
   * `replies` or `pushes`), or `undefined` to answer normally.
   */
  readonly respond?: (request: FakeLineRequest) => FakeLineResponse | undefined;
  /** Return true to reset the connection of this request instead of answering it. */
  readonly destroySocket?: (request: FakeLineRequest) => boolean;
  /** For load tests: answer 200 at once and keep only `arrivals` and `counts` (see above). */
  readonly countOnly?: boolean;
}

/** A running fake Messaging API. */
export interface FakeLineApi {
  /** E.g. `http://127.0.0.1:40123`; pass it as the SDK client's `baseURL`. */
  readonly baseUrl: string;
  /** Every request received, in order. */
  readonly requests: readonly FakeLineRequest[];
  /** Requests whose body broke the spec or LINE's limits. */
  readonly invalidRequests: readonly FakeLineRequest[];
  /** Accepted replies, in order. */
  readonly replies: readonly FakeLineReply[];
  /** Accepted pushes, in order. */
  readonly pushes: readonly FakeLinePush[];
  /** Requests whose client closed the connection before the fake answered (a client's timeout). */
  readonly abandoned: readonly FakeLineRequest[];
  /** Accepted loading-animation requests (`{ chatId, loadingSeconds }`). */
  readonly loadingStarts: readonly messagingApi.ShowLoadingAnimationRequest[];
  /** Rich menus, the default rich menu and the webhook endpoint, as the account now has them. */
  readonly account: FakeLineAccountState;
  /** When the replies to each reply token arrived (performance.now()), in order, accepted or not. */
  readonly arrivals: ReadonlyMap<string, readonly number[]>;
  /** Requests by method and path, e.g. `POST /v2/bot/message/reply` → 3000. */
  readonly counts: ReadonlyMap<string, number>;
  /** When the last reply arrived (performance.now()), 0 before any. */
  readonly lastReplyAt: number;
  /** Forgets `arrivals`, `counts` and `lastReplyAt`, for the next round of a load test. */
  reset(): void;
  /**
   * Resolves with the replies as soon as at least `count` arrived; rejects after `timeoutMs`
   * (default 10 s: a bound for a stuck test, not a wait).
   */
  waitForReplies(count: number, timeoutMs?: number): Promise<readonly FakeLineReply[]>;
  /** Stops listening and resets open connections. */
  close(): Promise<void>;
}

/** The channel access token the fake accepts by default. */
export const fakeChannelAccessToken = 'fake-channel-access-token';

interface Endpoint {
  readonly schema: string;
  readonly checksMessages: boolean;
}

const replyPath = '/v2/bot/message/reply';
/** What countOnly answers to every reply, always the same (no random ids to make). */
const countedReply = JSON.stringify({ sentMessages: [{ id: '461230966842064897', quoteToken: 'IStG5h1Tz7b...' }] });

const endpoints: Readonly<Record<string, Endpoint>> = {
  '/v2/bot/message/reply': { schema: 'ReplyMessageRequest', checksMessages: true },
  '/v2/bot/message/push': { schema: 'PushMessageRequest', checksMessages: true },
  '/v2/bot/chat/loading/start': { schema: 'ShowLoadingAnimationRequest', checksMessages: false },
};

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

interface ErrorDetail {
  readonly message: string;
  readonly property: string;
}

/** `/messages/0/altText` → `messages[0].altText`, as LINE names properties in error details. */
function propertyName(instancePath: string): string {
  return instancePath
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name === '' ? part : `${name}.${part}`), '');
}

function validate(endpoint: Endpoint, body: unknown): { errors: string[]; details: ErrorDetail[] } {
  const violations = checkAgainstSpec('messaging-api', endpoint.schema, body);
  const details: ErrorDetail[] = violations.map(({ instancePath, message }) => ({
    message,
    property: propertyName(instancePath),
  }));
  if (violations.length === 0 && endpoint.checksMessages) {
    const messages = (body as { messages: messagingApi.Message[] }).messages;
    for (const violation of checkLineLimits(messages)) {
      const separator = violation.indexOf(': ');
      details.push({ property: violation.slice(0, separator), message: violation.slice(separator + 2) });
    }
  }
  return {
    errors: details.map(({ property, message }) => `${property === '' ? '(body)' : property}: ${message}`),
    details,
  };
}

function parseJson(rawBody: string): { body: unknown; error?: string } {
  if (rawBody === '') return { body: undefined, error: 'the request body is empty' };
  try {
    return { body: JSON.parse(rawBody) as unknown };
  } catch (error) {
    return { body: undefined, error: `the request body is not JSON: ${(error as Error).message}` };
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sentMessages(count: number): messagingApi.SentMessage[] {
  return Array.from({ length: count }, () => ({
    id: `${randomInt(100_000_000, 999_999_999)}${randomInt(100_000_000, 999_999_999)}`,
    quoteToken: randomBytes(48).toString('base64url'),
  }));
}

/** Starts a fake Messaging API on an ephemeral loopback port, its validators compiled. */
export async function startFakeLineApi(options: FakeLineApiOptions = {}): Promise<FakeLineApi> {
  // Compiled before listening (once per worker): compiled on the first request instead, they
  // would hold that answer back by a second or more, long enough for a client's timeout to fire.
  if (options.countOnly !== true) {
    compileValidators('messaging-api', [...Object.values(endpoints).map((e) => e.schema), ...accountRequestSchemas]);
  }
  const token = options.channelAccessToken ?? fakeChannelAccessToken;
  const requests: FakeLineRequest[] = [];
  const abandoned: FakeLineRequest[] = [];
  const replies: FakeLineReply[] = [];
  const pushes: FakeLinePush[] = [];
  const loadingStarts: messagingApi.ShowLoadingAnimationRequest[] = [];
  const usedReplyTokens = new Set<string>();
  const account = createFakeLineAccount(options);
  const acceptedRetryKeys = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();
  /** Called after each accepted reply: the waiters of waitForReplies. */
  const replyListeners = new Set<() => void>();
  const arrivals = new Map<string, number[]>();
  const counts = new Map<string, number>();
  let lastReplyAt = 0;
  const count = (method: string, path: string, replyToken: unknown): void => {
    const key = `${method} ${path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (path !== replyPath || typeof replyToken !== 'string') return;
    lastReplyAt = performance.now();
    const times = arrivals.get(replyToken);
    if (times) times.push(lastReplyAt);
    else arrivals.set(replyToken, [lastReplyAt]);
  };

  /** An account request: its JSON body against the spec, then the checks the spec leaves out. */
  const validateAccountRequest = (
    route: AccountRoute,
    input: AccountRequest,
    parseError: string | undefined,
  ): { errors: string[]; details: ErrorDetail[] } => {
    let details: ErrorDetail[] = [];
    if (route.schema !== undefined && !(route.bodyOptional === true && input.bodyBytes.length === 0)) {
      details =
        parseError !== undefined
          ? [{ property: '', message: parseError }]
          : validate({ schema: route.schema, checksMessages: false }, input.body).details;
    }
    if (details.length === 0) details = account.check(route, input);
    return {
      errors: details.map(({ property, message }) => `${property === '' ? '(body)' : property}: ${message}`),
      details,
    };
  };

  const normalAnswer = (
    request: FakeLineRequest,
    details: readonly ErrorDetail[],
    parseError: string | undefined,
  ): Answer => {
    const endpoint = request.method === 'POST' ? endpoints[request.path] : undefined;
    if (request.headers.authorization !== `Bearer ${token}`) {
      return {
        status: 401,
        body: { message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' },
      };
    }
    const route = endpoint === undefined ? accountRoute(request.method, request.path) : undefined;
    if (route !== undefined) return account.answer(route, request, details);
    if (endpoint === undefined) return { status: 404, body: { message: 'Not found' } };
    if (parseError !== undefined) return { status: 400, body: { message: parseError } };
    if (details.length > 0) {
      return { status: 400, body: { message: `The request body has ${details.length} error(s)`, details } };
    }

    switch (request.path) {
      case '/v2/bot/message/reply': {
        const body = request.body as messagingApi.ReplyMessageRequest;
        if (usedReplyTokens.has(body.replyToken)) return { status: 400, body: { message: 'Invalid reply token' } };
        usedReplyTokens.add(body.replyToken);
        replies.push({
          replyToken: body.replyToken,
          messages: body.messages,
          notificationDisabled: body.notificationDisabled,
          request,
        });
        for (const listener of replyListeners) listener();
        return { status: 200, body: { sentMessages: sentMessages(body.messages.length) } };
      }
      case '/v2/bot/message/push': {
        const body = request.body as messagingApi.PushMessageRequest;
        const retryKey = request.headers['x-line-retry-key'];
        const key = typeof retryKey === 'string' ? retryKey : undefined;
        const accepted = key === undefined ? undefined : acceptedRetryKeys.get(key);
        if (accepted !== undefined) {
          return {
            status: 409,
            body: { message: 'The retry key is already accepted' },
            headers: { 'x-line-accepted-request-id': accepted },
          };
        }
        const requestId = randomBytes(16).toString('hex');
        if (key !== undefined) acceptedRetryKeys.set(key, requestId);
        pushes.push({ to: body.to, messages: body.messages, retryKey: key, request });
        return {
          status: 200,
          body: { sentMessages: sentMessages(body.messages.length) },
          headers: { 'x-line-request-id': requestId },
        };
      }
      default: {
        loadingStarts.push(request.body as messagingApi.ShowLoadingAnimationRequest);
        return { status: 202, body: {} };
      }
    }
  };

  const send = (response: ServerResponse, answer: Answer): void => {
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
    response.writeHead(answer.status, {
      'content-type': 'application/json',
      'x-line-request-id': randomBytes(16).toString('hex'),
      ...answer.headers,
    });
    response.end(text);
  };

  const handle = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const bodyBytes = await readBody(incoming);
    const rawBody = bodyBytes.toString('utf8');
    const method = incoming.method ?? 'GET';
    const path = new URL(incoming.url ?? '/', 'http://127.0.0.1').pathname;
    const endpoint = method === 'POST' ? endpoints[path] : undefined;
    const { body, error: parseError } = parseJson(rawBody);
    count(method, path, (body as { replyToken?: unknown } | undefined)?.replyToken);
    const route = endpoint === undefined ? accountRoute(method, path) : undefined;
    const checked =
      route !== undefined
        ? validateAccountRequest(route, { headers: incoming.headers, bodyBytes, body }, parseError)
        : endpoint === undefined
          ? { errors: [], details: [] }
          : parseError !== undefined
            ? { errors: [parseError], details: [] }
            : validate(endpoint, body);
    const request: FakeLineRequest = {
      method,
      path,
      headers: incoming.headers,
      rawBody,
      body,
      errors: checked.errors,
      bodyBytes,
    };
    requests.push(request);
    let resetHere = false;
    response.once('close', () => {
      if (!response.writableFinished && !resetHere) abandoned.push(request);
    });

    const override: FakeLineResponse | undefined =
      options.destroySocket?.(request) === true ? { destroySocket: true } : options.respond?.(request);
    const finish = (): void => {
      if (override?.destroySocket === true) {
        resetHere = true;
        incoming.socket.destroy();
        return;
      }
      send(
        response,
        override !== undefined
          ? {
              status: override.status ?? 200,
              body: override.body ?? {},
              ...(override.headers ? { headers: override.headers } : {}),
            }
          : normalAnswer(request, checked.details, endpoint === undefined ? undefined : parseError),
      );
    };
    const delayMs = override?.delayMs ?? 0;
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        finish();
      }, delayMs);
      timers.add(timer);
    } else {
      finish();
    }
  };

  const countOnly = (incoming: IncomingMessage, response: ServerResponse): void => {
    void readBody(incoming).then((bytes) => {
      const path = (incoming.url ?? '/').split('?')[0] ?? '/';
      count(incoming.method ?? 'GET', path, /"replyToken"\s*:\s*"([^"]+)"/.exec(bytes.toString('utf8'))?.[1]);
      response.writeHead(200, { 'content-type': 'application/json', 'x-line-request-id': 'count-only' });
      response.end(path === replyPath ? countedReply : '{}');
    });
  };
  const server = createServer(
    options.countOnly === true
      ? countOnly
      : (incoming, response) => {
          handle(incoming, response).catch((error: unknown) => {
            if (!response.headersSent)
              send(response, { status: 500, body: { message: `fake LINE API failed: ${String(error)}` } });
          });
        },
  );
  // A load test's rounds reuse the bot's keep-alive connections.
  if (options.countOnly === true) server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const describeRequests = (): string =>
    requests.length === 0
      ? 'no request received'
      : requests
          .map((r) => `${r.method} ${r.path}${r.errors.length > 0 ? ` (invalid: ${r.errors.join('; ')})` : ''}`)
          .join(', ');

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get invalidRequests() {
      return requests.filter((r) => r.errors.length > 0);
    },
    replies,
    pushes,
    loadingStarts,
    abandoned,
    account: account.state,
    arrivals,
    counts,
    get lastReplyAt() {
      return lastReplyAt;
    },
    reset() {
      arrivals.clear();
      counts.clear();
      lastReplyAt = 0;
    },
    waitForReplies(count: number, timeoutMs = 10_000): Promise<readonly FakeLineReply[]> {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (replies.length < count) return;
          clearTimeout(timer);
          replyListeners.delete(check);
          resolve([...replies]);
        };
        const timer = setTimeout(() => {
          replyListeners.delete(check);
          reject(
            new Error(
              `expected ${count} repl${count === 1 ? 'y' : 'ies'} within ${timeoutMs} ms, got ${replies.length}; requests: ${describeRequests()}`,
            ),
          );
        }, timeoutMs);
        replyListeners.add(check);
        check();
      });
    },
    close(): Promise<void> {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
