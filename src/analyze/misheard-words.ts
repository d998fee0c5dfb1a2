/**
 * Words a citizen meant but voice input misheard or a kana-to-kanji conversion mistyped: a word
 * comes out as another that sounds the same or nearly (信大 → 信代, 部局 → 部曲, センター → 千田ー,
 * 千曲川 → 千曲側). Such a word is one the corpus never uses, while a word the corpus does use
 * reads the same: that word is most likely what was meant. A word the corpus uses itself is never
 * taken for another (公園 is not 講演), so its own homophones cannot be confused; nor is a word
 * the dictionary knows (講演会 is meant as written where the corpus has 後援会), which is left to
 * the weaker homophone match of search.ts. Pure: the question's morphemes and the corpus's words
 * by reading in, the words heard out.
 */
import type { Morpheme } from './japanese-tokenizer.js';
import type { KanaLexicon, LexiconWord } from './kana-words.js';
import { looseKatakana, unvoiced } from './kana-sounds.js';
import { blank, isKanji, isKatakanaWord, maxSlipLength, namesThing, type SoundIndex } from './sound-index.js';

/** A stretch of the question heard as words of the corpus. */
export interface MisheardWord {
  /** The stretch as written (信代, 部曲, 千田ー) and where it lies in the question. */
  readonly written: string;
  readonly start: number;
  readonly end: number;
  /** The reading of the corpus words it sounds like. */
  readonly reading: string;
  /** The corpus words meant, most likely first. */
  readonly words: readonly LexiconWord[];
}

/** What a question's stretches are heard against. */
export interface SoundVocabulary {
  /** The corpus's words by reading (kana-words.ts) and by sound (sound-index.ts). */
  readonly lexicon: KanaLexicon;
  readonly sounds: SoundIndex;
  /** True for a string the corpus uses (in its text or as a word of its index): such a stretch is meant. */
  readonly inCorpus: (text: string) => boolean;
  /** The reading of one kanji on its own, by the dictionary (信 → シン, 代 → ダイ). */
  readonly readKanji: (kanji: string) => string | undefined;
  /** A kanji's on-readings (私 → シ), which the dictionary does not give for it alone (kanji-on-readings.ts). */
  readonly onReadings: (kanji: string) => readonly string[];
}

/** Readings shorter than this (in kana) match too many words by chance. */
const minReading = 3;
/** A reading guessed kanji by kanji is weaker evidence than the dictionary's: it must be longer. */
const minGuessedReading = 4;
/** What follows a person's name. */
const HONORIFIC = /^(?:さん|さま|様|くん|君|ちゃん|氏|殿|先生)/u;
/** A stretch heard as one word spans at most this many of the dictionary's pieces (千・曲・側). */
const maxUnits = 4;

/**
 * The corpus words a katakana word the corpus never uses stands for, when it sounds like them
 * but for voicing or a long vowel (センダー → センター, インバウント → インバウンド, ポタル → ポータル).
 */
export function heardKatakana(
  word: string,
  vocabulary: SoundVocabulary,
): { reading: string; words: LexiconWord[] } | undefined {
  const length = [...word].length;
  if (!isKatakanaWord(word) || length < minGuessedReading - 1) return undefined;
  const alike = vocabulary.sounds.katakanaByLooseSound.get(looseKatakana(word)) ?? [];
  // A word of three kana is heard only as one that lost its long vowel (ポタル → ポータル): a slip
  // of voicing in so short a word (バス, パス) is too often another word.
  const found =
    length < minGuessedReading ? alike.filter((f) => f.word.text.includes('ー') && !word.includes('ー')) : alike;
  const [first] = found;
  // Looked up last: the corpus's text is long, its words by sound a map.
  if (!first || vocabulary.inCorpus(word)) return undefined;
  return { reading: first.reading, words: found.map((f) => f.word) };
}

/** A piece of a stretch of kanji: the kanji of one morpheme, with its reading when all of it is kanji. */
interface Unit {
  readonly text: string;
  readonly start: number;
  readonly reading: string | undefined;
  /**
   * A word of two kanji or more that the dictionary knows, not a name (講演, 自信, 小回り):
   * a stretch holding one is most likely meant as written, even where the corpus has a word that
   * sounds the same (講演会 is no 後援会). Only names (信代, 新大) and kanji the dictionary could
   * not read as words (部曲, 千曲側) are heard as another word.
   */
  readonly dictionaryWord: boolean;
}

/** Where a morpheme ends; past the last one, nowhere. */
const endOf = (m: Morpheme | undefined) => (m ? m.start + m.surface.length : Infinity);

/**
 * The stretches of kanji in a question (with a long-vowel mark after them, as voice input writes
 * センター as 千田ー), cut where the dictionary's morphemes begin: 情報部曲 → 情報・部・曲.
 */
