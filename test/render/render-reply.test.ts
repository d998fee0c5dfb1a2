/**
 * renderReply turns a Decision into LINE messages: an answer carousel that leads with the figures and
 * always names the source and its date, or a friendly abstention with ways to go on.
 */
import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import type { CorpusMeta, Entry } from '../../src/corpus/entry.js';
import type { Decision } from '../../src/decide/decision.js';
import type { Hit } from '../../src/search/search.js';
import { checkLineLimits, lineLimits } from '../../src/render/limits.js';
import { checkLabelFit } from '../../src/render/label-fit.js';
import { answerHits, partialNotice, renderReply } from '../../src/render/render-reply.js';
import { renderWelcome } from '../../src/render/render-welcome.js';
import { renderNonText } from '../../src/render/render-non-text.js';
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

function entry(id: string, overrides: Partial<Entry> = {}): Entry {
  return {
    id,
    pillar: 1,
    kind: 'achievement',
    title: id,
    body: `${id}の本文です。`,
    figures: [],
    keywords: [],
    phrasings: [],
    source: { section: '1. 市役所の改革と健全財政「しせいを正す」', line: 1 },
    ...overrides,
  };
}

const furusato = entry('furusato-nozei', {
  kind: 'highlight',
  title: 'ふるさと納税は金額で50.5倍',
  body: 'ふるさと納税は、金額で50.5倍！（就任前/679万→1月現在/3億4300万）',
  figures: [
    {
      label: 'ふるさと納税の寄付額',
      before: 6790000,
      after: 343000000,
      unit: '円',
      period: '就任前→2020年1月現在',
      note: '金額で50.5倍',
    },
  ],
  keywords: ['ふるさと納税', '寄付'],
});
const overtime = entry('overtime', {
  kind: 'highlight',
  title: '超過勤務時間の削減',
  body: '「働き方改革推進本部」の設置→業務改善',
  figures: [
    { label: '超過勤務時間', after: -12.81, unit: '%', period: 'H29→H30' },
    { label: '削減した時間', after: 3200, unit: '時間', period: 'H29→H30', approximate: true },
  ],
  keywords: ['残業'],
});
const citizens = entry('furusato-shimin', {
  title: '小諸ふるさと市民の実績',
  body: '小諸ふるさと市民実績：3682人（R2.1月15日）',
  figures: [{ label: '小諸ふるさと市民', after: 3682, unit: '人', period: 'R2.1.15' }],
  keywords: ['小諸ふるさと市民'],
});
const women = entry('women-leaders', {
  title: '女性幹部候補となる係長級以上の比率を向上させるための取り組み',
  shortTitle: '女性係長級以上の比率',
  body: '女性幹部候補となる係長級以上比率（H27 19.8%→H31 23.8%）',
  figures: [{ label: '係長級以上の女性比率', before: 19.8, after: 23.8, unit: '%', period: 'H27→H31' }],
  keywords: ['女性幹部'],
});
const seizures = entry('tax-seizures', {
  title: '税金滞納に関する差押件数と換価額',
  shortTitle: '滞納の差押件数と換価額',
  body: '税金滞納に関する差押件数と換価額 H28:102件3,536千円→H30:140件5,533千円',
  figures: [
    { label: '差押件数', before: 102, after: 140, unit: '件', period: 'H28→H30' },
    { label: '換価額', before: 3536, after: 5533, unit: '千円', period: 'H28→H30' },
  ],
});
const winery = entry('winery-bus', {
  pillar: 5,
  title: '巡回バスの運行',
  body: '「ワイナリーバス」「こもろ巡りバス」等の巡回バスを運行し、観光客の交通手段の確保を図る',
  keywords: ['ワイナリーバス'],
  source: { section: '5. 観光・ブランド活性化に向けた情報戦略「ワクワク」', line: 90 },
});
const corpus = [furusato, overtime, citizens, women, seizures, winery];

const hit = (e: Entry, score: number): Hit => ({ entry: e, score });
const answer = (hits: Hit[], confidence: 'full' | 'partial' = 'full'): Decision => ({
  kind: 'answer',
  hits,
  confidence,
});

