/**
 * MiniSearch, with the terms of a built index looked up in tables. MiniSearch keeps its terms in a
 * radix tree and finds a term by comparing it with each child of a node in turn: a Japanese
 * corpus's terms and bigrams start with hundreds of different characters (761 at the root for the
 * bundled corpus), so each word, reading bigram and character bigram of a question was compared
 * with hundreds of keys, the better part of a search with few matches; and a fuzzy search (a
 * katakana word of five or more, see search.ts) walked most of the tree's top, about a
 * millisecond. An index is built once and then only searched (a changed corpus gets a new one),
 * so once built its terms are put in a Map for exact lookups and in a list for fuzzy ones, which
 * answer what the tree answers, in its order; prefix searches still walk the tree.
 */
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { OrSearch, type IndexTables, type Postings } from './or-search.js';

/** MiniSearch's radix tree (7.2.0): each node maps a piece of key to a child, '' to a leaf's value. */
type RadixTree<V> = Map<string, RadixTree<V> | V>;
const LEAF = '';

export class CorpusIndex<T> extends MiniSearch<T> {
  private lookedUpInTable = false;

  /** Called once every document is added: terms are looked up in tables from then on. */
  lookUpTermsInTable(): void {
    type Postings = NonNullable<ReturnType<typeof this._index.get>>;
    const index = this._index;
    const postings = new Map(index.entries());
    const inTreeOrder = termsInTreeOrder(index._tree as unknown as RadixTree<Postings>);
    index.get = (term: string) => postings.get(term);
    const treeFuzzyGet = index.fuzzyGet.bind(index);
    const oneEditAway = withinOneEdit(inTreeOrder);
    // One edit is all search.ts ever allows (a slip in a katakana word); more go through the tree.
    index.fuzzyGet = (term: string, maxDistance: number) =>
      maxDistance === 1 && term.length > 0 ? oneEditAway(term) : treeFuzzyGet(term, maxDistance);
    this.holdsTerm = (term) => postings.has(term);
    this.lookedUpInTable = true;
    // A discarded document's postings stay until a vacuum, which MiniSearch's search skips.
    if (this._dirtCount === 0 && this._options.fields.length <= OrSearch.maxFields) {
      this.orTables = this.tables();
    }
  }

  /** What the search of an OR query in arrays (or-search.ts) reads, once the terms are in tables. */
  private orTables: IndexTables | undefined;
  /**
   * OrSearches not in use. A search in steps holds one until it ends, and searches between its
   * steps take another: a few at most, each a few arrays the size of the corpus.
   */
  private readonly idleOrSearches: OrSearch[] = [];

  override search(query: Query, searchOptions: SearchOptions = {}): SearchResult[] {
    return this.searchTop(query, searchOptions, Infinity);
  }

  /** The first `limit` results of search(query, searchOptions), the others not written out. */
  searchTop(query: Query, searchOptions: SearchOptions, limit: number): SearchResult[] {
    const { orTables } = this;
    if (orTables && OrSearch.handles(query, searchOptions, this._options.searchOptions)) {
      const orSearch = this.idleOrSearches.pop() ?? new OrSearch(orTables);
      try {
        return orSearch.search(query, searchOptions, limit);
      } finally {
        this.idleOrSearches.push(orSearch);
      }
    }
    const results = super.search(query, searchOptions);
    return limit < results.length ? results.slice(0, limit) : results;
  }

  /**
   * searchTop of the OR query of `parts`, as a job in steps of `perStep` parts (or-search.ts): a
   * long letter asks for dozens of words and their synonyms. An index not searched in arrays is
   * searched at once.
   */
  *searchTopInSteps(
    parts: readonly Query[],
    searchOptions: SearchOptions,
    limit: number,
    perStep: number,
  ): Generator<void, SearchResult[], void> {
    const query: Query = { combineWith: 'OR', queries: [...parts] };
    const { orTables } = this;
    if (!orTables || !OrSearch.handles(query, searchOptions, this._options.searchOptions)) {
      return this.searchTop(query, searchOptions, limit);
    }
    const orSearch = this.idleOrSearches.pop() ?? new OrSearch(orTables);
    try {
      return yield* orSearch.searchInSteps(parts, searchOptions, limit, perStep);
    } finally {
      this.idleOrSearches.push(orSearch);
    }
  }

