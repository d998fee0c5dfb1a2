/**
 * The pledge tracker as LINE shows it: the report's pledges and, under each, the results it lists
 * with their figures, the source and its date in every bubble, nothing judged by the bot; within
 * LINE's limits and a phone's label widths.
 */
import type { messagingApi } from '@line/bot-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/corpus/entry.js';
import { bundledCorpusDir, readCorpus } from '../../src/corpus/read-corpus.js';
import { checkLabelFit } from '../../src/render/label-fit.js';
import { checkLineLimits } from '../../src/render/limits.js';
import { noResultNotice, renderPledgeProgress, trackerCaveat } from '../../src/render/render-pledge-progress.js';
import { validateMessagingApi } from '../support/line-spec.js';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await readCorpus(bundledCorpusDir);
});

function sendable(messages: readonly messagingApi.Message[]): void {
  expect(validateMessagingApi('ReplyMessageRequest', { replyToken: 'x', messages })).toEqual([]);
  expect(checkLineLimits(messages)).toEqual([]);
  expect(checkLabelFit(messages)).toEqual([]);
}

function bubblesOf(messages: readonly messagingApi.Message[]): messagingApi.FlexBubble[] {
  const last = messages.at(-1);
  if (last?.type !== 'flex' || last.contents.type !== 'carousel') throw new Error('expected a carousel last');
  return last.contents.contents;
}

/** Every text of a bubble, in reading order. */
function textsOf(node: messagingApi.FlexComponent | messagingApi.FlexBubble | undefined): string[] {
  if (node === undefined) return [];
  switch (node.type) {
    case 'bubble':
      return [node.header, node.body, node.footer].flatMap((part) => textsOf(part));
    case 'box':
      return node.contents.flatMap((child) => textsOf(child));
    case 'text':
      return [node.text ?? ''];
    case 'button':
      return [node.action.label ?? ''];
    default:
      return [];
  }
}

describe('the tracker of one pillar', () => {
  it('gives a bubble per pledge, its results under it with the report’s figures, the source and date in each', () => {
    const messages = renderPledgeProgress({ pillar: 1 }, corpus.entries, corpus.meta) ?? [];
    sendable(messages);
    const bubbles = bubblesOf(messages);
    expect(bubbles).toHaveLength(5);
    const first = textsOf(bubbles[0]);
    expect(first).toContain('財政の健全化と「小諸ふるさと市民」創設による税収アップ');
    expect(first).toContain('・ふるさと納税の寄付額が50.5倍に');
    expect(first).toContain('ふるさと納税の寄付額: 679万円 → 3億4300万円（就任前→2020年1月現在）');
    expect(first).toContain('・小諸ふるさと市民は3682人（R2.1.15）');
    expect(first).toContain('小諸ふるさと市民の実績: 3,682人（R2.1.15）');
    for (const bubble of bubbles) {
      const texts = textsOf(bubble).join('\n');
      expect(texts).toContain('出典: こもろ未来プロジェクト進捗報告（小泉としひろ後援会報） 2020年1月時点');
      expect(texts).toContain(trackerCaveat);
    }
  });

  it('puts the pledges asked about first, and says which', () => {
    const messages =
      renderPledgeProgress(
        { pillar: 3, focus: ['childcare-and-home-education-support'] },
        corpus.entries,
        corpus.meta,
      ) ?? [];
    sendable(messages);
    expect(textsOf(bubblesOf(messages)[0])).toContain('子育て支援・家庭教育支援');
    const intro = messages[0];
    expect(intro?.type === 'text' ? intro.text : '').toContain(
      'お尋ねの「子育て支援・家庭教育支援」を先頭にしています。',
    );
  });

  it('says plainly where the report lists no result for a pledge, without judging it', () => {
    const messages =
      renderPledgeProgress({ pillar: 3, focus: ['marriage-support'] }, corpus.entries, corpus.meta) ?? [];
    const texts = textsOf(bubblesOf(messages)[0]);
    expect(texts).toContain('婚活事業の支援');
    expect(texts).toContain(noResultNotice);
    expect(texts.join('')).not.toMatch(/達成|未達成|遅れ|順調/u);
  });

  it('offers every pillar’s tracker, this pillar’s entries and the other pillars as quick replies', () => {
    const messages = renderPledgeProgress({ pillar: 2 }, corpus.entries, corpus.meta) ?? [];
    const items = messages.at(-1)?.quickReply?.items ?? [];
    expect(items.map((i) => (i.action?.type === 'postback' ? i.action.data : ''))).toEqual([
      'progress=all',
      'pillar=2&page=1',
      'pillar=1',
      'pillar=3',
      'pillar=4',
      'pillar=5',
      'browse=pillars',
    ]);
  });

  it('is left to the entries for a pillar without pledges (その他の実績)', () => {
    expect(renderPledgeProgress({ pillar: 6 }, corpus.entries, corpus.meta)).toBeUndefined();
  });
});

describe('the tracker of every pillar', () => {
  it('gives a bubble per pillar listing every pledge with its results, each opening that pillar', () => {
    const messages = renderPledgeProgress({}, corpus.entries, corpus.meta) ?? [];
    sendable(messages);
    const bubbles = bubblesOf(messages);
    expect(bubbles).toHaveLength(5);
    const pledges = corpus.entries.filter((e) => e.kind === 'policy');
    bubbles.forEach((bubble, i) => {
      const texts = textsOf(bubble);
      for (const pledge of pledges.filter((p) => p.pillar === i + 1)) expect(texts).toContain(`● ${pledge.title}`);
      expect(JSON.stringify(bubble.footer)).toContain(`"data":"pillar=${i + 1}"`);
    });
    expect(textsOf(bubbles[0])).toContain('超過勤務時間の削減率: -12.81%（H29→H30）');
  });
});