function flexOf(messages: messagingApi.Message[]): messagingApi.FlexMessage {
  const last = messages.at(-1);
  if (last?.type !== 'flex') throw new Error(`expected a flex message last, got ${String(last?.type)}`);
  return last;
}

function bubblesOf(message: messagingApi.FlexMessage): messagingApi.FlexBubble[] {
  return message.contents.type === 'carousel' ? message.contents.contents : [message.contents];
}

/** Every text of a flex component tree, in reading order. */
function textsOf(node: messagingApi.FlexComponent | messagingApi.FlexBubble | undefined): string[] {
  if (node === undefined) return [];
  switch (node.type) {
    case 'bubble':
      return [node.header, node.hero, node.body, node.footer].flatMap((part) => textsOf(part));
    case 'box':
      return node.contents.flatMap((child) => textsOf(child));
    case 'text':
      return [node.text ?? '', ...(node.contents ?? []).map((span) => span.text ?? '')];
    case 'button':
      return [node.action.label ?? ''];
    default:
      return [];
  }
}

function quickReplyOf(messages: messagingApi.Message[]): messagingApi.QuickReplyItem[] {
  return messages.at(-1)?.quickReply?.items ?? [];
}

/** LINE's limits (README of shared/line-openapi) and the official schema. */
function expectSendable(messages: messagingApi.Message[]): void {
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.length).toBeLessThanOrEqual(5);
  expect(checkLineLimits(messages)).toEqual([]);
  for (const message of messages) expect(validateMessagingApi('Message', message)).toEqual([]);
  messages.forEach((message, i) => {
    if (i < messages.length - 1) expect(message.quickReply).toBeUndefined();
  });
  const items = quickReplyOf(messages);
  expect(items.length).toBeLessThanOrEqual(lineLimits.quickReplyItems);
  const labels = items.map((item) => item.action?.label ?? '');
  for (const label of labels) {
    expect(label.length).toBeGreaterThan(0);
    expect(label.length).toBeLessThanOrEqual(20);
  }
  expect(new Set(labels).size).toBe(labels.length);
  expect(checkLabelFit(messages)).toEqual([]);
  for (const message of messages) {
    if (message.type !== 'flex') continue;
    expect(message.altText.length).toBeLessThanOrEqual(1500);
    const bubbles = bubblesOf(message);
    expect(bubbles.length).toBeLessThanOrEqual(12);
    for (const bubble of bubbles) expect(Buffer.byteLength(JSON.stringify(bubble))).toBeLessThanOrEqual(30 * 1024);
  }
}

