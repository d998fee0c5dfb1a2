/**
 * Words coined after kuromoji's IPA dictionary (2007), which it cuts into single kanji: 令和 comes
 * out as 令 / 和, and each piece would then match any entry that writes the era.
 */
import type { Morpheme } from './japanese-tokenizer.js';

interface NewerWord {
  readonly surface: string;
  readonly reading: string;
  readonly pos: string;
  readonly posDetail: string;
}

const NEWER_WORDS: readonly NewerWord[] = [{ surface: '令和', reading: 'レイワ', pos: '名詞', posDetail: '固有名詞' }];

/** The morphemes with each run that spells a newer word joined into one morpheme. */
export function joinNewerWords(morphemes: readonly Morpheme[]): Morpheme[] {
  const out: Morpheme[] = [];
  for (let i = 0; i < morphemes.length; i++) {
    const m = morphemes[i];
    if (m === undefined) continue;
    const word = NEWER_WORDS.find((w) => w.surface.startsWith(m.surface) && w.surface !== m.surface);
    const pieces = word ? piecesOf(morphemes, i, word.surface) : 0;
    if (word && pieces > 0) {
      out.push({
        surface: word.surface,
        start: m.start,
        base: word.surface,
        reading: word.reading,
        pos: word.pos,
        posDetail: word.posDetail,
      });
      i += pieces - 1;
    } else {
      out.push(m);
    }
  }
  return out;
}

/** How many morphemes from `i` on spell `surface` exactly and without a gap, or 0. */
function piecesOf(morphemes: readonly Morpheme[], i: number, surface: string): number {
  const start = morphemes[i]?.start ?? 0;
  let spelled = '';
  for (let j = i; j < morphemes.length; j++) {
    const m = morphemes[j];
    if (m?.start !== start + spelled.length) return 0;
    spelled += m.surface;
    if (spelled === surface) return j - i + 1;
    if (!surface.startsWith(spelled)) return 0;
  }
  return 0;
}
