/**
 * The search pipeline composed: normalize → tokenize → analyze → search → decide.
 * Pure given a built tokenizer and index; the server, the CLI and the eval all call this.
 */
import type { Term } from './analyze.js';
import { askedAttribute } from './asked-attribute.js';
import { characterBigrams } from './character-bigrams.js';
import { decide, defaultDecisionRule, type DecisionRule } from './decide.js';
import type { Decision } from './decision.js';
import type { Tokenize } from './japanese-tokenizer.js';
import { normalizeText } from './normalize.js';
import { questionIntent } from './question-intent.js';
import { questionTerms } from './question-terms.js';
import { rerankByCoverage } from './rerank.js';
import { searchEntries } from './search.js';
import type { SearchIndex } from './search-index.js';
import { detectSmallTalk } from './small-talk.js';

export interface Asked {
  readonly question: string;
  readonly normalized: string;
  readonly terms: readonly Term[];
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
  // The cut must not split an emoji: the tokenizer throws on a lone high surrogate.
  const normalized = normalizeText(question.slice(0, maxQuestionLength * 2))
    .slice(0, maxQuestionLength)
    .replace(/[\uD800-\uDBFF]$/u, '');
  const terms = questionTerms(normalized, tokenize, {
    synonyms: index.synonyms,
    isKnownWord: (word) => index.documentFrequency.has(`t:${word}`),
  });
  const top = options.top ?? 5;
  const intent = questionIntent(normalized);
  const candidates = searchEntries(index, terms, Math.max(top, rerankDepth), intent, characterBigrams(normalized));
  const hits = rerankByCoverage(index, terms, candidates).slice(0, top);
  const smallTalk = detectSmallTalk(normalized);
  const attribute = askedAttribute(normalized);
  const decision = decide(
    index,
    { terms, hits, smallTalk, intent, ...(attribute ? { attribute } : {}) },
    options.rule ?? defaultDecisionRule,
  );
  return { question, normalized, terms, decision };
}
