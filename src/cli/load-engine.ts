/**
 * Build an engine for command-line tools: the bundled corpus or the one given with --corpus.
 */
import { createEngine, type Engine } from '../bot/engine.js';
import { bundledCorpusDir, readCorpus } from '../corpus/read-corpus.js';
import { createJapaneseTokenizer } from '../search/japanese-tokenizer.js';

export async function loadEngine(corpusPath: string = bundledCorpusDir): Promise<Engine> {
  const [tokenize, corpus] = await Promise.all([createJapaneseTokenizer(), readCorpus(corpusPath)]);
  return createEngine(corpus, tokenize);
}
