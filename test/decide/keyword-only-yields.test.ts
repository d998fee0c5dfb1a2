import { describe, expect, it } from 'vitest';
import type { Term } from '../../src/analyze/analyze.js';
import type { Entry } from '../../src/corpus/entry.js';
import { headNoun, keywordOnlyYields } from '../../src/decide/keyword-only-yields.js';
import type { RankedHit } from '../../src/search/search.js';

const term = (text: string, start: number, weak = false): Term => ({
  text,
  reading: undefined,
  role: 'content',
  kana: false,
  start,
  end: start + text.length,
  ...(weak ? { weak: true } : {}),
});
// 「自治会の再編」: 再編 is the head noun.
const terms = [term('自治', 0), term('会', 2), term('再編', 4)];

const entry = (id: string) => ({ id }) as unknown as Entry;
const hit = (id: string, coverage: number, fields: Record<string, string[]>): RankedHit => ({
  entry: entry(id),
  score: 1,
  coverage,
  matches: Object.entries(fields).map(([text, f]) => ({
    term: terms.find((t) => t.text === text) ?? term(text, 0),
    via: 'text' as const,
    share: 1,
    fields: f,
  })),
});

const tagged = hit('review', 1, { 自治: ['title'], 会: ['title'], 再編: ['keywords'] });
const stating = hit('rules', 1, { 自治: ['keywords'], 会: ['keywords'], 再編: ['body', 'keywords'] });

describe('keywordOnlyYields', () => {
  it("takes the question's last noun for what it asks about", () => {
    expect(headNoun([...terms, term('決める', 7, true)])?.text).toBe('再編');
  });

  it('puts first an entry stating the asked noun in its text before one having it only as a keyword', () => {
    expect(keywordOnlyYields(terms, [tagged, stating]).map((h) => h.entry.id)).toEqual(['rules', 'review']);
  });

  it('reads a name of nouns written together (行財政改革) as one: a part of it only a keyword is the name only a keyword', () => {
    // 「行財政改革は？」: the pillar has 改革 in its title and 行財政 as a keyword; the plan states both.
    const name = [term('行財政', 0), term('改革', 3)];
    const withName = (id: string, fields: Record<string, string[]>): RankedHit => ({
      ...hit(id, 1, {}),
      matches: Object.entries(fields).map(([text, f]) => ({
        term: name.find((t) => t.text === text) ?? term(text, 0),
        via: 'text' as const,
        share: 1,
        fields: f,
      })),
    });
    const pillar = withName('pillar', { 行財政: ['keywords'], 改革: ['title'] });
    const plan = withName('plan', { 行財政: ['body', 'keywords'], 改革: ['body', 'keywords'] });
    expect(keywordOnlyYields(name, [pillar, plan]).map((h) => h.entry.id)).toEqual(['plan', 'pillar']);
  });

  it('keeps the order when the stating entry covers less, or lacks the kind of fact asked', () => {
    const less = { ...stating, coverage: 0.8 };
    expect(keywordOnlyYields(terms, [tagged, less]).map((h) => h.entry.id)).toEqual(['review', 'rules']);
    const givesDate = (h: RankedHit) => h.entry.id === 'review';
    expect(keywordOnlyYields(terms, [tagged, stating], givesDate).map((h) => h.entry.id)).toEqual(['review', 'rules']);
  });
});
