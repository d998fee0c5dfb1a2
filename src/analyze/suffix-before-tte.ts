/**
 * kuromoji reads the last kanji of a compound before って as a verb: 協議会って comes out as 協議 /
 * 会っ (会う) / て, 政策集って as 政策 / 集っ (集う) / て, and the compound's last word is lost
 * (「審議会って何？」 would ask about 審議 and meeting someone). Right after a noun, with no particle
 * between, such a kanji ends the compound when the dictionary reads it so in the compound alone;
 * right after a verb's plain form (専門にやる係って) or after の (専門の係って), it is a noun of its own.
 */
import type { Morpheme, Tokenize } from './japanese-tokenizer.js';
import { isContentNoun } from './kana-words.js';

const KANJI_TE_FORM = /^\p{Script=Han}っ$/u;

/**
 * Everyday verbs said right after their object with を dropped (曲作って, 10万人こさえて: 作って):
 * their kanji is the verb, not a suffix of a compound (作 of 受賞作), far more often in a question.
 */
const EVERYDAY_VERBS = new Set(['作る', '使う', '持つ', '取る', '買う', '待つ']);

const adjacent = (a: Morpheme, b: Morpheme) => a.start + a.surface.length === b.start;

/** The particle って, where the kanji's っ and the て after it stood. */
const tteAt = (start: number): Morpheme => ({
  surface: 'って',
  start,
  base: 'って',
  reading: 'ッテ',
  pos: '助詞',
  posDetail: '格助詞',
});

/** The morphemes with each 「noun + kanji っ + て」 read as the noun, the kanji as a noun, and って. */
export function suffixBeforeTte(morphemes: readonly Morpheme[], tokenize: Tokenize): Morpheme[] {
  const out: Morpheme[] = [];
  for (let i = 0; i < morphemes.length; i++) {
    const m = morphemes[i] as Morpheme;
    const before = morphemes[i - 1];
    const after = morphemes[i + 1];
    const candidate =
      m.pos === '動詞' &&
      !EVERYDAY_VERBS.has(m.base) &&
      KANJI_TE_FORM.test(m.surface) &&
      before !== undefined &&
      adjacent(before, m) &&
      after?.surface === 'て' &&
      adjacent(m, after);
    // After a verb's plain form (宣伝をやる係って), the kanji is a noun the verb describes: no verb
    // follows another's plain form directly.
    // After の (専門の係って), likewise: no verb follows の directly.
    const standsAlone =
      candidate &&
      ((before.pos === '動詞' && before.surface === before.base) || (before.pos === '助詞' && before.surface === 'の'));
    const afterNoun = candidate && isContentNoun(before);
    const kanji = m.surface.charAt(0);
    const reread = afterNoun
      ? tokenize(before.surface + kanji).at(-1)
      : standsAlone
        ? tokenize(kanji).at(-1)
        : undefined;
    // Only a suffix of the compound (会 of 協議会, 集 of 政策集): 全部払って is a verb after an adverb.
    // After a verb or の, a noun of its own (係).
    const noun = reread?.surface === kanji && reread.pos === '名詞' && (standsAlone || reread.posDetail === '接尾');
    // A suffix and the kanji may make a word of their own (後援 / 会 / 報っ: 会報), which replaces the suffix.
    const joined =
      candidate && !noun && before.pos === '名詞' && before.posDetail === '接尾'
        ? tokenize(before.surface + kanji)
        : [];
    const word = joined.length === 1 ? joined[0] : undefined;
    if (before && word?.pos === '名詞' && word.posDetail !== '接尾' && out.at(-1) === before) {
      out.pop();
      out.push({ ...word, start: before.start });
      out.push(tteAt(m.start + 1));
      i++;
      continue;
    }
    if (!reread || !noun) {
      out.push(m);
      continue;
    }
    out.push({ ...reread, start: m.start });
    out.push(tteAt(m.start + 1));
    i++;
  }
  return out;
}
