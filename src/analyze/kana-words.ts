/**
 * Words of the corpus in a sentence typed in hiragana. kuromoji cannot cut 「しみんきょうどうが
 * ひつようなりゆうは」: without kanji there is nothing to anchor its cuts. But the words that
 * matter are the corpus's own, and their readings are known from indexing it; so a run of
 * hiragana is cut, with the fewest pieces, into corpus words by their reading (シミン → 市民),
 * the particles, endings and question words everyone writes in kana, and stretches of neither
 * (りんご: a word the corpus does not have). Pure: a run and the lexicon in, pieces out.
 */
import type { Morpheme } from './japanese-tokenizer.js';
import { toKatakana } from '../normalize/normalize.js';
import { moraCount, withoutLongVowels } from './kana-sounds.js';
import type { SoundedWord } from './sound-index.js';

/** A word of the corpus as the index stores it (base form), and whether it is a verb or adjective. */
export interface LexiconTerm {
  readonly text: string;
  readonly weak: boolean;
}

/** A word or a staff keyword of the corpus (しなの鉄道), as written, and the terms it is searched by. */
export interface LexiconWord {
  readonly text: string;
  readonly terms: readonly LexiconTerm[];
}

/**
 * Katakana reading of words as written in the corpus → the words, the one found in the most
 * entries first (of words that sound the same, the commonest is most likely meant).
 */
export type KanaLexicon = ReadonlyMap<string, readonly LexiconWord[]>;

/** The longest reading looked up, in kana. */
const maxWordLength = 16;

/** A noun that names something: not a pronoun, a number, a suffix or a dependent noun. */
export const isContentNoun = (m: Morpheme) =>
  m.pos === '名詞' && !['非自立', '代名詞', '数', '接尾'].includes(m.posDetail);
export const isContentVerb = (m: Morpheme) => (m.pos === '動詞' || m.pos === '形容詞') && m.posDetail === '自立';
const readsAsKana = (reading: string | undefined): reading is string =>
  reading !== undefined && /^[\p{Script=Katakana}ー]+$/u.test(reading);
/** A morpheme's reading; a katakana word the dictionary does not know (ネーミングライツ) reads as written. */
const readingOf = (m: Morpheme): string | undefined => m.reading ?? (readsAsKana(m.surface) ? m.surface : undefined);

/**
 * The reading and word a morpheme of the corpus adds to the lexicon: nouns, verbs and adjectives
 * whose surface reads as two kana or more (a single kana matches inside too many words).
 */
export function lexiconWordOf(m: Morpheme): { reading: string; word: LexiconWord } | undefined {
  const verb = isContentVerb(m);
  const reading = readingOf(m);
  if ((!isContentNoun(m) && !verb) || !readsAsKana(reading)) return undefined;
  const length = [...reading].length;
  if (length < 2 || length > maxWordLength) return undefined;
  const text = m.base.toLowerCase();
  return { reading, word: { text, terms: [{ text, weak: verb }] } };
}

/**
 * The reading of a staff keyword read whole (しなの鉄道: しな・の・鉄道; ワクワク, one word the
 * dictionary calls no noun), and `terms`, the ones the index holds for it as analysed (こもろ観光局:
 * 観光, 局, though the dictionary calls 局 a suffix): a citizen typing 「しなのてつどう」 means the keyword.
 */
export function lexiconPhraseOf(
  morphemes: readonly Morpheme[],
  terms: readonly LexiconTerm[],
): { reading: string; word: LexiconWord } | undefined {
  if (morphemes.length === 0 || !morphemes.every((m) => readsAsKana(readingOf(m)))) return undefined;
  // A keyword in kana (ふるさとのうぜい) is cut as badly as a question in kana: its other spelling serves.
  if (morphemes.every((m) => /^[\p{Script=Hiragana}ー]+$/u.test(m.surface))) return undefined;
  const reading = morphemes.map(readingOf).join('');
  if ([...reading].length < 2 || [...reading].length > maxWordLength) return undefined;
  if (terms.length === 0) return undefined;
  return { reading, word: { text: morphemes.map((m) => m.surface).join(''), terms } };
}

/**
 * Words that shape a sentence rather than name its topic, as written in kana: particles,
 * endings, light verbs, question words and adverbs. A general list for Japanese, not the corpus's.
 */
