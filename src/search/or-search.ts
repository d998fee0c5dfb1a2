/**
 * MiniSearch's search of an OR query (7.2.0, `search` → `executeQuery` → `executeQuerySpec` →
 * `termResults`), worked out with a few arrays kept from one search to the next. MiniSearch
 * builds a Map of result objects for every word and bigram of a question and merges them pairwise,
 * and copies its options twice per word: about half of what a question allocated, so a scavenge
 * every twenty-odd questions. Here each level of the query keeps one array of scores by document,
 * and what each document matched is logged, then written out as MiniSearch's merged result would
 * end up, for the results asked for only: the same additions in the same order (so the same scores
 * to the last bit), the same documents in the same order, the same matched terms and fields
 * (test/search/or-search.test.ts compares every search a question makes). Only OR queries over an
 * index whose documents were never discarded are searched so; any other is left to MiniSearch
 * (see CorpusIndex.search).
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
  /** The most fields an index searched so may have (the log keeps a field in 7 bits). */
  static readonly maxFields = 0x7f;

  private readonly levels: Level[] = [];
  private readonly log: MatchLog;
  /** The documents' scores, as MiniSearch's results have them. */
  private readonly scores: Float64Array;

  constructor(private readonly tables: IndexTables) {
    this.log = new MatchLog(tables);
    this.scores = new Float64Array(tables.documentSlots);
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

  /**
   * MiniSearch's `search(query, searchOptions)` for a query `handles` accepts, its first `limit`
   * results: only those are written out (a question's words and bigrams meet most entries, and the
   * re-ranking reads twenty).
   */
  search(query: Query, searchOptions: SearchOptions = {}, limit = Infinity): SearchResult[] {
    try {
      this.evaluate(query, searchOptions, 0);
      return this.writeOut(searchOptions, limit);
    } finally {
      this.log.clear();
    }
  }

  /**
   * `search` of the OR query of `parts`, as a job in steps: the parts are scored `perStep` at a
   * time, a step each, and added up in the order one search adds them, so the results are the
   * same to the last bit; only the first `limit` are written out. A job holds its OrSearch until
   * it ends: another search between its steps needs an OrSearch of its own.
   */
  *searchInSteps(
    parts: readonly Query[],
    searchOptions: SearchOptions,
    limit: number,
    perStep: number,
  ): Generator<void, SearchResult[], void> {
    try {
      // What evaluate does for the query { combineWith: 'OR', queries: parts }, a step at a time.
      const into = this.cleared(0);
      const options = { ...searchOptions, combineWith: 'OR', queries: undefined } as Options;
      for (const [i, part] of parts.entries()) {
        if (i > 0 && i % perStep === 0) yield;
        this.evaluate(part, options, 1);
        this.addInto(into, this.level(1));
      }
      return this.writeOut(searchOptions, limit);
    } finally {
      this.log.clear();
    }
  }

  /** The results of the query evaluated at the top level: the first `limit`, best first. */
  private writeOut(searchOptions: SearchOptions, limit: number): SearchResult[] {
    const { filter } = { ...this.tables.searchOptions, ...searchOptions };
    const { log } = this;
    const raw = this.level(0).score;
    const scores = this.scores;
    const met = log.documentsMet();
    for (const id of met) scores[id] = (raw[id] as number) * (log.matchedTerms(id) || 1);
    if (filter != null || limit >= met.length) {
      const results = met.map((id) => log.result(id, scores[id] as number)).filter((r) => filter == null || filter(r));
      results.sort(byScore);
      return limit < results.length ? results.slice(0, limit) : results;
    }
    // The order MiniSearch's sort gives its results: met in this order, with these scores.
    const ranked = met.sort((a, b) => (scores[b] as number) - (scores[a] as number));
    return ranked.slice(0, limit).map((id) => log.result(id, scores[id] as number));
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
    const bm25 = options.bm25 ?? defaultBm25;
    const { boostDocument } = options;
    const { tables } = this;
    const source = this.log.sourceTerm(term);
    this.termResults(into, source, term, 1, termBoost, tables.get(term), fields, boostDocument, bm25);
    let prefixMatches: Iterable<[string, Postings]> | undefined;
    let fuzzyMatches: Map<string, [Postings, number]> | undefined;
    if (prefix) prefixMatches = tables.atPrefix(term);
    if (fuzzy) {
      const share = fuzzy === true ? 0.2 : fuzzy;
      const maxDistance = share < 1 ? Math.min(options.maxFuzzy ?? 6, Math.round(term.length * share)) : share;
      if (maxDistance) fuzzyMatches = tables.fuzzyGet(term, maxDistance);
    }
    // Only a prefix or a slip needs the weights (a term searched as written, most, does not).
    const weights = prefixMatches || fuzzyMatches ? { ...defaultWeights, ...options.weights } : defaultWeights;
    if (prefixMatches) {
      for (const [word, postings] of prefixMatches) {
        const distance = word.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(word);
        const weight = (weights.prefix * word.length) / (word.length + 0.3 * distance);
        this.termResults(into, source, word, weight, termBoost, postings, fields, boostDocument, bm25);
      }
    }
    if (fuzzyMatches) {
      for (const word of fuzzyMatches.keys()) {
        const [postings, distance] = fuzzyMatches.get(word) as [Postings, number];
        if (!distance) continue;
        const weight = (weights.fuzzy * word.length) / (word.length + distance);
        this.termResults(into, source, word, weight, termBoost, postings, fields, boostDocument, bm25);
      }
    }
  }

  /** termResults: BM25 of one derived term in each field, added to the term's level. */
  private termResults(
    into: Level,
    source: number,
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
    const lookup = this.log.lookup(source, derivedTerm);
    for (const { field, boost: fieldBoost } of fields) {
      const fieldId = tables.fieldIds[field] as number;
      const frequencies = postings.get(fieldId);
      if (frequencies == null) continue;
      const matchingFields = frequencies.size;
      const averageFieldLength = tables.averageFieldLength[fieldId] as number;
      // What MiniSearch works out again for each posting, once per field: the same values.
      const inverse = inverseDocumentFrequency(matchingFields, tables.documentCount);
      const termFieldWeight = termWeight * termBoost * fieldBoost;
      // Keys and get, as MiniSearch reads them: an entries iterator makes a pair per posting.
      for (const id of frequencies.keys()) {
        const termFrequency = frequencies.get(id) as number;
        const docBoost = boostDocument
          ? boostDocument(tables.documentIds.get(id), derivedTerm, tables.storedFields.get(id))
          : 1;
        if (!docBoost) continue;
        const fieldLength = (tables.fieldLength.get(id) as readonly number[])[fieldId] as number;
        const rawScore = bm25Score(inverse, termFrequency, fieldLength, averageFieldLength, bm25);
        const weightedScore = termFieldWeight * docBoost * rawScore;
        if (into.has[id]) {
          into.score[id] = (into.score[id] as number) + weightedScore;
        } else {
          into.score[id] = weightedScore;
          into.has[id] = 1;
          into.documents[into.count++] = id;
        }
        this.log.record(id, lookup, fieldId);
      }
    }
  }
}

