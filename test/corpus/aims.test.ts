import { describe, expect, it } from 'vitest';
import { isTargetFigure, statesOnlyAims, withoutAims } from '../../src/corpus/aims.js';
import type { Entry } from '../../src/corpus/entry.js';

describe('aims', () => {
  it('takes a figure labelled or noted as a target for an aim', () => {
    expect(isTargetFigure({ label: '女性参画率の目標', after: 45, unit: '%', period: 'H31.4現在' })).toBe(true);
    expect(isTargetFigure({ label: '女性参画率', after: 40.4, unit: '%', period: 'H31.4現在' })).toBe(false);
  });

  it('takes every number of a pledge for an aim, and none of a result', () => {
    const pledge = { kind: 'policy' } as Entry;
    const result = { kind: 'achievement' } as Entry;
    expect(statesOnlyAims(pledge)).toBe(true);
    expect(statesOnlyAims(result)).toBe(false);
  });

  it('takes out of a sentence the numbers it sets as aims, and only those', () => {
    expect(withoutAims('参画率は目標45%に対し、現在40.4%です')).not.toMatch(/45/u);
    expect(withoutAims('参画率は目標45%に対し、現在40.4%です')).toMatch(/40\.4%/u);
    expect(withoutAims('応援する市民10万人を目指します')).not.toMatch(/[0-9]/u);
    expect(withoutAims('市民は3682人です')).toBe('市民は3682人です');
  });
});
