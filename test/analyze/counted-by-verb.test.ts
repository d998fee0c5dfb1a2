import { beforeAll, describe, expect, it } from 'vitest';
import { countedByVerb } from '../../src/analyze/counted-by-verb.js';
import type { Tokenize } from '../../src/analyze/japanese-tokenizer.js';
import { questionTerms } from '../../src/analyze/question-terms.js';
import { buildSynonymMap } from '../../src/analyze/synonyms.js';
import { realTokenizer } from '../support/tokenizer.js';

let tokenize: Tokenize;
beforeAll(async () => {
  tokenize = await realTokenizer();
});

const synonyms = buildSynonymMap([['人口', '住む人', '暮らす人']], '人口');

/** The corpus words that what a question counts stands for. */
function countedWords(question: string): string[] {
  const terms = questionTerms(question, tokenize, { synonyms });
  const whole = [{ start: 0, end: question.length }];
  return countedByVerb(question, whole, terms, synonyms).map((t) => t.synonym?.target ?? '');
}

describe('countedByVerb', () => {
  it('reads who is counted from the verb after the number word (何人住んでる: 住む人 → 人口)', () => {
    expect(countedWords('小諸には何人住んでるの？')).toEqual(['人口']);
    expect(countedWords('市内に何人くらい暮らしているの')).toEqual(['人口']);
  });

  it('gives nothing when no verb follows the number, or the verb has no synonym', () => {
    expect(countedWords('ふるさと市民は何人？')).toEqual([]);
    expect(countedWords('講座には何人参加したの？')).toEqual([]);
  });
});
