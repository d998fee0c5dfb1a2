import { beforeAll, describe, expect, it } from 'vitest';
import type { Tokenize } from '../../src/analyze/japanese-tokenizer.js';
import { verbStemNouns } from '../../src/search/document-terms.js';
import { normalizeText } from '../../src/normalize/normalize.js';
import { realTokenizer } from '../support/tokenizer.js';

let tokenize: Tokenize;
beforeAll(async () => {
  tokenize = await realTokenizer();
});

const stemNouns = (text: string) => verbStemNouns(tokenize(normalizeText(text)));

describe('verbStemNouns', () => {
  it('gives the noun a verb of the entry makes of its stem, as a citizen names the doing', () => {
    expect(stemNouns('メニュー等を見直しました。')).toEqual(['見直し']);
    expect(stemNouns('健康づくりに取り組みました。')).toEqual(['取り組み']);
  });

  it('gives none for a verb in its base form, in kana, or not on its stem (減った)', () => {
    expect(stemNouns('見直す。')).toEqual([]);
    expect(stemNouns('いきました。')).toEqual([]);
    expect(stemNouns('残業が減った。')).toEqual([]);
  });
});
