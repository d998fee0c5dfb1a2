/**
 * The port through which replies leave the bot, and its LINE implementation (the official SDK,
 * pointed at LINE_API_BASE_URL so tests reach a fake Messaging API on loopback). One call is one
 * HTTP request; timeouts and retries are added by retrying-reply-client.ts.
 */
import { messagingApi } from '@line/bot-sdk';

export interface ReplyClient {
  /** One attempt; throws the SDK's HTTPFetchError (status, headers, body) or fetch's network error. */
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
    async reply(replyToken, messages) {
      try {
        await client.replyMessage({ replyToken, messages });
      } catch (err) {
        // The SDK parses the body only after checking for a 2xx status: a SyntaxError means
        // LINE accepted the reply and answered with a body that is not JSON.
        if (err instanceof SyntaxError) return;
        throw err;
      }
    },
    async showLoading(chatId, loadingSeconds) {
      await client.showLoadingAnimation({ chatId, loadingSeconds });
    },
  };
}
