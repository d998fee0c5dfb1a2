/**
 * A verb and its potential form are one word to a citizen: 「手伝ってほしい人」 and an entry's
 * 「手伝える人」, 「話せる場」 and 「話す場」. The dictionary gives each its own base form (手伝う,
 * 手伝える), so a question's verb is also searched as its other form when the corpus uses that one,
 * as a synonym would be. Transitive and intransitive pairs made the same way (進める, 進む) are
 * looked up too: they name the same doing. Pure: terms in, expansion terms out.
 */
import type { Term } from './analyze.js';

/** The u-row ending of a godan verb and the e-row kana of its potential form (話す → 話せる). */
const POTENTIAL_ROW: Readonly<Record<string, string>> = {
  う: 'え',
  く: 'け',
  ぐ: 'げ',
  す: 'せ',
  つ: 'て',
  ぬ: 'ね',
  ぶ: 'べ',
  む: 'め',
  る: 'れ',
};
const GODAN_ROW: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(POTENTIAL_ROW).map(([u, e]) => [e, u]),
);

/** The other form of a verb's base: 手伝う → 手伝える, 手伝える → 手伝う; undefined for no verb ending. */
export function otherVerbForm(base: string): string | undefined {
  if (!/^\p{Script=Han}/u.test(base) || [...base].length < 2) return undefined;
  const last = base.slice(-1);
  const beforeLast = base.slice(-2, -1);
  if (last === 'る' && GODAN_ROW[beforeLast] !== undefined && base.length >= 3) {
    return `${base.slice(0, -2)}${GODAN_ROW[beforeLast]}`;
  }
  const potential = POTENTIAL_ROW[last];
  return potential === undefined ? undefined : `${base.slice(0, -1)}${potential}る`;
}

/**
 * For each verb of the question (a weak content term), its other form when the corpus has it
 * and the question does not: searched as a synonym of the verb.
 */
export function verbFormTerms(terms: readonly Term[], isKnownWord: (word: string) => boolean): Term[] {
  const own = new Set(terms.map((t) => t.text));
  const expansions: Term[] = [];
  for (const term of terms) {
    if (term.role !== 'content' || term.weak !== true || term.synonym || term.kana) continue;
    const other = otherVerbForm(term.text);
    if (other === undefined || own.has(other) || !isKnownWord(other)) continue;
    const { start, end } = term;
    if (start === undefined || end === undefined) continue;
    expansions.push({
      text: other,
      reading: undefined,
      role: 'content',
      kana: false,
      weak: true,
      start,
      end,
      synonym: { phrase: term.text, start, end, target: other },
    });
    own.add(other);
  }
  return expansions;
}
