import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/corpus/entry.js';
import { summaryYields, sumsUp } from '../../src/decide/summary-yields.js';
import type { RankedHit } from '../../src/search/search.js';

const entry = (id: string, kind: Entry['kind'], title: string, body: string): Entry =>
  ({ id, kind, title, body, pillar: 0, figures: [], keywords: [], phrasings: [] }) as unknown as Entry;

const three = entry(
  'three',
  'intro',
  '市長が心がけた3点',
  '「真の市民協働の推進」「未来への投資」の3点を心がけました。',
);
const collaboration = entry(
  'collab',
  'highlight',
  '心がけたこと：真の市民協働の推進',
  '行政には限界があるため、市民協働が不可欠です。',
);
const other = entry('other', 'achievement', '未来のまちづくり', '未来の計画です。');
const hit = (e: Entry, score: number, coverage: number): RankedHit => ({ entry: e, score, coverage, matches: [] });

describe('summaryYields', () => {
  it('knows a summary by its kind and the names it quotes', () => {
    expect(sumsUp(three, collaboration)).toBe(true);
    expect(sumsUp(three, other)).toBe(false);
    expect(sumsUp(collaboration, three)).toBe(false);
  });

  it('puts first the entry a summary names when it covers more of the question', () => {
    const ranked = summaryYields([hit(three, 10, 0.7), hit(other, 8, 0.75), hit(collaboration, 5, 0.8)]);
    expect(ranked.map((h) => h.entry.id)).toEqual(['collab', 'three', 'other']);
  });

  it('steps down for an entry it does not name, ranked above the one it names and covering as much', () => {
    const ranked = summaryYields([hit(three, 10, 0.7), hit(other, 8, 0.8), hit(collaboration, 5, 0.8)]);
    expect(ranked.map((h) => h.entry.id)).toEqual(['other', 'three', 'collab']);
  });

  it('counts what the summary covers without its everyday phrasings, which paraphrase its whole area', () => {
    // The summary covers 0.8 with its phrasings, 0.4 without; the entry it names covers 0.6.
    const ranked = summaryYields([hit(three, 10, 0.8), hit(collaboration, 5, 0.6)], (h) =>
      h.entry === three ? 0.4 : (h.coverage ?? 0),
    );
    expect(ranked.map((h) => h.entry.id)).toEqual(['collab', 'three']);
  });

  it('keeps the summary first when the question asks for all it names (5つの柱をすべて)', () => {
    const ranked = summaryYields([hit(three, 10, 0.7), hit(other, 8, 0.9), hit(collaboration, 5, 0.8)], undefined, {
      all: true,
    });
    expect(ranked.map((h) => h.entry.id)).toEqual(['three', 'other', 'collab']);
  });

  it('keeps the summary first when one of what it lists is picked by its place (3つのうち2つ目), unless that one says its place', () => {
    const asked = [hit(three, 10, 0.5), hit(collaboration, 5, 0.6)];
    expect(summaryYields(asked, undefined, { place: '2つ目' }).map((h) => h.entry.id)).toEqual(['three', 'collab']);
    const second = entry('second', 'highlight', '心がけたこと：未来への投資', '2つ目は未来への投資です。');
    const own = [hit(three, 10, 0.5), hit(second, 5, 0.6)];
    expect(sumsUp(three, second)).toBe(true);
    expect(summaryYields(own, undefined, { place: '2つ目' }).map((h) => h.entry.id)).toEqual(['second', 'three']);
  });

  it('puts first the entry a summary names that gives the reason asked for (なぜ), though it covers less', () => {
    const asked = [hit(three, 10, 1), hit(collaboration, 5, 0.7)];
    expect(summaryYields(asked, undefined, { why: true }).map((h) => h.entry.id)).toEqual(['collab', 'three']);
    expect(summaryYields(asked).map((h) => h.entry.id)).toEqual(['three', 'collab']);
    // Covering less than half of the question, it is not what was asked about.
    const far = [hit(three, 10, 1), hit(collaboration, 5, 0.4)];
    expect(summaryYields(far, undefined, { why: true }).map((h) => h.entry.id)).toEqual(['three', 'collab']);
  });

  it('puts first, for all of a set, the summary of the same kind that sums up the first hit', () => {
    const five = entry(
      'five',
      'pillar',
      '5つの柱',
      '市役所の改革「しせいを正す」、情報戦略「ワクワク」の5つの柱です。',
    );
    const waku = entry('waku', 'pillar', '柱5：情報戦略「ワクワク」', '観光の情報戦略です。');
    const intro = entry('intro', 'intro', '政策集を公表', '「5つの柱」をまとめた政策集です。');
    const asked = [hit(waku, 10, 0.5), hit(five, 8, 0.5), hit(intro, 6, 0.5)];
    expect(summaryYields(asked, undefined, { all: true }).map((h) => h.entry.id)).toEqual(['five', 'waku', 'intro']);
    expect(summaryYields(asked).map((h) => h.entry.id)).toEqual(['waku', 'five', 'intro']);
    // An intro naming the five pillars is no summary of their kind.
    const fiveFirst = [hit(five, 10, 0.5), hit(intro, 8, 0.5)];
    expect(summaryYields(fiveFirst, undefined, { all: true }).map((h) => h.entry.id)).toEqual(['five', 'intro']);
  });

  it('keeps the summary first when it covers as much or more: the question is about it', () => {
    const ranked = summaryYields([hit(three, 10, 0.8), hit(collaboration, 5, 0.8)]);
    expect(ranked.map((h) => h.entry.id)).toEqual(['three', 'collab']);
  });
});
