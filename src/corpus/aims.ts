/**
 * Numbers that state an aim rather than what there is: a target figure (目標45%), a number the
 * text sets as a goal (10万人を目指す), and every number of a pledge (a `policy` entry, a ● of
 * the policy collection: 「仮想市民10万人」 is what was promised, not how many there are). They
 * answer a question on what was aimed at or pledged, and no other.
 */
import type { Entry, Figure } from './entry.js';

const AIM_WORDS = /目標|目指/u;

/** A figure that states an aim rather than what was reached. */
export function isTargetFigure(figure: Figure): boolean {
  return AIM_WORDS.test(`${figure.label} ${figure.note ?? ''} ${figure.period}`);
}

/** Whether every number an entry states is an aim: a pledge's are. */
export function statesOnlyAims(entry: Entry): boolean {
  return entry.kind === 'policy';
}

/**
 * A number set as an aim in a sentence: just after 目標 or 目指 (目標45%, 目標は10万人), or just
 * before them (10万人を目指す, 45%が目標).
 */
const AIMED_NUMBER =
  /(?:目標|目指)[^0-9。、]{0,6}[0-9][0-9.,]*|[0-9][0-9.,]*(?:万|億|千)?[^0-9。、\s]{0,4}?(?:を|が|の)?(?=目標|目指)/gu;

/** A sentence with the numbers it sets as aims taken out (「目標45%に対し40.4%」: 40.4% stays). */
export function withoutAims(sentence: string): string {
  return sentence.replace(AIMED_NUMBER, '');
}

/**
 * Whether a sentence sets an aim with a number `number` finds (「目標45%に対し40.4%」 does,
 * 「34.5%から39.7%に上がった」 does not): taking its aims out leaves fewer such numbers.
 */
export function setsAimIn(sentence: string, number: RegExp): boolean {
  const count = (text: string) => text.match(new RegExp(number.source, 'gu'))?.length ?? 0;
  return count(sentence) > count(withoutAims(sentence));
}
