import { describe, expect, it } from 'vitest';
import type { Query } from 'minisearch';
import { CorpusIndex } from '../../src/search/corpus-index.js';

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

describe('the corpus index', () => {
  it('finds what MiniSearch finds once its terms are looked up in a table, prefixes and slips included', () => {
    const queries: Query[] = [
      { combineWith: 'OR', queries: ['防災', '訓練', '地区', 'ない'] },
      { combineWith: 'OR', queries: ['ふるさ'], prefix: true },
      { combineWith: 'OR', queries: ['計算'], fuzzy: 1 },
    ];
    const tree = indexOf(docs);
    const table = indexOf(docs);
    table.lookUpTermsInTable();
    for (const query of queries) expect(table.search(query)).toEqual(tree.search(query));
  });

  it('is not changed once its terms are in a table', () => {
    const index = indexOf(docs.slice(0, 2));
    index.lookUpTermsInTable();
    expect(() => index.add({ id: 'c', text: '納税' })).toThrow(/not changed/);
    expect(() => index.discard('a')).toThrow(/not changed/);
    expect(index.search('防災').map((r) => String(r.id))).toEqual(['b', 'a']);
  });
});
