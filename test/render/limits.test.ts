/**
 * checkLineLimits finds each platform limit that LINE enforces but its OpenAPI spec does not
 * carry, wherever it hides in the message tree, and stays silent on a normal reply.
 */
import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { checkLineLimits, lineLimits } from '../../src/render/limits.js';

function bubble(overrides: Partial<messagingApi.FlexBubble> = {}): messagingApi.FlexBubble {
  return {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: '子育て支援', wrap: true }] },
    footer: {
      type: 'box',
      layout: 'vertical',
      contents: [{ type: 'button', action: { type: 'postback', label: 'もっと詳しく', data: 'action=more&entry=1' } }],
    },
    ...overrides,
  };
}

function flex(contents: messagingApi.FlexContainer, altText = '小諸市の取り組み'): messagingApi.FlexMessage {
  return { type: 'flex', altText, contents };
}

function quickReply(count: number, label = 'ボタン'): messagingApi.QuickReply {
  return {
    items: Array.from({ length: count }, (_, i) => ({
      type: 'action',
      action: { type: 'message', label, text: `質問${i}` },
    })),
  };
}

describe('checkLineLimits', () => {
  it('passes a normal reply: a text, and a carousel of 12 bubbles with 13 quick replies', () => {
    const messages: messagingApi.Message[] = [
      { type: 'text', text: 'こんにちは。'.repeat(10) },
      {
        ...flex({ type: 'carousel', contents: Array.from({ length: 12 }, () => bubble()) }),
        quickReply: quickReply(13),
      },
    ];
    expect(checkLineLimits(messages)).toEqual([]);
  });

  it('detects more than 5 messages in one reply', () => {
    const messages = Array.from({ length: 6 }, (): messagingApi.Message => ({ type: 'text', text: 'a' }));
    expect(checkLineLimits(messages)).toEqual(['messages: 6 messages (max 5 per request)']);
  });

  it('detects a text message longer than 5000 characters', () => {
    expect(checkLineLimits([{ type: 'text', text: 'あ'.repeat(5001) }])).toEqual([
      'messages[0].text: 5001 characters (max 5000)',
    ]);
    expect(checkLineLimits([{ type: 'text', text: 'あ'.repeat(5000) }])).toEqual([]);
  });

  it('detects an altText of 1501 characters and an empty altText', () => {
    expect(checkLineLimits([flex(bubble(), 'a'.repeat(1501))])).toEqual([
      'messages[0].altText: 1501 characters (max 1500)',
    ]);
    expect(checkLineLimits([flex(bubble(), 'a'.repeat(1500))])).toEqual([]);
    expect(checkLineLimits([flex(bubble(), '')])).toEqual(['messages[0].altText: must not be empty']);
  });

  it('counts characters in UTF-16 code units, so an emoji outside the BMP counts twice', () => {
    expect(checkLineLimits([flex(bubble(), '🍎'.repeat(751))])).toEqual([
      'messages[0].altText: 1502 characters (max 1500)',
    ]);
  });

  it('detects a carousel of 13 bubbles', () => {
    const carousel: messagingApi.FlexCarousel = {
      type: 'carousel',
      contents: Array.from({ length: 13 }, () => bubble()),
    };
    expect(checkLineLimits([flex(carousel)])).toEqual(['messages[0].contents.contents: 13 bubbles (max 12)']);
  });

  it('detects a quick reply of 14 items', () => {
    const message: messagingApi.TextMessage = { type: 'text', text: 'どれ？', quickReply: quickReply(14) };
    expect(checkLineLimits([message])).toEqual(['messages[0].quickReply.items: 14 items (max 13)']);
  });

  it('detects a quick reply label of 21 characters', () => {
    const message: messagingApi.TextMessage = {
      type: 'text',
      text: 'どれ？',
      quickReply: quickReply(1, 'あ'.repeat(21)),
    };
    expect(checkLineLimits([message])).toEqual([
      'messages[0].quickReply.items[0].action.label: 21 characters (max 20)',
    ]);
  });

  it('detects a quick reply button without a label', () => {
    const message: messagingApi.TextMessage = {
      type: 'text',
      text: 'どれ？',
      quickReply: { items: [{ type: 'action', action: { type: 'message', text: '人口は？' } }] },
    };
    expect(checkLineLimits([message])).toEqual(['messages[0].quickReply.items[0].action.label: must not be empty']);
  });

  it('detects a flex button label of 41 characters deep in a nested box, but allows 40', () => {
    const labelled = (label: string): messagingApi.FlexBubble =>
      bubble({
        footer: {
          type: 'box',
          layout: 'vertical',
          contents: [
            {
              type: 'box',
              layout: 'horizontal',
              contents: [{ type: 'button', action: { type: 'uri', label, uri: 'https://www.city.komoro.lg.jp/' } }],
            },
          ],
        },
      });
    expect(checkLineLimits([flex(labelled('あ'.repeat(41)))])).toEqual([
      'messages[0].contents.footer.contents[0].contents[0].action.label: 41 characters (max 40)',
    ]);
    expect(checkLineLimits([flex(labelled('あ'.repeat(40)))])).toEqual([]);
  });

  it('detects postback data longer than 300 characters, in a flex button and in a quick reply', () => {
    const data = 'x'.repeat(301);
    const message: messagingApi.FlexMessage = {
      ...flex(
        bubble({
          footer: {
            type: 'box',
            layout: 'vertical',
            contents: [{ type: 'button', action: { type: 'postback', label: 'a', data } }],
          },
        }),
      ),
      quickReply: { items: [{ type: 'action', action: { type: 'postback', label: 'b', data } }] },
    };
    expect(checkLineLimits([message])).toEqual([
      'messages[0].contents.footer.contents[0].action.data: 301 characters (max 300)',
      'messages[0].quickReply.items[0].action.data: 301 characters (max 300)',
    ]);
  });

  it('detects a bubble of 31 KB, measured in UTF-8 bytes of its JSON', () => {
    // 'あ' is 3 bytes in UTF-8: 4 texts of 2650 make 31 KB with only 2650 characters per text.
    const heavy = bubble({
      body: {
        type: 'box',
        layout: 'vertical',
        contents: Array.from({ length: 4 }, () => ({ type: 'text', text: 'あ'.repeat(2650), wrap: true })),
      },
    });
    const bytes = new TextEncoder().encode(JSON.stringify(heavy)).length;
    expect(bytes).toBeGreaterThan(31 * 1024);
    expect(checkLineLimits([flex(heavy)])).toEqual([
      `messages[0].contents: bubble JSON is ${(bytes / 1024).toFixed(1)} KB (max 30.0 KB)`,
    ]);
  });

  it('detects a carousel over 50 KB even when each bubble is under 30 KB', () => {
    // Each bubble holds 18,000 bytes of text; three of them pass 50 KB together.
    const medium = bubble({
      body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: 'あ'.repeat(6000), wrap: true }] },
    });
    const carousel: messagingApi.FlexCarousel = { type: 'carousel', contents: [medium, medium, medium] };
    const violations = checkLineLimits([flex(carousel)]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^messages\[0\]\.contents: carousel JSON is 5\d\.\d KB \(max 50\.0 KB\)$/);
  });

  it('exports its limits for renderers', () => {
    expect(lineLimits).toMatchObject({
      messagesPerRequest: 5,
      textLength: 5000,
      altTextLength: 1500,
      carouselBubbles: 12,
      bubbleBytes: 30 * 1024,
      carouselBytes: 50 * 1024,
      quickReplyItems: 13,
      quickReplyLabelLength: 20,
      flexActionLabelLength: 40,
      postbackDataLength: 300,
    });
  });
});
