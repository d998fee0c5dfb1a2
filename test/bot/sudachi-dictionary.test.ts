import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/normalize/normalize.js';
import { loadSudachiGroups, sudachiSource } from '../../src/bot/sudachi-dictionary.js';
import { buildSynonymMap } from '../../src/analyze/synonyms.js';
import type { SynonymGroups } from '../../src/corpus/entry.js';

let groups: SynonymGroups;
beforeAll(() => {
  groups = loadSudachiGroups();
}, 30_000);

const groupsWith = (word: string) => groups.filter((g) => g.includes(word));

describe('loadSudachiGroups', () => {
  it('loads the whole dictionary', () => {
    expect(groups.length).toBeGreaterThan(25_000);
  });

  it('puts 残業 with 超過勤務 and 時間外勤務', () => {
    expect(groupsWith('残業').some((g) => g.includes('超過勤務') && g.includes('時間外勤務'))).toBe(true);
  });

  it('keeps the words that are expanded to but never from (シニア, 開業), since citizens type them', () => {
    expect(groupsWith('シニア').some((g) => g.includes('高齢者'))).toBe(true);
    expect(groupsWith('開業').some((g) => g.includes('創業'))).toBe(true);
    expect(groupsWith('寄附').some((g) => g.includes('寄付'))).toBe(true);
  });

  it('drops the words marked never to expand', () => {
    // In group 000020 カネ is marked 2 (never expand) next to お金 and マネー.
    const money = groupsWith('お金').find((g) => g.includes('マネー'));
    expect(money).toBeDefined();
    expect(money).not.toContain('カネ');
    expect(groupsWith('イタリア人')).toEqual([]);
  });

  it('gives groups of at least two distinct, non-empty, normalised words', () => {
    const bad = groups.filter(
      (g) => g.length < 2 || new Set(g).size !== g.length || g.some((w) => w === '' || normalizeText(w) !== w),
    );
    expect(bad).toEqual([]);
  });

  it('names its source with the version and licence', () => {
    expect(sudachiSource()).toBe('sudachi-synonyms-dictionary 18.0.0 (Apache-2.0)');
  });

  it('builds a map over every group for a 1 MB corpus text', () => {
    // Dictionary words with particles between them: far more of the dictionary occurs in this
    // text than in any real corpus, the hard case for the occurrence test.
    const words = groups.flat();
    const particles = ['は', 'が', 'を', 'に', 'で', 'と', 'の', '、', '。'];
    let seed = 1;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const parts: string[] = [];
    for (let length = 0; length < 1_000_000;) {
      const part = `${words[next(words.length)] as string}${particles[next(particles.length)] as string}`;
      parts.push(part);
      length += part.length;
    }
    const text = parts.join('');
    const map = buildSynonymMap(groups, text);
    expect(map.byPhrase.size).toBeGreaterThan(1000);
    let checked = 0;
    for (const [phrase, targets] of map.byPhrase) {
      if (checked++ % 97 !== 0) continue;
      expect(targets.length).toBeGreaterThan(0);
      expect(targets).not.toContain(phrase);
      for (const target of targets) expect(text.includes(target)).toBe(true);
    }
  }, 60_000);
});
