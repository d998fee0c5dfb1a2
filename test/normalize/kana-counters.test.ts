import { describe, expect, it } from 'vitest';
import { writeKanaCounters } from '../../src/normalize/kana-counters.js';

describe('writeKanaCounters', () => {
  it('writes a counter typed in kana after a number as the report writes it', () => {
    expect(writeKanaCounters('2020 ねんどは なんけん')).toBe('2020年度は なんけん');
    expect(writeKanaCounters('こどもが 3にんです')).toBe('こどもが 3人です');
    expect(writeKanaCounters('2ねんせいの まご')).toBe('2年生の まご');
    expect(writeKanaCounters('12.81ぱーせんと')).toBe('12.81%');
  });

  it('leaves kana that only starts with a counter (5にんじん), and counters after no number, alone', () => {
    expect(writeKanaCounters('5にんじんを かった')).toBe('5にんじんを かった');
    expect(writeKanaCounters('なんねんど')).toBe('なんねんど');
  });
});