describe('renderReply for an answer', () => {
  const decision = answer([hit(furusato, 10), hit(citizens, 6), hit(seizures, 4.5), hit(women, 3)]);

  it('leads with the figure: the first bubble shows 50.5倍 and the before and after amounts', () => {
    const texts = textsOf(bubblesOf(flexOf(renderReply(decision, meta)))[0]);
    expect(texts).toContain('3億4300万円');
    expect(texts).toContain('679万円 → 3億4300万円');
    expect(texts.join('\n')).toContain('50.5倍');
    expect(texts).toContain('就任前→2020年1月現在');
    expect(texts.indexOf('3億4300万円')).toBeLessThan(texts.indexOf(furusato.body));
  });

  it('names the source and says the figures are as of January 2020 in every bubble', () => {
    const bubbles = bubblesOf(flexOf(renderReply(decision, meta)));
    expect(bubbles.length).toBeGreaterThan(1);
    for (const bubble of bubbles) {
      const footer = textsOf(bubble.footer).join('\n');
      expect(footer).toContain('出典: こもろ未来プロジェクト進捗報告（小泉としひろ後援会報） 2020年1月時点');
      expect(footer).toContain('数値は2020年1月時点のものです');
    }
  });

  it('heads each bubble with its pillar in the pillar colour', () => {
    const [first] = bubblesOf(flexOf(renderReply(decision, meta)));
    expect(first?.header?.backgroundColor).toBe('#1E5AA8');
    expect(textsOf(first?.header)).toEqual(['1 市役所の改革と健全財政「しせいを正す」']);
  });

  it('shows the best hit first and leaves out hits below 40% of the best score', () => {
    const bubbles = bubblesOf(flexOf(renderReply(decision, meta)));
    expect(bubbles.map((b) => textsOf(b.body)[0])).toEqual([furusato.title, citizens.title, seizures.title]);
  });

  it('shows at most 5 hits, one bubble per entry', () => {
    const many = answer([...corpus, furusato].map((e) => hit(e, 10)));
    expect(answerHits(many.hits).map((h) => h.entry.id)).toEqual(corpus.slice(0, 5).map((e) => e.id));
    expect(bubblesOf(flexOf(renderReply(many, meta)))).toHaveLength(5);
  });

  it('always shows the first hit, even with a zero score', () => {
    expect(bubblesOf(flexOf(renderReply(answer([hit(winery, 0)]), meta)))).toHaveLength(1);
  });

  it('says the answer in words in the alt text', () => {
    expect(flexOf(renderReply(decision, meta)).altText).toBe(
      'ふるさと納税の寄付額は50.5倍に（679万円→3億4300万円、2020年1月時点）ほか2件',
    );
    const statedAsFigure = entry('furusato-ratio', {
      figures: [
        {
          label: 'ふるさと納税の寄付額',
          before: 6790000,
          after: 343000000,
          unit: '円',
          period: '就任前→2020年1月現在',
        },
        { label: 'ふるさと納税の寄付額の伸び', after: 50.5, unit: '倍', period: '就任前→2020年1月現在' },
      ],
    });
    expect(flexOf(renderReply(answer([hit(statedAsFigure, 1)]), meta)).altText).toBe(
      'ふるさと納税の寄付額は50.5倍に（679万円→3億4300万円、2020年1月時点）',
    );
    expect(flexOf(renderReply(answer([hit(seizures, 1)]), meta)).altText).toBe('差押件数は102件→140件（H28→H30）');
    // Without a comparison the title speaks: in the corpus it carries the key figure.
    expect(flexOf(renderReply(answer([hit(citizens, 1)]), meta)).altText).toBe(
      '小諸ふるさと市民の実績（2020年1月時点）',
    );
    expect(flexOf(renderReply(answer([hit(winery, 1)]), meta)).altText).toBe('巡回バスの運行（2020年1月時点）');
  });

  it('sends one flex message for a full answer', () => {
    const messages = renderReply(decision, meta);
    expect(messages).toHaveLength(1);
    expectSendable(messages);
  });

  it('precedes a partial answer with a short 関連する情報 text', () => {
    const messages = renderReply(answer([hit(overtime, 3)], 'partial'), meta);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toEqual({ type: 'text', text: partialNotice });
    expect(partialNotice).toContain('関連する情報');
    expect(messages[1]?.type).toBe('flex');
    expectSendable(messages);
  });

  it('puts feedback buttons on each bubble with the entry id in the postback data', () => {
    const [first] = bubblesOf(flexOf(renderReply(decision, meta)));
    const json = JSON.stringify(first?.footer);
    expect(json).toContain('"data":"feedback=up&entry=furusato-nozei"');
    expect(json).toContain('"data":"feedback=down&entry=furusato-nozei"');
    expect(json).toContain('"displayText":"役に立った"');
    expect(json).toContain('"displayText":"役に立たなかった"');
  });

  it('asks whether the entry helped, with はい and いいえ side by side, each short enough for half a bubble', () => {
    const [first] = bubblesOf(flexOf(renderReply(decision, meta)));
    const footer = textsOf(first?.footer);
    expect(footer.slice(-3)).toEqual(['この情報は役に立ちましたか？', 'はい', 'いいえ']);
    expect(checkLabelFit(renderReply(decision, meta))).toEqual([]);
  });

  it('offers the other hits as related topics, then 5つの柱を見る', () => {
    const items = quickReplyOf(renderReply(decision, meta));
    expect(items.map((i) => i.action?.label)).toEqual([
      citizens.title,
      '滞納の差押件数と換価額',
      '女性係長級以上の比率',
      '5つの柱を見る',
    ]);
    expect(items[0]?.action).toEqual({ type: 'message', label: citizens.title, text: citizens.title });
    // A short title labels the button; the tap asks the whole title.
    expect(items[1]?.action).toEqual({ type: 'message', label: '滞納の差押件数と換価額', text: seizures.title });
    expect(items.at(-1)?.action).toMatchObject({ type: 'postback', data: 'browse=pillars' });
  });

  it('adds entries of the same pillar when given the corpus, without duplicates', () => {
    const messages = renderReply(answer([hit(furusato, 10), hit(citizens, 8)]), meta, { entries: corpus });
    const items = quickReplyOf(messages);
    const labels = items.map((i) => i.action?.label);
    // overtime first: a highlight with figures; then the rest of pillar 1 in corpus order; winery is pillar 5.
    expect(labels).toEqual([
      citizens.title,
      overtime.title,
      '女性係長級以上の比率',
      '滞納の差押件数と換価額',
      '5つの柱を見る',
    ]);
    expectSendable(messages);
  });

  it('never cuts a title or offers a raw keyword: an entry too long for a phone without a short title is left out', () => {
    const long = entry('long', { title: 'あ'.repeat(13), keywords: ['とりにどす'] });
    const items = quickReplyOf(renderReply(answer([hit(furusato, 10), hit(long, 9), hit(citizens, 8)]), meta));
    expect(items.map((i) => i.action?.label)).toEqual([citizens.title, '5つの柱を見る']);
  });

  it('stays within the limits with many related entries and long texts, offering 8 topics at most', () => {
    const bulky = Array.from({ length: 30 }, (_, i) =>
      entry(`bulky-${i}`, {
        title: `長い題名の項目${i}`.padEnd(60, '題'),
        shortTitle: `短い題名${i}`,
        body: '本文🍎'.repeat(1000),
        figures: Array.from({ length: 6 }, (_, f) => ({
          label: `数値${f}`,
          before: 1e15 * f,
          after: 1e20 + f,
          unit: '円',
          period: 'H28→H30',
        })),
      }),
    );
    const messages = renderReply(
      answer(
        bulky.map((e) => hit(e, 1)),
        'partial',
      ),
      meta,
      { entries: bulky },
    );
    expectSendable(messages);
    expect(quickReplyOf(messages)).toHaveLength(9);
  });
});

