/**
 * Any valid entry renders to a bubble LINE accepts: schema-valid, within the size and label limits,
 * and with no empty text, whatever its titles, bodies (emoji, odd unicode) and numbers.
 */
import type { messagingApi } from '@line/bot-sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusMeta, Entry, entryKinds, type Figure } from '../../src/corpus/entry.js';
import { checkLineLimits, lineLimits } from '../../src/render/limits.js';
import { renderEntryBubble, renderEntryCarousel } from '../../src/render/render-entry-bubble.js';
import { validateMessagingApi } from '../support/line-spec.js';

/** Characters that tend to break renderers: emoji sequences, combining marks, controls, quotes, a lone surrogate. */
const oddUnit = fc.constantFrom(
  '🍎',
  '👨‍👩‍👧‍👦',
  '🇯🇵',
  'é',
  'é',
  '\u200b',
  '\u200f',
  '\u0000',
  '\u001f',
  '"',
  '\\',
  '<',
  '&',
  '小',
  '諸',
  '円',
  '\n',
  '\t',
  ' ',
  '　',
  '\uD800',
  '\uFFFD',
  '𠮷',
);

/** Short and maximal-length strings alike (fast-check's default size rarely goes past a few dozen). */
function odd(maxLength: number): fc.Arbitrary<string> {
  const units = ['grapheme', 'binary', oddUnit] as const;
  return fc
    .oneof(
      ...units.map((unit) => fc.string({ unit, maxLength })),
      ...units.map((unit) => fc.string({ unit, maxLength, size: 'max' })),
    )
    .map((s) => s.trim().slice(0, maxLength).trim())
    .filter((s) => s.length > 0);
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

const figure: fc.Arbitrary<Figure> = fc.record(
  {
    label: odd(80),
    before: finite,
    after: finite,
    unit: odd(12),
    period: odd(40),
    approximate: fc.boolean(),
    note: odd(120),
  },
  { requiredKeys: ['label', 'after', 'unit', 'period'] },
);

const entry: fc.Arbitrary<Entry> = fc
  .record(
    {
      id: fc.stringMatching(/^[a-z0-9]{1,20}(?:-[a-z0-9]{1,20}){0,4}$/),
      pillar: fc.integer({ min: 0, max: 6 }),
      kind: fc.constantFrom(...entryKinds),
      title: odd(60),
      body: odd(3000),
      figures: fc.array(figure, { maxLength: 6 }),
      period: odd(40),
      keywords: fc.array(odd(20), { maxLength: 5 }),
      source: fc.record({ section: odd(100), line: fc.integer({ min: 1, max: 100_000 }) }),
    },
    { requiredKeys: ['id', 'pillar', 'kind', 'title', 'body', 'figures', 'keywords', 'source'] },
  )
  .map((raw) => Entry.safeParse(raw))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data);

const color = fc.stringMatching(/^#[0-9A-Fa-f]{6}$/);
const meta: fc.Arbitrary<CorpusMeta> = fc
  .record({
    source: fc.record({ title: odd(80), asOf: odd(20) }),
    pillars: fc.tuple(
      ...[0, 1, 2, 3, 4, 5, 6].map((number) =>
        fc.record(
          { number: fc.constant(number), name: odd(40), label: odd(20), color },
          { requiredKeys: ['number', 'name', 'color'] },
        ),
      ),
    ),
  })
  .map((raw) => CorpusMeta.parse(raw));

/** Every text of a flex component tree. */
function texts(node: messagingApi.FlexComponent | messagingApi.FlexBubble | undefined): unknown[] {
  if (node === undefined) return [];
  switch (node.type) {
    case 'bubble':
      return [node.header, node.hero, node.body, node.footer].flatMap((part) => texts(part));
    case 'box':
      return node.contents.flatMap((child) => texts(child));
    case 'text':
      return [node.text];
    case 'button':
      return [node.action.label];
    default:
      return [];
  }
}

describe('renderEntryBubble', () => {
  it('renders any valid entry to a schema-valid bubble within LINE limits, with non-empty texts', () => {
    fc.assert(
      fc.property(entry, meta, (e, m) => {
        const bubble = renderEntryBubble(e, m);
        expect(Buffer.byteLength(JSON.stringify(bubble), 'utf8')).toBeLessThanOrEqual(30 * 1024);
        const message: messagingApi.FlexMessage = { type: 'flex', altText: e.title, contents: bubble };
        expect(checkLineLimits([message])).toEqual([]);
        expect(validateMessagingApi('Message', message)).toEqual([]);
        const all = texts(bubble);
        expect(all.length).toBeGreaterThan(0);
        for (const text of all) {
          expect(typeof text).toBe('string');
          expect((text as string).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a carousel of up to 12 such entries within 50 KB, never dropping the first', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), meta, (entries, m) => {
        const message = renderEntryCarousel(entries, m, entries.map((e) => e.title).join('、'));
        expect(checkLineLimits([message])).toEqual([]);
        expect(message.altText.length).toBeLessThanOrEqual(lineLimits.altTextLength);
        expect(message.contents.type === 'carousel' && message.contents.contents.length).toBeGreaterThan(0);
        expect(Buffer.byteLength(JSON.stringify(message.contents), 'utf8')).toBeLessThanOrEqual(50 * 1024);
      }),
      { numRuns: 40 },
    );
  });
});
