/**
 * The real kuromoji tokenizer, built once per test file (about a second).
 */
import { createJapaneseTokenizer, type Tokenize } from '../../src/search/japanese-tokenizer.js';

let shared: Promise<Tokenize> | undefined;
export function realTokenizer(): Promise<Tokenize> {
  shared ??= createJapaneseTokenizer();
  return shared;
}
