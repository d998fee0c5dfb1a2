/**
 * Staff keywords tie an entry to words its text does not use (自治会の見直し has 再編 as a
 * keyword, the rules on districts state 再編 in the report's words). When the first hit has the
 * thing asked about, the question's head noun (its last noun: 自治会の「再編」), only as a keyword
 * and another hit covers as much of the question and states it in its title, body or figures,
 * that one is about it and comes first. Pure: hits in, hits out.
 */
import type { Term } from '../analyze/analyze.js';
import { contentTerms, type RankedHit } from '../search/search.js';

/** Fields of the report's own wording (not the staff's keywords and phrasings). */
const WORDING_FIELDS = new Set(['title', 'body', 'figures']);

/** The question's head noun: its last noun the citizen wrote (not a verb, a synonym or a kana run). */
export function headNoun(terms: readonly Term[]): Term | undefined {
  return headCompound(terms).at(-1);
}

/**
 * The question's last noun with the nouns written right before it, which make one name with it
 * (行財政改革: 行財政, 改革).
 */
function headCompound(terms: readonly Term[]): Term[] {
  const nouns = contentTerms(terms)
    .filter((t) => !t.weak && !t.kana && !t.background)
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  let first = nouns.length - 1;
  while (first > 0 && nouns[first - 1]?.end !== undefined && nouns[first - 1]?.end === nouns[first]?.start) first--;
  return nouns.slice(Math.max(first, 0));
}

/**
 * The fields where a hit matched the word the citizen wrote, as written: not a synonym of it, nor
 * a word it only sounds like (参科 for 参加), which is a slip rather than the thing named.
 */
export function fieldsMatchedAsWritten(hit: RankedHit, term: Term): string[] {
  return hit.matches
    .filter((m) => m.via !== 'reading' && m.via !== 'heard' && !m.term.synonym && m.term.text === term.text)
    .flatMap((m) => m.fields);
}

/** Where a hit matched the term itself: 'wording', 'keyword' (keywords only), or undefined. */
function matchedIn(hit: RankedHit, term: Term): 'wording' | 'keyword' | undefined {
  const fields = fieldsMatchedAsWritten(hit, term);
  if (fields.some((f) => WORDING_FIELDS.has(f))) return 'wording';
  return fields.includes('keywords') && fields.every((f) => f === 'keywords') ? 'keyword' : undefined;
}

/** Where a hit matched a name of several nouns: 'keyword' when any of them only there, 'wording' when all in its wording. */
function compoundMatchedIn(hit: RankedHit, nouns: readonly Term[]): 'wording' | 'keyword' | undefined {
  const each = nouns.map((t) => matchedIn(hit, t));
  if (each.includes('keyword')) return 'keyword';
  return each.length > 0 && each.every((m) => m === 'wording') ? 'wording' : undefined;
}

/**
 * The hits with one that states the head noun before a first one that has it only as a keyword;
 * never one lacking the kind of fact asked (`givesAskedFact`) before one that has it.
 */
export function keywordOnlyYields(
  terms: readonly Term[],
  hits: readonly RankedHit[],
  givesAskedFact: (hit: RankedHit) => boolean = () => true,
): RankedHit[] {
  const [first, ...rest] = hits;
  const head = headCompound(terms);
  if (!first || head.length === 0 || compoundMatchedIn(first, head) !== 'keyword') return [...hits];
  const stating = rest.find(
    (hit) =>
      (hit.coverage ?? 0) >= (first.coverage ?? 1) &&
      compoundMatchedIn(hit, head) === 'wording' &&
      (givesAskedFact(hit) || !givesAskedFact(first)),
  );
  if (!stating) return [...hits];
  return [stating, first, ...rest.filter((hit) => hit !== stating)];
}
