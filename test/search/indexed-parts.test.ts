import { describe, expect, it } from 'vitest';
import type { Query, SearchOptions } from 'minisearch';
import { CorpusIndex } from '../../src/search/corpus-index.js';
import { indexedPart } from '../../src/search/indexed-parts.js';
import { baseSearchOptions } from '../../src/search/index-options.js';

interface Doc {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

const index = new CorpusIndex<Doc>({
  fields: ['title', 'body'],
  tokenize: (t) => t.split(' '),
  processTerm: (t) => t,
});
index.addAll([
  { id: 'a', title: '防災 訓練', body: '地区 防災 訓練 毎年' },
  { id: 'b', title: '防災 計画', body: '市 計画 策定' },
  { id: 'c', title: 'ふるさと 納税', body: '寄附 返礼品 ワイナリー' },
]);
index.lookUpTermsInTable();

const options: SearchOptions = { ...baseSearchOptions, combineWith: 'OR' };
const holds = (term: string) => index.holds(term);

describe('the indexed parts of a query', () => {
  it('leaves out the words and parts no entry has, and finds the same', () => {
    const parts: Query[] = [
      { queries: ['足腰'], fields: ['title', 'body'] },
      { queries: ['防災 行き来 訓練'], fields: ['title', 'body'], boost: { title: 3 } },
      { combineWith: 'OR', queries: [{ queries: ['控える'] }, { queries: ['地区 xyz'], fields: ['body'] }] },
      { queries: ['読み切れる 細かい'] },
    ];
    const pruned = parts.map((p) => indexedPart(p, holds, options));
    expect(pruned).toEqual([
      undefined,
      { queries: ['防災 訓練'], fields: ['title', 'body'], boost: { title: 3 } },
      { combineWith: 'OR', queries: [{ queries: ['地区'], fields: ['body'] }] },
      undefined,
    ]);
    const kept = pruned.filter((p): p is Query => p !== undefined);
    expect(index.search({ combineWith: 'OR', queries: kept }, options)).toEqual(
      index.search({ combineWith: 'OR', queries: parts }, options),
    );
  });

  it('keeps words searched by prefix or with a slip, and the parts of an AND', () => {
    const approximate: Query = { queries: ['ワイナ'], prefix: true };
    const slip: Query = { queries: ['ワイナリ'], fuzzy: 1 };
    const both: Query = { combineWith: 'AND', queries: ['防災', '足腰'] };
    expect(indexedPart(approximate, holds, options)).toBe(approximate);
    expect(indexedPart(slip, holds, options)).toBe(slip);
    expect(indexedPart(both, holds, options)).toBe(both);
    expect(index.search(approximate, options).map((r) => String(r.id))).toEqual(['c']);
  });
});