describe('answerHits', () => {
  it('shows the first entry of each question a message asked, whatever its score', () => {
    const hits = [hit(furusato, 100), hit(overtime, 10)];
    expect(answerHits(hits).map((h) => h.entry.id)).toEqual([furusato.id]);
    expect(answerHits(hits, 2).map((h) => h.entry.id)).toEqual([furusato.id, overtime.id]);
  });
});

describe('renderReply for an abstention', () => {
  const abstain = (reason: 'greeting' | 'thanks' | 'empty' | 'no-match'): Decision => ({
    kind: 'abstain',
    reason,
    hits: [hit(furusato, 1)],
  });

  it('greets, says what can be asked with three examples, and offers them and the five pillars', () => {
    const messages = renderReply(abstain('greeting'), meta);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message?.type).toBe('text');
    const text = message?.type === 'text' ? message.text : '';
    for (const example of ['ふるさと納税は？', '残業は減ったの？', 'ワイナリーバスはある？'])
      expect(text).toContain(`「${example}」`);
    expect(text).toContain('2020年1月時点');
    const items = quickReplyOf(messages);
    expect(items.slice(0, 3).map((i) => i.action)).toEqual([
      { type: 'message', label: 'ふるさと納税は？', text: 'ふるさと納税は？' },
      { type: 'message', label: '残業は減ったの？', text: '残業は減ったの？' },
      { type: 'message', label: 'ワイナリーバスはある？', text: 'ワイナリーバスはある？' },
    ]);
    expect(items.slice(3).map((i) => i.action)).toHaveLength(5);
    expectSendable(messages);
  });

  it('answers thanks with どういたしまして and the same quick replies', () => {
    const messages = renderReply(abstain('thanks'), meta);
    expect(messages[0]?.type === 'text' && messages[0].text.startsWith('どういたしまして')).toBe(true);
    expect(quickReplyOf(messages)).toEqual(quickReplyOf(renderReply(abstain('greeting'), meta)));
    expectSendable(messages);
  });

  it.each(['no-match', 'empty'] as const)('for %s, suggests rephrasing and browsing the five pillars', (reason) => {
    const messages = renderReply(abstain(reason), meta);
    expect(messages).toHaveLength(1);
    const text = messages[0]?.type === 'text' ? messages[0].text : '';
    expect(text).toMatch(/見つかりませんでした|読み取れませんでした/);
    expect(text).toContain('5つの柱');
    const pillars = quickReplyOf(messages).filter((i) => i.action?.type === 'postback');
    expect(pillars.map((i) => i.action)).toEqual([
      { type: 'postback', label: '1 しせいを正す', data: 'pillar=1', displayText: '市役所の改革と健全財政' },
      { type: 'postback', label: '2 絆', data: 'pillar=2', displayText: '自治会と市政の連携強化' },
      { type: 'postback', label: '3 笑顔', data: 'pillar=3', displayText: '市民が幸福を実感できる市政を実現' },
      { type: 'postback', label: '4 攻める', data: 'pillar=4', displayText: '産業振興と起業・就農支援' },
      { type: 'postback', label: '5 ワクワク', data: 'pillar=5', displayText: '観光・ブランド活性化に向けた情報戦略' },
    ]);
    expectSendable(messages);
  });

  it('never shows the candidate hits of an abstention as an answer', () => {
    const text = JSON.stringify(renderReply(abstain('no-match'), meta));
    expect(text).not.toContain('3億4300万');
  });
});

