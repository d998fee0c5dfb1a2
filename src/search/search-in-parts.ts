/**
 * One MiniSearch OR query of many parts, searched a few parts at a time: a long letter asks for
 * sixty-odd words and their synonyms, and searched at once they held the event loop for tens of
 * milliseconds. Each group of parts is its own search, a step of a job (see askInSteps), and the
 * groups' results are combined as MiniSearch combines the parts of one OR query: raw scores
 * summed, matched query terms and fields merged, then the sum multiplied by the number of distinct
 * query terms matched (MiniSearch's "quality"), so the ranking is the one search would give.
 * A query of one group is one search, which writes out only the first `limit` results.
 */
import type { Query, SearchOptions, SearchResult } from 'minisearch';
import type { CorpusIndex } from './corpus-index.js';
import { indexedPart } from './indexed-parts.js';

/** Parts of the query searched in one step. */
export const partsPerStep = 16;

interface Combined {
  readonly id: unknown;
  raw: number;
  readonly queryTerms: Set<string>;
  readonly match: Record<string, string[]>;
}

export function* searchInParts<T>(
  engine: CorpusIndex<T>,
  parts: readonly Query[],
  options: SearchOptions,
  limit = Infinity,
): Generator<void, SearchResult[], void> {
  // Words no entry has are left out first (indexed-parts.ts): a long message's story is mostly such.
  const indexed = parts
    .map((part) => indexedPart(part, (term) => engine.holds(term), { ...options, combineWith: 'OR' }))
    .filter((part): part is Query => part !== undefined);
  const search = (group: readonly Query[]) =>
    group.length === 0 ? [] : engine.search({ combineWith: 'OR', queries: [...group] }, options);
  // One search: only the results asked for are written out (see or-search.ts).
  if (indexed.length <= partsPerStep) {
    return indexed.length === 0 ? [] : engine.searchTop({ combineWith: 'OR', queries: [...indexed] }, options, limit);
  }
  const combined = new Map<unknown, Combined>();
  for (let start = 0; start < indexed.length; start += partsPerStep) {
    if (start > 0) yield;
    const results = search(indexed.slice(start, start + partsPerStep));
    for (const result of results) {
      const raw = result.score / (result.queryTerms.length || 1);
      const seen = combined.get(result.id);
      if (seen) {
        seen.raw += raw;
        for (const term of result.queryTerms) seen.queryTerms.add(term);
        Object.assign(seen.match, result.match);
      } else {
        combined.set(result.id, {
          id: result.id,
          raw,
          queryTerms: new Set(result.queryTerms),
          match: { ...result.match },
        });
      }
    }
  }
  const results: SearchResult[] = [...combined.values()].map(({ id, raw, queryTerms, match }) => ({
    id,
    score: raw * (queryTerms.size || 1),
    terms: Object.keys(match),
    queryTerms: [...queryTerms],
    match,
  }));
  return results.sort((a, b) => b.score - a.score);
}
