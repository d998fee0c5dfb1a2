/**
 * The pledge tracker as LINE messages (公約の進み具合). For every pillar, a bubble listing its
 * pledges and, under each, the results the report lists with their figures; for one pillar, a
 * bubble per pledge, the pledges asked about first. The words and figures are the report's (the
 * entries' titles and figures), the source and its date under each bubble; the bot adds no status
 * and no judgement, and says so where a pledge has no result in the report.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { CorpusMeta, Entry, Figure } from '../corpus/entry.js';
import { formatFigure } from '../corpus/format-figure.js';
import {
  pledgeTracker,
  type PillarProgress,
  type PledgeProgress,
  type TrackerScope,
} from '../corpus/pledge-tracker.js';
import { lineLimits } from './limits.js';
import { pillarPagePostbackData, pillarPostbackData, progressPostbackData } from './postback-data.js';
import { clipText, jsonBytes, pillarColors, pillarHeading } from './render-entry-bubble.js';
import { browsePillarsQuickReplyItem, pillarQuickReplyItems, pillarQuickReplyLabel } from './render-pillar.js';

type FlexBubble = messagingApi.FlexBubble;
type FlexComponent = messagingApi.FlexComponent;
type Message = messagingApi.Message;
type QuickReplyItem = messagingApi.QuickReplyItem;

/** Said where the report lists no result for a pledge: a fact about the report, not about the pledge. */
export const noResultNotice = '報告に、この公約の実績の記載はありません。';

/** Said with every tracker: what it is and what it is not. */
export const trackerCaveat = '進み具合の評価ではなく、報告に書かれている実績をそのまま載せています。';

// Generous caps for free text, so one odd entry cannot blow a bubble's 30 KB.
const MAX_TITLE = 100;
const MAX_FIGURE = 160;
const MAX_HEADING = 80;
const MAX_SOURCE = 120;
/** At most this many figures under a result. */
const MAX_FIGURES = 4;
/** When space is short: at most this many results under a pledge, and pledges in a pillar's bubble. */
const MAX_RESULTS_SHORT = 6;
const MAX_PLEDGES_SHORT = 12;

const TEXT_DARK = '#222222';
const TEXT_MUTED = '#777777';
const TEXT_WARNING = '#B3261E';

const CAROUSEL_BUDGET = lineLimits.carouselBytes - 2_000;
const BUBBLE_BUDGET = lineLimits.bubbleBytes - 1_000;

function text(value: string, props: Omit<messagingApi.FlexText, 'type' | 'text'> = {}): messagingApi.FlexText {
  return { type: 'text', text: value, wrap: true, ...props };
}

/** How much of each result a bubble shows: all its figures, or only its title when space is short. */
type Detail = 'figures' | 'titles';

function figureLines(figures: readonly Figure[], accent: string): FlexComponent[] {
  return figures
    .slice(0, MAX_FIGURES)
    .map((f) => text(clipText(formatFigure(f), MAX_FIGURE), { size: 'xs', color: accent, margin: 'xs' }));
}

/** One result under its pledge: its title, then its figures (label: before → after (period)). */
function resultBox(result: Entry, accent: string, detail: Detail, size: 'sm' | 'xs'): FlexComponent {
  const contents: FlexComponent[] = [text(`・${clipText(result.title, MAX_TITLE)}`, { size, color: TEXT_DARK })];
  if (detail === 'figures') contents.push(...figureLines(result.figures, accent));
  return { type: 'box', layout: 'vertical', margin: 'sm', paddingStart: '8px', contents };
}

function resultsOf(progress: PledgeProgress, accent: string, detail: Detail, size: 'sm' | 'xs'): FlexComponent[] {
  if (progress.results.length === 0) {
    return [text(noResultNotice, { size: 'xs', color: TEXT_MUTED, margin: 'sm' })];
  }
  const shown = detail === 'figures' ? progress.results : progress.results.slice(0, MAX_RESULTS_SHORT);
  const boxes = shown.map((r) => resultBox(r, accent, detail, size));
  const hidden = progress.results.length - shown.length;
  if (hidden > 0) boxes.push(text(`ほかに${hidden}件の実績があります。`, { size: 'xxs', color: TEXT_MUTED }));
  return boxes;
}

function header(meta: CorpusMeta, pillar: number, caption: string): messagingApi.FlexBox {
  const { band, onBand } = pillarColors(meta, pillar);
  return {
    type: 'box',
    layout: 'vertical',
    backgroundColor: band,
    paddingAll: '12px',
    contents: [
      text(caption, { size: 'xxs', color: onBand }),
      text(clipText(pillarHeading(meta, pillar), MAX_HEADING), { size: 'sm', weight: 'bold', color: onBand }),
    ],
  };
}

