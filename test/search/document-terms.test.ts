import { beforeAll, describe, expect, it } from 'vitest';
import type { Tokenize } from '../../src/analyze/japanese-tokenizer.js';
import { documentOf, verbStemNouns } from '../../src/search/document-terms.js';
import type { Entry } from '../../src/corpus/entry.js';
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

describe('documentOf', () => {
  it('reads a keyword of several words whole, searched by the terms a question in kanji is', () => {
    const entry = {
      id: 'bureau',
      title: '観光局の設立',
      body: '観光局を設立しました。',
      keywords: ['こもろ観光局'],
      phrasings: [],
      figures: [],
    } as unknown as Entry;
    const words = documentOf(entry, tokenize).words.get('コモロカンコウキョク');
    // 局 is a suffix to the dictionary, but the index holds it as a term of its own.
    expect(words?.get('こもろ観光局')?.terms.map((t) => t.text)).toEqual(expect.arrayContaining(['観光', '局']));
  });
});
