import { describe, expect, it } from 'vitest';
import { asksQuantityOfNumberless } from '../../src/decide/quantity-asked.js';
import { bundledEngine } from '../support/bot-server.js';

describe('a quantity asked of an entry that states no number', () => {
  it('is not in the report: how much, asked outright, needs a number', () => {
    const scholarship = '給付型奨学金「小諸あさま奨学金」を設立し、給付を始めました。';
    expect(asksQuantityOfNumberless('こうこうの へんさちって どのくらい?', scholarship)).toBe(true);
    expect(asksQuantityOfNumberless('奨学金はいくらですか', scholarship)).toBe(true);
    // A number stated answers; how far a thing got is no quantity.
    expect(asksQuantityOfNumberless('奨学金はいくらですか', '月額2万円を給付します。')).toBe(false);
    expect(asksQuantityOfNumberless('どのくらい進んだの？', scholarship)).toBe(false);
  });

  it('declines a word the corpus lacks that only sounds near one of its words (へんさち, 返済)', async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask('こもろの こうこうの へんさちって どのくらい？');
    expect(decision.kind).toBe('abstain');
  });
});
