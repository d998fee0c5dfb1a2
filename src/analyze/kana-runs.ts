/**
 * Words typed in kana only (「しょうがくきん」「ぼうさいくんれん」) are cut badly by a dictionary
 * tokenizer: there is no kanji to anchor the segmentation. This stage finds such kana runs in a
 * question and trims the question's own endings (「ってある？」「したい」「はいくら」) from them, so
 * the run can be matched by the sound of the words instead: character bigrams of readings.
 */
import { toKatakana } from '../normalize/normalize.js';
import { foldedDentals } from './kana-sounds.js';

// Runs of one script: hiragana (with ー) or katakana (with ー). ニホンジカのペットフード is three runs.
const KANA_RUN = /[\p{Script=Hiragana}ー]*\p{Script=Hiragana}[\p{Script=Hiragana}ー]*|[\p{Script=Katakana}ー]+/gu;

// Endings and particles that shape a question, longest first. Removed repeatedly from the end.
const TAILS = [
  'についておしえてください',
  'についておしえて',
  'をおしえてください',
  'おしえてください',
  'おしえて',
  'について',
  'ありますか',
  'ございますか',
  'ございます',
  'あり',
  'あるんですか',
  'あるの',
  'ある',
  'あります',
  'ない',
  'ないの',
  'なった',
  'なったの',
  'なってる',
  'なる',
  'ってなに',
  'ってなん',
  'ってどう',
  'ってある',
  'って',
  'ついて',
  'ついての',
  'ですか',
  'ますか',
  'ました',
  'です',
  'ます',
  'でした',
  'したい',
  'したいです',
  'したいんだけど',
  'してる',
  'している',
  // していましたか, しておりました: する in its ending, not 指定 or 支度.
  'してい',
  'しており',
  'しました',
  'した',
  'する',
  'して',
  'できる',
  'できますか',
  'どうなった',
  'どうなってる',
  'どう',
  'なに',
  'なん',
  'いくら',
  'いくつ',
  'どれくらい',
  'どのくらい',
  'どこ',
  'いつ',
  'だれ',
  'どんな',
  'どういう',
  'どういった',
  'どのよう',
  'どのような',
  'どのようなもの',
  'どの',
  'なんの',
  'なにが',
  'やった',
  'やってる',
  'やってます',
  'ってこと',
  'こと',
  'へった',
  'へったの',
  'ふえた',
  'ふえたの',
  'かわった',
  'たい',
  'てる',
  'いる',
  'だけど',
  'けど',
  'かな',
  'かね',
  'だろう',
  'という',
  'っていう',
  'でしょう',
  // The most polite of them (どれほどなのでございましょうか), as older citizens write.
  'でございましょう',
  'ございましょう',
  'ましょう',
  'だよ',
  'んです',
  'んですかね',
  'ですかね',

  'は',
  'が',
  'を',
  'に',
  'で',
  'と',
  'も',
  'の',
  'か',
  'よ',
  'ね',
  'な',
  'や',
  'へ',
].sort((a, b) => b.length - a.length);
// Particles that may open a kana run right after a kanji word (「納税はいくら」).
const HEADS = ['って', 'は', 'が', 'を', 'に', 'で', 'と', 'も', 'の', 'や', 'へ'].sort((a, b) => b.length - a.length);

/**
 * Demonstratives and connectives are written in kana by everyone (そこで、それで、この); as runs
 * they would be matched by sound against the corpus and count as the topic of a clause.
 */
const FUNCTION_WORDS = new Set([
  'これ',
  'それ',
  'あれ',
  'ここ',
  'そこ',
  'あそこ',
  'こちら',
  'そちら',
  'あちら',
  'この',
  'その',
  'あの',
  'そこで',
  'それで',
  'それから',
  'それでは',
  'では',
  'ところで',
  'さて',
  'また',
  'まず',
  'ただ',
  'もし',
  'ちなみに',
  'なお',
  'ところ',
  'もの',
  'いろいろ',
  'なにか',
  'なにとぞ',
  'よろしく',
]);

/** Remove question endings; a run that is a word of the corpus as it stands (ふるさと) keeps its last kana. */
function trimTails(run: string, isKnownWord: (word: string) => boolean): string {
  let rest = run;
  for (;;) {
    if (isKnownWord(rest)) return rest;
    // A run that is all ending (ありますか) leaves nothing, not the stem a shorter ending would leave (あり).
    if (TAILS.includes(rest)) return '';
    const tail = TAILS.find((t) => rest.length > t.length && rest.endsWith(t));
    if (!tail) return rest;
    rest = rest.slice(0, -tail.length);
  }
}

/**
 * After a kanji word, a hiragana run is either its ending (詳しく → しく, 教えて → えて), which is
 * no word of its own, or a particle followed by the next word (局について, 市役所のざんぎょう).
 * Endings give '', particles are removed.
 */
function trimHeads(run: string, followsWord: boolean, opensCorpusWord: (kana: string) => boolean): string {
  if (!followsWord) return run;
  if (!HEADS.some((h) => run.startsWith(h))) return /^[\p{Script=Katakana}ー]+$/u.test(run) ? run : '';
  let rest = run;
  for (;;) {
    const head = HEADS.find((h) => rest.length > h.length && rest.startsWith(h));
    // After one particle, a word of the corpus keeps its first kana, though a particle reads so (の「はしら」).
    if (!head || (rest !== run && opensCorpusWord(rest))) return rest;
    rest = rest.slice(head.length);
  }
}