function sourceFooter(meta: CorpusMeta, extra: FlexComponent[] = []): messagingApi.FlexBox {
  const { title, asOf } = meta.source;
  return {
    type: 'box',
    layout: 'vertical',
    spacing: 'xs',
    contents: [
      text(clipText(`出典: ${title} ${asOf}`, MAX_SOURCE), { size: 'xxs', color: TEXT_MUTED }),
      text(clipText(`※${trackerCaveat}内容と数値は${asOf}のものです。`, MAX_SOURCE), {
        size: 'xxs',
        color: TEXT_WARNING,
      }),
      ...extra,
    ],
  };
}

/** A bubble for one pledge: the pledge, then each result the report lists for it with its figures. */
function pledgeBubble(progress: PledgeProgress, meta: CorpusMeta, detail: Detail): FlexBubble {
  const { accent } = pillarColors(meta, progress.pledge.pillar);
  return {
    type: 'bubble',
    size: 'mega',
    header: header(meta, progress.pledge.pillar, '公約（具体的政策）の進み具合'),
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        text(clipText(progress.pledge.title, MAX_TITLE), { size: 'lg', weight: 'bold', color: TEXT_DARK }),
        { type: 'separator', margin: 'lg' },
        text('報告に載っている実績', { size: 'xs', color: TEXT_MUTED, margin: 'lg' }),
        ...resultsOf(progress, accent, detail, 'sm'),
      ],
    },
    footer: sourceFooter(meta),
  };
}

/** A bubble for a pillar: every pledge of it, the results under each. */
function pillarBubble(progress: PillarProgress, meta: CorpusMeta, detail: Detail): FlexBubble {
  const { accent } = pillarColors(meta, progress.pillar);
  const contents: FlexComponent[] = [];
  const shown = detail === 'figures' ? progress.pledges : progress.pledges.slice(0, MAX_PLEDGES_SHORT);
  shown.forEach((p, i) => {
    contents.push(
      text(`● ${clipText(p.pledge.title, MAX_TITLE)}`, {
        size: 'sm',
        weight: 'bold',
        color: TEXT_DARK,
        margin: i === 0 ? 'none' : 'xl',
      }),
      ...resultsOf(p, accent, detail, 'xs'),
    );
  });
  const hidden = progress.pledges.length - shown.length;
  if (hidden > 0) {
    contents.push(
      text(`ほかに${hidden}件の公約があります。「この柱をくわしく」からご覧ください。`, {
        size: 'xxs',
        color: TEXT_MUTED,
        margin: 'lg',
      }),
    );
  }
  const more: messagingApi.FlexButton = {
    type: 'button',
    style: 'link',
    height: 'sm',
    action: {
      type: 'postback',
      label: 'この柱をくわしく',
      data: pillarPostbackData(progress.pillar),
      displayText: clipText(`${pillarHeading(meta, progress.pillar)}の公約の進み具合`, 300),
    },
  };
  return {
    type: 'bubble',
    size: 'mega',
    header: header(meta, progress.pillar, `公約（具体的政策）${progress.pledges.length}件の進み具合`),
    body: { type: 'box', layout: 'vertical', spacing: 'xs', contents },
    footer: sourceFooter(meta, [more]),
  };
}

/**
 * Bubbles at the most detail that fits LINE's sizes: with figures, else titles only (and fewer of
 * them); bubbles past 12, or past the carousel's size, are left out from the end (the intro says
 * how many are shown). Empty only when not even one bubble fits.
 */
function fitted<T>(items: readonly T[], bubble: (item: T, detail: Detail) => FlexBubble): FlexBubble[] {
  const chosen = items.slice(0, lineLimits.carouselBubbles);
  let bubbles: FlexBubble[] = [];
  for (const detail of ['figures', 'titles'] as const) {
    bubbles = chosen.map((item) => bubble(item, detail)).filter((b) => jsonBytes(b) <= BUBBLE_BUDGET);
    if (jsonBytes({ type: 'carousel', contents: bubbles }) <= CAROUSEL_BUDGET) break;
  }
  while (bubbles.length > 1 && jsonBytes({ type: 'carousel', contents: bubbles }) > CAROUSEL_BUDGET) bubbles.pop();
  return bubbles;
}

function postbackItem(label: string, data: string, displayText: string): QuickReplyItem {
  return { type: 'action', action: { type: 'postback', label, data, displayText } };
}

