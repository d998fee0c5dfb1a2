/**
 * Postback data round-trips through its builders and parser, and anything else reads as unknown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineLimits } from '../../src/render/limits.js';
import {
  browsePillarsPostbackData,
  feedbackPostbackData,
  parsePostbackData,
  pillarPagePostbackData,
  pillarPostbackData,
  pledgePostbackData,
  progressPostbackData,
} from '../../src/render/postback-data.js';

describe('postback data', () => {
  it('writes the documented formats', () => {
    expect(pillarPostbackData(3)).toBe('pillar=3');
    expect(pillarPagePostbackData(3, 2)).toBe('pillar=3&page=2');
    expect(pillarPagePostbackData(3, 1)).toBe('pillar=3&page=1');
    expect(progressPostbackData()).toBe('progress=all');
    expect(browsePillarsPostbackData()).toBe('browse=pillars');
    expect(feedbackPostbackData('up', 'furusato-nozei')).toBe('feedback=up&entry=furusato-nozei');
    expect(feedbackPostbackData('down', 'furusato-nozei')).toBe('feedback=down&entry=furusato-nozei');
  });

  it('reads back every pillar and page it builds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 1000 }), (pillar, page) => {
        expect(parsePostbackData(pillarPagePostbackData(pillar, page))).toEqual({ kind: 'pillar', pillar, page });
      }),
    );
  });

  it('reads a pillar without a page as the pillar itself (its pledges), and the tracker of every pillar', () => {
    expect(parsePostbackData(pillarPostbackData(5))).toEqual({ kind: 'pillar', pillar: 5 });
    expect(parsePostbackData(progressPostbackData())).toEqual({ kind: 'progress' });
  });

  it('reads back a pledge, and nothing that is not an entry id', () => {
    expect(pledgePostbackData('marriage-support')).toBe('pledge=marriage-support');
    expect(parsePostbackData(pledgePostbackData('marriage-support'))).toEqual({
      kind: 'pledge',
      entryId: 'marriage-support',
    });
    expect(parsePostbackData('pledge=Marriage%20Support')).toEqual({ kind: 'unknown' });
  });

  it('reads back the pillar menu', () => {
    expect(parsePostbackData(browsePillarsPostbackData())).toEqual({ kind: 'browse-pillars' });
  });

  it('reads back every feedback vote on any entry id', () => {
    const entryId = fc.stringMatching(/^[a-z0-9]{1,12}(?:-[a-z0-9]{1,12}){0,4}$/);
    fc.assert(
      fc.property(fc.constantFrom('up' as const, 'down' as const), entryId, (vote, id) => {
        const data = feedbackPostbackData(vote, id);
        expect(data.length).toBeLessThanOrEqual(lineLimits.postbackDataLength);
        expect(parsePostbackData(data)).toEqual({ kind: 'feedback', vote, entryId: id });
      }),
    );
  });

  it.each([
    '',
    'hello',
    'pillar=7',
    'pillar=-1',
    'pillar=1.5',
    'pillar=one',
    'pillar=1&page=0',
    'pillar=1&page=abc',
    'browse=entries',
    'feedback=maybe&entry=furusato-nozei',
    'feedback=up',
    'feedback=up&entry=Bad_Id',
    `feedback=up&entry=${'a'.repeat(400)}`,
  ])('reads %j as unknown', (data) => {
    expect(parsePostbackData(data)).toEqual({ kind: 'unknown' });
  });

  it('never throws on arbitrary data', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (data) => {
        expect(['pillar', 'browse-pillars', 'help', 'feedback', 'unknown']).toContain(parsePostbackData(data).kind);
      }),
    );
  });
});
