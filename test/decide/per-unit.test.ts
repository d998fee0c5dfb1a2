import { describe, expect, it } from 'vitest';
import { asksPerUnitNotStated } from '../../src/decide/per-unit.js';

describe('asksPerUnitNotStated', () => {
  const total = '市役所の超過勤務時間は、h29からh30にかけて約3200時間減りました。';
  it('holds a figure asked per person or on average against an entry that states only a total', () => {
    expect(asksPerUnitNotStated('一人あたりだと月に何時間くらいなの？', total)).toBe(true);
    expect(asksPerUnitNotStated('平均でいくら寄付されたの？', '寄付額は3億4300万円です。')).toBe(true);
    expect(
      asksPerUnitNotStated('店を開く人にくれるお金って、一人いくらもらえるの？', '寄付額は3億4300万円です。'),
    ).toBe(true);
  });

  it('lets the question through when the entry states a figure per one, or none is asked so', () => {
    expect(asksPerUnitNotStated('一人あたり何時間？', '職員1人あたり月10時間です。')).toBe(false);
    expect(asksPerUnitNotStated('残業は何時間減った？', total)).toBe(false);
    // Asked along with the total (〜のかも分かれば): the total answers the question.
    expect(
      asksPerUnitNotStated('何時間減ったのでしょうか。一人あたりでは何時間になるのかも分かれば教えてください。', total),
    ).toBe(false);
  });
});
