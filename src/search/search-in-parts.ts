/**
 * One MiniSearch OR query of many parts, searched a few parts at a time: a long letter asks for
 * dozens of words and their synonyms. Each group of parts is scored in its own step of a job (see
 * askInSteps), and the scores are added up as one search of the whole query adds them
 * (CorpusIndex.searchTopInSteps), so the results are those of that search; only the first
 * `limit` are written out.
 */
import type { Query, SearchOptions, SearchResult } from 'minisearch';
import type { CorpusIndex } from './corpus-index.js';
import { indexedPart } from './indexed-parts.js';

/** Parts of the query searched in one step. */
export const partsPerStep = 16;

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
  if (indexed.length === 0) return [];
  return yield* engine.searchTopInSteps(indexed, options, limit, partsPerStep);
}
