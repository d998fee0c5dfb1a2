/**
 * Figures read the Japanese way (679万円, 3億4300万円, 3,682人), and the plain text of an entry keeps
 * the strings the eval looks for once NFKC-normalised and stripped of spaces and commas.
 */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/corpus/entry.js';
import { entryText } from '../../src/corpus/entry-text.js';
import { formatAmount, formatFigure } from '../../src/corpus/format-figure.js';

describe('formatAmount', () => {
  it.each([
    [6790000, '円', '679万円'],
    [343000000, '円', '3億4300万円'],
    [3682, '人', '3,682人'],
    [12.81, '%', '12.81%'],
    [5533, '千円', '5,533千円'],
    [-12.81, '%', '-12.81%'],
    [3536000, '円', '353万6000円'],
    [100000, '人', '10万人'],
    [1000000000000, '円', '1兆円'],
    [10000, '円', '1万円'],
    [140, '件', '140件'],
    [23.8, '%', '23.8%'],
    [50.5, '倍', '50.5倍'],
    [12000, '千円', '12,000千円'],
    [2020, '年', '2020年'],
    [0, '件', '0件'],
  ])('writes %s %s as %s', (value, unit, expected) => {
    expect(formatAmount(value, unit)).toBe(expected);
  });

  it('writes a fraction of 10,000 or more with commas rather than 万', () => {
    expect(formatAmount(12345.67, '円')).toBe('12,345.67円');
  });

  it('never shows floating-point noise or a negative zero', () => {
    expect(formatAmount(0.1 + 0.2, '%')).toBe('0.3%');
    expect(formatAmount(-1e-10, '円')).toBe('0円');
  });

  it('writes huge numbers in full, without exponent notation', () => {
    expect(formatAmount(1e21, '円')).toBe('1,000,000,000兆円');
    expect(formatAmount(1e300, '人')).not.toMatch(/e/i);
  });
});

describe('formatFigure', () => {
  it('writes a comparison as before → after with the period', () => {
    expect(
      formatFigure({ label: 'ふるさと納税の寄付額', before: 6790000, after: 343000000, unit: '円', period: '就任前→2020年1月現在' }),
    ).toBe('ふるさと納税の寄付額: 679万円 → 3億4300万円（就任前→2020年1月現在）');
  });

  it('writes a single value with its as-of date', () => {
    expect(formatFigure({ label: '小諸ふるさと市民', after: 3682, unit: '人', period: 'R2.1.15' })).toBe(
      '小諸ふるさと市民: 3,682人（R2.1.15）',
    );
  });

  it('marks an approximate figure with 約 and appends the note', () => {
    expect(
      formatFigure({ label: '超過勤務時間の削減', after: 3200, unit: '時間', period: 'H29→H30', approximate: true, note: '前年度比' }),
    ).toBe('超過勤務時間の削減: 約3,200時間（H29→H30）、前年度比');
  });

  it('keeps the sign of a reduction', () => {
    expect(formatFigure({ label: '超過勤務時間', after: -12.81, unit: '%', period: 'H29→H30' })).toBe(
      '超過勤務時間: -12.81%（H29→H30）',
    );
  });
});

describe('entryText', () => {
  const entry: Entry = {
    id: 'overtime-reduction',
    pillar: 1,
    kind: 'highlight',
    title: '超過勤務時間の削減',
    body: '「働き方改革推進本部」を設置し、業務改善を進めました。',
    figures: [
      { label: '超過勤務時間', after: -12.81, unit: '%', period: 'H29→H30' },
      { label: '削減時間', after: 3200, unit: '時間', period: 'H29→H30', approximate: true },
      { label: 'ふるさと納税の寄付額', before: 6790000, after: 343000000, unit: '円', period: '就任前→1月現在', note: '金額で50.5倍' },
    ],
    period: 'H29→H30',
    keywords: ['残業'],
    phrasings: [],
    source: { section: '1. 市役所の改革と健全財政', line: 42 },
  };
  const searchable = (text: string) => text.normalize('NFKC').replace(/[\s,]/gu, '');

  it('holds the title, the body, every figure and the period', () => {
    const text = entryText(entry);
    expect(text).toContain('超過勤務時間の削減');
    expect(text).toContain('働き方改革推進本部');
    expect(text).toContain('時期: H29→H30');
    expect(text.split('\n').filter((line) => line.startsWith('・'))).toHaveLength(3);
  });

  it('keeps the strings the eval looks for once spaces and commas are removed', () => {
    const text = searchable(entryText(entry));
    for (const expected of ['12.81', '3200時間', '3億4300万', '50.5倍']) expect(text).toContain(expected);
  });
});
