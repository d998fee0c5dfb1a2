/**
 * The whole pipeline (normalize → tokenize → search → decide → render) on any text a citizen can
 * send: it never throws, and the reply is 1 to 5 messages that LINE accepts (official schema and
 * platform limits). Normalisation is idempotent on the same inputs.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { askResult } from '../../src/bot/ask-result.js';
import type { Engine } from '../../src/bot/engine.js';
import { checkLineLimits } from '../../src/render/limits.js';
import { maxQuestionLength } from '../../src/ask.js';
import { normalizeText } from '../../src/normalize/normalize.js';
import { bundledEngine } from '../support/bot-server.js';
import { validateMessagingApi } from '../support/line-spec.js';

let engine: Engine;

beforeAll(async () => {
  engine = await bundledEngine();
}, 30_000);

/** Pieces that break text handling: emoji sequences, invisible and bidi characters, marks, surrogates, kana quirks. */
const oddPieces = [
  '👨‍👩‍👧‍👦',
  '👩🏽‍💻',
  '🏳️‍🌈',
  '🇯🇵',
  '🇫',
  '👍🏿',
  '🍎',
  '𠮷',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u200f',
  '\u202e',
  '\u2066',
  'שלום',
  'مرحبا',
  'e\u0301\u0302',
  '\u0301',
  '\u3099',
  '\u309a',
  'İ',
  'ẞ',
  'Ⅻ',
  '𝐀',
  '\u0000',
  '\u0007',
  '\u001b',
  '\r\n',
  '\t',
  '\u2028',
  '\u0085',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ufffd',
  'ゝ',
  'ゞ',
  'ヽ',
  'ヾ',
  'か',
  'は',
  'ワ',
  'ｶ',
  'ﾞ',
  'ﾟ',
  '-',
  '〜',
  'ー',
  '三',
  '億',
  '十',
  '百',
  '円',
  '人',
  '第',
  '何',
  '倍',
  'ふるさと納税',
  'ワイナリーバス',
  '残業',
  'こんにちは',
  'ありがとう',
  '？',
  '!',
  ' ',
  '　',
  'Ａ',
  'a',
] as const;

const oddUnit = fc.constantFrom(...oddPieces);

/** Short and long strings of every kind, up to LINE's 5,000 characters. */
const question = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: oddUnit, maxLength: 40 }),
  fc.string({ unit: 'binary', minLength: 400, maxLength: 5000 }),
  fc.string({ unit: oddUnit, minLength: 200, maxLength: 2500 }),
  // Around the cut at maxQuestionLength: an emoji pair must not be split in two.
  fc
    .tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('🍎', '👍🏽', '👨‍👩‍👧‍👦', '𠮷'))
    .map(([offset, emoji]) => 'あ'.repeat(maxQuestionLength - offset) + emoji.repeat(4)),
);

function checkReply(q: string): void {
  const result = askResult(engine, q);
  expect(result.messages.length).toBeGreaterThanOrEqual(1);
  expect(result.messages.length).toBeLessThanOrEqual(5);
  expect(checkLineLimits(result.messages)).toEqual([]);
  expect(validateMessagingApi('ReplyMessageRequest', { replyToken: 'x', messages: result.messages })).toEqual([]);
}

describe('askResult on any text', { timeout: 30_000 }, () => {
  it('never throws and replies with 1 to 5 messages valid for LINE', () => {
    fc.assert(fc.property(question, checkReply), { numRuns: 400 });
  });

  it('replies to the texts that once threw: lone surrogates and an emoji cut at the length limit', () => {
    for (const q of [
      '\ud800',
      'ふるさと\ud800納税',
      'a' + '🍎'.repeat(300),
      'x'.repeat(499) + '👍🏽',
      '',
      ' ',
      '\u200b',
      '🍎'.repeat(2500),
      'あ'.repeat(5000),
    ]) {
      checkReply(q);
    }
  });
});

describe('normalizeText on any text', { timeout: 30_000 }, () => {
  const texts = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.string({ unit: oddUnit, maxLength: 30 }),
  );

  it('is idempotent, also with invisible characters, iteration marks and combining marks', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 10_000 },
    );
  });

  it('is idempotent on the inputs that once were not', () => {
    // Each needed a second pass: an invisible character between a letter and its mark, or a numeral
    // and its counter; a run of iteration marks; a mark after a spelled-out kana; İ before a mark.
    for (const s of [
      'か\u200b\u3099',
      '三\u200b億',
      'a\u200f\u0301',
      'aゝゝ',
      'ゝ　ゝゝ',
      'はゝ\u309a',
      'ワゞﾞゝ',
      'İ\u3099',
    ]) {
      const once = normalizeText(s);
      expect(normalizeText(once), JSON.stringify(s)).toBe(once);
    }
  });

  it('leaves no lone surrogate, control or format character', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const out = normalizeText(s);
        expect(out.isWellFormed()).toBe(true);
        expect(out).not.toMatch(/[\p{Cc}\p{Cf}\uFFFD]/u);
      }),
      { numRuns: 1000 },
    );
  });
});
