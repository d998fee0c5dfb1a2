/**
 * MiniSearch's search of an OR query (7.2.0, `search` → `executeQuery` → `executeQuerySpec` →
 * `termResults`), worked out with a few arrays kept from one search to the next. MiniSearch
 * builds a Map of result objects for every word and bigram of a question and merges them pairwise,
 * and copies its options twice per word: about half of what a question allocated, so a scavenge
 * every twenty-odd questions. Here each level of the query keeps one array of scores by document,
 * and what a document matched is written once, where MiniSearch would merge it: the same additions
 * in the same order (so the same scores to the last bit), the same documents in the same order, the
 * same matched terms and fields (test/search/or-search.test.ts compares every search a question
 * makes). Only OR queries over an index whose documents were never discarded are searched so; any
 * other is left to MiniSearch (see CorpusIndex.search).
 */
import type { Query, SearchOptions, SearchResult } from 'minisearch';

/** A term's postings: field id → document id → term frequency (MiniSearch's FieldTermData). */
export type Postings = ReadonlyMap<number, ReadonlyMap<number, number>>;

/** What of a built MiniSearch index its search reads (its protected fields and term lookups). */
export interface IndexTables {
  readonly fields: readonly string[];
  readonly tokenize: (text: string) => string[];
  readonly processTerm: (term: string) => string | string[] | null | undefined | false;
  readonly searchOptions: SearchOptions;
  readonly fieldIds: Readonly<Record<string, number>>;
  readonly averageFieldLength: readonly number[];
  readonly fieldLength: ReadonlyMap<number, readonly number[]>;
  readonly documentIds: ReadonlyMap<number, unknown>;
  readonly documentCount: number;
  readonly storedFields: ReadonlyMap<number, Record<string, unknown>>;
  /** One more than the highest short document id. */
  readonly documentSlots: number;
  get(term: string): Postings | undefined;
  atPrefix(prefix: string): Iterable<[string, Postings]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [Postings, number]>;
}

/** MiniSearch 7.2.0's default weights of prefix and fuzzy matches, for options that leave one out. */
const defaultWeights = { fuzzy: 0.45, prefix: 0.375 };
const defaultBm25 = { k: 1.2, b: 0.7, d: 0.5 };

/** The scores of one level of the query (a combination, a query string or one of its terms). */
interface Level {
  readonly score: Float64Array;
  readonly has: Uint8Array;
  /** The documents with a score, in the order they got it. */
  readonly documents: Int32Array;
  count: number;
}

type Options = SearchOptions & { readonly tokenize?: IndexTables['tokenize']; readonly processTerm?: unknown };

export class OrSearch {
  private readonly levels: Level[] = [];
  /** Per document, across the search: the query terms it matched, what matched where, in MiniSearch's order. */
  private readonly queryTerms: (string[] | undefined)[];
  private readonly match: (Record<string, string[]> | undefined)[];
  /** The fields of the document's match for the derived term of the current lookup (see record). */
  private readonly lookupOf: Int32Array;
  private readonly fieldsNow: (string[] | undefined)[];
  private lookup = 0;
  private readonly met: number[] = [];

  constructor(private readonly tables: IndexTables) {
    this.queryTerms = new Array<string[] | undefined>(tables.documentSlots);
    this.match = new Array<Record<string, string[]> | undefined>(tables.documentSlots);
    this.lookupOf = new Int32Array(tables.documentSlots);
    this.fieldsNow = new Array<string[] | undefined>(tables.documentSlots);
  }

  /** Whether `search` answers this query as MiniSearch would: OR all through, no wildcard. */
  static handles(query: Query, searchOptions: SearchOptions, global: SearchOptions): boolean {
    const isOr = (combineWith: string | undefined) => (combineWith ?? 'or').toLowerCase() === 'or';
    const walk = (q: Query, outer: SearchOptions): boolean => {
      if (typeof q === 'symbol') return false;
      if (typeof q === 'string') return isOr('combineWith' in outer ? outer.combineWith : global.combineWith);
      const options = { ...outer, ...q };
      return isOr(options.combineWith) && q.queries.every((sub) => walk(sub, options));
    };
    return walk(query, searchOptions);
  }

