/**
 * The morphological analyser (kuromoji with its bundled IPA dictionary), built once at start-up.
 * Building is asynchronous and slow (about a second); tokenising afterwards is synchronous.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';

/** One morpheme as the rest of the pipeline sees it. */
export interface Morpheme {
  readonly surface: string;
  /** Offset of the surface in the tokenised text (0-based, UTF-16 units). */
  readonly start: number;
  /** Dictionary (base) form, e.g. 減っ → 減る; the surface for unknown words. */
  readonly base: string;
  /** Katakana reading; undefined for unknown words (latin letters, rare names). */
  readonly reading: string | undefined;
  /** Part of speech and its first sub-category, e.g. 名詞 / 固有名詞. */
  readonly pos: string;
  readonly posDetail: string;
}

/** A synchronous tokenizer: text in, morphemes out. */
export type Tokenize = (text: string) => Morpheme[];

function dictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

/** Build kuromoji once; resolves to a synchronous tokenize function. */
export function createJapaneseTokenizer(dicPath: string = dictionaryPath()): Promise<Tokenize> {
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((err, tokenizer) => {
      if (err) {
        reject(new Error(`could not load the kuromoji dictionary from ${dicPath}`, { cause: err }));
        return;
      }
      resolve((text) =>
        tokenizer.tokenize(text).map((t) => ({
          surface: t.surface_form,
          start: t.word_position - 1,
          base: t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form,
          reading: t.reading && t.reading !== '*' ? t.reading : undefined,
          pos: t.pos,
          posDetail: t.pos_detail_1,
        })),
      );
    });
  });
}
