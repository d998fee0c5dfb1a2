import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { checkLabelFit } from '../../src/render/label-fit.js';

const button = (label: string): messagingApi.FlexButton => ({
  type: 'button',
  action: { type: 'postback', label, data: 'x' },
});

const bubbleWith = (footer: messagingApi.FlexBox): messagingApi.Message => ({
  type: 'flex',
  altText: 'x',
  contents: { type: 'bubble', footer },
});

describe('checkLabelFit', () => {
  it('flags a vote button that a phone cuts in a row of two (「役に立たなか…」), and passes one that fits', () => {
    const row = (labels: string[]) => bubbleWith({ type: 'box', layout: 'horizontal', contents: labels.map(button) });
    expect(checkLabelFit([row(['役に立った', '役に立たなかった'])])).toEqual([
      'messages[0].contents.footer.contents[1].action.label: 「役に立たなかった」 is 8 full-width characters (max 6)',
    ]);
    expect(checkLabelFit([row(['はい', 'いいえ'])])).toEqual([]);
  });

  it('gives a button spanning the bubble and a quick reply 12 full-width characters', () => {
    const wide = bubbleWith({ type: 'box', layout: 'vertical', contents: [button('役に立たなかった')] });
    expect(checkLabelFit([wide])).toEqual([]);
    const quickReply: messagingApi.Message = {
      type: 'text',
      text: 'x',
      quickReply: {
        items: [
          { type: 'action', action: { type: 'message', label: '健康長寿日本一こもろと高齢者福祉', text: 'x' } },
          { type: 'action', action: { type: 'message', label: 'ふるさと納税50.5倍', text: 'x' } },
        ],
      },
    };
    expect(checkLabelFit([quickReply])).toEqual([
      'messages[0].quickReply.items[0].action.label: 「健康長寿日本一こもろと高齢者福祉」 is 16 full-width characters (max 12)',
    ]);
  });
});
