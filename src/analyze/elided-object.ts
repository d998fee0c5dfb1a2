/**
 * The object a question leaves out because the story said it with the same verb: 「毎年特定検診を
 * 受けております。…受ける人の割合はどのくらいでしょうか」 asks of 特定検診. Japanese drops an object
 * said before; the verb, said again, points back to it.
 */
import type { Term } from './analyze.js';
import type { Span } from './question-focus.js';

/** A verb in its dictionary form, as analyze.ts gives a verb's base (受ける, 通う, 使う). */
const VERB_BASE = /\p{Script=Hiragana}$/u;
/** A noun written in kanji or katakana, then を, just before the verb. */
const OBJECT_BEFORE = /([\p{Script=Han}\p{Script=Katakana}ー]{2,})を$/u;
/**
 * The object the story said with the verb: marked by を just before it, or by は with a word or two
 * between (特定健診は欠かさず受けております).
 */
const SAID_OBJECT = /([\p{Script=Han}\p{Script=Katakana}ー]{2,})(?:を|は[^、,。をはが]{0,5})$/u;
/** The object asked for (何を作っている): named by the answer, not by the story. */
const OBJECT_ASKED = /(?:何|なに|なん|どれ|どんなもの|どういうもの)を[^、,。？?]{0,6}$/u;

/**
 * The span of the noun that a verb of `asked` takes as its object in one of `preceding` (the
 * nearest first), when `asked` names no object for it; undefined when there is none.
 */
export function elidedObject(
  text: string,
  asked: Span,
  preceding: readonly Span[],
  terms: readonly Term[],
): Span | undefined {
  const within = (t: Term, span: Span) => t.start !== undefined && t.start >= span.start && t.start < span.end;
  const verbs = terms.filter(
    (t) =>
      t.weak === true &&
      t.role === 'content' &&
      !t.synonym &&
      within(t, asked) &&
      VERB_BASE.test(t.text) &&
      // Its own object: 〜を just before it, or the object asked (何を).
      !OBJECT_BEFORE.test(text.slice(asked.start, t.start)) &&
      !OBJECT_ASKED.test(text.slice(asked.start, t.start)),
  );
  for (const clause of [...preceding].reverse()) {
    for (const said of terms) {
      if (said.start === undefined || !within(said, clause) || !verbs.some((v) => v.text === said.text)) continue;
      const object = SAID_OBJECT.exec(text.slice(clause.start, said.start));
      const noun = object?.[1];
      if (object && noun !== undefined) {
        const start = clause.start + object.index;
        return { start, end: start + noun.length };
      }
    }
  }
  return undefined;
}
