/**
 * Build an engine for command-line tools: the bundled corpus or the one given with --corpus.
 * A corpus directory brings its own Sudachi synonym groups (derived by npm run synonyms:build);
 * for a JSONL FAQ they are derived from the whole dictionary while loading.
 */
import { stat } from 'node:fs/promises';
import { createEngine, type Engine } from './engine.js';
import { bundledCorpusDir, readCorpus, readSudachiSynonyms } from '../corpus/read-corpus.js';
import { createJapaneseTokenizer } from '../analyze/japanese-tokenizer.js';
import { loadSudachiGroups } from './sudachi-dictionary.js';
import type { SynonymGroups } from '../corpus/entry.js';

async function dictionarySynonymsFor(location: string): Promise<SynonymGroups> {
  return (await stat(location)).isDirectory() ? readSudachiSynonyms(location) : loadSudachiGroups();
}

export async function loadEngine(corpusPath: string = bundledCorpusDir): Promise<Engine> {
  const [tokenize, corpus, synonyms] = await Promise.all([
    createJapaneseTokenizer(),
    readCorpus(corpusPath),
    dictionarySynonymsFor(corpusPath),
  ]);
  return createEngine(corpus, tokenize, synonyms);
}
