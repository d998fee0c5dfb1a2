/**
 * Analyse a corpus entry into the documents the index stores, with the same normalise →
 * tokenize → analyze stages a question goes through, so both sides meet on the same terms.
 */
import type { Entry } from '../corpus/entry.js';
import { analyze, type Term } from '../analyze/analyze.js';
import { characterBigrams } from '../analyze/character-bigrams.js';
import type { IndexedDocument } from './index-options.js';
import type { Morpheme, Tokenize } from '../analyze/japanese-tokenizer.js';
import { readingBigrams } from '../analyze/kana-runs.js';
import { lexiconPhraseOf, lexiconWordOf, type LexiconWord } from '../analyze/kana-words.js';
import { isKanaOnly, normalizeText, toKatakana } from '../normalize/normalize.js';

function figureText(entry: Entry): string {
  return entry.figures
    .map((f) => [f.label, f.before ?? '', f.after, f.unit, f.period, f.note ?? ''].join(' '))
    .join(' ');
}

/** The i-row kana a godan verb's stem ends in before ます, and the u-row kana of its base form. */
const STEM_TO_BASE: Readonly<Record<string, string>> = {
  い: 'う',
  き: 'く',
  ぎ: 'ぐ',
  し: 'す',
  ち: 'つ',
  に: 'ぬ',
  び: 'ぶ',
  み: 'む',
  り: 'る',
};

/**
 * The nouns the entry's verbs make of their stems (見直しました: 見直し, 取り組みました: 取り組み):
 * a citizen names the doing with the noun (見直しはあったの), which the dictionary tells apart
 * from the verb (見直す).
 */
export function verbStemNouns(morphemes: readonly Morpheme[]): string[] {
  return morphemes
    .filter(
      (m) =>
        m.pos === '動詞' &&
        /^\p{Script=Han}/u.test(m.surface) &&
        m.surface !== m.base &&
        m.base === `${m.surface.slice(0, -1)}${STEM_TO_BASE[m.surface.slice(-1)] ?? ''}`,
    )
    .map((m) => m.surface);
}

/**
 * The readings of a text, read continuously across words (防災訓練 → ボウサイクンレン) and broken at
 * symbols and words without a reading: what kana runs and homophones are heard against.
 */
export function readingSegmentsOf(morphemes: readonly Morpheme[]): string[] {
  const segments: string[] = [];
  let segment = '';
  const flush = () => {
    if (segment.length >= 2) segments.push(segment);
    segment = '';
  };
  for (const m of morphemes) {
    const reading =
      m.pos === '記号' ? undefined : (m.reading ?? (isKanaOnly(m.surface) ? toKatakana(m.surface) : undefined));
    if (reading === undefined) flush();
    else segment += reading;
  }
  flush();
  return segments;
}

/** The index document of an entry, plus the distinct terms and bigrams it contains. */
export function documentOf(
  entry: Entry,
  tokenize: Tokenize,
): {
  document: IndexedDocument;
  terms: Set<string>;
  bigrams: Set<string>;
  reading: string;
  /** The entry's words by their reading, for sentences typed in kana (kana-words.ts). */
  words: Map<string, Map<string, LexiconWord>>;
} {
  const texts = {
    title: entry.title,
    keywords: entry.keywords.join(' 、'),
    phrasings: entry.phrasings.join(' 。'),
    figures: `${figureText(entry)} ${entry.period ?? ''}`,
    body: entry.body,
  };
  const morphemes = Object.fromEntries(
    Object.entries(texts).map(([field, text]) => [field, tokenize(normalizeText(text))]),
  ) as Record<keyof typeof texts, Morpheme[]>;
  const fields = {
    title: analyze(morphemes.title),
    keywords: analyze(morphemes.keywords),
    phrasings: analyze(morphemes.phrasings),
    figures: analyze(morphemes.figures),
    body: analyze(morphemes.body),
  };
  const segments = [morphemes.title, morphemes.keywords, morphemes.phrasings, morphemes.body].flatMap(
    readingSegmentsOf,
  );
  const bigrams = segments.flatMap(readingBigrams);
  const grams = [texts.title, texts.keywords].flatMap((t) => characterBigrams(normalizeText(t)));
  const stemNouns = Object.fromEntries(
    Object.entries(morphemes).map(([field, list]) => [field, verbStemNouns(list)]),
  ) as Record<keyof typeof texts, string[]>;
  const join = (terms: Term[], nouns: readonly string[]) => [...terms.map((t) => t.text), ...nouns].join(' ');
  const words = new Map<string, Map<string, LexiconWord>>();
  const add = (found: { reading: string; word: LexiconWord } | undefined) => {
    if (found)
      words.set(
        found.reading,
        (words.get(found.reading) ?? new Map<string, LexiconWord>()).set(found.word.text, found.word),
      );
  };
  for (const m of Object.values(morphemes).flat()) add(lexiconWordOf(m));
  // Each keyword read whole (the keywords are joined by 「、」).
  let keyword: Morpheme[] = [];
  for (const m of [...morphemes.keywords, undefined]) {
    if (m === undefined || m.pos === '記号') {
      const analyzed = analyze(keyword).filter((t) => t.role === 'content');
      add(
        lexiconPhraseOf(
          keyword,
          analyzed.map((t) => ({ text: t.text, weak: t.weak === true })),
        ),
      );
      keyword = [];
    } else {
      keyword.push(m);
    }
  }
  return {
    document: {
      id: entry.id,
      title: join(fields.title, stemNouns.title),
      keywords: join(fields.keywords, stemNouns.keywords),
      phrasings: join(fields.phrasings, stemNouns.phrasings),
      figures: join(fields.figures, stemNouns.figures),
      body: join(fields.body, stemNouns.body),
      reading: bigrams.join(' '),
      grams: grams.join(' '),
    },
    terms: new Set([
      ...[...fields.title, ...fields.keywords, ...fields.phrasings, ...fields.figures, ...fields.body].map(
        (t) => t.text,
      ),
      ...Object.values(stemNouns).flat(),
    ]),
    bigrams: new Set(bigrams),
    reading: segments.join('|'),
    words,
  };
}
