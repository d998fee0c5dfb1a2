import { describe, expect, it } from 'vitest';
import { otherVerbForm, verbFormTerms } from '../../src/analyze/verb-forms.js';
import type { Term } from '../../src/analyze/analyze.js';

const verb = (text: string, start = 0): Term => ({
  text,
  reading: undefined,
  role: 'content',
  kana: false,
  weak: true,
  start,
  end: start + text.length,
});

describe('otherVerbForm', () => {
  it('reads a godan verb as its potential form and back (手伝う, 手伝える; 話す, 話せる)', () => {
    expect(otherVerbForm('手伝う')).toBe('手伝える');
    expect(otherVerbForm('手伝える')).toBe('手伝う');
    expect(otherVerbForm('話す')).toBe('話せる');
    expect(otherVerbForm('話せる')).toBe('話す');
    expect(otherVerbForm('乗る')).toBe('乗れる');
  });

  it('gives nothing for a word with no verb ending or typed in kana', () => {
    expect(otherVerbForm('施設')).toBeUndefined();
    expect(otherVerbForm('高い')).toBeUndefined();
    expect(otherVerbForm('できる')).toBeUndefined();
  });
});

describe('verbFormTerms', () => {
  it('searches a verb also as the form the corpus uses, as a synonym of it', () => {
    const corpus = new Set(['手伝える']);
    const [term] = verbFormTerms([verb('手伝う', 5)], (w) => corpus.has(w));
    expect(term).toMatchObject({
      text: '手伝える',
      weak: true,
      start: 5,
      synonym: { phrase: '手伝う', target: '手伝える' },
    });
  });

  it('adds nothing when the corpus lacks the other form, or the question has it already', () => {
    expect(verbFormTerms([verb('手伝う')], () => false)).toEqual([]);
    expect(verbFormTerms([verb('手伝う'), verb('手伝える', 4)], () => true)).toEqual([]);
  });
});
