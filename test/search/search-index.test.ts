import { beforeAll, describe, expect, it } from 'vitest';
import type { Tokenize } from '../../src/analyze/japanese-tokenizer.js';
import { buildSearchIndex, buildSearchIndexInSlices } from '../../src/search/search-index.js';
import { fixtureCorpus } from '../support/fixture-corpus.js';
import { realTokenizer } from '../support/tokenizer.js';

let tokenize: Tokenize;
beforeAll(async () => {
  tokenize = await realTokenizer();
});

const synonyms = [['残業', '超過勤務']];

describe('building the index in slices', () => {
  it('gives the same index as building it at once', async () => {
    const atOnce = buildSearchIndex(fixtureCorpus, tokenize, synonyms);
    const sliced = await buildSearchIndexInSlices(fixtureCorpus, tokenize, synonyms, 0);
    expect(JSON.stringify(sliced.engine)).toBe(JSON.stringify(atOnce.engine));
    expect([...sliced.documentFrequency]).toEqual([...atOnce.documentFrequency]);
    expect([...sliced.readings]).toEqual([...atOnce.readings]);
    expect([...sliced.synonyms.byPhrase]).toEqual([...atOnce.synonyms.byPhrase]);
    expect(sliced.text).toBe(atOnce.text);
  });

  it('lets other work run between its slices', async () => {
    let ranBetween = false;
    setImmediate(() => (ranBetween = true));
    const building = buildSearchIndexInSlices(fixtureCorpus, tokenize, [], 0);
    expect(ranBetween).toBe(false);
    await building;
    expect(ranBetween).toBe(true);
  });
});
