/**
 * The reply to stickers, images, audio, locations and other messages that are not text:
 * the bot only reads typed questions, so it says so kindly and offers examples.
 */
import type { messagingApi } from '@line/bot-sdk';
import { exampleQuickReplyItems, quotedExamples } from './render-welcome.js';

/** A short text inviting a typed question, with the example questions as quick replies. */
export function renderNonText(): messagingApi.Message[] {
  return [
    {
      type: 'text',
      text: `ありがとうございます。ご質問は文字で送ってください。たとえば${quotedExamples()}のように聞けます。`,
      quickReply: { items: exampleQuickReplyItems() },
    },
  ];
}
