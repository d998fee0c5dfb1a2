import { describe, expect, it } from 'vitest';
import { definesName } from '../../src/decide/definition-first.js';
import { bundledEngine } from '../support/bot-server.js';

describe('definesName', () => {
  it('finds a name with its explanation after it, in brackets or by とは', () => {
    expect(definesName('「小諸ふるさと市民」(仮想市民10万人)の創設', '小諸ふるさと市民')).toBe(true);
    expect(definesName('ネーミングライツとは、命名権のことです', 'ネーミングライツ')).toBe(true);
    expect(definesName('「小諸ふるさと市民」の実績は3682人です', '小諸ふるさと市民')).toBe(false);
  });
});

describe('a question asking what a thing is', () => {
  it('is answered by the entry that says what it is, not by a count of what came of it', async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask('「小諸ふるさと市民」とは、どういう仕組みなんですか？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('furusato-shimin-for-tax-revenue');
    // Asked how many there are, the count answers.
    expect(engine.ask('小諸ふるさと市民は何人？').decision.hits[0]?.entry.id).toBe('furusato-shimin-members');
  });
});