  /** MiniSearch's `search(query, searchOptions)` for a query `handles` accepts. */
  search(query: Query, searchOptions: SearchOptions = {}): SearchResult[] {
    const { documentIds, storedFields, searchOptions: global } = this.tables;
    const { filter } = { ...global, ...searchOptions };
    try {
      this.evaluate(query, searchOptions, 0);
      const top = this.level(0);
      const results: SearchResult[] = [];
      for (const id of this.met) {
        const queryTerms = this.queryTerms[id] as string[];
        const match = this.match[id] as Record<string, string[]>;
        const result: SearchResult = {
          id: documentIds.get(id),
          score: (top.score[id] as number) * (queryTerms.length || 1),
          terms: Object.keys(match),
          queryTerms,
          match,
        };
        Object.assign(result, storedFields.get(id));
        if (filter == null || filter(result)) results.push(result);
      }
      results.sort(byScore);
      return results;
    } finally {
      for (const id of this.met) {
        this.queryTerms[id] = undefined;
        this.match[id] = undefined;
        this.fieldsNow[id] = undefined;
        this.lookupOf[id] = 0;
      }
      this.met.length = 0;
      this.lookup = 0;
    }
  }

  private level(depth: number): Level {
    let level = this.levels[depth];
    if (!level) {
      const slots = this.tables.documentSlots;
      level = {
        score: new Float64Array(slots),
        has: new Uint8Array(slots),
        documents: new Int32Array(slots),
        count: 0,
      };
      this.levels[depth] = level;
    }
    return level;
  }

  private cleared(depth: number): Level {
    const level = this.level(depth);
    for (let i = 0; i < level.count; i++) level.has[level.documents[i] as number] = 0;
    level.count = 0;
    return level;
  }

  /** Adds a level's scores into the one above, as MiniSearch's OR adds a result Map into another. */
  private addInto(into: Level, from: Level): void {
    for (let i = 0; i < from.count; i++) {
      const id = from.documents[i] as number;
      if (into.has[id]) {
        into.score[id] = (into.score[id] as number) + (from.score[id] as number);
      } else {
        into.score[id] = from.score[id] as number;
        into.has[id] = 1;
        into.documents[into.count++] = id;
      }
    }
  }

  /** executeQuery: a combination's queries, or a query string's terms, each scored and added up. */
  private evaluate(query: Query, outer: Options, depth: number): void {
    const into = this.cleared(depth);
    if (typeof query === 'string') {
      const { tables } = this;
      const options: Options = {
        tokenize: tables.tokenize,
        processTerm: tables.processTerm,
        ...tables.searchOptions,
        ...outer,
      };
      const tokenize = options.tokenize as IndexTables['tokenize'];
      const processTerm = options.processTerm as IndexTables['processTerm'];
      const terms = tokenize(query)
        .flatMap((term) => processTerm(term))
        .filter((term): term is string => !!term);
      const fields = fieldBoosts(options.fields ?? tables.fields, options.boost);
      for (const [i, term] of terms.entries()) {
        this.evaluateTerm(term, i, terms, options, fields, depth + 1);
        this.addInto(into, this.level(depth + 1));
      }
      return;
    }
    if (typeof query === 'symbol') throw new Error('OrSearch: a wildcard query is MiniSearch’s to search');
    const options: Options = { ...outer, ...query, queries: undefined } as Options;
    for (const sub of query.queries) {
      this.evaluate(sub, options, depth + 1);
      this.addInto(into, this.level(depth + 1));
    }
  }

  /** executeQuerySpec: one term, exactly and by the prefixes and slips its options allow. */
  private evaluateTerm(
    term: string,
    i: number,
    terms: string[],
    options: Options,
    fields: readonly FieldBoost[],
    depth: number,
  ): void {
    const into = this.cleared(depth);
    const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : (options.fuzzy ?? false);
    const prefix = typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true;
    const termBoost = typeof options.boostTerm === 'function' ? options.boostTerm(term, i, terms) : 1;
    const weights = { ...defaultWeights, ...options.weights };
    const bm25 = options.bm25 ?? defaultBm25;
    const { boostDocument } = options;
    const { tables } = this;
    this.termResults(into, term, term, 1, termBoost, tables.get(term), fields, boostDocument, bm25);
    let prefixMatches: Iterable<[string, Postings]> | undefined;
    let fuzzyMatches: Map<string, [Postings, number]> | undefined;
    if (prefix) prefixMatches = tables.atPrefix(term);
    if (fuzzy) {
      const share = fuzzy === true ? 0.2 : fuzzy;
      const maxDistance = share < 1 ? Math.min(options.maxFuzzy ?? 6, Math.round(term.length * share)) : share;
      if (maxDistance) fuzzyMatches = tables.fuzzyGet(term, maxDistance);
    }
    if (prefixMatches) {
      for (const [word, postings] of prefixMatches) {
        const distance = word.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(word);
        const weight = (weights.prefix * word.length) / (word.length + 0.3 * distance);
        this.termResults(into, term, word, weight, termBoost, postings, fields, boostDocument, bm25);
      }
    }
    if (fuzzyMatches) {
      for (const word of fuzzyMatches.keys()) {
        const [postings, distance] = fuzzyMatches.get(word) as [Postings, number];
        if (!distance) continue;
        const weight = (weights.fuzzy * word.length) / (word.length + distance);
        this.termResults(into, term, word, weight, termBoost, postings, fields, boostDocument, bm25);
      }
    }
  }

