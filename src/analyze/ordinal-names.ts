/**
 * The report numbers the members of a series in their titles (柱3：, 基本姿勢1：, 方針2：), and for
 * some in their text too (3つ目の柱は…); citizens count them in other orders (柱の3つ目, 5つの柱の
 * 3つ目, 第3の柱, 一つ目の基本姿勢, 方針が3つ…、2つ目の). Such a reference is written as the report
 * writes it, so that the member matches: 「5つの柱の3つ目」 asks for the third pillar, not for the
 * one with 5 in it.
 * Pure: text and series in, text out.
 */
import { toHiragana } from 'wanakana';
import type { Entry } from '../corpus/entry.js';
import type { KanaLexicon } from './kana-words.js';
import { PLACE_IN_ORDER_ASKED } from './question-intent.js';

/** A series the entries number: its name, and whether their text counts it (3つ目の柱). */
export interface NumberedSeries {
  readonly name: string;
  readonly countedInText: boolean;
  /** The name typed in kana (きほんしせい), as the corpus reads it: a citizen counts in kana too. */
  readonly readings: readonly string[];
}

/** Series found once per list of entries, or per lexicon of them when read with one. */
const seriesOfEntries = new WeakMap<object, readonly NumberedSeries[]>();

/**
 * The numbered series in the titles of `entries` (柱 of 「柱3：…」), longest name first; each with the
 * readings under which `lexicon` lists its name first (ハシラ is 柱 before any other word).
 */
export function numberedSeries(entries: readonly Entry[], lexicon?: KanaLexicon): readonly NumberedSeries[] {
  let series = seriesOfEntries.get(lexicon ?? entries);
  if (series === undefined) {
    const names = new Set<string>();
    for (const entry of entries) {
      const name = /^([\p{Script=Han}\p{Script=Katakana}ー]{1,6})[0-9]+[：:]/u.exec(entry.title)?.[1];
      if (name) names.add(name);
    }
    const readingsOf = (name: string) =>
      [...(lexicon ?? [])].filter(([, words]) => words[0]?.text === name).map(([reading]) => toHiragana(reading));
    series = [...names]
      .sort((a, b) => b.length - a.length)
      .map((name) => ({
        name,
        countedInText: entries.some((e) => e.body.includes(`つ目の${name}`)),
        readings: readingsOf(name),
      }));
    seriesOfEntries.set(lexicon ?? entries, series);
  }
  return series;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The two ways of counting a member (3つ目の柱, 柱の3つ目), as patterns built once per series. */
interface OrdinalPatterns {
  readonly before: RegExp;
  readonly after: RegExp;
  /** The series counted first, the member picked later in the sentence (方針が3つ…、2つ目の内容). */
  readonly later: RegExp;
  /**
   * The size of the series said before a place asked in it (5つの柱のうち何番目, 5つの柱の何番目): no
   * part of what is asked.
   */
  readonly sizeBeforePlaceAsked: RegExp;
}

const patternsOfSeries = new WeakMap<readonly NumberedSeries[], OrdinalPatterns>();

function ordinalPatterns(series: readonly NumberedSeries[]): OrdinalPatterns {
  let patterns = patternsOfSeries.get(series);
  if (patterns === undefined) {
    const spellings = series.flatMap((s) => [s.name, ...s.readings]).sort((a, b) => b.length - a.length);
    const name = `(${spellings.map(escape).join('|')})`;
    const ordinal = '(?:([0-9]+)(?:つ目|つめ|番目)|第([0-9]+))';
    patterns = {
      // A space may follow の: kana is typed with spaces between words (きほんしせいの 1つ目).
      before: new RegExp(`${ordinal}の\\s?${name}`, 'gu'),
      // The size of the series said first (5つの柱の3つ目) is no part of the reference.
      after: new RegExp(`(?:[0-9]+つの)?${name}の\\s?(?:うち(?:の)?)?${ordinal}`, 'gu'),
      later: new RegExp(`(${name}(?:が|は|も)[0-9]+つ[^。？?]{0,24}?)${ordinal}(?!の${name})`, 'gu'),
      sizeBeforePlaceAsked: new RegExp(
        `[0-9]+(?:つ|本)の(?=(?:${name}の(?:うち)?|うち)[^。？?]{0,16}?(?:${PLACE_IN_ORDER_ASKED.source}))`,
        'gu',
      ),
    };
    patternsOfSeries.set(series, patterns);
  }
  return patterns;
}

/** The text with each ordinal reference to a member of a series written as the report writes it. */
export function writeOrdinalsAsNumbered(text: string, series: readonly NumberedSeries[]): string {
  if (series.length === 0) return text;
  const written = (spelled: string, n: string) => {
    const member = series.find((s) => s.name === spelled || s.readings.includes(spelled));
    const name = member?.name ?? spelled;
    return member?.countedInText === true ? `${n}つ目の${name}` : `${name}${n}`;
  };
  const { before, after, later, sizeBeforePlaceAsked } = ordinalPatterns(series);
  return text
    .replace(sizeBeforePlaceAsked, '')
    .replace(before, (_m, n: string | undefined, m: string | undefined, s: string) => written(s, n ?? m ?? ''))
    .replace(after, (_m, s: string, n: string | undefined, m: string | undefined) => written(s, n ?? m ?? ''))
    .replace(
      later,
      (_m, counted: string, s: string, n: string | undefined, m: string | undefined) =>
        counted + written(s, n ?? m ?? ''),
    );
}
