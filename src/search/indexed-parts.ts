/**
 * A query's parts without the words the index does not hold. A word no entry has (most of a long
 * story's: 足腰, 行き来) matches nothing searched exactly, yet MiniSearch spent a few microseconds
 * on each, a third of a long message's words and bigrams. In an OR a part that matches nothing
 * adds nothing to any entry and does not change the order entries are met in, so leaving it out
 * gives the same results, scores and matches. Words searched by prefix or with a slip may match
 * other words, and the parts of an AND matter even when they match nothing: those stay.
 */
import type { Query, SearchOptions } from 'minisearch';

/** What a part takes from the query around it (MiniSearch spreads a query's options down). */
interface Around {
  readonly combineWith: string;
  readonly prefix: unknown;
  readonly fuzzy: unknown;
}

/**
 * The part with only the words `isIndexed` knows, where leaving the others out changes nothing
 * (see the header); undefined when nothing of it can match. Query strings are split as the
 * search splits them (`options.tokenize`, `options.processTerm`).
 */
export function indexedPart(
  part: Query,
  isIndexed: (term: string) => boolean,
  options: SearchOptions,
): Query | undefined {
  const { tokenize, processTerm } = options;
  if (!tokenize) return part;
  return pruned(part, { isIndexed, tokenize, processTerm }, around(options, options));
}

interface Reading {
  readonly isIndexed: (term: string) => boolean;
  readonly tokenize: (text: string) => string[];
  readonly processTerm: SearchOptions['processTerm'];
}

function around(query: SearchOptions, outer: Around | SearchOptions): Around {
  return {
    combineWith: (query.combineWith ?? outer.combineWith ?? 'OR').toUpperCase(),
    prefix: 'prefix' in query ? query.prefix : outer.prefix,
    fuzzy: 'fuzzy' in query ? query.fuzzy : outer.fuzzy,
  };
}

function pruned(query: Query, reading: Reading, outer: Around): Query | undefined {
  if (typeof query === 'symbol') return query;
  // Whether this query may be left out, or its words: only an OR of exact words matching nothing.
  const prunable = outer.combineWith === 'OR' && !outer.prefix && !outer.fuzzy;
  if (typeof query === 'string') return prunable ? indexedWords(query, reading) : query;
  const within = around(query, outer);
  const queries = query.queries
    .map((sub) => pruned(sub, reading, within))
    .filter((sub): sub is Query => sub !== undefined);
  if (queries.length === 0 && prunable) return undefined;
  const unchanged = queries.length === query.queries.length && queries.every((q, i) => q === query.queries[i]);
  return unchanged ? query : { ...query, queries };
}

/** A query string's words that the index holds, or undefined for none. */
function indexedWords(text: string, { isIndexed, tokenize, processTerm }: Reading): string | undefined {
  const words = tokenize(text).filter((word) => word.length > 0);
  // A word the search would change (lower case, stemming) is looked up as changed: left as it is.
  if (processTerm && words.some((word) => processTerm(word) !== word)) return text;
  const kept = words.filter(isIndexed);
  if (kept.length === 0) return undefined;
  return kept.length === words.length ? text : kept.join(' ');
}