const FUNCTION_WORDS = [
  // Particles, which attach to the word before them.
  ...['は', 'が', 'を', 'に', 'で', 'と', 'も', 'の', 'へ', 'や', 'か', 'よ', 'ね', 'な', 'わ', 'さ', 'ぞ'],
  ...['って', 'から', 'まで', 'より', 'けど', 'けれど', 'けれども', 'のに', 'ので', 'だけ', 'しか', 'ほど'],
  ...['くらい', 'ぐらい', 'など', 'とか', 'ながら', 'たり', 'ば', 'でも', 'には', 'では', 'とは', 'への'],
  // Endings and auxiliaries.
  ...['です', 'でした', 'でしょう', 'でしょ', 'ます', 'ました', 'ません', 'ませんか', 'だ', 'だった', 'だろう'],
  ...['ない', 'なかった', 'なく', 'たい', 'たかった', 'た', 'て', 'てる', 'ている', 'ていた', 'てた', 'てん'],
  // After a stem cut before its small っ (はし・ってる: 走ってる), not the って of a quote and a stray る.
  ...['ってる', 'ってた', 'ってます', 'ってました', 'ってない'],
  ...['ちゃう', 'ちゃった', 'られ', 'られる', 'れる', 'れ', 'せる', 'させ', 'ん', 'んだ', 'んです', 'っけ'],
  ...['かな', 'かね', 'かしら', 'っしょ', 'のか', 'ですか', 'ますか', 'ください', 'くださ', 'ほしい', 'そう'],
  // Light verbs and their forms.
  ...['する', 'し', 'して', 'した', 'しよう', 'します', 'しない', 'される', 'させる', 'できる', 'でき'],
  ...['できた', 'ある', 'あり', 'あります', 'あった', 'あって', 'いる', 'いた', 'いて', 'います', 'おる'],
  ...['おり', 'おります', 'なる', 'なり', 'なった', 'なって', 'なっ', 'やる', 'やっ', 'やって', 'やった'],
  ...['くる', 'きた', 'きて', 'くれ', 'くれる', 'くれた', 'もらう', 'もらえ', 'もらっ', 'いく', 'いける'],
  ...['いっ', 'みる', 'みた', 'いう', 'いって', 'ござい', 'ございます', 'いただ', 'いただけ', 'おしえ'],
  ...['おしえて', 'おねがい', 'きい', 'きいた', 'きく', 'しって', 'しり', 'しりたい', 'おもう', 'おもっ'],
  // Question words.
  ...['なに', 'なん', 'なんで', 'なぜ', 'どう', 'どうして', 'どこ', 'どれ', 'どの', 'どんな', 'どういう'],
  ...['どのような', 'どのよう', 'どのくらい', 'どれくらい', 'どれぐらい', 'いつ', 'いくら', 'いくつ'],
  ...['だれ', 'どなた', 'どちら', 'どっち', 'なんにん', 'なんかい', 'なんねん', 'なんがつ', 'なんにち'],
  ...['なんさい', 'なんばい', 'なんけん', 'なんえん', 'なんぱーせんと'],
  // Nouns and adverbs that carry no topic.
  ...['こと', 'もの', 'ところ', 'とこ', 'とき', 'ため', 'よう', 'ほう', 'まま', 'ほんと', 'ほんとう', 'それ'],
  ...['これ', 'あれ', 'この', 'その', 'あの', 'ここ', 'そこ', 'いま', 'もう', 'まだ', 'また', 'ちょっと'],
  ...['すこし', 'よく', 'とても', 'ぜんぶ', 'みんな', 'もっと', 'なにか', 'なんか', 'つもり', 'はず', 'わけ'],
  ...['やつ', 'それぞれ', 'いろいろ', 'いろんな', 'ちゃんと', 'もともと', 'けっこう', 'ずっと', 'すぐ', 'まず'],
  ...['さらに', 'やっぱり', 'やはり', 'たぶん', 'きっと', 'ほとんど', 'だいたい', 'ぜひ', 'じつは', 'とくに'],
  ...['まじ', 'まじで', 'ぶっちゃけ', 'ほんとに', 'いったい', 'いっぱい', 'ほか', 'ほかに', 'いろん', 'なんとか'],
  ...['どうにか', 'だれか', 'どこか', 'いつか', 'みたい', 'らしい', 'ってこと', 'という', 'ども', 'どうも'],
  ...['なかよく', 'なかよし', 'とのこと', 'はっきり', 'しっかり', 'ゆっくり', 'すっかり', 'きちんと', 'きっちり'],
  ...['じっくり', 'やっと', 'ようやく', 'もちろん', 'かなり', 'ずいぶん', 'たくさん', 'なかなか', 'せっかく'],
  ...['すでに', 'まったく', 'とりあえず', 'いちおう', 'むしろ', 'あまり', 'あんまり', 'そろそろ', 'さっぱり'],
  ...['たとえば', 'たとえ', 'ようするに', 'つまり', 'ちなみに', 'とにかく', 'いわゆる', 'なるべく', 'できれば'],
  // How definite (さいしゅうてきに, ぐたいてきに, けっきょく): the suffix 的 and the words it makes adverbs of.
  ...['てき', 'てきに', 'てきな', 'てきには', 'さいしゅう', 'さいご', 'けっきょく', 'じっさい', 'じっさいに'],
  // Honorifics after a name or a post (しちょうさん): not the corpus's 産 or 君.
  ...['さん', 'くん', 'ちゃん'],
  // うち (今のうちから, うちの孫: not 力), ばかり, ふだん, ふつう: they name no topic.
  ...['うち', 'ばかり', 'ばっかり', 'ふだん', 'ふつう'],
  // About (にかんする, にたいして): what they join says which topic.
  ...['かんする', 'かんして', 'かんし', 'たいする', 'たいして'],
  // Days and times said in everyday kana.
  ...['あした', 'あす', 'きょう', 'きのう', 'あさって', 'おととい', 'ことし', 'こんど', 'さいきん', 'いつも'],
].map(toKatakana);
const functionWords = new Set(FUNCTION_WORDS);