function carouselMessage(bubbles: FlexBubble[], altText: string, items: QuickReplyItem[]): Message {
  return {
    type: 'flex',
    altText: clipText(altText, lineLimits.altTextLength),
    contents: { type: 'carousel', contents: bubbles },
    quickReply: { items: items.slice(0, lineLimits.quickReplyItems) },
  };
}

/** The tracker of every pillar: one bubble per pillar, with a quick reply to each pillar's pledges. */
function renderEveryPillar(tracker: readonly PillarProgress[], meta: CorpusMeta): Message[] | undefined {
  const bubbles = fitted(tracker, (p, detail) => pillarBubble(p, meta, detail));
  if (bubbles.length === 0) return undefined;
  const shown = tracker.slice(0, bubbles.length);
  const pledges = shown.reduce((n, p) => n + p.pledges.length, 0);
  const intro =
    `『こもろ未来プロジェクト』の公約（具体的政策）${pledges}件について、柱ごとに、` +
    `${meta.source.title}に載っている実績をまとめました（${meta.source.asOf}）。横にめくってご覧ください。${trackerCaveat}`;
  const altText =
    `公約の進み具合（${meta.source.asOf}）: ` +
    shown.map((p) => `${pillarQuickReplyLabel(meta, p.pillar)} ${p.pledges.length}件`).join('、');
  const items = [
    ...shown.map((p) =>
      postbackItem(
        pillarQuickReplyLabel(meta, p.pillar),
        pillarPostbackData(p.pillar),
        clipText(`${pillarHeading(meta, p.pillar)}の公約の進み具合`, 300),
      ),
    ),
    browsePillarsQuickReplyItem(),
  ];
  return [{ type: 'text', text: clipText(intro, lineLimits.textLength) }, carouselMessage(bubbles, altText, items)];
}

/** The tracker of one pillar: a bubble per pledge, those asked about first. */
function renderOnePillar(
  progress: PillarProgress,
  entries: readonly Entry[],
  meta: CorpusMeta,
  focus: readonly string[],
): Message[] | undefined {
  const asked = progress.pledges.filter((p) => focus.includes(p.pledge.id));
  const ordered = [...asked, ...progress.pledges.filter((p) => !focus.includes(p.pledge.id))];
  const bubbles = fitted(ordered, (p, detail) => pledgeBubble(p, meta, detail));
  if (bubbles.length === 0) return undefined;
  const heading = pillarHeading(meta, progress.pillar);
  const count =
    bubbles.length < ordered.length ? `全${ordered.length}件のうち${bubbles.length}件` : `${ordered.length}件`;
  const first = asked[0];
  const lead =
    first === undefined
      ? ''
      : `お尋ねの「${clipText(first.pledge.title, MAX_TITLE)}」${asked.length > 1 ? 'など' : ''}を先頭にしています。`;
  const intro =
    `${heading}の公約（具体的政策）${count}と、それぞれについて${meta.source.title}に載っている実績です（${meta.source.asOf}）。` +
    `${lead}${trackerCaveat}`;
  const altText = `${heading}の公約の進み具合（${meta.source.asOf}）: ${ordered
    .slice(0, bubbles.length)
    .map((p) => p.pledge.title)
    .join('、')}`;
  const pillarEntries = entries.filter((e) => e.pillar === progress.pillar).length;
  const items = [
    postbackItem('すべての柱の公約', progressPostbackData(), '公約の進み具合（すべての柱）'),
    postbackItem(`この柱の全${pillarEntries}件`, pillarPagePostbackData(progress.pillar, 1), `${heading}の取り組み`),
    ...pillarQuickReplyItems(meta, progress.pillar),
    browsePillarsQuickReplyItem(),
  ];
  return [{ type: 'text', text: clipText(intro, lineLimits.textLength) }, carouselMessage(bubbles, altText, items)];
}

/**
 * The reply showing the pledge tracker: of every pillar (scope without a pillar), or of one pillar
 * with the pledges in `focus` first. Undefined when the corpus has no pledges there (a pillar
 * such as その他の実績, or a corpus without policies): the caller shows entries instead.
 */
export function renderPledgeProgress(
  scope: TrackerScope,
  entries: readonly Entry[],
  meta: CorpusMeta,
): Message[] | undefined {
  const tracker = pledgeTracker(entries).filter((p) => p.pledges.length > 0);
  if (scope.pillar === undefined) return tracker.length > 0 ? renderEveryPillar(tracker, meta) : undefined;
  const progress = tracker.find((p) => p.pillar === scope.pillar);
  return progress === undefined ? undefined : renderOnePillar(progress, entries, meta, scope.focus ?? []);
}
