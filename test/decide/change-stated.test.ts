import { describe, expect, it } from 'vitest';
import { asksChangeNotStated, asksTotalNotStated } from '../../src/decide/change-stated.js';

describe('asksChangeNotStated', () => {
  const count = '「小諸ふるさと市民」の実績は、r2.1月15日時点で3682人です。関係人口の増加を図っています。';
  const overtime = '市役所の超過勤務時間は、h29からh30にかけて12.81%、約3200時間減りました。';

  it('holds a change against an earlier time against an entry that states one count', () => {
    expect(asksChangeNotStated('小諸ふるさと市民、1年前と比べて何人増えたんですか？', count)).toBe(true);
    expect(asksChangeNotStated('小諸ふるさと市民はこの1年で何人増えましたか？', count)).toBe(true);
    expect(asksChangeNotStated('ここ3年間でどれくらい減った？', overtime)).toBe(false);
  });

  it('holds a total asked against an entry that states only how much it changed', () => {
    expect(asksTotalNotStated('H30の超過勤務は合計で何時間あったの？', overtime)).toBe(true);
    expect(asksTotalNotStated('残業は何時間減ったの？', overtime)).toBe(false);
    const drills = '防災訓練を見直し、r元には全68区のうち61区で実施されました。実施率は89.7%で、前年より増えました。';
    expect(asksTotalNotStated('区は総数でいくつ？', drills)).toBe(false);
  });

  it('lets the question through when the entry states the change in figures, or none is asked so', () => {
    expect(asksChangeNotStated('残業は前の年と比べて何時間減った？', overtime)).toBe(false);
    expect(asksChangeNotStated('小諸ふるさと市民は何人？', count)).toBe(false);
  });
});
