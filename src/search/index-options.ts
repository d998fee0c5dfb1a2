/**
 * The one definition of how the MiniSearch index is laid out. Every builder and loader of the
 * index uses these options: an index is only valid with the options that built it.
 *
 * Documents reach MiniSearch already analysed (terms joined by spaces, see document-terms.ts),
 * so MiniSearch's own tokenizer only splits on spaces and never lower-cases or stems again.
 */
import type { Options, SearchOptions } from 'minisearch';

/** A corpus entry as the index stores it: each field a space-separated list of terms. */
export interface IndexedDocument {
  readonly id: string;
  readonly title: string;
  readonly keywords: string;
  /** The everyday phrasings staff wrote for the entry (よくある言い方). */
  readonly phrasings: string;
  readonly figures: string;
  readonly body: string;
  /** Bigrams of the katakana readings of the entry's text, for questions typed in kana. */
  readonly reading: string;
  /** Character bigrams of the entry's written text, for ranking only. */
  readonly grams: string;
}

/** Fields matched by the terms the user wrote. */
export const textFields = ['title', 'keywords', 'phrasings', 'figures', 'body'] as const;
/** Field matched by reading bigrams (words typed in kana only). */
export const readingField = 'reading' as const;
/** Field matched by the question's character bigrams (ranking only, never coverage). */
export const gramField = 'grams' as const;

/** Field weights: a word in a title or a staff keyword says more than one in a long body. */
export const fieldBoosts: Readonly<Record<string, number>> = {
  title: 3,
  keywords: 2.5,
  phrasings: 1.5,
  figures: 1.5,
  body: 1,
  // Several bigrams match where one word would: each counts for little.
  reading: 0.3,
  grams: 0.2,
};

const splitOnSpaces = (text: string): string[] => text.split(' ').filter((t) => t.length > 0);

export const indexOptions: Options<IndexedDocument> = {
  idField: 'id',
  fields: [...textFields, readingField, gramField],
  storeFields: [],
  tokenize: splitOnSpaces,
  processTerm: (term) => term,
};

export const baseSearchOptions: SearchOptions = {
  tokenize: splitOnSpaces,
  processTerm: (term) => term,
  combineWith: 'OR',
  prefix: false,
  fuzzy: false,
};