function kanjiStretches(normalized: string, morphemes: readonly Morpheme[]): Unit[][] {
  const stretches: Unit[][] = [];
  let first = 0;
  for (const match of normalized.matchAll(/[\p{Script=Han}々]+ー?/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    const units: Unit[] = [];
    // Stretches and morphemes both come in order: the morphemes before this stretch are done with.
    while (endOf(morphemes[first]) <= start) first++;
    for (let k = first; k < morphemes.length; k++) {
      const m = morphemes[k];
      if (!m || m.start >= end) break;
      const mEnd = endOf(m);
      const from = Math.max(start, m.start);
      const to = Math.min(end, mEnd);
      const whole = m.start >= start && mEnd <= end;
      const reading = whole ? (m.surface === 'ー' ? 'ー' : m.reading) : undefined;
      // The kanji of a word with kana (小回り) are that word too.
      const dictionaryWord =
        m.reading !== undefined && m.posDetail !== '固有名詞' && [...m.surface].filter(isKanji).length >= 2;
      units.push({ text: normalized.slice(from, to), start: from, reading, dictionaryWord });
    }
    if (units.length > 0) stretches.push(units);
  }
  return stretches;
}

/** The words of the corpus a stretch the corpus never uses sounds like, with their reading. */
function heardStretch(
  units: readonly Unit[],
  vocabulary: SoundVocabulary,
): { reading: string; words: LexiconWord[] } | undefined {
  const text = units.map((u) => u.text).join('');
  const chars = [...text];
  if (chars.filter(isKanji).length < 2 || chars.includes('何')) return undefined;
  const sound = soundOf(units, chars, vocabulary);
  if (!sound) return undefined;
  // A word the dictionary knows is meant as written (講演会 is no 後援会) unless the word heard keeps
  // it (放課語 → 放課後: only 語 was mistyped), or one kanji of a word of three kanji or more was
  // typed for another that reads exactly so: the slip made the word (検当会 → 検討会, 当会 by chance).
  const kept = units.filter((u) => u.dictionaryWord).map((u) => u.text);
  const keepsTyped = (word: LexiconWord) =>
    kept.every((k) => word.text.includes(k)) || (chars.length >= 3 && oneKanjiReadAlike(chars, word, vocabulary));
  // Of words that sound alike, the one that keeps more of what was typed (協動: 協同 before 共同).
  const typedShared = (word: LexiconWord) => [...word.text].filter((c) => chars.includes(c)).length;
  const words = sound.words.filter(keepsTyped).sort((a, b) => typedShared(b) - typedShared(a));
  // Looked up last: the corpus's text is long, its words by sound a map.
  return words.length > 0 && !vocabulary.inCorpus(text) ? { reading: sound.reading, words } : undefined;
}

/** Whether a word is spelled as typed but for one kanji, which shares an on-reading with the typed one. */
function oneKanjiReadAlike(typed: readonly string[], word: LexiconWord, vocabulary: SoundVocabulary): boolean {
  const meant = [...word.text];
  if (meant.length !== typed.length) return false;
  const apart = meant.flatMap((c, i) => (c === typed[i] ? [] : [i]));
  const [i] = apart;
  return (
    apart.length === 1 &&
    i !== undefined &&
    sharedOnReading(typed[i] as string, meant[i] as string, vocabulary) === 'exact'
  );
}

/** The corpus words a stretch sounds like, whether or not the corpus uses the stretch itself. */
function soundOf(
  units: readonly Unit[],
  chars: readonly string[],
  vocabulary: SoundVocabulary,
): { reading: string; words: LexiconWord[] } | undefined {
  const { lexicon } = vocabulary;
  const things = (reading: string) => (lexicon.get(reading) ?? []).filter(namesThing);
  // As the dictionary reads it (今活: コン・カツ, as 婚活).
  const read = units.every((u) => u.reading !== undefined) ? units.map((u) => u.reading).join('') : undefined;
  if (read !== undefined && [...read].length >= minReading && things(read).length > 0) {
    return { reading: read, words: things(read) };
  }
  // Kanji by kanji, as voice input spells a word it does not know (シンダイ → 信代, 新大).
  const kanjiReadings = chars.map((c) => (c === 'ー' ? 'ー' : vocabulary.readKanji(c)));
  const guessed = kanjiReadings.every((r) => r !== undefined) ? kanjiReadings.join('') : undefined;
  if (guessed !== undefined && [...guessed].length >= minGuessedReading && things(guessed).length > 0) {
    return { reading: guessed, words: things(guessed) };
  }
  // A kanji word written for a katakana one (千田ー for センター, read センダー).
  for (const reading of [read, guessed]) {
    if (reading === undefined || [...reading].length < minGuessedReading) continue;
    const katakana = vocabulary.sounds.katakanaByLooseSound.get(looseKatakana(reading));
    if (katakana?.[0]) return { reading: katakana[0].reading, words: katakana.map((k) => k.word) };
  }
  return oneKanjiSoundingAlike(chars, kanjiReadings, vocabulary);
}

/**
 * A word of the corpus spelled the same but for one kanji that sounds the same (千曲側 for
 * 千曲川: 側 and 川 both read ガワ there; 私民 for 市民: 私 and 市 both read シ): a kanji picked by
 * its sound. Voicing is ignored, as a kanji voices inside a compound (川 カワ → 千曲川 チクマガワ).
 * A word of two kanji, where one kanji is little evidence, is heard only by an on-reading the two
 * kanji share.
 */
function oneKanjiSoundingAlike(
  chars: readonly string[],
  kanjiReadings: readonly (string | undefined)[],
  vocabulary: SoundVocabulary,
): { reading: string; words: LexiconWord[] } | undefined {
  if (chars.length < 2 || chars.length > maxSlipLength || !chars.every(isKanji)) return undefined;
  const patterns = vocabulary.sounds.kanjiWordsByPattern;
  const short = chars.length === 2;
  // A kanji that reads exactly as the one meant is the likelier slip: 女生 is 女性 (生, 性: セイ),
  // not 野生, whose 野 shares a sound with 女 only once voicing is ignored (ショ, ジョ).
  let voicedAside: { reading: string; words: LexiconWord[] } | undefined;
  for (const [i, typed] of chars.entries()) {
    const typedSound = kanjiReadings[i];
    for (const { reading, word } of patterns.get(chars.with(i, blank).join('')) ?? []) {
      const meant = [...word.text][i] ?? '';
      if (meant === typed) continue;
      const shared = sharedOnReading(typed, meant, vocabulary);
      if (shared === 'exact') return { reading, words: [word] };
      if (shared === 'voicing aside') {
        voicedAside ??= { reading, words: [word] };
        continue;
      }
      if (short || typedSound === undefined) continue;
      const meantSound = vocabulary.readKanji(meant);
      const sameAlone = meantSound !== undefined && unvoiced(meantSound) === unvoiced(typedSound);
      // At either end of the word its reading shows the kanji's own sound (チクマ「ガワ」).
      const atEnd =
        (i === chars.length - 1 && unvoiced(reading).endsWith(unvoiced(typedSound))) ||
        (i === 0 && unvoiced(reading).startsWith(unvoiced(typedSound)));
      if (sameAlone || atEnd) voicedAside ??= { reading, words: [word] };
    }
  }
  return voicedAside;
}

/** Whether two kanji share an on-reading as it is, or only voicing aside (体 and 滞: タイ; 女 and 野: ジョ, ショ). */
function sharedOnReading(
  typed: string,
  meant: string,
  vocabulary: SoundVocabulary,
): 'exact' | 'voicing aside' | undefined {
  const meantReadings = vocabulary.onReadings(meant);
  const typedReadings = vocabulary.onReadings(typed);
  if (typedReadings.some((r) => meantReadings.includes(r))) return 'exact';
  const meantUnvoiced = meantReadings.map(unvoiced);
  return typedReadings.some((r) => meantUnvoiced.includes(unvoiced(r))) ? 'voicing aside' : undefined;
}

/**
 * The stretches of kanji in a question that the corpus never uses and that sound like its words.
 * Of the stretches heard in one run of kanji, the shortest wins (情報部曲: 部曲 → 部局, leaving
 * 情報 as written), and they never overlap.
 */
export function misheardWords(
  normalized: string,
  morphemes: readonly Morpheme[],
  vocabulary: SoundVocabulary,
): MisheardWord[] {
  const heard: MisheardWord[] = [];
  for (const units of kanjiStretches(normalized, morphemes)) {
    const found: MisheardWord[] = [];
    for (let i = 0; i < units.length; i++) {
      for (let j = i + 1; j <= Math.min(units.length, i + maxUnits); j++) {
        // A stretch that is a word the dictionary knows is meant as written; a longer one holding it
        // is heard only as a word that keeps it (heardStretch).
        if (j === i + 1 && units[i]?.dictionaryWord === true) continue;
        const span = units.slice(i, j);
        const sound = heardStretch(span, vocabulary);
        const first = span[0];
        const last = span.at(-1);
        if (!sound || !first || !last) continue;
        const written = span.map((u) => u.text).join('');
        const end = last.start + last.text.length;
        // A name followed by an honorific (信代さん) is someone's name, not a word misheard.
        if (HONORIFIC.test(normalized.slice(end))) continue;
        found.push({ written, start: first.start, end, ...sound });
      }
    }
    found.sort((a, b) => a.written.length - b.written.length || a.start - b.start);
    for (const word of found) {
      if (heard.some((h) => h.start < word.end && word.start < h.end)) continue;
      heard.push(word);
    }
  }
  for (const word of [
    ...katakanaThenKanjiSlips(normalized, vocabulary),
    ...kanaEndedSlips(normalized, morphemes, vocabulary),
  ]) {
    if (!heard.some((h) => h.start < word.end && word.start < h.end)) heard.push(word);
  }
  return heard.sort((a, b) => a.start - b.start);
}

/** A piece of a word written with kana endings: kanji, then kana or none (差し, 抑え, 身). */
const KANJI_THEN_KANA = /^[\p{Script=Han}々]+\p{Script=Hiragana}*$/u;
/** A word written with kana endings spans at most this many of the dictionary's pieces. */
const maxKanaEndedUnits = 3;

/**
 * A word written with kana endings (差し押さえ, 見直し) converted with other kanji of the same
 * sound (差し抑え, 身直し): the dictionary cuts it into pieces that read, together, as a word the
 * corpus names things with, and the corpus never writes it so. It ends in kana, and the kanji
 * stretches above never hold its kana.
 */
function kanaEndedSlips(
  normalized: string,
  morphemes: readonly Morpheme[],
  vocabulary: SoundVocabulary,
): MisheardWord[] {
  const heard: MisheardWord[] = [];
  for (let i = 0; i < morphemes.length; i++) {
    for (let j = i + 2; j <= Math.min(morphemes.length, i + maxKanaEndedUnits); j++) {
      const span = morphemes.slice(i, j);
      if (!span.every((m) => KANJI_THEN_KANA.test(m.surface))) break;
      const last = span.at(-1) as Morpheme;
      if (!/\p{Script=Hiragana}$/u.test(last.surface)) continue;
      const readings = span.map((m) => m.reading);
      if (!readings.every((r) => r !== undefined)) break;
      const reading = readings.join('');
      if ([...reading].length < minGuessedReading) continue;
      const start = span[0]?.start ?? 0;
      const end = last.start + last.surface.length;
      const written = normalized.slice(start, end);
      if (written !== span.map((m) => m.surface).join('')) break;
      const words = (vocabulary.lexicon.get(reading) ?? []).filter(
        (w) => namesThing(w) && /\p{Script=Han}/u.test(w.text) && w.text !== written,
      );
      // Looked up last: the corpus's text is long.
      if (words.length === 0 || vocabulary.inCorpus(written)) continue;
      heard.push({ written, start, end, reading, words });
    }
  }
  return heard;
}

/** A katakana word and the one kanji after it, which ends the compound (スポーツ化, not スポーツ化学). */
const KATAKANA_AND_KANJI = /[\p{Script=Katakana}ー]{2,}\p{Script=Han}(?![\p{Script=Han}々])/gu;

/**
 * A katakana word with one kanji after it typed for another of the same on-reading, as voice
 * input converts スポーツか: スポーツ化 for the corpus's スポーツ課. Only where the corpus has a
 * word spelled with that katakana and a kanji that reads exactly as the one typed, and never uses
 * what was typed.
 */
function katakanaThenKanjiSlips(normalized: string, vocabulary: SoundVocabulary): MisheardWord[] {
  const heard: MisheardWord[] = [];
  for (const match of normalized.matchAll(KATAKANA_AND_KANJI)) {
    const written = match[0];
    const katakana = written.slice(0, -1);
    const typed = written.slice(-1);
    for (const sound of vocabulary.onReadings(typed)) {
      const words = (vocabulary.lexicon.get(katakana + sound) ?? []).filter(
        (w) =>
          namesThing(w) &&
          w.text.length === written.length &&
          w.text.startsWith(katakana) &&
          sharedOnReading(typed, w.text.slice(-1), vocabulary) === 'exact',
      );
      if (words.length === 0) continue;
      // Looked up last: the corpus's text is long.
      if (vocabulary.inCorpus(written)) break;
      heard.push({ written, start: match.index, end: match.index + written.length, reading: katakana + sound, words });
      break;
    }
  }
  return heard;
}

/**
 * The question with each word heard as the corpus's written as that word, where it is as long
 * (県数 → 件数, 部曲 → 部局): what is asked is then read in the words meant (件数 asks a count of
 * cases, 県数 one of prefectures). A word of another length is left, so that offsets still hold.
 */
export function textAsHeard(
  normalized: string,
  terms: readonly { readonly start?: number; readonly end?: number; readonly heardAs?: readonly LexiconWord[] }[],
): string {
  let text = normalized;
  for (const term of terms) {
    const meant = term.heardAs?.[0]?.text;
    const { start, end } = term;
    if (meant === undefined || start === undefined || end === undefined || meant.length !== end - start) continue;
    text = text.slice(0, start) + meant + text.slice(end);
  }
  return text;
}