describe('renderReply when the report has the topic but not the fact asked', () => {
  const notInReport: Decision = {
    kind: 'abstain',
    reason: 'not-in-report',
    hits: [hit(furusato, 1)],
    missing: 'procedure',
  };
  const withContact: CorpusMeta = { ...meta, contact: { name: '小諸市役所', url: 'https://www.city.komoro.lg.jp/' } };

  it('says plainly what the report lacks and where to ask, then offers the nearest entry as related', () => {
    const messages = renderReply(notInReport, withContact, { entries: [furusato, overtime] });
    expect(messages).toHaveLength(2);
    const text = messages[0]?.type === 'text' ? messages[0].text : '';
    expect(text).toContain('申し込みや手続きの方法は');
    expect(text).toContain('載っていません');
    expect(text).toContain('小諸市役所（https://www.city.komoro.lg.jp/）');
    expect(text).toContain('関連する情報');
    const related = messages[1];
    expect(related?.type).toBe('flex');
    expect(related?.type === 'flex' && related.altText).toBe(`関連する情報：${furusato.title}`);
    expectSendable(messages);
  });

  it('says "お尋ねのこと" once when it cannot name the kind of fact', () => {
    const { missing: _, ...unnamed } = notInReport;
    const messages = renderReply(unnamed, withContact);
    const text = messages[0]?.type === 'text' ? messages[0].text : '';
    expect(text).toMatch(/^申し訳ありません。お尋ねのことは、/u);
  });

  it('without a contact in meta.yaml, still points to the city hall', () => {
    const text = JSON.stringify(renderReply(notInReport, meta));
    expect(text).toContain('市役所にお問い合わせください');
  });
});

describe('renderWelcome and renderNonText', () => {
  it('welcomes a new friend with what the bot answers, as of when, and examples', () => {
    const messages = renderWelcome(meta);
    const text = messages[0]?.type === 'text' ? messages[0].text : '';
    expect(text).toContain('友だち追加ありがとうございます');
    expect(text).toContain('こもろ未来プロジェクト');
    expect(text).toContain('2020年1月時点');
    expect(text).toContain('「ふるさと納税は？」');
    expect(quickReplyOf(messages).map((i) => i.action?.label)).toContain('5つの柱を見る');
    expect(quickReplyOf(messages).map((i) => i.action?.label)).toContain('公約の進み具合');
    expectSendable(messages);
  });

  it('invites a typed question after a sticker or an image', () => {
    const messages = renderNonText();
    expect(messages).toHaveLength(1);
    expect(messages[0]?.type === 'text' && messages[0].text).toContain('文字で送ってください');
    expectSendable(messages);
  });
});
