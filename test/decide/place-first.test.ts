import { describe, expect, it } from 'vitest';
import { questionIntent } from '../../src/analyze/question-intent.js';
import { bundledEngine } from '../support/bot-server.js';

describe('a question asking where a thing stands in its series', () => {
  it('is read as asking a place in an order (何番目, いくつ目), not a count', () => {
    expect(questionIntent('「攻める」は何番目の柱？')).toMatchObject({ asksPlaceInOrder: true });
    expect(questionIntent('「攻める」は柱のいくつ目？')).toMatchObject({ asksPlaceInOrder: true });
    expect(questionIntent('「攻める」は柱のいくつ目？').kind).toBeUndefined();
    expect(questionIntent('柱はいくつあるの？').asksPlaceInOrder).toBeUndefined();
  });

  it("is answered by the thing's own entry, which states its place, before the summary listing all", async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask('「攻める」って、5つの柱のうちいくつ目の柱？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('pillar-semeru');
    // The whole series asked for keeps the summary first.
    expect(engine.ask('5つの柱を順番に教えて').decision.hits[0]?.entry.id).toBe('five-pillars');
  });
});
