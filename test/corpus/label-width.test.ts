import { describe, expect, it } from 'vitest';
import { fitsLabel, labelBudget, labelWidth } from '../../src/corpus/label-width.js';

describe('labelWidth', () => {
  it('counts a full-width character as one and a half-width letter or digit as half', () => {
    expect(labelWidth('役に立った')).toBe(5);
    expect(labelWidth('KPI')).toBe(1.5);
    expect(labelWidth('ふるさと納税50.5倍')).toBe(7 + 2);
  });

  it('counts … and →, which Japanese phones draw full-width, as full-width', () => {
    expect(labelWidth('…')).toBe(1);
    expect(labelWidth('→')).toBe(1);
  });
});

describe('fitsLabel', () => {
  it('takes 12 full-width characters and refuses 13', () => {
    expect(labelBudget).toBe(12);
    expect(fitsLabel('あ'.repeat(12))).toBe(true);
    expect(fitsLabel('あ'.repeat(13))).toBe(false);
    expect(fitsLabel('役に立たなかった', 7)).toBe(false);
  });
});
