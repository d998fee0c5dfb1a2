/**
 * Everything the bot can show of a corpus renders to messages LINE accepts (official schema,
 * platform limits, bubble ≤ 30 KB, carousel ≤ 50 KB): every entry of the real bundled corpus in
 * every way it is shown (bubble, carousel, pillar pages, answers), and arbitrary valid entries in
 * pillar pages and answers.
 *
 * render-entry-bubble.property.test.ts covers one arbitrary entry as a bubble and carousels of them;
 * this file adds the real corpus, the wider entries the schema allows (bodies of 5,000 characters,
 * 8 figures with any finite number, long labels and units) and the two renderers built on bubbles:
 * renderPillarEntries and renderReply.
 */
import type { messagingApi } from '@line/bot-sdk';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorpusMeta, Entry, entryKinds, type Corpus, type Figure } from '../../src/corpus/entry.js';
import { bundledCorpusDir, readCorpus } from '../../src/corpus/read-corpus.js';
import { checkLineLimits, lineLimits } from '../../src/render/limits.js';
import { checkLabelFit } from '../../src/render/label-fit.js';
import { renderEntryBubble, renderEntryCarousel } from '../../src/render/render-entry-bubble.js';
import { pillarPageSize, renderPillarEntries, renderPillarMenu } from '../../src/render/render-pillar.js';
import { renderReply } from '../../src/render/render-reply.js';
import { renderWelcome } from '../../src/render/render-welcome.js';
import { renderPledgeProgress } from '../../src/render/render-pledge-progress.js';
import type { Decision } from '../../src/decide/decision.js';
import type { Hit } from '../../src/search/search.js';
import { validateMessagingApi } from '../support/line-spec.js';

type Message = messagingApi.Message;

let corpus: Corpus;

beforeAll(async () => {
  corpus = await readCorpus(bundledCorpusDir);
});

const utf8Bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * What LINE would say about a reply: schema violations, broken limits and oversized containers;
 * and what a phone would cut: labels wider than it shows.
 */
function replyProblems(messages: readonly Message[]): string[] {
  const problems = [
    ...validateMessagingApi('ReplyMessageRequest', { replyToken: 'x', messages }),
    ...checkLineLimits(messages),
    ...checkLabelFit(messages),
  ];
  if (messages.length < 1) problems.push('no message');
  for (const [i, message] of messages.entries()) {
    if (message.type !== 'flex') continue;
    const contents = message.contents;
    const bubbles = contents.type === 'carousel' ? contents.contents : [contents];
    if (contents.type === 'carousel' && utf8Bytes(contents) > lineLimits.carouselBytes)
      problems.push(`messages[${i}]: carousel over 50 KB`);
    if (contents.type === 'carousel' && contents.contents.length === 0) problems.push(`messages[${i}]: empty carousel`);
    for (const bubble of bubbles)
      if (utf8Bytes(bubble) > lineLimits.bubbleBytes) problems.push(`messages[${i}]: bubble over 30 KB`);
  }
  return problems;
}

function answer(entries: readonly Entry[], confidence: 'full' | 'partial', askedUnit?: string): Decision {
  const hits: Hit[] = entries.map((entry, i) => ({ entry, score: 10 - i }));
  return { kind: 'answer', hits, confidence, ...(askedUnit === undefined ? {} : { askedUnit }) };
}

