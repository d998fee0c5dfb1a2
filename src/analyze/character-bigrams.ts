/**
 * Character bigrams of written text (防災訓練 → 防災 災訓 訓練), as Elasticsearch's CJK bigram
 * filter makes them. They let an entry be found when the tokenizer cut the question's words
 * differently from the entry's (医療費 / 医療の費用), and only add to the ranking: whether to
 * answer is decided on whole words.
 */

const WORD_CHARS = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー\p{L}\p{N}]+/gu;
const HAS_HIRAGANA = /\p{Script=Hiragana}/u;

/**
 * Marks a character bigram as such: the same two katakana can also be a reading bigram, and
 * MiniSearch reports matches per term string, so the two kinds must never share strings.
 */
const GRAM_MARK = '_';

/**
 * Bigrams of a normalised text, without those containing hiragana: particles and endings
 * (の柱, 減っ) would make entries alike that share only grammar.
 */
export function characterBigrams(normalized: string): string[] {
  const grams: string[] = [];
  for (const [run] of normalized.matchAll(WORD_CHARS)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const gram = `${chars[i] as string}${chars[i + 1] as string}`;
      if (!HAS_HIRAGANA.test(gram)) grams.push(GRAM_MARK + gram);
    }
  }
  return grams;
}
