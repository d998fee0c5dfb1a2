/**
 * The terms of a question: the analysed morphemes, with words typed in kana replaced by whole
 * kana runs matched by reading bigrams (kuromoji cuts all-kana text at random places), plus the
 * terms of the corpus's synonyms for the question's phrases (残業 → 超過勤務), marked as such.
 */
import { analyze, type Term } from './analyze.js';
import type { Morpheme, Tokenize } from './japanese-tokenizer.js';
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
  /** True for a string found anywhere in the corpus's text. */
  readonly occursInCorpus?: (text: string) => boolean;
}

/** Terms of a normalised question (pure given the tokenizer and the vocabulary). */
export function questionTerms(normalized: string, tokenize: Tokenize, vocabulary: Vocabulary = {}): Term[] {
  const { synonyms } = vocabulary;
  const runs = kanaRuns(normalized, vocabulary.isKnownWord);
  const outsideRuns = tokenize(normalized).filter(
    (m) => !runs.some((r) => m.start >= r.start && m.start + m.surface.length <= r.end),
  );
  const morphemeTerms = joinSlips(analyze(outsideRuns), outsideRuns, vocabulary.occursInCorpus);
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

/** A kanji that may stand alone, not 何 nor a numeral (何人, 三件 are questions and counts, not slips). */
const SINGLE_KANJI = /^[\p{Script=Han}--[何〇一二三四五六七八九十百千万億]]$/v;

/**
 * Runs of two or more single kanji that kuromoji cut one by one (就人 → 就 / 人) become one term
 * marked as a slip, unless the run occurs in the corpus (義塾 of 未来義塾): the dictionary reads a
 * real compound as one word, so such a run is most often a typo of one (就任).
 */
function joinSlips(
  terms: readonly Term[],
  morphemes: readonly Morpheme[],
  occursInCorpus: (text: string) => boolean = () => false,
): Term[] {
  const runs: { start: number; end: number; text: string; reading: string | undefined }[] = [];
  let run: Morpheme[] = [];
  const flush = () => {
    const first = run[0];
    const last = run.at(-1);
    if (run.length >= 2 && first && last) {
      const text = run.map((m) => m.surface).join('');
      // Its sound, when every kanji has one: a slip of voice input sounds like the word (今活 → 婚活).
      const reading = run.every((m) => m.reading) ? run.map((m) => m.reading).join('') : undefined;
      if (!occursInCorpus(text))
        runs.push({ start: first.start, end: last.start + last.surface.length, text, reading });
    }
    run = [];
  };
  for (const m of morphemes) {
    const previous = run.at(-1);
    const adjacent = previous !== undefined && previous.start + previous.surface.length === m.start;
    if (!SINGLE_KANJI.test(m.surface) || (run.length > 0 && !adjacent)) flush();
    if (SINGLE_KANJI.test(m.surface)) run.push(m);
  }
  flush();
  if (runs.length === 0) return [...terms];
  const inRun = (t: Term) => runs.some((r) => t.start !== undefined && t.start >= r.start && t.start < r.end);
  const slips: Term[] = runs.map((r) => ({
    text: r.text,
    reading: r.reading,
    role: 'content',
    kana: false,
    slip: true,
    ...(r.reading && r.reading.length >= 3 ? { bigrams: readingBigrams(r.reading) } : {}),
    start: r.start,
    end: r.end,
  }));
  return [...terms.filter((t) => !inRun(t)), ...slips].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}
