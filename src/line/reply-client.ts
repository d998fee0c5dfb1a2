/**
 * The port through which replies leave the bot, and its LINE implementation: the Messaging API
 * at LINE_API_BASE_URL (tests point it at a fake on loopback), reached through the bot's own
 * keep-alive client (messaging-api-poster.ts). One call is one HTTP request; timeouts and
 * retries are added by retrying-reply-client.ts.
 */
import type { messagingApi } from '@line/bot-sdk';
import { createMessagingApiPoster, type RequestHandle } from './messaging-api-poster.js';

export type { RequestHandle };

export interface ReplyClient {
  /**
   * One attempt; throws a LineApiError (status, headers, body) or the socket's error. The port
   * sets `handle.abandon` while its request is open: the retry policy calls it when the attempt
   * timed out, and the request is dropped with its connection.
   */
  reply(replyToken: string, messages: messagingApi.Message[], handle?: RequestHandle): Promise<void>;
  /**
   * True when the port calls `handle.onWritten` once its request was written, and rejects with a
   * RequestNotSentError for a failure before then: an attempt's timeout then runs from the write
   * (it times the wire, not the wait for the event loop), and a failure before it is retried.
   */
  readonly tellsWhenWritten?: boolean;
  /**
   * One push message attempt to a user, group or room (push-fallback.ts); LINE accepts the same
   * `retryKey` once, so a retry after an attempt that may have gone through cannot push twice.
   */
  push?(to: string, messages: messagingApi.Message[], retryKey: string, handle?: RequestHandle): Promise<void>;
  /** Shows the loading animation in a 1:1 chat for `loadingSeconds` (5 to 60, a multiple of 5). */
  showLoading?(chatId: string, loadingSeconds: number): Promise<void>;
  /** Closes idle connections (shutdown). */
  close?(): void;
}

const replyPath = '/v2/bot/message/reply';
const loadingPath = '/v2/bot/chat/loading/start';
const pushPath = '/v2/bot/message/push';

export function createLineReplyClient(options: { channelAccessToken: string; baseUrl: string }): ReplyClient {
  const poster = createMessagingApiPoster(options);
  return {
    reply: (replyToken, messages, handle) =>
      poster.post(replyPath, { replyToken, messages } satisfies messagingApi.ReplyMessageRequest, handle),
    tellsWhenWritten: true,
    push: (to, messages, retryKey, handle) =>
      poster.post(pushPath, { to, messages } satisfies messagingApi.PushMessageRequest, handle, {
        'x-line-retry-key': retryKey,
      }),
    showLoading: (chatId, loadingSeconds) =>
      poster.post(loadingPath, { chatId, loadingSeconds } satisfies messagingApi.ShowLoadingAnimationRequest),
    close: () => poster.close(),
  };
}
