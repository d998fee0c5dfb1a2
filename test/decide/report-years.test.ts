import { describe, expect, it } from 'vitest';
import { asksAfterReport } from '../../src/decide/report-years.js';
import { bundledEngine } from '../support/bot-server.js';

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
