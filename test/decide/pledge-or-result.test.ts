import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/corpus/entry.js';
import { questionIntent } from '../../src/analyze/question-intent.js';
import { pledgeOrResultFirst, pledgeSideOf } from '../../src/decide/pledge-or-result.js';
import type { RankedHit } from '../../src/search/search.js';
import { bundledEngine } from '../support/bot-server.js';

const entry = (id: string, kind: Entry['kind'], results?: string[]): Entry =>
  ({ id, kind, title: id, body: '', pillar: 3, figures: [], keywords: [], phrasings: [], results }) as unknown as Entry;

const pledge = entry('special-needs-education', 'policy', ['instructor-training']);
const result = entry('instructor-training', 'achievement');
const unrelated = entry('early-support', 'achievement');
const hit = (e: Entry, score: number, coverage: number): RankedHit => ({ entry: e, score, coverage, matches: [] });
const ids = (hits: readonly RankedHit[]) => hits.map((h) => h.entry.id);

describe('a question asking what was done', () => {
  it('is told by how it asks: done, got how far, achieved', () => {
    for (const q of [
      '市は何か取り組んだのでしょうか',
      '今どこまで進んでる？',
      '何をしたの？',
      '成果はありましたか',
      '良い畑を整える取り組みをしていると聞きました',
      // Whether the target was reached (まだ目標いってないの) asks the result against it.
      '審議会の女性、まだ目標に届いてないの？',
      '目標まで行ったの？',
      '市役所の働き方改革は何かしていますか？',
      // Whether it really happened, or was only said (ほんとにできたの？言ってただけ？).
      'バスターミナルってほんとにできたの？言ってただけ？',
      '本当に実現したんですか',
    ]) {
      expect(questionIntent(q).asksWhatWasDone, q).toBe(true);
    }
    for (const q of [
      '特別支援教育の充実って何？',
      '副読本はどうなった？',
      '進める予定はありますか',
      '目標は何人でしたか',
      // A wish for one (取り組みをしてほしい), or one not made (取り組みをしておらず), is nothing done.
      'こういう取り組みをしてほしい',
      '市は取り組みをしておらず残念です',
      '本当にありがとうございます',
    ]) {
      expect(questionIntent(q).asksWhatWasDone, q).toBeUndefined();
    }
  });
});

describe('a question whether a policy was made', () => {
  it('asks what was promised (政策ってあった？), answered by the pledge before its results', async () => {
    expect(questionIntent('女性の幹部を増やす政策ってあったっけ').asksForTarget).toBe(true);
    const engine = await bundledEngine();
    const { decision } = engine.ask('あのー女性の幹部職員の比率を上げるっていう政策あったっけ');
    expect(decision.hits[0]?.entry.id).toBe('more-women-in-leadership-and-councils');
  });
});

describe('pledgeSideOf', () => {
  it('asks the result for what was done or how much it changed, the pledge for what was promised', () => {
    expect(pledgeSideOf(questionIntent('市は何か取り組んだのでしょうか'))).toBe('result');
    expect(pledgeSideOf(questionIntent('残業は実際どれだけ減ったの？'))).toBe('result');
    expect(pledgeSideOf(questionIntent('政策集では何を目指していましたか'))).toBe('pledge');
    // The figure aimed at: the pledge, when it states one (pledgeOrResultFirst); a plain question asks neither.
    expect(pledgeSideOf(questionIntent('目標は何%？'))).toBe('pledge');
    expect(pledgeSideOf(questionIntent('はじめは何人くらい集める気でいたの？'))).toBe('pledge');
    expect(pledgeSideOf(questionIntent('特別支援教育って何？'))).toBeUndefined();
  });
});

describe('pledgeOrResultFirst', () => {
  it('puts first a result the pledge lists when the question asks what was done', () => {
    const hits = [hit(pledge, 10, 0.7), hit(unrelated, 9, 0.7), hit(result, 8, 0.65)];
    expect(ids(pledgeOrResultFirst(hits, 'result'))).toEqual([
      'instructor-training',
      'special-needs-education',
      'early-support',
    ]);
  });

  it("puts first a result of the pillar a summary sums up when the question asks what was done, not another pillar's", () => {
    const pillar = entry('pillar-kizuna', 'pillar');
    const otherPillars: Entry = { ...unrelated, pillar: 5 };
    expect(ids(pledgeOrResultFirst([hit(pillar, 10, 1), hit(unrelated, 9, 1)], 'result'))[0]).toBe('early-support');
    expect(ids(pledgeOrResultFirst([hit(pillar, 10, 1), hit(otherPillars, 9, 1)], 'result'))[0]).toBe('pillar-kizuna');
  });

  it('keeps the pledge first when the question asks no such thing, or its result covers much less', () => {
    expect(ids(pledgeOrResultFirst([hit(pledge, 10, 0.7), hit(result, 8, 0.65)], undefined))[0]).toBe(
      'special-needs-education',
    );
    expect(ids(pledgeOrResultFirst([hit(pledge, 10, 0.9), hit(result, 8, 0.5)], 'result'))[0]).toBe(
      'special-needs-education',
    );
  });

  it('puts first a result with figures, covering what the pledge covers, when a figure of what was done is asked', () => {
    const counted = { ...result, figures: [{ label: '削減率', after: 12.81, unit: '%', period: 'H29→H30' }] } as Entry;
    const hits = [hit(pledge, 10, 1), hit(unrelated, 9, 0.5), hit(counted, 8, 0.46)];
    const first = pledgeOrResultFirst(hits, 'result', true)[0];
    expect(first?.entry.id).toBe('instructor-training');
    expect(first?.coverage).toBe(1);
    // Without a figure asked, or with a result that states none, the pledge stays first.
    expect(ids(pledgeOrResultFirst(hits, 'result'))[0]).toBe('special-needs-education');
    expect(ids(pledgeOrResultFirst([hit(pledge, 10, 1), hit(result, 8, 0.46)], 'result', true))[0]).toBe(
      'special-needs-education',
    );
  });

  it('puts first the pledge that lists the first result when the question asks what was promised', () => {
    const hits = [hit(result, 10, 0.7), hit(unrelated, 9, 0.7), hit(pledge, 8, 0.65)];
    expect(ids(pledgeOrResultFirst(hits, 'pledge'))).toEqual([
      'special-needs-education',
      'instructor-training',
      'early-support',
    ]);
    expect(ids(pledgeOrResultFirst([hit(unrelated, 10, 0.7), hit(pledge, 8, 0.7)], 'pledge'))[0]).toBe('early-support');
  });

  it('puts first the pledge when the figure aimed at is asked only if the pledge states figures', () => {
    const aiming = { ...pledge, figures: [{ label: '目標', after: 100000, unit: '人', period: '政策集' }] } as Entry;
    expect(ids(pledgeOrResultFirst([hit(result, 10, 0.54), hit(aiming, 8, 0.5)], 'pledge', true))[0]).toBe(
      'special-needs-education',
    );
    expect(ids(pledgeOrResultFirst([hit(result, 10, 0.54), hit(pledge, 8, 0.5)], 'pledge', true))[0]).toBe(
      'instructor-training',
    );
  });

  it('moves no entry the pledge does not list, and nothing when a result is first', () => {
    expect(ids(pledgeOrResultFirst([hit(pledge, 10, 0.7), hit(unrelated, 9, 0.7)], 'result'))[0]).toBe(
      'special-needs-education',
    );
    expect(ids(pledgeOrResultFirst([hit(result, 10, 0.7), hit(pledge, 9, 0.7)], 'result'))[0]).toBe(
      'instructor-training',
    );
  });
});
