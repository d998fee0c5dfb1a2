/**
 * A citizen asking how far the mayor's pledges got is answered by the pledge tracker, through the
 * ordinary pipeline: the intent is recognised, its frame set apart from its topic, and the
 * question's candidates decided on the topic's words. Golden questions on the bundled corpus,
 * each commented with why.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/bot/engine.js';
import { progressFrameSpans, questionIntent } from '../../src/analyze/question-intent.js';
import { bundledEngine } from '../support/bot-server.js';
import { replyToPostback } from '../../src/bot/reply-for-event.js';

let engine: Engine;
beforeAll(async () => {
  engine = await bundledEngine();
});

const trackerOf = (q: string) => {
  const d = engine.ask(q).decision;
  return d.kind === 'answer' ? d.tracker : undefined;
};

describe('questionIntent', () => {
  it('recognises a question about how far the pledges got', () => {
    for (const q of [
      '公約はどこまで進んだの?',
      '子育ての公約の進み具合は?',
      '選挙のときの約束ってちゃんと守れたの?',
      '政策はどこまで実現しましたか',
    ]) {
      expect(questionIntent(q).asksProgress, q).toBe(true);
    }
    // A promise alone, or how far something went without a promise, is another question.
    for (const q of ['ふるさと納税の進み具合は?', '約束の時間は?', 'ワイナリーバスはある?']) {
      expect(questionIntent(q).asksProgress, q).toBeUndefined();
    }
  });

  it('sets the frame of the question apart from its topic', () => {
    const q = '子育ての公約の進み具合は?';
    const framed = progressFrameSpans(q).map((s) => q.slice(s.start, s.end));
    expect(framed).toEqual(['公約', '進み具合']);
  });
});

describe('the decision on a progress question', () => {
  it('is the whole tracker when the question names no topic', () => {
    // Every word frames the question: the pledges, how far, the mayor, the election.
    for (const q of [
      '公約はどこまで進んだの？',
      'マニフェストは実現した？',
      '市長の公約の進捗は？',
      '前の選挙のときの約束ってちゃんと守れたの？',
    ]) {
      expect(trackerOf(q), q).toEqual({});
    }
  });

  it('keeps the hits the question found, so staff tools and the eval still see the best entry', () => {
    const d = engine.ask('選挙のときの約束ってちゃんと守れたの？').decision;
    expect(d.kind).toBe('answer');
    expect(d.hits[0]?.entry.id).toBe('promises-mostly-achieved');
  });

  it('is the pillar of the pledge its topic names, that pledge first', () => {
    // 子育て names the pledge 子育て支援・家庭教育支援 of pillar 3.
    expect(trackerOf('子育ての公約の進み具合は？')).toEqual({
      pillar: 3,
      focus: ['childcare-and-home-education-support'],
    });
    // ふるさと納税 is a result: the pledge that lists it is the one asked about.
    expect(trackerOf('ふるさと納税の公約は？')).toEqual({ pillar: 1, focus: ['furusato-shimin-for-tax-revenue'] });
    // しせいを正す names pillar 1 itself.
    expect(trackerOf('しせいを正すの公約はどうなった？')).toEqual({ pillar: 1 });
  });

  it('is the ordinary answer when the topic is a result no pledge lists, or a kind of fact is asked', () => {
    // The circuit buses are an achievement of pillar 5 that no pledge lists: its own bubble says more.
    expect(trackerOf('ワイナリーバスの公約はどうなった？')).toBeUndefined();
    // A date is a kind of fact: the tracker does not give it.
    expect(trackerOf('小諸ふるさと市民10万人の公約はいつまでに達成する予定ですか')).toBeUndefined();
  });
});

describe('the reply to a progress question', () => {
  it('shows the tracker of every pillar for 「公約はどこまで進んだの？」', () => {
    const { messages, shownEntryIds } = engine.reply('公約はどこまで進んだの？');
    const [intro, carousel] = messages;
    expect(intro?.type === 'text' ? intro.text : '').toMatch(
      /^『こもろ未来プロジェクト』の公約（具体的政策）35件について、柱ごとに/u,
    );
    expect(
      carousel?.type === 'flex' && carousel.contents.type === 'carousel' ? carousel.contents.contents : [],
    ).toHaveLength(5);
    expect(shownEntryIds).toEqual([]);
  });

  it('records the pledge asked about as shown', () => {
    expect(engine.reply('婚活の公約はどうなりましたか').shownEntryIds).toEqual(['marriage-support']);
  });

  it('offers 「公約の進み具合」 after an answer about a pledge’s result, which shows that pledge first', () => {
    const { messages } = engine.reply('残業は減ったの？');
    const first = messages.at(-1)?.quickReply?.items?.[0]?.action;
    expect(first).toEqual({
      type: 'postback',
      label: '公約の進み具合',
      data: 'pledge=faster-procedures-zero-overtime',
      displayText: '公約の進み具合',
    });
    const plan = replyToPostback(first?.type === 'postback' ? (first.data ?? '') : '', engine);
    expect(plan.outcome).toBe('progress-pledge');
    const intro = plan.messages[0];
    expect(intro?.type === 'text' ? intro.text : '').toContain(
      'お尋ねの「行政手続の迅速化と「残業ゼロ」」を先頭にしています。',
    );
  });
});
