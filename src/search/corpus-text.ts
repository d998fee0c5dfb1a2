/**
 * The whole corpus as one normalised text: what "a word occurs in the corpus" is checked
 * against, when synonyms are restricted to the corpus at build time and mapped at start-up.
 */
import type { Corpus } from '../corpus/entry.js';
import { normalizeText } from '../normalize/normalize.js';

/** Titles, bodies, keywords and figure labels of every entry, each normalised, joined by '\n'. */
export function corpusText(corpus: Corpus): string {
  const parts: string[] = [];
  for (const entry of corpus.entries) {
    parts.push(entry.title, entry.body, ...entry.keywords, ...entry.figures.map((figure) => figure.label));
  }
  return parts.map(normalizeText).join('\n');
}
