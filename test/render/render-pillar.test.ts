/**
 * Browsing a pillar: highlights and figures first, 12 bubbles a page, and a way to the next page.
 */
import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import type { CorpusMeta, Entry } from '../../src/corpus/entry.js';
import { checkLineLimits } from '../../src/render/limits.js';
import { parsePostbackData } from '../../src/render/postback-data.js';
import { renderPillarEntries, renderPillarMenu } from '../../src/render/render-pillar.js';
import { validateMessagingApi } from '../support/line-spec.js';

const meta: CorpusMeta = {
  source: { title: 'こもろ未来プロジェクト進捗報告（小泉としひろ後援会報）', asOf: '2020年1月時点' },
  pillars: [
    { number: 0, name: 'こもろ未来プロジェクト', color: '#555555' },
    { number: 1, name: '市役所の改革と健全財政', label: 'しせいを正す', color: '#1E5AA8' },
    { number: 2, name: '自治会と市政の連携強化', label: '絆', color: '#2E7D32' },
    { number: 3, name: '市民が幸福を実感できる市政を実現', label: '笑顔', color: '#F9A825' },
    { number: 4, name: '産業振興と起業・就農支援', label: '攻める', color: '#C62828' },
    { number: 5, name: '観光・ブランド活性化に向けた情報戦略', label: 'ワクワク', color: '#6A1B9A' },
    { number: 6, name: 'その他の実績', color: '#455A64' },
  ],
};

function entry(id: string, pillar: number, kind: Entry['kind'] = 'achievement', withFigure = false): Entry {
  return {
    id,
    pillar,
    kind,
    title: `項目 ${id}`,
    body: `${id}の本文です。`,
    figures: withFigure ? [{ label: `${id}の数値`, after: 100, unit: '件', period: 'H30' }] : [],
    keywords: [],
    phrasings: [],
    source: { section: `柱${pillar}`, line: 1 },
  };
}

/** Pillar 1 with 15 entries (policies, achievements, two highlights, one with a figure), pillar 2 with 2. */
const corpus: Entry[] = [
  ...Array.from({ length: 10 }, (_, i) => entry(`policy-${i}`, 1, 'policy')),
  entry('achievement-with-figure', 1, 'achievement', true),
  entry('highlight-plain', 1, 'highlight'),
  entry('highlight-with-figure', 1, 'highlight', true),
  entry('achievement-a', 1),
  entry('achievement-b', 1),
  entry('bond-a', 2),
  entry('bond-b', 2),
];

function carouselIds(messages: messagingApi.Message[]): string[] {
  const last = messages.at(-1);
  if (last?.type !== 'flex' || last.contents.type !== 'carousel') throw new Error('expected a carousel last');
  return last.contents.contents.map((bubble) => {
    const title = bubble.body?.contents[0];
    return title?.type === 'text' ? (title.text ?? '').replace('項目 ', '') : '';
  });
}

function introOf(messages: messagingApi.Message[]): string {
  const first = messages[0];
  return first?.type === 'text' ? first.text : '';
}

function expectSendable(messages: messagingApi.Message[]): void {
  expect(checkLineLimits(messages)).toEqual([]);
  for (const message of messages) expect(validateMessagingApi('Message', message)).toEqual([]);
}

describe('renderPillarEntries', () => {
  it('shows highlights and entries with figures first, then the rest in corpus order', () => {
    const ids = carouselIds(renderPillarEntries(1, corpus, meta));
    expect(ids.slice(0, 3)).toEqual(['highlight-with-figure', 'highlight-plain', 'achievement-with-figure']);
    expect(ids.slice(3)).toEqual(Array.from({ length: 9 }, (_, i) => `policy-${i}`));
  });

  it('shows 12 entries on the first page, says how many there are and offers the next page', () => {
    const messages = renderPillarEntries(1, corpus, meta);
    expect(messages).toHaveLength(2);
    expect(carouselIds(messages)).toHaveLength(12);
    expect(introOf(messages)).toContain('1 市役所の改革と健全財政「しせいを正す」');
    expect(introOf(messages)).toContain('全15件のうち1〜12件目');
    const last = messages.at(-1);
    expect(last?.type === 'flex' && last.altText).toContain('全15件のうち1〜12件目');
    const next = last?.quickReply?.items?.[0]?.action;
    expect(next).toMatchObject({ type: 'postback', label: '次の3件を見る', data: 'pillar=1&page=2' });
    expect(parsePostbackData(next?.type === 'postback' ? (next.data ?? '') : '')).toEqual({
      kind: 'pillar',
      pillar: 1,
      page: 2,
    });
    expectSendable(messages);
  });

  it('shows the rest on page 2 with a way back and no next page', () => {
    const messages = renderPillarEntries(1, corpus, meta, 2);
    expect(carouselIds(messages)).toEqual(['policy-9', 'achievement-a', 'achievement-b']);
    expect(introOf(messages)).toContain('全15件のうち13〜15件目');
    const data = (messages.at(-1)?.quickReply?.items ?? []).map((i) =>
      i.action?.type === 'postback' ? i.action.data : '',
    );
    expect(data).toContain('pillar=1&page=1');
    expect(data).not.toContain('pillar=1&page=3');
    expect(data).toContain('browse=pillars');
    expectSendable(messages);
  });

  it('shows the last page for a page past the end', () => {
    expect(carouselIds(renderPillarEntries(1, corpus, meta, 9))).toEqual(
      carouselIds(renderPillarEntries(1, corpus, meta, 2)),
    );
  });

  it('does not page a pillar that fits on one page', () => {
    const messages = renderPillarEntries(2, corpus, meta);
    expect(carouselIds(messages)).toEqual(['bond-a', 'bond-b']);
    expect(introOf(messages)).toContain('2件');
    const labels = (messages.at(-1)?.quickReply?.items ?? []).map((i) => i.action?.label);
    expect(labels.some((l) => l?.startsWith('次の'))).toBe(false);
    expect(labels).not.toContain('2 絆');
    expectSendable(messages);
  });

  it('says so kindly for a pillar without entries', () => {
    const messages = renderPillarEntries(4, corpus, meta);
    expect(messages).toHaveLength(1);
    expect(introOf(messages)).toContain('見つかりませんでした');
    expectSendable(messages);
  });
});

describe('renderPillarMenu', () => {
  it('lists the pillars and offers a quick reply for each, after one for every pillar’s pledges', () => {
    const messages = renderPillarMenu(meta);
    expect(messages).toHaveLength(1);
    expect(introOf(messages)).toContain('5 観光・ブランド活性化に向けた情報戦略「ワクワク」');
    const data = (messages[0]?.quickReply?.items ?? []).map((i) =>
      i.action?.type === 'postback' ? i.action.data : '',
    );
    expect(data).toEqual(['progress=all', 'pillar=1', 'pillar=2', 'pillar=3', 'pillar=4', 'pillar=5', 'pillar=6']);
    expectSendable(messages);
  });
});
