/**
 * What a count asks for when a verb follows its number word: 「小諸には何人住んでるの？」 counts those
 * who live there, as 「住んでる人は何人？」 would. The verb's base form and the counter make the
 * phrase (住む人) whose synonyms (人口) name what is counted, so that decide.ts quotes no number
 * stated of something else (3682人 counts 小諸ふるさと市民, not the people living in the city).
 */
import type { Term } from './analyze.js';
import { countingVerb } from './question-intent.js';
import { findSynonymSpans, type SynonymMap } from './synonyms.js';

/**
 * Terms standing for the corpus words of what the count counts, as synonym terms of the verb
 * (only their targets are read), from the first of `clauses` whose count has a verb after it.
 */
export function countedByVerb(
  normalized: string,
  clauses: readonly { start: number; end: number }[],
  terms: readonly Term[],
  synonyms: SynonymMap | undefined,
): Term[] {
  if (!synonyms) return [];
  for (const clause of clauses) {
    const verb = countingVerb(normalized.slice(clause.start, clause.end));
    if (!verb) continue;
    const start = clause.start + verb.start;
    const end = clause.start + verb.end;
    const first = terms.find(
      (t) => t.role === 'content' && !t.synonym && t.start !== undefined && t.start >= start && t.start < end,
    );
    if (!first) return [];
    // 住む → 住む人; a noun of action (参加) as its verb, 参加する人.
    const phrase = `${first.text}${first.weak ? '' : 'する'}${verb.counter}`;
    return findSynonymSpans(phrase, synonyms).flatMap((span) =>
      span.targets.map((target) => ({
        text: target,
        reading: undefined,
        role: 'content' as const,
        kana: false,
        start: first.start,
        end: first.end,
        synonym: { phrase: span.phrase, start, end, target },
      })),
    );
  }
  return [];
}
