/**
 * Browsing by pillar: the menu of pillars (postback browse=pillars) and one pillar's entries as a
 * paged carousel (postback pillar=N[&page=M]). Also the quick-reply items that lead there, which the
 * other renderers reuse.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { CorpusMeta, Entry } from '../corpus/entry.js';
import { fitsLabel } from '../corpus/label-width.js';
import { lineLimits } from './limits.js';
import {
  browsePillarsPostbackData,
  pillarPagePostbackData,
  pillarPostbackData,
  progressPostbackData,
} from './postback-data.js';
import { bareLabel, clipText, findPillar, pillarHeading, renderEntryCarousel } from './render-entry-bubble.js';

type QuickReplyItem = messagingApi.QuickReplyItem;

/** Entries per page of a pillar's carousel: LINE's maximum number of bubbles. */
export const pillarPageSize = lineLimits.carouselBubbles;

/** The five pillars of the report (0 is the report as a whole, 6 その他の実績). */
const FIVE_PILLARS = [1, 2, 3, 4, 5] as const;

/**
 * A short quick-reply label for a pillar: 「1 しせいを正す」 (its label, else its name), or 「柱1」
 * when that is too wide for a phone (corpus:check warns of it): never a cut word.
 */
export function pillarQuickReplyLabel(meta: CorpusMeta, n: number): string {
  const label = pillarLabelWords(meta, n);
  return fitsLabel(label) ? label : `柱${n}`;
}

/** The words a pillar's quick reply would say, wide or not: 「1 しせいを正す」. */
export function pillarLabelWords(meta: CorpusMeta, n: number): string {
  const pillar = findPillar(meta, n);
  const short =
    pillar === undefined ? pillarHeading(meta, n) : pillar.label === undefined ? pillar.name : bareLabel(pillar.label);
  return `${n} ${short}`;
}

/** A quick-reply item that opens pillar n (page 1 unless given). */
function pillarItem(meta: CorpusMeta, n: number): QuickReplyItem {
  const pillar = findPillar(meta, n);
  return {
    type: 'action',
    action: {
      type: 'postback',
      label: pillarQuickReplyLabel(meta, n),
      data: pillarPostbackData(n),
      displayText: clipText(pillar?.name ?? pillarHeading(meta, n), lineLimits.messageActionTextLength),
    },
  };
}

/**
 * Quick-reply items for the five pillars (1–5) found in the meta, each a postback pillar=N whose
 * displayText is the pillar's name. `exclude` leaves out the pillar being shown.
 */
export function pillarQuickReplyItems(meta: CorpusMeta, exclude?: number): QuickReplyItem[] {
  return FIVE_PILLARS.filter((n) => n !== exclude && findPillar(meta, n) !== undefined).map((n) => pillarItem(meta, n));
}

/** The 「5つの柱を見る」 quick-reply item (postback browse=pillars). */
export function browsePillarsQuickReplyItem(): QuickReplyItem {
  return {
    type: 'action',
    action: {
      type: 'postback',
      label: '5つの柱を見る',
      data: browsePillarsPostbackData(),
      displayText: '5つの柱を見る',
    },
  };
}

/** The 「公約の進み具合」 quick-reply item (postback progress=all): every pillar's pledges and their results. */
export function progressQuickReplyItem(): QuickReplyItem {
  return {
    type: 'action',
    action: { type: 'postback', label: '公約の進み具合', data: progressPostbackData(), displayText: '公約の進み具合' },
  };
}

/**
 * For browse=pillars: the pillars listed in a text, with a quick reply for each (1–5, then 6 if
 * present), after one for the pledges of every pillar.
 */
export function renderPillarMenu(meta: CorpusMeta): messagingApi.Message[] {
  const numbers = meta.pillars
    .map((p) => p.number)
    .filter((n) => n !== 0)
    .sort((a, b) => a - b);
  const lines = numbers.map((n) => pillarHeading(meta, n));
  const items = [progressQuickReplyItem(), ...numbers.map((n) => pillarItem(meta, n))].slice(
    0,
    lineLimits.quickReplyItems,
  );
  return [
    {
      type: 'text',
      text:
        `『こもろ未来プロジェクト』の5つの柱です（${meta.source.asOf}）。見たい柱を下のボタンから選んでください。` +
        `柱ごとに、公約（具体的政策）と報告に載っている実績を見られます。\n\n${lines.join('\n')}`,
      quickReply: { items },
    },
  ];
}

/** Highlights (boxed results) and entries with figures first; otherwise the corpus order. */
function browsingRank(entry: Entry): number {
  return (entry.kind === 'highlight' ? 0 : 2) + (entry.figures.length > 0 ? 0 : 1);
}

/**
 * For pillar=N[&page=M]: a short intro and a carousel of the pillar's entries, at most 12 per page,
 * highlights and entries with figures first. `entries` may be the whole corpus; only pillar N's are
 * shown. A page past the end shows the last page. When there are more pages, the intro says how
 * many entries there are and the quick replies offer the next (and previous) page.
 */
export function renderPillarEntries(
  pillar: number,
  entries: readonly Entry[],
  meta: CorpusMeta,
  page = 1,
): messagingApi.Message[] {
  const heading = pillarHeading(meta, pillar);
  const ordered = entries
    .filter((e) => e.pillar === pillar)
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => browsingRank(a.entry) - browsingRank(b.entry) || a.i - b.i)
    .map(({ entry }) => entry);

  if (ordered.length === 0) {
    return [
      {
        type: 'text',
        text: `${heading}の情報は見つかりませんでした。ほかの柱を選んでください。`,
        quickReply: { items: [...pillarQuickReplyItems(meta, pillar), browsePillarsQuickReplyItem()] },
      },
    ];
  }

  const pages = Math.ceil(ordered.length / pillarPageSize);
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const from = (current - 1) * pillarPageSize;
  const shown = ordered.slice(from, from + pillarPageSize);
  const to = from + shown.length;
  const range = pages > 1 ? `全${ordered.length}件のうち${from + 1}〜${to}件目` : `${ordered.length}件`;

  const next = Math.min(pillarPageSize, ordered.length - to);
  const navigation: QuickReplyItem[] = [];
  if (current < pages) {
    navigation.push({
      type: 'action',
      action: {
        type: 'postback',
        label: `次の${next}件を見る`,
        data: pillarPagePostbackData(pillar, current + 1),
        displayText: `${clipText(heading, 200)}の続き`,
      },
    });
  }
  if (current > 1) {
    navigation.push({
      type: 'action',
      action: {
        type: 'postback',
        label: `前の${pillarPageSize}件に戻る`,
        data: pillarPagePostbackData(pillar, current - 1),
        displayText: `${clipText(heading, 200)}の前のページ`,
      },
    });
  }
  const items = [...navigation, browsePillarsQuickReplyItem(), ...pillarQuickReplyItems(meta, pillar)].slice(
    0,
    lineLimits.quickReplyItems,
  );

  const more = current < pages ? `続きは下の「次の${next}件を見る」からどうぞ。` : '';
  const intro = `${heading}の取り組みです（${range}、${meta.source.asOf}）。${more}`;
  const titles = shown.map((e) => e.title).join('、');
  const carousel = renderEntryCarousel(shown, meta, `${heading}（${range}、${meta.source.asOf}）: ${titles}`);
  return [
    { type: 'text', text: clipText(intro, lineLimits.textLength) },
    { ...carousel, quickReply: { items } },
  ];
}
