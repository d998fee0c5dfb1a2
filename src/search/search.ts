/**
 * Stage 3 of the search pipeline: rank corpus entries for the terms of a question with
 * MiniSearch (BM25 with field boosts), and tell for each hit which of the question's terms it
 * matched, by which path, and how fully.
 */
import type { Query, SearchResult } from 'minisearch';
import type { Term } from './analyze.js';
import type { Hit } from './decision.js';
import { unitAnswers, type QuestionIntent } from './question-intent.js';
import { baseSearchOptions, fieldBoosts, gramField, readingField, textFields } from './index-options.js';
import type { SearchIndex } from './search-index.js';

/** How one term of the question matched one entry. */
export interface TermMatch {
  readonly term: Term;
  /** 'text': the word itself (base form); 'reading': bigrams of its sound, for kana words. */
  readonly via: 'text' | 'reading';
  /** Share of the term matched: 1 for a word, the share of its bigrams for a reading. */
  readonly share: number;
  /** Fields where it matched. */
  readonly fields: readonly string[];
}

/** A hit with how the question's content terms matched it. */
export interface RankedHit extends Hit {
  readonly matches: readonly TermMatch[];
}

/** The distinct content terms of a question, in order. */
export function contentTerms(terms: readonly Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => t.role === 'content' && !seen.has(t.text) && seen.add(t.text));
}

function queryFor(term: Term): Query {
  const byText: Query = { queries: [term.text], fields: [...textFields], boost: fieldBoosts };
  // Readings only for words the user typed in kana: a kanji word's homophones are not what they meant.
  if (!term.bigrams || term.bigrams.length === 0) return byText;
  return {
    combineWith: 'OR',
    queries: [byText, { queries: [term.bigrams.join(' ')], fields: [readingField], boost: fieldBoosts }],
  };
}

function matchOf(term: Term, result: SearchResult): TermMatch | undefined {
  const textFieldsHit = (result.match[term.text] ?? []).filter((f) => f !== readingField);
  if (textFieldsHit.length > 0) return { term, via: 'text', share: 1, fields: textFieldsHit };
  if (!term.bigrams || term.bigrams.length === 0) return undefined;
  // The longest stretch of consecutive bigrams found: scattered bigrams are chance, not the word.
  let longest = 0;
  let current = 0;
  for (const gram of term.bigrams) {
    current = result.match[gram]?.includes(readingField) ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  if (longest === 0) return undefined;
  return { term, via: 'reading', share: longest / term.bigrams.length, fields: [readingField] };
}

/** How much more an entry with figures weighs for a question that asks for a number... */
export const figureBoost = 1.6;
/** ...and one with a figure in the very unit asked for (何人 → a figure in 人). */
export const askedUnitBoost = 2;

/** Rank entries for the question's content terms (and its character bigrams), best first. */
export function searchEntries(
  index: SearchIndex,
  terms: readonly Term[],
  limit: number,
  intent: QuestionIntent = { asksForFigure: false },
  grams: readonly string[] = [],
): RankedHit[] {
  const wanted = contentTerms(terms);
  if (wanted.length === 0) return [];
  const queries = wanted.map(queryFor);
  if (grams.length > 0) queries.push({ queries: [grams.join(' ')], fields: [gramField], boost: fieldBoosts });
  const boostDocument = intent.asksForFigure
    ? (id: unknown) => {
        const entry = index.entriesById.get(String(id));
        if (!entry || entry.figures.length === 0) return 1;
        const unit = intent.unit;
        return unit && entry.figures.some((f) => unitAnswers(f.unit, unit)) ? askedUnitBoost : figureBoost;
      }
    : undefined;
  const results = index.engine.search(
    { combineWith: 'OR', queries },
    { ...baseSearchOptions, ...(boostDocument ? { boostDocument } : {}) },
  );
  const hits: RankedHit[] = [];
  for (const result of results.slice(0, limit)) {
    const entry = index.entriesById.get(String(result.id));
    if (!entry) continue;
    const matches = wanted.map((t) => matchOf(t, result)).filter((m): m is TermMatch => m !== undefined);
    hits.push({ entry, score: result.score, matches });
  }
  return hits;
}