/** A kana run of the question, trimmed, with its reading in katakana. */
export interface KanaRun {
  readonly text: string;
  readonly reading: string;
  /** Where the untrimmed run lies in the question: morphemes inside it are replaced by the run. */
  readonly start: number;
  readonly end: number;
  /** Left untrimmed, to be cut into words by the caller (see cutHiraganaEndings). */
  readonly whole?: boolean;
  /** A whole run right after a word: it may open with a particle. */
  readonly afterWord?: boolean;
}

/**
 * Kana runs of a normalised question worth matching by sound (two characters or more).
 * `isKnownWord` tells whether a kana string is a word of the corpus, which is never trimmed.
 * Without `cutHiraganaEndings`, a hiragana run that follows no word is left whole, for a caller
 * that cuts it into words.
 */
export function kanaRuns(
  normalized: string,
  isKnownWord: (word: string) => boolean = () => false,
  {
    cutHiraganaEndings = true,
    opensWordAfterNoun = () => false,
    opensCorpusWord = () => false,
  }: {
    cutHiraganaEndings?: boolean;
    /** Whether a word of the corpus, read in kana, opens this kana (はしらの: 柱). */
    opensCorpusWord?: (kana: string) => boolean;
    /** Whether the kana at this offset opens a word of its own after a noun (小諸「えき」の: 駅 typed in kana). */
    opensWordAfterNoun?: (offset: number) => boolean;
  } = {},
): KanaRun[] {
  const runs: KanaRun[] = [];
  for (const match of normalized.matchAll(KANA_RUN)) {
    // After a kanji or katakana word, a hiragana run is its ending or a particle and what follows
    // (after latin letters or digits it is a word of its own: PRどうが).
    const before = normalized[match.index - 1];
    // A quoted name (「ジャムの日」は) is a word as well: its particles are trimmed the same way.
    // After a number, つ is its counter (1つにまとめた, 5つの): the run goes on as a word's ending would.
    const counted = before !== undefined && /[0-9]/u.test(before) && match[0].startsWith('つ');
    // Voice and romaji input leave a space between a word and its particle (バス って): it still follows the word.
    const beforeSpace = before === ' ' ? normalized[match.index - 2] : before;
    // ー is of no script: one here ends a katakana word (センターで), the run before took it.
    const followsWord =
      counted || (beforeSpace !== undefined && /[\p{Script=Han}\p{Script=Katakana}ー」』）)]/u.test(beforeSpace));
    // A caller that cuts hiragana into words itself (kana-words.ts) takes a run that opens a
    // sentence, follows a space or a katakana word (スポーツしんこうの…: katakana words take no
    // endings but する) whole; one after a kanji is most often its ending (立ってるの).
    // A noun takes no ending: kana right after one that opens a word (小諸えき) is that word typed in kana.
    const typedAfterNoun =
      !counted && !cutHiraganaEndings && !match[0].startsWith('ー') && opensWordAfterNoun(match.index);
    const afterKanji = !typedAfterNoun && (counted || (before !== undefined && /\p{Script=Han}/u.test(before)));
    if (!cutHiraganaEndings && !afterKanji && /^[\p{Script=Hiragana}ー]+$/u.test(match[0])) {
      // A particle or ending standing alone after a kana word and a space (いろいろ って どの) is no
      // word; after a word it still follows that word (バス って).
      if (!followsWord && (TAILS.includes(match[0]) || FUNCTION_WORDS.has(match[0]))) continue;
      const end = match.index + match[0].length;
      const reading = toKatakana(match[0]);
      runs.push({
        text: match[0],
        reading,
        start: match.index,
        end,
        whole: true,
        ...(followsWord ? { afterWord: true } : {}),
      });
      continue;
    }
    // The counter itself (5つ) is no word: what follows it is a particle and the next word (5つのはしら).
    let text = trimTails(trimHeads(counted ? match[0].slice(1) : match[0], followsWord, opensCorpusWord), isKnownWord);
    if (TAILS.includes(text) || FUNCTION_WORDS.has(text)) text = '';
    const reading = toKatakana(text);
    // A run of one repeated sound (ああああ, ーーー) is noise, not a word.
    // eslint-disable-next-line @typescript-eslint/prefer-string-starts-ends-with -- compares the two characters, not a prefix
    if (new Set(readingBigrams(reading)).size >= 2 || (text.length === 2 && text[0] !== text[1])) {
      runs.push({ text, reading, start: match.index, end: match.index + match[0].length });
    }
  }
  return runs;
}

/**
 * Marks a reading bigram as such: a katakana word of two letters (バス) is also a bigram of some
 * reading, and MiniSearch merges the matches of an OR per term string, so a word matched in a
 * title would be reported as matched in the readings only.
 */
const READING_MARK = '~';

/** Character bigrams of a katakana reading, marked: ショウガクキン → ~ショ ~ョウ ~ウガ ~ガク ~クキ ~キン. */
export function readingBigrams(reading: string): string[] {
  const chars = [...foldedDentals(reading)];
  if (chars.length < 2) return chars.map((c) => READING_MARK + c);
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++)
    grams.push(`${READING_MARK}${chars[i] as string}${chars[i + 1] as string}`);
  return grams;
}
