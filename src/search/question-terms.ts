/**
 * The terms of a question: the analysed morphemes, with words typed in kana replaced by whole
 * kana runs matched by reading bigrams (kuromoji cuts all-kana text at random places).
 */
import { analyze, type Term } from './analyze.js';
import type { Tokenize } from './japanese-tokenizer.js';
import { kanaRuns, readingBigrams } from './kana-runs.js';

/** Terms of a normalised question (pure given the tokenizer). */
export function questionTerms(normalized: string, tokenize: Tokenize): Term[] {
  const runs = kanaRuns(normalized);
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
  }));
  return [...morphemeTerms, ...runTerms];
}
