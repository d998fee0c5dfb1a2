import { describe, expect, it } from 'vitest';
import type { Term } from '../../src/analyze/analyze.js';
import { spelledAsRead } from '../../src/analyze/spelled-as-read.js';

const term = (text: string, start: number, end: number, extra: Partial<Term> = {}): Term => ({
  text,
  reading: text,
  role: 'content',
  kana: true,
  start,
  end,
  ...extra,
});

describe('spelledAsRead', () => {
  it('writes a noun of the corpus typed in kana as the corpus spells it, its terms joined', () => {
    const text = 'ふるさと の へんれいひん って何';
    const read = [term('ふるさと', 0, 4), term('返礼', 7, 13), term('品', 7, 13, { weak: true })];
    expect(spelledAsRead(text, { start: 0, end: text.length }, read)).toBe('ふるさと の 返礼品 って何');
  });

  it('keeps verbs, synonyms and words typed in kanji as written, and reads only within the span', () => {
    const text = 'はじめるひと、しみんは';
    const terms = [
      term('始める', 0, 4, { weak: true }),
      term('市民', 7, 10),
      term('超過勤務', 7, 10, { synonym: { phrase: 'しみん', target: '超過勤務', start: 7, end: 10 } }),
    ];
    expect(spelledAsRead(text, { start: 0, end: text.length }, terms)).toBe(text);
    expect(spelledAsRead(text, { start: 7, end: 11 }, [term('市民', 7, 10)])).toBe('市民は');
  });
});