/**
 * What each document matched, in the order MiniSearch meets it: a log of (lookup of a derived
 * term, field) per document, written out as MiniSearch's merged result for the document would end
 * up (see result), and how many distinct query terms each matched, which its score needs.
 */
/** The flag of a field byte in the log: the document's first match of the query term. */
const firstOfQueryTerm = 0x80;

class MatchLog {
  /**
   * The documents met, in the order first met, then the query terms, the lookups: each list kept
   * from one search to the next with its count (an array cut to length 0 gives up its storage).
   */
  private readonly met: number[] = [];
  private metCount = 0;
  private readonly fieldNames: string[] = [];
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  /** Distinct query terms matched, per document. */
  private readonly quality: Int32Array;
  /** Per document and query term (by number), whether it matched: a row of `stride` per document. */
  private seen: Uint8Array;
  private stride = 64;
  private readonly sources = new Map<string, number>();
  private readonly sourceTexts: string[] = [];
  private sourceCount = 0;
  private readonly lookupSource: number[] = [];
  private readonly lookupDerived: string[] = [];
  private lookupCount = 0;
  private events = 0;
  private eventLookup = new Int32Array(1024);
  private eventField = new Uint8Array(1024);
  private eventNext = new Int32Array(1024);

  constructor(private readonly tables: IndexTables) {
    for (const [field, fieldId] of Object.entries(tables.fieldIds)) this.fieldNames[fieldId] = field;
    const slots = tables.documentSlots;
    this.first = new Int32Array(slots).fill(-1);
    this.last = new Int32Array(slots);
    this.quality = new Int32Array(slots);
    this.seen = new Uint8Array(slots * this.stride);
  }

  /** The number of a query term (the same text, the same number). */
  sourceTerm(term: string): number {
    let source = this.sources.get(term);
    if (source === undefined) {
      source = this.sourceCount++;
      this.sources.set(term, source);
      this.sourceTexts[source] = term;
      if (source >= this.stride) this.widen();
    }
    return source;
  }

