import { describe, expect, it } from 'vitest';
import type { Query, SearchResult } from 'minisearch';
import { partsPerStep, searchInParts } from '../../src/search/search-in-parts.js';
import { baseSearchOptions, textFields } from '../../src/search/index-options.js';
import { runAtOnce } from '../../src/time-slices.js';
import { bundledEngine } from '../support/bot-server.js';

describe('search in parts', () => {
  it('ranks a long query searched a group of parts at a time as one search would, in several steps', async () => {
    const { index } = await bundledEngine();
    // Words of the entries: a query of far more parts than one step searches, and as many words
    // no entry has, which are left out before the parts are grouped.
    const words = [...index.documentFrequency.keys()]
      .filter((key) => key.startsWith('t:'))
      .map((key) => key.slice(2))
      .slice(0, partsPerStep * 3 + 5);
    const parts: Query[] = words.map((w) => ({ queries: [w], fields: [...textFields] }));
    const whole = index.engine.search({ combineWith: 'OR', queries: parts }, baseSearchOptions);
    const unheld: Query[] = words.map((w) => ({ queries: [`${w}ではない語`], fields: [...textFields] }));
    expect(unheld.every((part) => index.engine.search(part, baseSearchOptions).length === 0)).toBe(true);

    const steps = searchInParts(
      index.engine,
      parts.flatMap((part, i) => [part, unheld[i] as Query]),
      baseSearchOptions,
    );
    let yielded = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yielded += 1;
    const inParts = next.value;

    expect(yielded).toBe(3);
    expect(inParts.map((r) => String(r.id))).toEqual(whole.map((r) => String(r.id)));
    inParts.forEach((r, i) => {
      expect(r.score).toBeCloseTo(whole[i]?.score ?? NaN, 9);
      expect([...r.queryTerms].sort()).toEqual([...(whole[i]?.queryTerms ?? [])].sort());
      expect(Object.keys(r.match).sort()).toEqual(Object.keys(whole[i]?.match ?? {}).sort());
    });
  });

  it('keeps two long searches apart when their steps take turns, as two letters answered at once do', async () => {
    const { index } = await bundledEngine();
    const words = [...index.documentFrequency.keys()].filter((key) => key.startsWith('t:')).map((key) => key.slice(2));
    const queryOf = (from: number): Query[] =>
      words.slice(from, from + partsPerStep * 2 + 3).map((w) => ({ queries: [w], fields: [...textFields] }));
    const [first, second] = [queryOf(0), queryOf(200)];
    const ranking = (results: readonly SearchResult[]) => results.map((r) => `${String(r.id)} ${r.score}`);
    const alone = (parts: Query[]) =>
      ranking(index.engine.search({ combineWith: 'OR', queries: parts }, baseSearchOptions));

    const jobs = [first, second].map((parts) => searchInParts(index.engine, parts, baseSearchOptions));
    const done: (ReturnType<typeof alone> | undefined)[] = [undefined, undefined];
    while (done.includes(undefined)) {
      jobs.forEach((job, i) => {
        if (done[i]) return;
        const next = job.next();
        if (next.done) done[i] = ranking(next.value);
      });
    }

    expect(done[0]).toEqual(alone(first));
    expect(done[1]).toEqual(alone(second));
    expect(done[0]).not.toEqual(done[1]);
  });

  it('searches a short query at once', async () => {
    const { index } = await bundledEngine();
    const parts: Query[] = [{ queries: ['ふるさと納税'], fields: [...textFields] }];
    expect(runAtOnce(searchInParts(index.engine, parts, baseSearchOptions)).map((r) => String(r.id))).toEqual(
      index.engine.search({ combineWith: 'OR', queries: parts }, baseSearchOptions).map((r) => String(r.id)),
    );
  });
});