/** Whether a word typed in hiragana only shapes a sentence (なに, けっこう, いま): no topic of its own. */
export function isFunctionWord(hiragana: string): boolean {
  return /^[\p{Script=Hiragana}ー]+$/u.test(hiragana) && functionWords.has(toKatakana(hiragana));
}
const maxFunctionLength = Math.max(...FUNCTION_WORDS.map((w) => w.length));

/**
 * Endings of verbs and adjectives: none follows a noun, so 「あした」 is no 足 followed by た, and
 * 「なかよく」 no 中 followed by よく.
 */
const VERB_ENDINGS = new Set(
  [
    ...['た', 'て', 'てる', 'ている', 'ていた', 'てた', 'てん', 'ない', 'なかった', 'なく', 'たい', 'たかった'],
    ...['ます', 'ました', 'ません', 'ませんか', 'ますか', 'られ', 'られる', 'れる', 'れ', 'せる', 'させ', 'ちゃう'],
    ...['ちゃった', 'よく', 'ってる', 'ってた', 'ってます', 'ってました', 'ってない'],
  ].map(toKatakana),
);

/**
 * Stems of light verbs and auxiliaries that an ending must follow (させ・たい, あり・ます): no word
 * of the corpus comes right after one, so 「させたいの」 holds no 滞納.
 */
const STEMS_BEFORE_ENDING = new Set(
  ['させ', 'られ', 'でき', 'あり', 'なり', 'おり', 'いただ', 'いただけ', 'くださ', 'ござい', 'もらえ'].map(toKatakana),
);

/** Particles that attach to a word before them: a run cannot open with one unless a word precedes it. */
const ATTACHING = new Set(['ハ', 'ガ', 'ヲ', 'ニ', 'デ', 'ト', 'モ', 'ノ', 'ヘ', 'ヤ', 'カ', 'ッテ', 'シカ', 'ダケ']);

/**
 * A particle then a word read exactly (のざんぎょう: の・残業) is not heard as a word with its
 * long vowel left out (ノー残業): a particle before a word is far commoner than a dropped ー.
 */
function particleThenWord(sound: string, lexicon: KanaLexicon): boolean {
  return ATTACHING.has(sound.charAt(0)) && lexicon.has(sound.slice(1));
}

