/**
 * The corpus's words looked up the ways a slip of the ear or the keyboard needs: a katakana word
 * by its sound without voicing or long-vowel mark (センダー → センター), a kanji word by its
 * spelling with one kanji left blank (千曲側 → 千曲＊ → 千曲川), and any word by its reading
 * without long vowels (かんこ → 観光). Built with the index, from its lexicon of words by reading.
 */
import type { KanaLexicon, LexiconWord } from './kana-words.js';
import { looseKatakana, withoutLongVowels } from './kana-sounds.js';
import { runAtOnce } from '../time-slices.js';
import { toKatakana } from '../normalize/normalize.js';

/** A word of the corpus and how it reads. */
export interface SoundedWord {
  readonly reading: string;
  readonly word: LexiconWord;
}

export interface SoundIndex {
  /** The loose sound (kana-sounds.ts, looseKatakana) of each katakana word that names a thing → the words. */
  readonly katakanaByLooseSound: ReadonlyMap<string, readonly SoundedWord[]>;
  /** A kanji word of two kanji or more that names a thing, one kanji left blank → the words so spelled. */
  readonly kanjiWordsByPattern: ReadonlyMap<string, readonly SoundedWord[]>;
  /** Every word and its reading, by the reading without long vowels (kana-sounds.ts, withoutLongVowels). */
  readonly byReadingWithoutLongVowels: ReadonlyMap<string, readonly SoundedWord[]>;
}

/** Words longer than this (in kanji) are not looked for one kanji apart. */
export const maxSlipLength = 8;
/** What stands for the blank kanji of a pattern. */
export const blank = '\u0000';

export const isKanji = (c: string): boolean => /^[\p{Script=Han}々]$/u.test(c);
export const isKatakanaWord = (text: string): boolean => /^[\p{Script=Katakana}ー]+$/u.test(text);

/**
 * A word that names a thing, written with kanji or katakana: a verb the corpus uses is no topic
 * to hear a noun as, and a word it writes in hiragana (きょう) is not what voice input spells in kanji.
 */
export const namesThing = (word: LexiconWord): boolean =>
  word.terms.some((t) => !t.weak) && !/^[\p{Script=Hiragana}ー]+$/u.test(word.text);

/** The lexicon's words this many readings between two yields. */
const readingsPerStep = 200;

/** The sound index as a job in steps (see time-slices.ts), for an index built in slices. */
export function* soundIndexing(lexicon: KanaLexicon): Generator<void, SoundIndex, void> {
  const katakanaByLooseSound = new Map<string, SoundedWord[]>();
  const kanjiWordsByPattern = new Map<string, SoundedWord[]>();
  const byReadingWithoutLongVowels = new Map<string, SoundedWord[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  let count = 0;
  for (const [reading, words] of lexicon) {
    if (++count % readingsPerStep === 0) yield;
    const short = withoutLongVowels(reading);
    for (const word of words) {
      // Of words that sound alike but for a long vowel, each once.
      if (!byReadingWithoutLongVowels.get(short)?.some((w) => w.word.text === word.text)) {
        add(byReadingWithoutLongVowels, short, { reading, word });
      }
      if (!namesThing(word)) continue;
      if (isKatakanaWord(word.text)) add(katakanaByLooseSound, looseKatakana(reading), { reading, word });
      const chars = [...word.text];
      if (chars.length < 2 || chars.length > maxSlipLength || !chars.every(isKanji)) continue;
      for (const i of chars.keys()) add(kanjiWordsByPattern, chars.with(i, blank).join(''), { reading, word });
    }
  }
  return { katakanaByLooseSound, kanjiWordsByPattern, byReadingWithoutLongVowels };
}

/** The sound index of a lexicon, built at once. */
export function buildSoundIndex(lexicon: KanaLexicon): SoundIndex {
  return runAtOnce(soundIndexing(lexicon));
}

/**
 * The reading of the corpus word that kana is, or is with long vowels left out (きょいく →
 * キョウイク, すぽつ → スポーツ): the closest reading, the fewest sounds added. Only added: こうし
 * typed is not the コシ of another word.
 */
export function corpusReadingOf(kana: string, lexicon: KanaLexicon, sounds: SoundIndex): string | undefined {
  const typed = toKatakana(kana);
  if (lexicon.has(typed)) return typed;
  return sounds.byReadingWithoutLongVowels
    .get(withoutLongVowels(typed))
    ?.map((h) => h.reading)
    .filter((reading) => reading.length >= typed.length)
    .reduce<string | undefined>((a, b) => (a === undefined || b.length < a.length ? b : a), undefined);
}
