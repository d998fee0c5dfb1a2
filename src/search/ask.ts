/**
 * The search pipeline composed: normalize (width, Latin words, colloquial forms) → tokenize →
 * analyze → search → decide.
 * Pure given a built tokenizer and index; the server, the CLI and the eval all call this.
 */
import type { Term } from './analyze.js';
import { characterBigrams } from './character-bigrams.js';
import { decide, defaultDecisionRule, type DecisionRule } from './decide.js';
import type { Decision } from './decision.js';
import type { Tokenize } from './japanese-tokenizer.js';
import { standardizeColloquial } from './colloquial.js';
import { readLatinWords } from './latin-words.js';
import { normalizeText } from './normalize.js';
import { focusSpans, setPhraseSpans } from './question-focus.js';
import { questionIntent } from './question-intent.js';
import { questionTerms } from './question-terms.js';
import { rerankByCoverage } from './rerank.js';
import { contentTerms, searchEntries } from './search.js';
import type { SearchIndex } from './search-index.js';
import { detectSmallTalk } from './small-talk.js';

export interface Asked {
  readonly question: string;
  readonly normalized: string;
  /** Every term of the message, background marked (see question-focus.ts): what ranks the entries. */
  readonly terms: readonly Term[];
  /** The terms the decision weighs: those of what is asked, or all when nothing is marked asked. */
  readonly decisive: readonly Term[];
  readonly decision: Decision;
}

export interface AskOptions {
  /** How many hits to rank (default 5). */
  readonly top?: number;
  readonly rule?: DecisionRule;
}

/** Questions longer than this are cut before analysis: LINE allows 5,000 characters, no FAQ needs them. */
export const maxQuestionLength = 500;

/** How many candidates of the search are re-ranked by coverage. */
const rerankDepth = 20;

export function askQuestion(tokenize: Tokenize, index: SearchIndex, question: string, options: AskOptions = {}): Asked {
  const isKnownWord = (word: string) => index.documentFrequency.has(`t:${word}`);
  // The cut must not split an emoji: the tokenizer throws on a lone high surrogate.
  const written = normalizeText(question.slice(0, maxQuestionLength * 2))
    .slice(0, maxQuestionLength)
    .replace(/[\uD800-\uDBFF]$/u, '');
  const normalized = standardizeColloquial(readLatinWords(written, index.english, isKnownWord));
  const focus = focusSpans(normalized);
  const terms = markBackground(
    questionTerms(normalized, tokenize, {
      synonyms: index.synonyms,
      isKnownWord,
      occursInCorpus: (text) => index.text.includes(text),
    }),
    focus,
    setPhraseSpans(normalized),
  );
  // Rank on the whole message, decide on what it asks.
  const asked = terms.filter((t) => !t.background);
  const decisive = contentTerms(asked).length > 0 ? asked : terms;
  const top = options.top ?? 5;
  const askedText = focus.map((c) => normalized.slice(c.start, c.end)).join(' ');
  const intent = questionIntent(askedText);
  // Character bigrams only of what is asked: a long story would add hundreds of them, each a query.
  const grams = characterBigrams(askedText);
  const candidates = searchEntries(index, terms, Math.max(top, rerankDepth), intent, grams);
  const hits = rerankByCoverage(index, decisive, candidates, intent).slice(0, top);
  const smallTalk = detectSmallTalk(normalized);
  const decision = decide(index, { terms: decisive, hits, smallTalk, intent }, options.rule ?? defaultDecisionRule);
  return { question, normalized, terms, decisive, decision };
}

interface Span {
  readonly start: number;
  readonly end: number;
}

const within = (term: Term, spans: readonly Span[]) =>
  term.start !== undefined && spans.some((s) => term.start! >= s.start && term.start! < s.end);

/**
 * Terms of set phrases (いつもお世話になっております) go; terms outside the asked clauses are marked
 * as background, unless the same word is also asked about.
 */
function markBackground(terms: readonly Term[], focus: readonly Span[], setPhrases: readonly Span[]): Term[] {
  const kept = terms.filter((t) => !within(t, setPhrases));
  const askedTexts = new Set(kept.filter((t) => within(t, focus)).map((t) => t.text));
  return kept.map((t) => (askedTexts.has(t.text) || t.start === undefined ? t : { ...t, background: true }));
}
