/**
 * A part of the question with its words typed in kana written as the corpus writes them
 * (へんれいひんって何: 返礼品って何), so that the patterns reading what is asked (question-intent.ts),
 * written for nouns in kanji, read it too. Pure: text, a span and the terms in.
 */
import type { Term } from './analyze.js';
import type { Span } from './question-focus.js';

const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;

/** `text` within `span`, each noun of the corpus typed in kana replaced by its spelling. */
export function spelledAsRead(text: string, span: Span, terms: readonly Term[]): string {
  const bySpan = new Map<number, { end: number; words: Term[] }>();
  for (const term of terms) {
    const { start, end } = term;
    if (!term.kana || start === undefined || end === undefined || start < span.start || end > span.end) continue;
    const at = bySpan.get(start);
    if (at === undefined) bySpan.set(start, { end, words: [term] });
    else if (at.end === end) at.words.push(term);
  }
  let spelled = '';
  let from = span.start;
  for (const [start, { end, words }] of [...bySpan].sort(([a], [b]) => a - b)) {
    const typed = text.slice(start, end);
    // Only a noun of the corpus read from kana: a verb's base form (始める) is not what was typed.
    const read =
      words.some((w) => !w.weak && /\p{Script=Han}/u.test(w.text)) && words.every((w) => w.synonym === undefined);
    if (start < from || !read || !KANA_ONLY.test(typed)) continue;
    spelled += text.slice(from, start) + words.map((w) => w.text).join('');
    from = end;
  }
  return spelled + text.slice(from, span.end);
}
