import { describe, expect, it } from 'vitest';
import { asksWhetherTrue } from '../../src/analyze/confirmation.js';

describe('asksWhetherTrue', () => {
  it('reads a clause that only asks whether what was heard is true', () => {
    for (const clause of ['本当でしょうか。', 'ほんと？', 'それは本当ですか', 'それと、本当なの？']) {
      expect(asksWhetherTrue(clause), clause).toBe(true);
    }
  });

  it('does not read so a clause that asks for a fact, even with 本当', () => {
    for (const clause of ['本当に無料ですか', 'いつ頃できるのでしょうか。', '本当の目的は何？']) {
      expect(asksWhetherTrue(clause), clause).toBe(false);
    }
  });
});