/** Kana that end the sound before them (the y of しゅ, a long vowel): no piece starts with one. */
const SOUND_TAILS = /[ァィゥェォャュョヮー]/u;

/** Whether a piece may end at `position` of a reading: no sound is cut in two there. */
function endsSound(reading: string, position: number): boolean {
  return position >= reading.length || !SOUND_TAILS.test(reading.charAt(position));
}

/** One piece of a run: a corpus word, a function word or a stretch of neither. */
export interface KanaPiece {
  readonly kind: 'word' | 'function' | 'unknown';
  /** The piece as typed (hiragana). */
  readonly text: string;
  /** Offset in the run. */
  readonly start: number;
  /** The corpus words it may be, commonest first, for kind 'word'. */
  readonly words?: readonly LexiconWord[];
}

// The cost of each kind of piece: the cut with the least total wins. A word of two kana is weaker
// evidence than a longer one; a stretch of neither costs more the longer it is, so that a real word
// of the corpus or a particle is preferred, but a word the corpus lacks (りんご) is not cut into
// fragments that happen to read as something.
const WORD_COST = 1;
const SHORT_WORD_COST = 1.6;
// On a tie, a particle rather than another word: しみんきょうどうが is 市民・協働・が, not 市民・きょう・動画.
const FUNCTION_COST = 0.95;
/**
 * A word heard but for a long vowel (かんこ for かんこう, ねみんぐ for ねーみんぐ) costs a little
 * more than a word read exactly, so that an exact reading is preferred where there is one.
 */
const LONG_VOWEL_SLIP_COST = 0.3;
/**
 * A piece shorter than this (in sounds, long vowels left out) is not read with a long vowel left
 * out: かこ is no かこう, みん no みーん, じょせ no じょせい.
 */
const minSlipPiece = 3;
const UNKNOWN_OPEN_COST = 2;
const UNKNOWN_CHAR_COST = 0.5;
/** Between cuts of as many pieces, the one with the longer pieces: しみん・きょうどう・が, not しみん・きょう・どうが. */
const lengthBonus = (length: number) => 0.01 * Math.min(length, 8) ** 2;

/**
 * The run cut into pieces with the least cost. `followsWord`: the run comes right after a word
 * (kanji or katakana), so it may open with a particle. `byReadingWithoutLongVowels` (sound-index.ts)
 * lets a word be read without its long vowel (かんこ for かんこう).
 */
