/**
 * The answering engine: a built tokenizer and the index of one corpus. Built once at start-up
 * (the tokenizer is the slow part) and handed to the server, the CLI and the eval.
 */
import type { Corpus } from '../corpus/entry.js';
import { askQuestion, type Asked, type AskOptions } from '../search/ask.js';
import type { Tokenize } from '../search/japanese-tokenizer.js';
import { buildSearchIndex, type SearchIndex } from '../search/search-index.js';
import type { SynonymGroups } from '../search/synonyms.js';

export interface Engine {
  readonly corpus: Corpus;
  readonly index: SearchIndex;
  ask(question: string, options?: AskOptions): Asked;
}

export function createEngine(corpus: Corpus, tokenize: Tokenize, dictionarySynonyms: SynonymGroups = []): Engine {
  const index = buildSearchIndex(corpus, tokenize, dictionarySynonyms);
  return {
    corpus,
    index,
    ask: (question, options) => askQuestion(tokenize, index, question, options),
  };
}
