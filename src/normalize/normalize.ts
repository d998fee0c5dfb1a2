/**
 * Stage 1 of the search pipeline: bring a citizen's text to one canonical written form, so that
 * width, case, odd spaces and invisible characters never change what is found.
 */

import { convertKanjiNumerals } from './kanji-numerals.js';
import { spellOutEraYears } from './era-years.js';

// Zero-width characters, BOM, bidi controls and other format characters (Cf) vanish;
// other control characters become a space so they still separate words.
const FORMAT_CHARS = /\p{Cf}/gu;
// U+FFFD stands for a lone surrogate (half of an emoji cut off): kuromoji throws on a lone one.
const CONTROL_CHARS = /[\p{Cc}\u2028\u2029\uFFFD]/gu;
// Dash-like characters typed for the katakana long-vowel mark after a katakana letter.
const LONG_VOWEL_LOOKALIKES = /(?<=[\p{Script=Katakana}])[-‐‑‒–—―−ｰ~～〜]/gu;
const SPACES = /\s+/gu;
// Iteration marks after a kana: 「こゝろ」→「こころ」; the voiced mark doubles with voicing.
// A run of marks (「こゝゝ」) is spelled out at once, or a second pass would change the text again.
const ITERATION_MARK = /[ゝゞヽヾ]/u;
const KANA_ITERATION = /([[\p{Script=Hiragana}\p{Script=Katakana}]--[ゝゞヽヾ]])([ゝゞヽヾ]+)/gv;

/**
 * Normalise text for matching: NFKC (full-width ASCII and half-width katakana become standard
 * forms), lower case, long-vowel look-alikes after katakana become ー, kana iteration marks are
 * spelled out, kanji numerals before a counter become digits (三億 → 3億), era years abbreviated
 * as the report does are spelled out (H30 → 平成30年), invisible characters
 * go, runs of spaces become one. Idempotent.
 */
export function normalizeText(text: string): string {
  // Invisible characters go first, so that what they separated (a letter and its mark, a numeral
  // and its counter) is composed and converted in this pass, not the next. Lower case can put
  // marks out of canonical order (İ + ゙), hence NFKC again.
  const composed = spellOutIterationMarks(
    text.toWellFormed().replace(FORMAT_CHARS, '').replace(CONTROL_CHARS, ' ').normalize('NFKC'),
  );
  // NFKC leaves NFKC text as it is: only text that lower case changed is composed again.
  const lower = composed.toLowerCase();
  const folded = lower === composed ? composed : lower.normalize('NFKC');
  return spellOutEraYears(convertKanjiNumerals(folded))
    .replace(LONG_VOWEL_LOOKALIKES, 'ー')
    .replace(SPACES, ' ')
    .trim();
}

/**
 * Kana iteration marks spelled out until none follows a kana: a kana spelled out may take the
 * next mark (はゝ゚ → はぱ) and so reach a mark after it. Ends: each change uses up a mark.
 */
function spellOutIterationMarks(text: string): string {
  // Most text has no mark, and NFKC leaves it as it is.
  if (!ITERATION_MARK.test(text)) return text;
  let current = text;
  for (;;) {
    const next = current
      .replace(
        KANA_ITERATION,
        (_m, prev: string, marks: string) =>
          prev + [...marks].map((mark) => (mark === 'ゞ' || mark === 'ヾ' ? voiced(prev) : prev)).join(''),
      )
      .normalize('NFKC');
    if (next === current) return current;
    current = next;
  }
}

/** The voiced form of a kana (か → が), or the kana itself when it has none. */
function voiced(kana: string): string {
  const next = String.fromCodePoint((kana.codePointAt(0) ?? 0) + 1);
  return `${kana}\u3099`.normalize('NFC') === next ? next : kana;
}

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KATAKANA_OFFSET = 0x60;

/** ひらがな → カタカナ, other characters unchanged: readings are compared in katakana. */
export function toKatakana(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= HIRAGANA_START && code <= HIRAGANA_END ? String.fromCodePoint(code + KATAKANA_OFFSET) : ch;
  }
  return out;
}

/** True when the text is made only of kana (and the long-vowel mark), e.g. 「しょうがくきん」. */
export function isKanaOnly(text: string): boolean {
  return /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(text);
}
