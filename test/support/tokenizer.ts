/**
 * The real kuromoji tokenizer, built once per test worker (about a second, several under load)
 * and shared by every test file the worker runs: the unit and server projects run without
 * isolation (vitest.config.ts), so this module, and its cache, outlive a file.
 */
import { createJapaneseTokenizer, type Tokenize } from '../../src/analyze/japanese-tokenizer.js';

let shared: Promise<Tokenize> | undefined;
export function realTokenizer(): Promise<Tokenize> {
  shared ??= createJapaneseTokenizer();
  return shared;
}
