/**
 * The searchable form of a corpus: the MiniSearch index, the entries by id, and document
 * frequencies used to weigh how much of a question a match covers.
 */
import type { Corpus, Entry } from '../corpus/entry.js';
import { runAtOnce, runInSlices } from '../time-slices.js';
import { documentOf } from './document-terms.js';
import { indexOptions, type IndexedDocument } from './index-options.js';
import type { Tokenize } from '../analyze/japanese-tokenizer.js';
import { corpusText } from './corpus-text.js';
import { CorpusIndex } from './corpus-index.js';
import { englishWordsOf, type EnglishWords } from '../normalize/latin-words.js';
import { buildSynonymMap, type SynonymMap } from '../analyze/synonyms.js';
import type { SynonymGroups } from '../corpus/entry.js';
import type { KanaLexicon, LexiconWord } from '../analyze/kana-words.js';
import { soundIndexing, type SoundIndex } from '../analyze/sound-index.js';
import { foldedDentals } from '../analyze/kana-sounds.js';

export interface SearchIndex {
  readonly engine: CorpusIndex<IndexedDocument>;
  readonly corpus: Corpus;
  readonly entriesById: ReadonlyMap<string, Entry>;
  /** Number of entries containing a term (keys 't:' + term text, 'b:' + reading bigram). */
  readonly documentFrequency: ReadonlyMap<string, number>;
  readonly size: number;
  /** Question phrases → the corpus phrases that mean the same (staff synonyms and Sudachi's). */
  readonly synonyms: SynonymMap;
  /** Each entry's readings (katakana, segments joined by '|'), to tell a word heard in it from bigrams met apart. */
  readonly readings: ReadonlyMap<string, string>;
  /** Every entry's readings joined by '|': whether a word typed in kana is heard anywhere. */
  readonly corpusReading: string;
  /** The corpus as one normalised text (corpus-text.ts), to tell whether a string occurs in it. */
  readonly text: string;
  /** English words citizens mix in → the corpus's Japanese word (staff's synonyms.en.yaml). */
  readonly english: EnglishWords;
  /** The corpus's words by their reading, for sentences typed in kana (kana-words.ts). */
  readonly kanaLexicon: KanaLexicon;
  /** The same words by sound, for words misheard or mistyped by sound (sound-index.ts). */
  readonly soundIndex: SoundIndex;
}

/**
 * The work of indexing a corpus, one entry (or one other short piece) between two yields, so
 * the same code builds an index at once or in slices between other work.
 */
function* indexing(
  corpus: Corpus,
  tokenize: Tokenize,
  dictionarySynonyms: SynonymGroups,
): Generator<void, SearchIndex, void> {
  const engine = new CorpusIndex<IndexedDocument>(indexOptions);
  const documentFrequency = new Map<string, number>();
  const bump = (key: string) => documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  const documents: IndexedDocument[] = [];
  const readings = new Map<string, string>();
  // Reading → word → in how many entries: of words that sound the same, the commonest is meant.
  const byReading = new Map<string, Map<string, { word: LexiconWord; entries: number }>>();
  for (const entry of corpus.entries) {
    const { document, terms, bigrams, reading, words } = documentOf(entry, tokenize);
    documents.push(document);
    readings.set(entry.id, reading);
    for (const [sound, spelled] of words) {
      const candidates = byReading.get(sound) ?? new Map<string, { word: LexiconWord; entries: number }>();
      for (const word of spelled.values()) {
        candidates.set(word.text, { word, entries: (candidates.get(word.text)?.entries ?? 0) + 1 });
      }
      byReading.set(sound, candidates);
    }
    for (const t of terms) bump(`t:${t}`);
    for (const b of bigrams) bump(`b:${b}`);
    yield;
  }
  for (const document of documents) {
    engine.add(document);
    yield;
  }
  engine.lookUpTermsInTable();
  const text = corpusText(corpus);
  yield;
  const kanaLexicon = commonestWords(byReading);
  const soundIndex = yield* soundIndexing(kanaLexicon);
  return {
    engine,
    corpus,
    entriesById: new Map(corpus.entries.map((e) => [e.id, e])),
    readings,
    corpusReading: [...readings.values()].join('|'),
    documentFrequency,
    size: corpus.entries.length,
    text,
    synonyms: buildSynonymMap(
      [...corpus.synonyms, ...withoutWords(dictionarySynonyms, corpus.notFromDictionary)],
      text,
    ),
    english: englishWordsOf(corpus.english),
    kanaLexicon,
    soundIndex,
  };
}

/** For each reading, its words by the number of entries they are found in (the first met on a tie). */
function commonestWords(
  byReading: ReadonlyMap<string, ReadonlyMap<string, { word: LexiconWord; entries: number }>>,
): KanaLexicon {
  const lexicon = new Map<string, LexiconWord[]>();
  for (const [sound, candidates] of byReading) {
    lexicon.set(
      sound,
      [...candidates.values()].sort((a, b) => b.entries - a.entries).map((c) => c.word),
    );
  }
  // A word with ヂ or ヅ (手続き: テツヅキ) is found by ジ and ズ too, as it is heard (てつずき).
  for (const [sound, words] of [...lexicon]) {
    const folded = foldedDentals(sound);
    if (folded !== sound && !lexicon.has(folded)) lexicon.set(folded, words);
  }
  return lexicon;
}

/** The dictionary's groups without the words the staff set apart; a group left with one word is none. */
function withoutWords(groups: SynonymGroups, words: readonly string[] = []): SynonymGroups {
  if (words.length === 0) return groups;
  const apart = new Set(words);
  return groups.map((group) => group.filter((word) => !apart.has(word))).filter((group) => group.length >= 2);
}

/**
 * Index a corpus. `dictionarySynonyms` are general synonym groups (Sudachi's); they are used
 * with the corpus's own staff groups, both restricted to the phrases the corpus contains.
 */
export function buildSearchIndex(
  corpus: Corpus,
  tokenize: Tokenize,
  dictionarySynonyms: SynonymGroups = [],
): SearchIndex {
  return runAtOnce(indexing(corpus, tokenize, dictionarySynonyms));
}

/**
 * The same index as buildSearchIndex, built in slices of about `sliceMs` of CPU with the event
 * loop free between them: a running server indexes a changed corpus while it answers (a whole
 * build at once held every request for 0.4 s on the bundled corpus).
 */
export async function buildSearchIndexInSlices(
  corpus: Corpus,
  tokenize: Tokenize,
  dictionarySynonyms: SynonymGroups = [],
  sliceMs = 10,
): Promise<SearchIndex> {
  return runInSlices(indexing(corpus, tokenize, dictionarySynonyms), sliceMs);
}

/** Inverse document frequency of a term, as BM25 computes it; unseen terms weigh the most. */
export function inverseDocumentFrequency(index: SearchIndex, key: string): number {
  return inverseDocumentFrequencyOfCount(index, index.documentFrequency.get(key) ?? 0);
}

/** The IDF of a term found in `documents` entries (a count, or a fraction of one for a share). */
export function inverseDocumentFrequencyOfCount(index: SearchIndex, documents: number): number {
  return Math.log(1 + (index.size - documents + 0.5) / (documents + 0.5));
}
