import { describe, expect, it } from 'vitest';
import { asksAfterReport, asksOutcomeAfterReport, asksYearNotStated } from '../../src/decide/report-years.js';
import { bundledEngine } from '../support/bot-server.js';

describe('asksOutcomeAfterReport', () => {
  it('finds how a year at or after the report (as of January 2020) turned out, not a plan for it', async () => {
    const { index } = await bundledEngine();
    expect(asksOutcomeAfterReport(index, 'その後、令和3年度には目標の45%に届いたのでしょうか')).toBe(true);
    expect(asksOutcomeAfterReport(index, '令和3年に完成するの')).toBe(false);
    expect(asksOutcomeAfterReport(index, '令和元年の防災訓練は何区でできたの？')).toBe(false);
  });
});

describe('asksAfterReport', () => {
  it('finds a year after any the report speaks of, written out or in its era', async () => {
    const { index } = await bundledEngine();
    expect(asksAfterReport(index, '2024年の時点で、小諸市の人口は何人')).toBe(true);
    expect(asksAfterReport(index, '令和6年の防災訓練は')).toBe(true);
    // The report names plans up to 令和3年 (the complex, R3秋) and speaks of 2016 to 2020.
    expect(asksAfterReport(index, '令和3年に完成するの')).toBe(false);
    expect(asksAfterReport(index, '2016年に発表された政策集')).toBe(false);
    expect(asksAfterReport(index, '平成30年の受診率')).toBe(false);
  });

  it('declines a figure asked for a year after the report, offering the entry as related', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '会報で人口減少の話を読んで気になりました。2024年の時点で、小諸市の人口は何人になっているのでしょうか。',
    );
    expect(decision).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
  });
});

describe('asksYearNotStated', () => {
  it('finds a figure asked for a year the entry does not name, though it names others', () => {
    const entry = '特定検診の受診率は、平成25年の34.5%から平成29年には39.7%に上がりました。';
    expect(asksYearNotStated('平成30年の特定検診の受診率は何%', entry)).toBe(true);
    expect(asksYearNotStated('平成29年の特定検診の受診率は何%', entry)).toBe(false);
    // A year said as where a change starts is no year of the figure.
    expect(asksYearNotStated('平成28年から受診率はどれだけ上がった', entry)).toBe(false);
    // Around a year is still the year asked, unless a starting point follows.
    expect(asksYearNotStated('平成27年ごろの受診率は何パーセントだった', entry)).toBe(true);
    expect(asksYearNotStated('平成27年頃から受診率はどれだけ上がった', entry)).toBe(false);
    // Typed apart, as romaji is read (H30 kara R1 ni kakete), the starting point is still one.
    expect(
      asksYearNotStated('平成30年 から 令和1年 にかけてどれだけへった', '平成29年から平成30年にかけて減りました。'),
    ).toBe(true);
    // An entry naming no year cannot be told apart.
    expect(asksYearNotStated('平成30年の受診率は', '受診率が上がりました。')).toBe(false);
  });

  it('declines the rate of a year the report does not state, and answers the one it does', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('H30の特定検診の受診率は何%でしたか？').decision).toMatchObject({
      kind: 'abstain',
      reason: 'not-in-report',
    });
    expect(bundled.ask('H29の特定検診の受診率は？').decision.kind).toBe('answer');
    // A year in kanji numerals, as voice input writes it, is the same year.
    expect(bundled.ask('特定健診の受診率って平成三十年度はいくつだったんですか').decision).toMatchObject({
      kind: 'abstain',
      reason: 'not-in-report',
    });
  });
});
