/**
 * The spec validator resolves LINE's discriminators: each case below breaks a rule that only
 * the mapped subtype carries (FlexMessage's altText, TextMessage's text, FlexComponent's
 * types...), which a validator reading the OpenAPI schemas as plain JSON Schema would accept.
 */
import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { checkAgainstSpec, validateMessagingApi } from './line-spec.js';

function bubble(title: string): messagingApi.FlexBubble {
  return {
    type: 'bubble',
    size: 'kilo',
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        { type: 'text', text: title, weight: 'bold', wrap: true },
        { type: 'separator' },
        {
          type: 'box',
          layout: 'baseline',
          contents: [
            { type: 'text', text: '人口', flex: 2, color: '#888888' },
            { type: 'text', text: '40,000人', flex: 5, contents: [{ type: 'span', text: '40,000', weight: 'bold' }] },
          ],
        },
      ],
    },
    footer: {
      type: 'box',
      layout: 'vertical',
      contents: [
        {
          type: 'button',
          style: 'link',
          action: { type: 'postback', label: 'もっと詳しく', data: 'action=more&entry=1' },
        },
        {
          type: 'button',
          style: 'link',
          action: { type: 'uri', label: '出典', uri: 'https://www.city.komoro.lg.jp/' },
        },
      ],
    },
  };
}

function validReply(): messagingApi.ReplyMessageRequest {
  return {
    replyToken: '0f3779fba3b349968c5d07db31eab56f',
    messages: [
      {
        type: 'flex',
        altText: '小諸市の取り組み',
        contents: { type: 'carousel', contents: [bubble('子育て支援'), bubble('移住支援')] },
        quickReply: {
          items: [
            { type: 'action', action: { type: 'message', label: '人口は？', text: '人口は？' } },
            { type: 'action', action: { type: 'postback', label: '次へ', data: 'page=2', displayText: '次へ' } },
          ],
        },
      },
    ],
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   The tests below break a valid reply at a JSON path, through `any` on purpose: the point is a body
   that the SDK's types would refuse, to see the validator refuse it too. */
/** A valid reply with `mutate` applied to its (JSON) copy. */
function brokenReply(mutate: (reply: any) => void): unknown {
  const reply = structuredClone(validReply()) as any;
  mutate(reply);
  return reply;
}

describe('validateMessagingApi', () => {
  it('accepts a reply holding a flex carousel with a quick reply', () => {
    expect(validateMessagingApi('ReplyMessageRequest', validReply())).toEqual([]);
  });

  it('accepts a plain text reply and a loading animation request', () => {
    expect(
      validateMessagingApi('ReplyMessageRequest', {
        replyToken: 'r',
        messages: [{ type: 'text', text: 'こんにちは' }],
      }),
    ).toEqual([]);
    expect(validateMessagingApi('ShowLoadingAnimationRequest', { chatId: 'U0123', loadingSeconds: 20 })).toEqual([]);
  });

  it('rejects a flex message without altText', () => {
    const reply = brokenReply((r) => delete r.messages[0].altText);
    expect(validateMessagingApi('ReplyMessageRequest', reply)).toEqual([
      "/messages/0 must have required property 'altText'",
    ]);
  });

  it('rejects a flex bubble holding a component of unknown type', () => {
    const reply = brokenReply((r) =>
      r.messages[0].contents.contents[0].body.contents.push({ type: 'table', rows: [] }),
    );
    expect(validateMessagingApi('ReplyMessageRequest', reply)).toEqual([
      expect.stringMatching(
        /^\/messages\/0\/contents\/contents\/0\/body\/contents\/3\/type must be equal to one of the allowed values/,
      ),
    ]);
  });

  it('rejects a text message without text', () => {
    expect(validateMessagingApi('ReplyMessageRequest', { replyToken: 'r', messages: [{ type: 'text' }] })).toEqual([
      "/messages/0 must have required property 'text'",
    ]);
  });

  it('rejects a postback action without data', () => {
    const reply = brokenReply((r) => delete r.messages[0].contents.contents[1].footer.contents[0].action.data);
    expect(validateMessagingApi('ReplyMessageRequest', reply)).toEqual([
      "/messages/0/contents/contents/1/footer/contents/0/action must have required property 'data'",
    ]);
  });

  it('rejects a quick reply item whose action is not an action', () => {
    const reply = brokenReply((r) => (r.messages[0].quickReply.items[0].action = { type: 'text', text: '人口は？' }));
    expect(validateMessagingApi('ReplyMessageRequest', reply)).toEqual([
      expect.stringMatching(
        /^\/messages\/0\/quickReply\/items\/0\/action\/type must be equal to one of the allowed values/,
      ),
    ]);
  });

  it('rejects a carousel holding something other than a bubble', () => {
    const reply = brokenReply((r) => (r.messages[0].contents.contents[0] = { type: 'carousel', contents: [] }));
    expect(validateMessagingApi('ReplyMessageRequest', reply)).toEqual([
      '/messages/0/contents/contents/0/type must be equal to constant: "bubble"',
    ]);
  });

  it('rejects a message of unknown type and an uri that is not a URI', () => {
    expect(
      validateMessagingApi('ReplyMessageRequest', { replyToken: 'r', messages: [{ type: 'markdown', text: '*' }] }),
    ).toEqual([expect.stringMatching(/^\/messages\/0\/type must be equal to one of the allowed values/)]);
    const reply = brokenReply((r) => (r.messages[0].contents.contents[0].footer.contents[1].action.uri = 'not a uri'));
    expect(validateMessagingApi('ReplyMessageRequest', reply)).toEqual([
      '/messages/0/contents/contents/0/footer/contents/1/action/uri must match format "uri"',
    ]);
  });
  /* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return */

  it('reports every problem of a body at once, with its JSON pointer', () => {
    const violations = checkAgainstSpec('messaging-api', 'ReplyMessageRequest', { messages: [] });
    expect(violations).toEqual([
      { instancePath: '', message: "must have required property 'replyToken'" },
      { instancePath: '/messages', message: 'must NOT have fewer than 1 items' },
    ]);
  });

  it('throws on a schema name the spec does not have', () => {
    expect(() => validateMessagingApi('ReplyRequest', {})).toThrow(/no schema named ReplyRequest/);
  });
});
