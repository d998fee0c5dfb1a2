/**
 * Stage 3 of the search pipeline: rank corpus entries for the terms of a question with
 * MiniSearch (BM25 with field boosts), and tell for each hit which of the question's terms it matched.
 */
import type { Query } from 'minisearch';
import type { Term } from './analyze.js';
import type { Hit } from './decision.js';
import { baseSearchOptions, fieldBoosts, readingField, textFields } from './index-options.js';
import type { SearchIndex } from './search-index.js';

/** A hit with the content terms of the question it matched. */
export interface RankedHit extends Hit {
  readonly matchedTerms: readonly Term[];
}

/** The distinct content terms of a question, in order. */
export function contentTerms(terms: readonly Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => t.role === 'content' && !seen.has(t.text) && seen.add(t.text));
}

function queryFor(term: Term): Query {
  const byText: Query = { queries: [term.text], fields: [...textFields], boost: fieldBoosts };
  // Readings only for words the user typed in kana: a kanji word's homophones are not what they meant.
  if (!term.kana || term.reading === undefined) return byText;
  return {
    combineWith: 'OR',
    queries: [byText, { queries: [term.reading], fields: [readingField], boost: fieldBoosts }],
  };
}

/** Rank entries for the question's content terms, best first. */
export function searchEntries(index: SearchIndex, terms: readonly Term[], limit: number): RankedHit[] {
  const wanted = contentTerms(terms);
  if (wanted.length === 0) return [];
  const results = index.engine.search({ combineWith: 'OR', queries: wanted.map(queryFor) }, baseSearchOptions);
  const hits: RankedHit[] = [];
  for (const result of results.slice(0, limit)) {
    const entry = index.entriesById.get(String(result.id));
    if (!entry) continue;
    const matched = new Set(result.queryTerms);
    const matchedTerms = wanted.filter(
      (t) => matched.has(t.text) || (t.kana && t.reading !== undefined && matched.has(t.reading)),
    );
    hits.push({ entry, score: result.score, matchedTerms });
  }
  return hits;
}