export function segmentKana(
  run: string,
  lexicon: KanaLexicon,
  followsWord = false,
  byReadingWithoutLongVowels?: ReadonlyMap<string, readonly SoundedWord[]>,
): KanaPiece[] {
  const reading = toKatakana(run);
  const n = reading.length;
  const cost = new Float64Array(n + 1).fill(Infinity);
  const back: (KanaPiece | undefined)[] = new Array<KanaPiece | undefined>(n + 1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    const here = cost[i] ?? Infinity;
    if (here === Infinity) continue;
    // What the cut so far ends with: a noun takes no verb ending, a stem only an ending.
    const previous = back[i];
    const afterNoun = previous?.kind === 'word' && previous.words?.[0]?.terms.at(-1)?.weak === false;
    const afterStem = previous?.kind === 'function' && STEMS_BEFORE_ENDING.has(toKatakana(previous.text));
    const relax = (end: number, total: number, piece: KanaPiece) => {
      if (total < (cost[end] ?? Infinity)) {
        cost[end] = total;
        back[end] = piece;
      }
    };
    for (let end = i + 1; end <= Math.min(n, i + Math.max(maxWordLength, maxFunctionLength)); end++) {
      if (!endsSound(reading, end)) continue;
      const sound = reading.slice(i, end);
      const text = run.slice(i, end);
      if (
        functionWords.has(sound) &&
        !(i === 0 && !followsWord && ATTACHING.has(sound)) &&
        !(afterNoun && VERB_ENDINGS.has(sound))
      ) {
        relax(end, here + FUNCTION_COST - lengthBonus(end - i), { kind: 'function', text, start: i });
      }
      // Only an ending or a particle follows a stem (see STEMS_BEFORE_ENDING).
      if (afterStem) continue;
      const words = end - i >= 2 ? lexicon.get(sound) : undefined;
      if (words) {
        const cost = (end - i >= 3 ? WORD_COST : SHORT_WORD_COST) - lengthBonus(end - i);
        relax(end, here + cost, { kind: 'word', text, start: i, words });
      } else if (
        byReadingWithoutLongVowels &&
        !sound.startsWith('ー') &&
        moraCount(withoutLongVowels(sound)) >= minSlipPiece &&
        !particleThenWord(sound, lexicon)
      ) {
        const heard = byReadingWithoutLongVowels.get(withoutLongVowels(sound));
        if (heard) {
          const cost = WORD_COST + LONG_VOWEL_SLIP_COST - lengthBonus(end - i);
          relax(end, here + cost, { kind: 'word', text, start: i, words: heard.map((h) => h.word) });
        }
      }
    }
    // A sound said twice (じきじき, ときどき, だんだん) is one adverb that shapes the sentence, not
    // two words of the corpus (じき: 時期), unless the corpus has it whole (わくわく).
    for (let half = 2; i + 2 * half <= n; half++) {
      const doubled = reading.slice(i, i + 2 * half);
      // Not a sound with a small kana said twice (きゅうきゅう: 救急), a noun far more often.
      if (doubled.slice(0, half) === doubled.slice(half) && !lexicon.has(doubled) && !/[ャュョ]/u.test(doubled)) {
        relax(i + 2 * half, here + FUNCTION_COST - lengthBonus(2 * half), {
          kind: 'function',
          text: run.slice(i, i + 2 * half),
          start: i,
        });
      }
    }
    // A stretch of neither: opened here, or continued from one that ends here.
    const continues = previous?.kind === 'unknown';
    const extended = continues
      ? { kind: 'unknown' as const, text: previous.text + run.slice(i, i + 1), start: previous.start }
      : { kind: 'unknown' as const, text: run.slice(i, i + 1), start: i };
    // A stretch of neither opens only where a sound does, never at a small kana or ー (し・ゅっしんち).
    if (continues || i === 0 || endsSound(reading, i)) {
      relax(i + 1, here + UNKNOWN_CHAR_COST + (continues ? 0 : UNKNOWN_OPEN_COST), extended);
    }
  }
  const pieces: KanaPiece[] = [];
  for (let end = n; end > 0;) {
    const piece = back[end];
    if (!piece) break;
    pieces.unshift(piece);
    end = piece.start;
  }
  return pieces.flatMap((p) => (p.kind === 'unknown' ? particlesApart(p) : [p]));
}

/** Particles that end a noun phrase: a stretch of neither is cut at one (りんごはえらべる). */
const PHRASE_PARTICLES = new Set(['は', 'が', 'を', 'に', 'で', 'の', 'も', 'と', 'へ', 'や', 'か']);

/**
 * A stretch the corpus has no word for, cut at the particles inside it: at one that ends it when
 * two kana or more stay before it, at one within it when three or more stay on each side (fewer
 * are more likely part of the word: なかの, はなび).
 */
function particlesApart(piece: KanaPiece): KanaPiece[] {
  const { text, start } = piece;
  for (let i = 3; i + 3 < text.length; i++) {
    if (PHRASE_PARTICLES.has(text.charAt(i))) {
      return [
        { kind: 'unknown', text: text.slice(0, i), start },
        { kind: 'function', text: text.charAt(i), start: start + i },
        ...particlesApart({ kind: 'unknown', text: text.slice(i + 1), start: start + i + 1 }),
      ];
    }
  }
  // The ん of 〜るんです after a verb's plain or past form (あがるんですか, したんです) explains; it is
  // no part of the verb.
  if (text.length >= 3 && /[うくぐすつぬぶむるただ]ん$/u.test(text)) {
    return [
      { kind: 'unknown', text: text.slice(0, -1), start },
      { kind: 'function', text: 'ん', start: start + text.length - 1 },
    ];
  }
  if (text.length >= 3 && PHRASE_PARTICLES.has(text.charAt(text.length - 1))) {
    return [
      { kind: 'unknown', text: text.slice(0, -1), start },
      { kind: 'function', text: text.slice(-1), start: start + text.length - 1 },
    ];
  }
  return [piece];
}
