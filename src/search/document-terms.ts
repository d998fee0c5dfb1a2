/**
 * Analyse a corpus entry into the documents the index stores, with the same normalise →
 * tokenize → analyze stages a question goes through, so both sides meet on the same terms.
 */
import type { Entry } from '../corpus/entry.js';
import type { IndexedDocument } from './index-options.js';
import { analyze, type Term } from './analyze.js';
import type { Tokenize } from './japanese-tokenizer.js';
import { normalizeText } from './normalize.js';

/** Terms of a piece of text, by the same analysis a question gets. */
export function termsOf(text: string, tokenize: Tokenize): Term[] {
  return analyze(tokenize(normalizeText(text)));
}

function figureText(entry: Entry): string {
  return entry.figures
    .map((f) => [f.label, f.before ?? '', f.after, f.unit, f.period, f.note ?? ''].join(' '))
    .join(' ');
}

/** The index document of an entry, plus the distinct terms and readings it contains. */
export function documentOf(
  entry: Entry,
  tokenize: Tokenize,
): { document: IndexedDocument; terms: Set<string>; readings: Set<string> } {
  const fields = {
    title: termsOf(entry.title, tokenize),
    keywords: termsOf(entry.keywords.join(' '), tokenize),
    figures: termsOf(`${figureText(entry)} ${entry.period ?? ''}`, tokenize),
    body: termsOf(entry.body, tokenize),
  };
  const all = [...fields.title, ...fields.keywords, ...fields.figures, ...fields.body];
  const readings = all.map((t) => t.reading).filter((r): r is string => r !== undefined);
  const join = (terms: Term[]) => terms.map((t) => t.text).join(' ');
  return {
    document: {
      id: entry.id,
      title: join(fields.title),
      keywords: join(fields.keywords),
      figures: join(fields.figures),
      body: join(fields.body),
      reading: readings.join(' '),
    },
    terms: new Set(all.map((t) => t.text)),
    readings: new Set(readings),
  };
}
