/**
 * The port through which replies leave the bot, and its LINE implementation: the SDK's
 * MessagingApiClient at LINE_API_BASE_URL (tests point it at a fake on loopback). One call is one
 * HTTP request; timeouts and retries are added by retrying-reply-client.ts.
 */
import { messagingApi } from '@line/bot-sdk';

export interface ReplyClient {
  /**
   * One attempt. Throws what the SDK throws: an HTTPFetchError (status, headers, body) when LINE
   * answered other than 2xx, or fetch's TypeError with the socket's error in `cause` when no
   * answer came (refused, reset...). The SDK's client takes no AbortSignal: an attempt the retry
   * policy gave up on is left to finish on its own, and its result is never read.
   */
  reply(replyToken: string, messages: messagingApi.Message[]): Promise<void>;
  /** Shows the loading animation in a 1:1 chat for `loadingSeconds` (5 to 60, a multiple of 5). */
  showLoading?(chatId: string, loadingSeconds: number): Promise<void>;
}

export function createLineReplyClient(options: { channelAccessToken: string; baseUrl: string }): ReplyClient {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.baseUrl,
  });
  return {
    reply: (replyToken, messages) => accepted(client.replyMessage({ replyToken, messages })),
    showLoading: (chatId, loadingSeconds) => accepted(client.showLoadingAnimation({ chatId, loadingSeconds })),
  };
}

/**
 * Any 2xx is success. The SDK parses a 2xx body with JSON.parse once the status has been checked
 * (an error status throws HTTPFetchError first), so a SyntaxError means LINE accepted the request
 * and sent a body we have no use for: the reply went out and must not be retried or counted failed.
 */
async function accepted(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (err) {
    if (err instanceof SyntaxError) return;
    throw err;
  }
}