  /** A lookup of a derived term (the query term, or a word it matched by prefix or slip). */
  lookup(source: number, derivedTerm: string): number {
    const lookup = this.lookupCount++;
    this.lookupSource[lookup] = source;
    this.lookupDerived[lookup] = derivedTerm;
    return lookup;
  }

  record(id: number, lookup: number, fieldId: number): void {
    if (this.events === this.eventLookup.length) this.grow();
    const event = this.events++;
    this.eventLookup[event] = lookup;
    this.eventNext[event] = -1;
    if ((this.first[id] as number) < 0) {
      this.first[id] = event;
      this.met[this.metCount++] = id;
    } else {
      this.eventNext[this.last[id] as number] = event;
    }
    this.last[id] = event;
    // The document's first match of this query term is marked: result lists the term there.
    const cell = id * this.stride + (this.lookupSource[lookup] as number);
    if (this.seen[cell] === 0) {
      this.seen[cell] = 1;
      this.quality[id] = (this.quality[id] as number) + 1;
      this.eventField[event] = fieldId | firstOfQueryTerm;
    } else {
      this.eventField[event] = fieldId;
    }
  }

  /** The documents met so far, in the order first met (a new array). */
  documentsMet(): number[] {
    return this.met.slice(0, this.metCount);
  }

  /** How many distinct query terms the document matched. */
  matchedTerms(id: number): number {
    return this.quality[id] as number;
  }

  /**
   * The document's result with its score: query terms in the order first matched; each derived
   * term once, where first matched, with the fields of its last lookup (a later result's list
   * replaces an earlier one's in MiniSearch's Object.assign); the stored fields.
   */
  result(id: number, score: number): SearchResult {
    let queryTerms: string[] = [];
    let match: Record<string, string[]> | undefined;
    let fields: string[] = [];
    let current = -1;
    for (let event = this.first[id] as number; event >= 0; event = this.eventNext[event] as number) {
      const lookup = this.eventLookup[event] as number;
      const source = this.sourceTexts[this.lookupSource[lookup] as number] as string;
      const derived = this.lookupDerived[lookup] as string;
      const fieldByte = this.eventField[event] as number;
      const field = this.fieldNames[fieldByte & ~firstOfQueryTerm] as string;
      if (match === undefined) {
        fields = [field];
        queryTerms = [source];
        match = { [derived]: fields };
      } else {
        // Where MiniSearch pushes a query term not yet among the document's (Array.includes).
        if (fieldByte & firstOfQueryTerm) queryTerms.push(source);
        if (lookup === current) {
          fields.push(field);
        } else {
          fields = [field];
          match[derived] = fields;
        }
      }
      current = lookup;
    }
    const result: SearchResult = {
      id: this.tables.documentIds.get(id),
      score,
      terms: Object.keys(match ?? {}),
      queryTerms,
      match: match ?? {},
    };
    Object.assign(result, this.tables.storedFields.get(id));
    return result;
  }

  clear(): void {
    for (let i = 0; i < this.metCount; i++) {
      const id = this.met[i] as number;
      this.first[id] = -1;
      this.quality[id] = 0;
      this.seen.fill(0, id * this.stride, id * this.stride + this.sourceCount);
    }
    this.metCount = 0;
    this.sources.clear();
    this.sourceCount = 0;
    this.lookupCount = 0;
    this.events = 0;
  }

  private grow(): void {
    const size = this.eventLookup.length * 2;
    const lookup = new Int32Array(size);
    const field = new Uint8Array(size);
    const next = new Int32Array(size);
    lookup.set(this.eventLookup);
    field.set(this.eventField);
    next.set(this.eventNext);
    [this.eventLookup, this.eventField, this.eventNext] = [lookup, field, next];
  }

  /** More query terms than a row holds: rows twice as wide, the documents met copied. */
  private widen(): void {
    const stride = this.stride * 2;
    const seen = new Uint8Array(this.tables.documentSlots * stride);
    for (const id of this.documentsMet())
      seen.set(this.seen.subarray(id * this.stride, (id + 1) * this.stride), id * stride);
    this.seen = seen;
    this.stride = stride;
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

/** MiniSearch's calcBM25Score, its inverse document frequency worked out apart. */
function inverseDocumentFrequency(matchingCount: number, totalCount: number): number {
  return Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
}

function bm25Score(
  inverse: number,
  termFrequency: number,
  fieldLength: number,
  averageFieldLength: number,
  { k, b, d }: NonNullable<SearchOptions['bm25']>,
): number {
  return (
    inverse * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageFieldLength)))
  );
}

const byScore = (a: SearchResult, b: SearchResult) => b.score - a.score;
