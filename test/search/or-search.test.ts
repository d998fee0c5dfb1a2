import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { CorpusIndex } from '../../src/search/corpus-index.js';
import { OrSearch } from '../../src/search/or-search.js';
import { parseEvalQuestions } from '../../src/cli/eval-score.js';
import { bundledEngine } from '../support/bot-server.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Doc {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

const docs: Doc[] = [
  { id: 'a', title: '防災 訓練', text: '防災 訓練 地区 防災 2020 ボランティア' },
  { id: 'b', title: '防災 計画', text: '計画 2020 20201 ボランティアセンター 防災' },
  { id: 'c', title: 'ふるさと 納税', text: 'ふるさと 納税 防災 ボランテイア' },
  { id: 'd', title: '', text: 'ふるさと ふるさと 訓練 計画' },
];

function indexOf(options: { storeFields?: string[] } = {}): CorpusIndex<Doc> {
  const index = new CorpusIndex<Doc>({ fields: ['title', 'text'], tokenize: (t) => t.split(' '), ...options });
  index.addAll(docs);
  index.lookUpTermsInTable();
  return index;
}

/** MiniSearch's own search of the same index (its terms looked up in the same tables). */
const miniSearch = <T>(index: CorpusIndex<T>, query: Query, options?: SearchOptions): SearchResult[] =>
  MiniSearch.prototype.search.call(index, query, options);

/** Equal to the last bit of every score, with keys in the same order. */
const exactly = (results: SearchResult[]) => JSON.stringify(results);

describe('the search of an OR query in arrays', () => {
  it('widens its table of matched terms for a query of many terms', () => {
    const index = indexOf();
    const many = Array.from({ length: 150 }, (_, i) => `語${i}`).join(' ');
    const query = `防災 訓練 ${many} 計画 ${many} 防災`;
    expect(exactly(index.search(query))).toBe(exactly(miniSearch(index, query)));
    expect(exactly(index.search('防災'))).toBe(exactly(miniSearch(index, '防災')));
  });

  it('gives what MiniSearch gives: scores, order, matched terms and fields', () => {
    const index = indexOf();
    const queries: [Query, SearchOptions?][] = [
      ['防災 訓練 ない 2020'],
      ['防災', { boost: { title: 3 } }],
      [{ combineWith: 'OR', queries: ['防災 計画', { queries: ['防災'], fields: ['title'], boost: { title: 2 } }] }],
      [{ queries: ['ボランティア'], prefix: true }],
      [{ queries: ['ボランティア 2020'], prefix: true, fuzzy: 1 }],
      [{ queries: ['ボランティア'], fuzzy: 0.3 }],
      [{ queries: ['防災 ふるさと', { queries: ['訓練'], boostDocument: (id: unknown) => (id === 'a' ? 0 : 2) }] }],
      [
        '防災 計画 ボランティア',
        {
          boostTerm: (term: string) => (term === '計画' ? 3 : 1),
          prefix: true,
          fuzzy: 1,
          weights: { prefix: 0.5, fuzzy: 0.3 },
        },
      ],
      ['防災 ふるさと', { filter: (result) => result.id !== 'c' }],
      [{ queries: [{ queries: [{ queries: ['訓練 防災'] }, '計画'] }, 'ふるさと'] }],
      [{ queries: [] }],
      ['', { bm25: { k: 2, b: 0.5, d: 1 } }],
    ];
    for (const [query, options] of queries) {
      expect(OrSearch.handles(query, options ?? {}, {})).toBe(true);
      const all = miniSearch(index, query, options);
      expect(exactly(index.search(query, options))).toBe(exactly(all));
      for (const limit of [1, 2, 10])
        expect(exactly(index.searchTop(query, options ?? {}, limit))).toBe(exactly(all.slice(0, limit)));
    }
  });

  it('keeps the fields MiniSearch stores', () => {
    const index = indexOf({ storeFields: ['title'] });
    expect(exactly(index.search('防災'))).toBe(exactly(miniSearch(index, '防災')));
  });

  it('leaves AND queries and the wildcard to MiniSearch', () => {
    const index = indexOf();
    const and: Query = { combineWith: 'AND', queries: ['防災', '計画'] };
    const inner: Query = { queries: ['防災', { combineWith: 'AND_NOT', queries: ['防災', '計画'] }] };
    expect(OrSearch.handles(and, {}, {})).toBe(false);
    expect(OrSearch.handles(inner, {}, {})).toBe(false);
    expect(OrSearch.handles('防災 計画', { combineWith: 'AND' }, {})).toBe(false);
    expect(OrSearch.handles(MiniSearch.wildcard, {}, {})).toBe(false);
    expect(index.search(and).map((r) => String(r.id))).toEqual(['b']);
    expect(exactly(index.search(inner))).toBe(exactly(miniSearch(index, inner)));
    expect(index.search(MiniSearch.wildcard)).toHaveLength(4);
  });

  it('gives what MiniSearch gives for every search of the questions, short and in a long letter', async () => {
    const engine = await bundledEngine();
    const corpusIndex = engine.index.engine;
    const sets = [
      '../shared/eval/dev-questions.jsonl',
      'test/eval/citizen-questions.jsonl',
      'test/eval/styles-tune.jsonl',
      'test/eval/styles-tune-2.jsonl',
      'test/eval/styles-tune-3.jsonl',
      'test/eval/styles-tune-4.jsonl',
    ];
    const questions = sets.flatMap((file) =>
      parseEvalQuestions(readFileSync(path.join(root, file), 'utf8')).map((q) => q.q),
    );
    const story =
      'いつも大変お世話になっております。私は小諸に生まれ育ち、七十年あまりこの町で暮らしてまいりました。' +
      '若い頃は市内の工場に勤めておりましたが、定年後は小さな畑で野菜を育てております。' +
      'そこで、いくつか教えていただきたいことがございます。';
    const letters = questions.filter((_, i) => i % 4 === 0).map((q) => `${story}${q}`);
    let searches = 0;
    const different: string[] = [];
    const compare = (results: SearchResult[], query: Query, options: SearchOptions | undefined, limit: number) => {
      searches += 1;
      const expected = miniSearch(corpusIndex, query, options).slice(0, limit);
      if (exactly(results) !== exactly(expected)) different.push(JSON.stringify(query));
      return results;
    };
    const search = corpusIndex.search.bind(corpusIndex);
    const searchTop = corpusIndex.searchTop.bind(corpusIndex);
    const searchTopInSteps = corpusIndex.searchTopInSteps.bind(corpusIndex);
    corpusIndex.search = (query: Query, options?: SearchOptions) =>
      compare(search(query, options), query, options, Infinity);
    corpusIndex.searchTop = (query: Query, options: SearchOptions, limit: number) =>
      compare(searchTop(query, options, limit), query, options, limit);
    let inSeveralSteps = 0;
    corpusIndex.searchTopInSteps = function* (parts, options, limit, perStep) {
      if (parts.length > perStep) inSeveralSteps += 1;
      const results = yield* searchTopInSteps(parts, options, limit, perStep);
      return compare(results, { combineWith: 'OR', queries: [...parts] }, options, limit);
    };
    try {
      for (const question of [...questions, ...letters]) engine.ask(question);
    } finally {
      delete (corpusIndex as { search?: unknown }).search;
      delete (corpusIndex as { searchTop?: unknown }).searchTop;
      delete (corpusIndex as { searchTopInSteps?: unknown }).searchTopInSteps;
    }
    expect(searches).toBeGreaterThan(questions.length);
    expect(inSeveralSteps).toBeGreaterThan(0);
    expect(different.slice(0, 3)).toEqual([]);
  });
});