describe('the bundled corpus', () => {
  it('renders every entry as a bubble and as a carousel of one', () => {
    expect(corpus.entries.length).toBeGreaterThan(0);
    for (const entry of corpus.entries) {
      const bubble = renderEntryBubble(entry, corpus.meta);
      expect(replyProblems([{ type: 'flex', altText: entry.title, contents: bubble }]), entry.id).toEqual([]);
      expect(replyProblems([renderEntryCarousel([entry], corpus.meta, entry.title)]), entry.id).toEqual([]);
    }
  });

  it('renders every page of every pillar, and the pages before the first and past the last', () => {
    for (const pillar of corpus.meta.pillars.map((p) => p.number)) {
      const count = corpus.entries.filter((e) => e.pillar === pillar).length;
      const pages = Math.max(1, Math.ceil(count / pillarPageSize));
      for (let page = 0; page <= pages + 1; page++) {
        expect(
          replyProblems(renderPillarEntries(pillar, corpus.entries, corpus.meta, page)),
          `pillar ${pillar} page ${page}`,
        ).toEqual([]);
      }
    }
    expect(replyProblems(renderPillarMenu(corpus.meta))).toEqual([]);
    expect(replyProblems(renderWelcome(corpus.meta))).toEqual([]);
  });

  it('renders the pledge tracker of every pillar, and of each pillar with each pledge asked about', () => {
    expect(replyProblems(renderPledgeProgress({}, corpus.entries, corpus.meta) ?? [])).toEqual([]);
    for (const pledge of corpus.entries.filter((e) => e.kind === 'policy')) {
      const messages = renderPledgeProgress({ pillar: pledge.pillar, focus: [pledge.id] }, corpus.entries, corpus.meta);
      expect(replyProblems(messages ?? []), pledge.id).toEqual([]);
    }
  });

  it('renders every entry as the answer, full or partial, leading with each of its units', () => {
    for (const [i, entry] of corpus.entries.entries()) {
      // The entry first, with the next four entries as related hits, as a search returns them.
      const hits = [entry, ...corpus.entries.slice(i + 1, i + 5)];
      for (const askedUnit of [undefined, ...new Set(entry.figures.map((f) => f.unit))]) {
        for (const confidence of ['full', 'partial'] as const) {
          const messages = renderReply(answer(hits, confidence, askedUnit), corpus.meta, { entries: corpus.entries });
          expect(replyProblems(messages), `${entry.id} ${confidence} ${askedUnit ?? ''}`).toEqual([]);
        }
      }
    }
  });

  it('renders the 12 largest entries together as one carousel within 50 KB', () => {
    const largest = [...corpus.entries]
      .sort((a, b) => utf8Bytes(b) - utf8Bytes(a))
      .slice(0, lineLimits.carouselBubbles);
    const message = renderEntryCarousel(largest, corpus.meta, largest.map((e) => e.title).join('、'));
    expect(replyProblems([message])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Arbitrary valid entries, as wide as the Entry schema allows

/** Emoji sequences, marks, invisible and bidi characters, quotes and a lone surrogate. */
const oddUnit = fc.constantFrom(
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇯🇵',
  '👍🏿',
  '𠮷',
  'e\u0301\u0302',
  '\u3099',
  '\u200b',
  '\u200f',
  '\u202e',
  '\ufeff',
  '\u0000',
  '\u001f',
  '\n',
  '"',
  '\\',
  '</',
  '&amp;',
  '小',
  '諸',
  '円',
  '　',
  ' ',
  'ｱ',
  'ﾞ',
  '\ud800',
  '\udfff',
  '\ufffd',
);

/** Strings of any unicode, short or as long as `maxLength`, non-empty after trimming (as the schema requires). */
function text(maxLength: number): fc.Arbitrary<string> {
  const units = ['grapheme', 'binary', oddUnit] as const;
  return fc
    .oneof(
      ...units.map((unit) => fc.string({ unit, minLength: 1, maxLength: Math.min(maxLength, 40) })),
      ...units.map((unit) => fc.string({ unit, minLength: 1, maxLength, size: 'max' })),
    )
    .map((s) => s.trim().slice(0, maxLength).trim())
    .filter((s) => s.length > 0);
}

/** Any finite number: huge, tiny, negative, fractional, -0, and the report's usual magnitudes. */
const amount = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e12 }),
  fc.constantFrom(
    0,
    -0,
    0.1 + 0.2,
    1e21,
    -1e21,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
    343_000_000,
    12.81,
  ),
);

/** Units the corpus uses (their formatting differs) and arbitrary ones. */
const unit = fc.oneof(
  fc.constantFrom('円', '千円', '人', '%', '倍', '年', '年度', '件', '時間', 'pt', 'ポイント'),
  text(40),
);

const figure: fc.Arbitrary<Figure> = fc.record(
  {
    label: text(200),
    before: amount,
    after: amount,
    unit,
    period: text(120),
    approximate: fc.boolean(),
    note: text(400),
  },
  { requiredKeys: ['label', 'after', 'unit', 'period'] },
);

const entryId = fc.stringMatching(/^[a-z0-9]{1,40}(?:-[a-z0-9]{1,40}){0,6}$/);

const entry: fc.Arbitrary<Entry> = fc
  .record(
    {
      id: entryId,
      pillar: fc.integer({ min: 0, max: 6 }),
      kind: fc.constantFrom(...entryKinds),
      title: text(60),
      shortTitle: text(12),
      body: text(5000),
      figures: fc.array(figure, { maxLength: 8 }),
      period: text(120),
      keywords: fc.array(text(30), { maxLength: 8 }),
      source: fc.record({ section: text(200), line: fc.integer({ min: 1, max: 1_000_000 }) }),
    },
    { requiredKeys: ['id', 'pillar', 'kind', 'title', 'body', 'figures', 'keywords', 'source'] },
  )
  .map((raw) => Entry.safeParse(raw))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data);

/** Unique ids, as a corpus has. */
const entries = (maxLength: number) => fc.uniqueArray(entry, { minLength: 1, maxLength, selector: (e) => e.id });

const color = fc.stringMatching(/^#[0-9A-Fa-f]{6}$/);
/** The real meta, or one with odd names and labels (short enough for the pillar menu's one text). */
const meta: fc.Arbitrary<CorpusMeta> = fc.oneof(
  fc.constant(null).map(() => corpus.meta),
  fc
    .record({
      source: fc.record({ title: text(80), asOf: text(30) }),
      pillars: fc.tuple(
        ...[0, 1, 2, 3, 4, 5, 6].map((number) =>
          fc.record(
            { number: fc.constant(number), name: text(40), label: text(20), color },
            { requiredKeys: ['number', 'name', 'color'] },
          ),
        ),
      ),
    })
    .map((raw) => CorpusMeta.parse(raw)),
);

describe('arbitrary valid entries', () => {
  it('render as a bubble within 30 KB and a carousel of one, even at 5,000 characters and 8 figures', () => {
    fc.assert(
      fc.property(entry, meta, (e, m) => {
        expect(replyProblems([{ type: 'flex', altText: e.title, contents: renderEntryBubble(e, m) }])).toEqual([]);
        expect(replyProblems([renderEntryCarousel([e], m, e.title)])).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('render every page of a pillar, whatever the entries and the page asked', () => {
    fc.assert(
      fc.property(
        entries(30),
        meta,
        fc.integer({ min: 0, max: 6 }),
        fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer()),
        (es, m, pillar, page) => {
          expect(replyProblems(renderPillarEntries(pillar, es, m, page))).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('render the pledge tracker of any pillar and of all, whatever the pledges and the results they list', () => {
    fc.assert(
      fc.property(
        entries(40),
        meta,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 30 }),
        (es, m, pillar, most) => {
          // Every third entry a pledge listing up to `most` of the others.
          const others = es.filter((_, j) => j % 3 !== 0).map((e) => e.id);
          const linked = es.map((e, i) =>
            i % 3 === 0 ? { ...e, kind: 'policy' as const, results: others.slice(i % 5, (i % 5) + most) } : e,
          );
          const focus = linked.filter((e) => e.kind === 'policy' && e.pillar === pillar).map((e) => e.id);
          for (const scope of [{}, { pillar }, { pillar, focus }]) {
            const messages = renderPledgeProgress(scope, linked, m);
            if (messages !== undefined) expect(replyProblems(messages)).toEqual([]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('render as an answer, full or partial, with any unit asked and the corpus as related topics', () => {
    fc.assert(
      fc.property(
        entries(8),
        entries(20),
        meta,
        fc.constantFrom<'full' | 'partial'>('full', 'partial'),
        fc.option(unit, { nil: undefined }),
        (hits, others, m, confidence, askedUnit) => {
          // Ask for a unit the first hit has, most of the time.
          const asked = askedUnit ?? hits[0]?.figures[0]?.unit;
          const messages = renderReply(answer(hits, confidence, asked), m, { entries: [...hits, ...others] });
          expect(messages.length).toBeLessThanOrEqual(lineLimits.messagesPerRequest);
          expect(replyProblems(messages)).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
