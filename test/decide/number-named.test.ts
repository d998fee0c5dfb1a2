import { describe, expect, it } from 'vitest';
import { asksNamedNumberNotStated } from '../../src/decide/number-named.js';

const growth = 'ふるさと納税の寄付額は679万円から3億4300万円に、50.5倍に伸びました。';

describe('asksNamedNumberNotStated', () => {
  it('finds a number asked by its name against the one heard (件数だと何倍) that the entry lacks', () => {
    expect(asksNamedNumberNotStated('寄付の件数だと何倍になったの？', growth)).toBe(true);
    expect(asksNamedNumberNotStated('寄付した人数ではどうですか', growth)).toBe(true);
  });

  it('accepts the number stated by name or by its counter, and a question naming none', () => {
    expect(asksNamedNumberNotStated('金額だとどのくらい？', growth)).toBe(false);
    expect(asksNamedNumberNotStated('件数だと何件？', '寄付は1万2000件に増えました。')).toBe(false);
    expect(asksNamedNumberNotStated('寄付は何倍になったの？', growth)).toBe(false);
  });
});