  /** termResults: BM25 of one derived term in each field, added to the term's level. */
  private termResults(
    into: Level,
    sourceTerm: string,
    derivedTerm: string,
    termWeight: number,
    termBoost: number,
    postings: Postings | undefined,
    fields: readonly FieldBoost[],
    boostDocument: SearchOptions['boostDocument'],
    bm25: NonNullable<SearchOptions['bm25']>,
  ): void {
    if (postings == null) return;
    const { tables } = this;
    const lookup = ++this.lookup;
    for (const { field, boost: fieldBoost } of fields) {
      const fieldId = tables.fieldIds[field] as number;
      const frequencies = postings.get(fieldId);
      if (frequencies == null) continue;
      const matchingFields = frequencies.size;
      const averageFieldLength = tables.averageFieldLength[fieldId] as number;
      for (const [id, termFrequency] of frequencies) {
        const docBoost = boostDocument
          ? boostDocument(tables.documentIds.get(id), derivedTerm, tables.storedFields.get(id))
          : 1;
        if (!docBoost) continue;
        const fieldLength = (tables.fieldLength.get(id) as readonly number[])[fieldId] as number;
        const rawScore = bm25Score(
          termFrequency,
          matchingFields,
          tables.documentCount,
          fieldLength,
          averageFieldLength,
          bm25,
        );
        const weightedScore = termWeight * termBoost * fieldBoost * docBoost * rawScore;
        if (into.has[id]) {
          into.score[id] = (into.score[id] as number) + weightedScore;
        } else {
          into.score[id] = weightedScore;
          into.has[id] = 1;
          into.documents[into.count++] = id;
        }
        this.record(id, sourceTerm, derivedTerm, field, lookup);
      }
    }
  }

  /**
   * What a document matched, as MiniSearch's merged result for it ends up: query terms in the order
   * first matched; each derived term once, where first matched, with the fields of the last lookup
   * of it (Object.assign of a later result replaces an earlier one's list).
   */
  private record(id: number, sourceTerm: string, derivedTerm: string, field: string, lookup: number): void {
    const queryTerms = this.queryTerms[id];
    if (queryTerms === undefined) {
      const fields = [field];
      this.queryTerms[id] = [sourceTerm];
      this.match[id] = { [derivedTerm]: fields };
      this.fieldsNow[id] = fields;
      this.lookupOf[id] = lookup;
      this.met.push(id);
      return;
    }
    if (!queryTerms.includes(sourceTerm)) queryTerms.push(sourceTerm);
    if (this.lookupOf[id] === lookup) {
      (this.fieldsNow[id] as string[]).push(field);
    } else {
      const fields = [field];
      (this.match[id] as Record<string, string[]>)[derivedTerm] = fields;
      this.fieldsNow[id] = fields;
      this.lookupOf[id] = lookup;
    }
  }
}

interface FieldBoost {
  readonly field: string;
  readonly boost: number;
}

/** The fields searched with their boosts, in the order of MiniSearch's boosts object (its keys). */
function fieldBoosts(fields: readonly string[], boost: SearchOptions['boost']): FieldBoost[] {
  const boosts: Record<string, number> = {};
  for (const field of fields) {
    // `|| 1` as MiniSearch has it: a boost of 0 counts as none.
    // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
    boosts[field] = (boost && Object.prototype.hasOwnProperty.call(boost, field) ? boost[field] : undefined) || 1;
  }
  return Object.keys(boosts).map((field) => ({ field, boost: boosts[field] as number }));
}

function bm25Score(
  termFrequency: number,
  matchingCount: number,
  totalCount: number,
  fieldLength: number,
  averageFieldLength: number,
  { k, b, d }: NonNullable<SearchOptions['bm25']>,
): number {
  const inverseDocumentFrequency = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return (
    inverseDocumentFrequency *
    (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageFieldLength)))
  );
}

const byScore = (a: SearchResult, b: SearchResult) => b.score - a.score;
