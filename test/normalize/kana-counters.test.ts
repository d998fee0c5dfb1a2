import { describe, expect, it } from 'vitest';
import { writeKanaCounters } from '../../src/normalize/kana-counters.js';

describe('writeKanaCounters', () => {
  it('writes a counter typed in kana after a number as the report writes it', () => {
    expect(writeKanaCounters('2020 ねんどは なんけん')).toBe('2020年度は なんけん');
    expect(writeKanaCounters('こどもが 3にんです')).toBe('こどもが 3人です');
    expect(writeKanaCounters('2ねんせいの まご')).toBe('2年生の まご');
    expect(writeKanaCounters('12.81ぱーせんと')).toBe('12.81%');
    expect(writeKanaCounters('5ばんめは なに')).toBe('5番目は なに');
    expect(writeKanaCounters('2つめの はしら')).toBe('2つ目の はしら');
    // Before って too (1つめって どんな ないよう).
    expect(writeKanaCounters('きほんしせいの 1つめって どんな')).toBe('きほんしせいの 1つ目って どんな');
  });

  it('writes a place in a list said with a kana numeral (ごばんめ) with its digit, opening a word or after a particle', () => {
    expect(writeKanaCounters('ごばんめの はしら')).toBe('5番目の はしら');
    expect(writeKanaCounters('はしらのいちばんめの slogan')).toBe('はしらの1番目の slogan');
    // Inside a word it is no numeral (いちごばんめ is no 5番目 of いち).
    expect(writeKanaCounters('いちごばんめ')).toBe('いちごばんめ');
  });

  it('leaves kana that only starts with a counter (5にんじん), and counters after no number, alone', () => {
    expect(writeKanaCounters('5にんじんを かった')).toBe('5にんじんを かった');
    expect(writeKanaCounters('なんねんど')).toBe('なんねんど');
  });
});
