/**
 * A question asking what a thing is (「小諸ふるさと市民とはどういうもの？」) is answered by the entry
 * that says what it is — the name with its explanation after it (「小諸ふるさと市民」（仮想市民10万人）,
 * ネーミングライツとは、…) — rather than one that only counts what came of it. Pure: hits in, hits out.
 */
import type { QuestionIntent } from '../analyze/question-intent.js';
import type { RankedHit } from '../search/search.js';
import { normalizedEntryText } from './asked-fact.js';
import { closeHitFirst } from './close-hit-first.js';

/** Whether the entry explains the name: 「name」（…）, name（…）, nameとは. */
export function definesName(text: string, name: string): boolean {
  let at = text.indexOf(name);
  while (at >= 0) {
    if (/^」?(?:とは|\(|（)/u.test(text.slice(at + name.length, at + name.length + 3))) return true;
    at = text.indexOf(name, at + 1);
  }
  return false;
}

export function definitionFirst(hits: readonly RankedHit[], intent: QuestionIntent | undefined): RankedHit[] {
  const name = intent?.askedNoun;
  if (intent?.asksWhatItIs !== true || name === undefined) return [...hits];
  return closeHitFirst(hits, (hit) => definesName(normalizedEntryText(hit.entry), name));
}
