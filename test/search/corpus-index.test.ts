import { describe, expect, it } from 'vitest';
import type { Query } from 'minisearch';
import fc from 'fast-check';
import { CorpusIndex, editDistanceWithin } from '../../src/search/corpus-index.js';
import { bundledEngine } from '../support/bot-server.js';

interface Doc {
  readonly id: string;
  readonly text: string;
}

const docs: Doc[] = [
  { id: 'a', text: '防災 訓練 地区' },
  { id: 'b', text: '防災 計画' },
  { id: 'c', text: 'ふるさと 納税 防災' },
];

function indexOf(documents: readonly Doc[]): CorpusIndex<Doc> {
  const index = new CorpusIndex<Doc>({ fields: ['text'], tokenize: (t) => t.split(' ') });
  index.addAll(documents);
  return index;
}

/** MiniSearch's own lookups in its tree, which the tables stand in for. */
interface Lookups {
  get(term: string): unknown;
  fuzzyGet(term: string, maxDistance: number): Map<string, [unknown, number]>;
}
const termsOf = <T>(index: CorpusIndex<T>) => (index as unknown as { _index: Lookups })._index;
const inTree = <T>(index: CorpusIndex<T>): Lookups => {
  const terms = termsOf(index);
  const tree = Object.getPrototypeOf(terms) as Lookups;
  return { get: (term) => tree.get.call(terms, term), fuzzyGet: (term, d) => tree.fuzzyGet.call(terms, term, d) };
};

describe('the corpus index', () => {
  it('finds what MiniSearch finds once its terms are looked up in tables, prefixes and slips included', () => {
    const queries: Query[] = [
      { combineWith: 'OR', queries: ['防災', '訓練', '地区', 'ない'] },
      { combineWith: 'OR', queries: ['ふるさ'], prefix: true },
      { combineWith: 'OR', queries: ['計算', '防火'], fuzzy: 1 },
    ];
    const tree = indexOf(docs);
    const table = indexOf(docs);
    table.lookUpTermsInTable();
    for (const query of queries) expect(table.search(query)).toEqual(tree.search(query));
  });

  it('looks up the terms of the bundled corpus as its tree does, fuzzy ones in the same order', async () => {
    const { index } = await bundledEngine();
    const table = termsOf(index.engine);
    const tree = inTree(index.engine);
    const terms = [...(table as unknown as { keys(): Iterable<string> }).keys()];
    expect(terms.length).toBeGreaterThan(5000);
    // Every term, and a slip of each katakana word (a letter changed, dropped or doubled).
    const slips = terms
      .filter((t) => /^[\p{Script=Katakana}ー]{4,}$/u.test(t))
      .flatMap((t) => [t.slice(1), `${t}ー`, `${t.slice(0, 2)}ア${t.slice(3)}`, `${t.slice(0, 2)}${t.slice(1)}`]);
    for (const term of [...terms, ...slips, 'ない言葉']) expect(table.get(term)).toBe(tree.get(term));
    // The tree's fuzzy search takes about a millisecond: a sample of them.
    const sample = [...terms, ...slips].filter((_, i) => i % 23 === 0);
    for (const [i, term] of [...sample, 'ボランティアセンター'].entries()) {
      const distance = i % 5 === 0 ? 2 : 1;
      expect([...table.fuzzyGet(term, distance)], term).toEqual([...tree.fuzzyGet(term, distance)]);
    }
  });

  it('measures edit distances up to the bound as Levenshtein does', () => {
    const levenshtein = (a: string, b: string): number => {
      const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
      for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
          (rows[i] as number[])[j] = Math.min(
            (rows[i - 1]?.[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
            (rows[i - 1]?.[j] ?? 0) + 1,
            (rows[i]?.[j - 1] ?? 0) + 1,
          );
      return rows[a.length]?.[b.length] ?? 0;
    };
    const word = fc.string({ unit: fc.constantFrom('ア', 'イ', 'ウ', 'ー', 'a', '𠮷'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, d) => {
        const exact = levenshtein(a, b);
        const bounded = editDistanceWithin(a, b, d);
        return exact <= d ? bounded === exact : bounded > d;
      }),
    );
  });

  it('is not changed once its terms are in tables', () => {
    const index = indexOf(docs.slice(0, 2));
    index.lookUpTermsInTable();
    expect(() => index.add({ id: 'c', text: '納税' })).toThrow(/not changed/);
    expect(() => index.discard('a')).toThrow(/not changed/);
    expect(index.search('防災').map((r) => String(r.id))).toEqual(['b', 'a']);
  });
});
