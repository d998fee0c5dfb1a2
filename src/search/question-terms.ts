/**
 * The terms of a question: the analysed morphemes, with words typed in kana replaced by whole
 * kana runs matched by reading bigrams (kuromoji cuts all-kana text at random places), plus the
 * terms of the corpus's synonyms for the question's phrases (残業 → 超過勤務), marked as such.
 */
import { analyze, type Term } from './analyze.js';
import type { Tokenize } from './japanese-tokenizer.js';
import { kanaRuns, readingBigrams } from './kana-runs.js';
import { findSynonymSpans, type SynonymMap } from './synonyms.js';

/** Terms standing for the question's phrases that have synonyms in the corpus. */
function synonymTerms(normalized: string, tokenize: Tokenize, synonyms: SynonymMap): Term[] {
  const expansions: Term[] = [];
  for (const span of findSynonymSpans(normalized, synonyms)) {
    for (const target of span.targets) {
      const origin = { phrase: span.phrase, start: span.start, end: span.end, target };
      for (const term of analyze(tokenize(target))) {
        if (term.role === 'content') expansions.push({ ...term, start: span.start, end: span.end, synonym: origin });
      }
    }
  }
  return expansions;
}

/** What a question's terms are looked up against: the corpus's words and synonyms. */
export interface Vocabulary {
  readonly synonyms?: SynonymMap;
  /** True for a word the corpus contains as a term. */
  readonly isKnownWord?: (word: string) => boolean;
}

/** Terms of a normalised question (pure given the tokenizer and the vocabulary). */
export function questionTerms(normalized: string, tokenize: Tokenize, vocabulary: Vocabulary = {}): Term[] {
  const { synonyms } = vocabulary;
  const runs = kanaRuns(normalized, vocabulary.isKnownWord);
  const outsideRuns = tokenize(normalized).filter(
    (m) => !runs.some((r) => m.start >= r.start && m.start + m.surface.length <= r.end),
  );
  const morphemeTerms = analyze(outsideRuns);
  const runTerms: Term[] = runs.map((r) => ({
    text: r.text,
    reading: r.reading,
    role: 'content',
    kana: true,
    bigrams: readingBigrams(r.reading),
    start: r.start,
    end: r.end,
  }));
  const expansions = synonyms ? synonymTerms(normalized, tokenize, synonyms) : [];
  return [...morphemeTerms, ...runTerms, ...expansions];
}
