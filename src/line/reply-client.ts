/**
 * The port through which replies leave the bot, and its LINE implementation (the official SDK,
 * pointed at LINE_API_BASE_URL so tests reach a fake Messaging API on loopback).
 */
import { messagingApi } from '@line/bot-sdk';

export interface ReplyClient {
  reply(replyToken: string, messages: messagingApi.Message[]): Promise<void>;
}

export function createLineReplyClient(options: { channelAccessToken: string; baseUrl: string }): ReplyClient {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.baseUrl,
  });
  return {
    async reply(replyToken, messages) {
      await client.replyMessage({ replyToken, messages });
    },
  };
}
