/**
 * The bot's own road to the Messaging API for what it sends on every webhook (a reply, now and
 * then the loading animation): one JSON POST over a kept-alive node:http(s) connection.
 *
 * Why not the SDK's MessagingApiClient, which the staff tools still use: it sends through fetch,
 * whose streams, Headers and Response objects cost the event loop about 180 µs per reply under
 * load (with the garbage they leave), where this costs about a tenth of it; it was the largest
 * thing the bot did per webhook (DESIGN.md, "Performance"). And fetch there takes no AbortSignal,
 * so an attempt that timed out kept its request open; here it is abandoned and its socket freed.
 *
 * It does what the SDK's client does with a reply: the bearer token, a JSON body, a 2xx is
 * success (its body is not read), anything else becomes a {@link LineApiError} with the status,
 * headers and body LINE sent, and a failed connection the socket's error (ECONNRESET, ...).
 *
 * And it knows what fetch does not: when its request was written. It tells the caller (so that
 * a timeout times the wire, not the time the request waited for the event loop), and an error
 * before then is a {@link RequestNotSentError}: the request provably never reached LINE.
 */
import http from 'node:http';
import https from 'node:https';

/** LINE answered with a status other than 2xx. Read by classifyFailure (retrying-reply-client.ts). */
export class LineApiError extends Error {
  override readonly name = 'LineApiError';
  constructor(
    readonly status: number,
    /** Lower-case names, as node gives them, e.g. `retry-after`. */
    readonly headers: Readonly<Record<string, string>>,
    /** LINE's error body as sent (JSON with a message), cut at {@link maxErrorBodyBytes}. */
    readonly body: string,
    path: string,
  ) {
    super(`LINE answered ${status} to POST ${path}`);
  }
}

/** An error body is kept for its message; more than this is not read. */
export const maxErrorBodyBytes = 16 * 1024;

/** Idle keep-alive connections are closed after this (ms), before LINE's side may drop them mid-request. */
const idleSocketMs = 4000;

/**
 * Connections open at once, at most. A burst (a webhook of a thousand events) would otherwise open
 * a connection, and a TLS handshake, per reply; requests beyond it wait in the agent unwritten,
 * which the connect timeout of the retry policy bounds (a request abandoned there was never sent).
 */
const maxSockets = 64;

/**
 * How a caller abandons a request it no longer waits for: the poster sets `abandon` while the
 * request is open. A plain object, not an AbortSignal: a signal per request (its EventTarget
 * listeners, added and removed by node:http) cost about 10 µs of the event loop per reply.
 */
export interface RequestHandle {
  abandon?: () => void;
  /**
   * Called once, when the whole request was handed to the operating system (node:http's
   * 'finish'), or when an answer came first: from then on it may reach LINE. Until then it
   * provably has not, and abandoning it sends nothing (the socket is destroyed with it).
   */
  onWritten?: () => void;
}

/**
 * The request failed before it was written whole (a connection refused, reset or timed out while
 * connecting, a stale kept-alive socket refusing the write): it never reached LINE, so its reply
 * token is unspent. `code` is the socket's (ECONNREFUSED, ECONNRESET, ...), the error is `cause`.
 */
export class RequestNotSentError extends Error {
  override readonly name = 'RequestNotSentError';
  readonly code: string | undefined;
  constructor(path: string, cause: unknown) {
    const code = (cause as { code?: unknown } | null)?.code;
    super(`POST ${path} failed before it was sent: ${(cause as Error | null)?.message ?? String(cause)}`, { cause });
    this.code = typeof code === 'string' ? code : undefined;
  }
}

/** The error a request rejects with once abandoned. */
export class RequestAbandonedError extends Error {
  override readonly name = 'RequestAbandonedError';
  constructor(path: string) {
    super(`POST ${path} abandoned by its caller`);
  }
}

export interface MessagingApiPoster {
  /**
   * POSTs `payload` as JSON to `path` (e.g. `/v2/bot/message/reply`); resolves on a 2xx answer.
   * Rejects with a LineApiError, a socket error (a {@link RequestNotSentError} when it came before
   * the request was written), or a RequestAbandonedError once the caller calls `handle.abandon()`
   * (its connection is then closed, so a late answer is never read). Calls `handle.onWritten`
   * when the request was written. A caller
   * without a handle (the loading animation) has its request abandoned after `timeoutMs`, so
   * that no request waits for ever on an answer that never comes.
   */
  post(
    path: string,
    payload: unknown,
    handle?: RequestHandle,
    headers?: Readonly<Record<string, string>>,
  ): Promise<void>;
  /** Closes the idle connections (shutdown). */
  close(): void;
}

export interface PosterOptions {
  /** https://api.line.me in production; a fake on loopback in tests. */
  readonly baseUrl: string;
  readonly channelAccessToken: string;
  /** How long a request without a handle may wait for its answer (default 10 s). */
  readonly timeoutMs?: number;
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

export function createMessagingApiPoster(options: PosterOptions): MessagingApiPoster {
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new Error(`the Messaging API base URL must be http(s): ${options.baseUrl}`);
  }
  const secure = base.protocol === 'https:';
  const agent = secure
    ? new https.Agent({ keepAlive: true, timeout: idleSocketMs, maxSockets })
    : new http.Agent({ keepAlive: true, timeout: idleSocketMs, maxSockets });
  const send = secure ? https.request : http.request;
  const prefix = base.pathname.replace(/\/+$/, '');
  const authorization = `Bearer ${options.channelAccessToken}`;
  const timeoutMs = options.timeoutMs ?? 10_000;

  return {
    post(path, payload, handle, headers = {}) {
      return new Promise<void>((resolve, reject) => {
        const body = Buffer.from(JSON.stringify(payload), 'utf8');
        let written = false;
        const wrote = (): void => {
          if (written) return;
          written = true;
          handle?.onWritten?.();
        };
        const request = send(
          {
            protocol: base.protocol,
            hostname: base.hostname,
            port: base.port,
            path: prefix + path,
            method: 'POST',
            agent,
            headers: {
              ...headers,
              authorization,
              'content-type': 'application/json',
              'content-length': body.length,
            },
          },
          (response) => {
            wrote();
            const status = response.statusCode ?? 0;
            response.on('error', reject);
            if (status >= 200 && status < 300) {
              // Sent once LINE says so: the body (sentMessages) is drained for the connection's
              // reuse, not waited for.
              resolve();
              response.resume();
              return;
            }
            const chunks: Buffer[] = [];
            let length = 0;
            response.on('data', (chunk: Buffer) => {
              if (length >= maxErrorBodyBytes) return;
              chunks.push(chunk);
              length += chunk.length;
            });
            response.once('end', () => {
              const text = Buffer.concat(chunks).subarray(0, maxErrorBodyBytes).toString('utf8');
              reject(new LineApiError(status, flatHeaders(response.headers), text, path));
            });
          },
        );
        // on, not once: a late socket error must find a listener
        request.on('error', (err) =>
          reject(written || err instanceof RequestAbandonedError ? err : new RequestNotSentError(path, err)),
        );
        request.once('finish', wrote);
        const abandon = () => request.destroy(new RequestAbandonedError(path));
        if (handle) {
          handle.abandon = abandon;
        } else {
          const timer = setTimeout(abandon, timeoutMs);
          request.once('close', () => clearTimeout(timer));
        }
        request.end(body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
