/**
 * What a demonstrative refers back to: 「運転手さんから新しい複合施設の話を伺いました。その施設には
 * どのような機能が入るのでしょうか」 asks about 複合施設, not about the bus ride. Of the text before
 * the asked part, only the last word that ends with the noun after その (施設) is its topic.
 */
import type { Span } from './question-focus.js';

const DEMONSTRATIVE = /(?:その|この|あの|そちらの|こちらの)([\p{Script=Han}\p{Script=Katakana}ー]{1,8})/u;
const WORD = /[\p{Script=Han}\p{Script=Katakana}ー]+/gu;

/**
 * The span, in `before` (offsets of the whole text), of the word that the asked part's demonstrative
 * noun refers to, or undefined when the asked part has none or nothing before ends with its noun.
 */
export function referentSpan(text: string, asked: Span, before: Span): Span | undefined {
  const noun = DEMONSTRATIVE.exec(text.slice(asked.start, asked.end))?.[1];
  if (noun === undefined) return undefined;
  let found: Span | undefined;
  for (const word of text.slice(before.start, before.end).matchAll(WORD)) {
    if (word[0].endsWith(noun))
      found = { start: before.start + word.index, end: before.start + word.index + word[0].length };
  }
  return found;
}
