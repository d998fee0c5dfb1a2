import { describe, expect, it } from 'vitest';
import { referentSpan } from '../../src/analyze/referent.js';

const spans = (text: string, asked: string) => {
  const start = text.indexOf(asked);
  return { asked: { start, end: start + asked.length }, before: { start: 0, end: start } };
};

describe('referentSpan', () => {
  it('finds the last word before that ends with the noun after その', () => {
    const text = '運転手さんから新しい複合施設の話を伺いました。その施設には何が入りますか。';
    const { asked, before } = spans(text, 'その施設には何が入りますか。');
    const span = referentSpan(text, asked, before);
    expect(span && text.slice(span.start, span.end)).toBe('複合施設');
  });

  it('finds nothing without a demonstrative, or when no word before ends with its noun', () => {
    const text = '孫が小学生になります。学校の機能は？';
    const { asked, before } = spans(text, '学校の機能は？');
    expect(referentSpan(text, asked, before)).toBeUndefined();
    const other = '孫が小学生になります。その施設は？';
    const pointed = spans(other, 'その施設は？');
    expect(referentSpan(other, pointed.asked, pointed.before)).toBeUndefined();
  });
});