  private tables(): IndexTables {
    const index = this._index as unknown as {
      get(term: string): Postings | undefined;
      atPrefix(prefix: string): Iterable<[string, Postings]>;
      fuzzyGet(term: string, maxDistance: number): Map<string, [Postings, number]>;
    };
    const { fields, tokenize, processTerm, searchOptions } = this._options;
    return {
      fields,
      // Called with the text or term alone, as MiniSearch's search calls them.
      tokenize,
      processTerm,
      searchOptions,
      fieldIds: this._fieldIds,
      averageFieldLength: this._avgFieldLength,
      fieldLength: this._fieldLength,
      documentIds: this._documentIds,
      documentCount: this._documentCount,
      storedFields: this._storedFields,
      documentSlots: this._nextId,
      get: (term) => index.get(term),
      atPrefix: (prefix) => index.atPrefix(prefix),
      fuzzyGet: (term, maxDistance) => index.fuzzyGet(term, maxDistance),
    };
  }

  private holdsTerm = (term: string) => this._index.has(term);

  /** Whether some entry has the term, in any field. */
  holds(term: string): boolean {
    return this.holdsTerm(term);
  }

  // The tables would miss what changed: an index whose terms are in tables is not changed.
  override add(document: T): void {
    this.unchanged();
    super.add(document);
  }

  override remove(document: T): void {
    this.unchanged();
    super.remove(document);
  }

  override discard(id: unknown): void {
    this.unchanged();
    super.discard(id);
  }

  private unchanged(): void {
    if (this.lookedUpInTable) throw new Error('CorpusIndex: the index is not changed once its terms are in tables');
  }
}

/**
 * The tree's terms and values in the order its fuzzy search visits them: depth first, each node's
 * keys in the order they were set. Fuzzy results are searched in that order, and their scores
 * are added up in it.
 */
function termsInTreeOrder<V>(tree: RadixTree<V>): [string, V][] {
  const terms: [string, V][] = [];
  const visit = (node: RadixTree<V>, prefix: string) => {
    for (const [key, child] of node) {
      if (key === LEAF) terms.push([prefix, child as V]);
      else visit(child as RadixTree<V>, prefix + key);
    }
  };
  visit(tree, '');
  return terms;
}

/**
 * A lookup of the terms at most one edit away from a term, with their distance (0 or 1), in the
 * tree's order. A term one edit away either starts with the same character (the edit comes
 * after it), or the edit is on its first character: then the rest after it is the same (a
 * letter changed), or it is the term without its first letter, or the term is it without its
 * own. So only the terms sharing a first character or what follows it are measured.
 */
function withinOneEdit<V>(inTreeOrder: readonly [string, V][]): (term: string) => Map<string, [V, number]> {
  const byFirst = new Map<string, number[]>();
  const byRest = new Map<string, number[]>();
  const position = new Map<string, number>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const positions = map.get(key);
    if (positions) positions.push(i);
    else map.set(key, [i]);
  };
  inTreeOrder.forEach(([key], i) => {
    position.set(key, i);
    if (key.length === 0) return;
    add(byFirst, key[0] as string, i);
    add(byRest, key.slice(1), i);
  });
  return (term) => {
    const candidates = new Set<number>([
      ...(byFirst.get(term[0] as string) ?? []),
      ...(byRest.get(term.slice(1)) ?? []),
      ...(byRest.get(term) ?? []),
    ]);
    const withoutFirst = position.get(term.slice(1));
    if (withoutFirst !== undefined) candidates.add(withoutFirst);
    const found = new Map<string, [V, number]>();
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const [key, value] = inTreeOrder[i] as [string, V];
      const distance = editDistanceWithin(key, term, 1);
      if (distance <= 1) found.set(key, [value, distance]);
    }
    return found;
  };
}

/**
 * The Levenshtein distance of two strings (UTF-16 code units, as MiniSearch counts them) when it
 * is at most `maxDistance`; otherwise some number above it. Only the cells within `maxDistance`
 * of the diagonal can give such a distance, so only those are computed.
 */
export function editDistanceWithin(a: string, b: string, maxDistance: number): number {
  const beyond = maxDistance + 1;
  if (Math.abs(a.length - b.length) > maxDistance) return beyond;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= maxDistance ? j : beyond;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - maxDistance);
    const to = Math.min(b.length, i + maxDistance);
    current.fill(beyond);
    if (i <= maxDistance) current[0] = i;
    let rowMinimum = current[0] as number;
    for (let j = from; j <= to; j++) {
      const substitution = (previous[j - 1] as number) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (previous[j] as number) + 1;
      const insertion = (current[j - 1] as number) + 1;
      const distance = Math.min(substitution, deletion, insertion, beyond);
      current[j] = distance;
      if (distance < rowMinimum) rowMinimum = distance;
    }
    if (rowMinimum > maxDistance) return beyond;
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}
