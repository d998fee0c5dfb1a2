/**
 * One corpus entry as a LINE Flex bubble, and a carousel of such bubbles that fits LINE's size limits.
 *
 * A bubble reads top to bottom: the pillar band (in the pillar's colour), the title, the figures
 * (big after-value, before → after, period), the body, then the source with a plain statement that
 * the figures are as of the report's date, and two feedback buttons. All fact text comes from the
 * entry and the corpus meta; nothing is added.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { CorpusMeta, Entry, Figure, Pillar } from '../corpus/entry.js';
import { formatAmount, formatFigureValues } from '../corpus/format-figure.js';
import { lineLimits } from './limits.js';
import { feedbackPostbackData } from './postback-data.js';

type FlexBubble = messagingApi.FlexBubble;
type FlexComponent = messagingApi.FlexComponent;
type FlexBox = messagingApi.FlexBox;
type FlexMessage = messagingApi.FlexMessage;

/** At most this many figures get a row of their own in a bubble. */
export const maxFiguresPerBubble = 4;
/** Body text is clipped to this many characters (UTF-16 units) by default. */
export const defaultBodyMaxChars = 600;

// Generous caps for fields the schema leaves unbounded, so one odd entry cannot blow the size limit.
const MAX_HEADING = 80;
const MAX_FIGURE_LABEL = 60;
const MAX_FIGURE_VALUE = 120;
const MAX_FIGURE_PERIOD = 40;
const MAX_FIGURE_NOTE = 100;
const MAX_PERIOD = 60;
const MAX_SECTION = 80;
const MAX_SOURCE = 120;

const FALLBACK_COLOR = '#4A4A4A';
const TEXT_DARK = '#222222';
const TEXT_MUTED = '#777777';
const TEXT_WARNING = '#B3261E';

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/**
 * Shorten text to at most `max` UTF-16 units, ending with … when cut. Cuts between graphemes,
 * so an emoji or a base letter with its marks is never split.
 */
export function clipText(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const room = max - ellipsis.length;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length > room) break;
    out += segment;
  }
  return out.trimEnd() + ellipsis;
}

/** The pillar numbered n in the corpus meta, if any. */
export function findPillar(meta: CorpusMeta, n: number): Pillar | undefined {
  return meta.pillars.find((p) => p.number === n);
}

/** A pillar's label without surrounding 「」, whichever way meta.yaml writes it. */
export function bareLabel(label: string): string {
  return label.replace(/^「/u, '').replace(/」$/u, '');
}

/**
 * The heading of a pillar: 「1 市役所の改革と健全財政「しせいを正す」」; pillar 0 (the report as a
 * whole) is 「こもろ未来プロジェクト」.
 */
export function pillarHeading(meta: CorpusMeta, n: number): string {
  if (n === 0) return 'こもろ未来プロジェクト';
  const pillar = findPillar(meta, n);
  if (!pillar) return `こもろ未来プロジェクト ${n}`;
  const label = pillar.label === undefined ? '' : `「${bareLabel(pillar.label)}」`;
  return `${pillar.number} ${pillar.name}${label}`;
}

/** Relative luminance of #RRGGBB, 0 (black) to 1 (white). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function isHexColor(color: string): boolean {
  return /^#[0-9A-Fa-f]{6}$/u.test(color);
}

/** The band colour and readable text colours for a pillar. */
export function pillarColors(meta: CorpusMeta, n: number): { band: string; onBand: string; accent: string } {
  const color = findPillar(meta, n)?.color;
  const band = color !== undefined && isHexColor(color) ? color : FALLBACK_COLOR;
  const light = luminance(band) > 0.45;
  // A light pillar colour is fine as a band with dark text, but too pale for big numbers on white.
  return { band, onBand: light ? TEXT_DARK : '#FFFFFF', accent: light ? TEXT_DARK : band };
}

function text(value: string, props: Omit<messagingApi.FlexText, 'type' | 'text'> = {}): messagingApi.FlexText {
  return { type: 'text', text: value, wrap: true, ...props };
}

function figureRow(figure: Figure, accent: string): FlexBox {
  const approx = figure.approximate === true ? '約' : '';
  const contents: FlexComponent[] = [
    text(clipText(figure.label, MAX_FIGURE_LABEL), { size: 'xs', color: TEXT_MUTED }),
    text(clipText(approx + formatAmount(figure.after, figure.unit), MAX_FIGURE_VALUE), {
      size: 'xxl',
      weight: 'bold',
      color: accent,
    }),
  ];
  if (figure.before !== undefined) {
    contents.push(text(clipText(formatFigureValues(figure), MAX_FIGURE_VALUE * 2), { size: 'sm', color: TEXT_DARK }));
  }
  contents.push(text(clipText(figure.period, MAX_FIGURE_PERIOD), { size: 'xxs', color: TEXT_MUTED }));
  if (figure.note !== undefined) {
    contents.push(text(clipText(figure.note, MAX_FIGURE_NOTE), { size: 'xs', color: TEXT_DARK }));
  }
  return { type: 'box', layout: 'vertical', spacing: 'xs', margin: 'lg', contents };
}

/** The question the vote buttons answer, and what the chat shows as the citizen's reply to it. */
export const feedbackQuestion = 'この情報は役に立ちましたか？';
export const feedbackVotes = {
  up: { label: 'はい', displayText: '役に立った' },
  down: { label: 'いいえ', displayText: '役に立たなかった' },
} as const;

/**
 * The vote: a line asking whether the entry helped and two buttons side by side. Each button has
 * half the bubble's width, about 6 full-width characters on a phone, so they say はい / いいえ
 * under the question; the chat then shows 役に立った / 役に立たなかった as the citizen's words.
 */
function feedbackButtons(entryId: string): FlexComponent[] {
  const up = feedbackPostbackData('up', entryId);
  const down = feedbackPostbackData('down', entryId);
  // An id too long for postback data cannot be voted on; the bubble is still worth sending.
  if (up.length > lineLimits.postbackDataLength || down.length > lineLimits.postbackDataLength) return [];
  const button = (vote: (typeof feedbackVotes)[keyof typeof feedbackVotes], data: string): messagingApi.FlexButton => ({
    type: 'button',
    style: 'link',
    height: 'sm',
    flex: 1,
    action: { type: 'postback', label: vote.label, data, displayText: vote.displayText },
  });
  return [
    text(feedbackQuestion, { size: 'xs', color: TEXT_DARK, align: 'center', margin: 'md' }),
    {
      type: 'box',
      layout: 'horizontal',
      spacing: 'sm',
      contents: [button(feedbackVotes.up, up), button(feedbackVotes.down, down)],
    },
  ];
}

export interface EntryBubbleOptions {
  /** Clip the body to this many characters (default 600); carousels lower it to fit 50 KB. */
  readonly bodyMaxChars?: number;
}

/** A Flex bubble for one entry, well under LINE's 30 KB per bubble (every free-text field is capped). */
export function renderEntryBubble(entry: Entry, meta: CorpusMeta, options: EntryBubbleOptions = {}): FlexBubble {
  const { band, onBand, accent } = pillarColors(meta, entry.pillar);
  const bodyMax = options.bodyMaxChars ?? defaultBodyMaxChars;
  const asOf = meta.source.asOf;

  const shown = entry.figures.slice(0, maxFiguresPerBubble);
  const hidden = entry.figures.length - shown.length;
  const bodyContents: FlexComponent[] = [text(entry.title, { size: 'lg', weight: 'bold', color: TEXT_DARK })];
  for (const figure of shown) bodyContents.push(figureRow(figure, accent));
  if (hidden > 0) {
    bodyContents.push(text(`ほかに${hidden}件の数値があります。`, { size: 'xxs', color: TEXT_MUTED, margin: 'sm' }));
  }
  bodyContents.push({ type: 'separator', margin: 'lg' });
  bodyContents.push(text(clipText(entry.body, bodyMax), { size: 'sm', color: TEXT_DARK, margin: 'lg' }));
  if (entry.period !== undefined) {
    bodyContents.push(
      text(`時期: ${clipText(entry.period, MAX_PERIOD)}`, { size: 'xs', color: TEXT_MUTED, margin: 'md' }),
    );
  }

  const footerContents: FlexComponent[] = [
    text(clipText(`出典: ${meta.source.title} ${asOf}`, MAX_SOURCE), { size: 'xxs', color: TEXT_MUTED }),
    text(clipText(`（${entry.source.section}）`, MAX_SECTION), { size: 'xxs', color: TEXT_MUTED }),
    text(clipText(`※内容と数値は${asOf}のものです。現在の状況とは異なる場合があります。`, MAX_SOURCE), {
      size: 'xxs',
      color: TEXT_WARNING,
    }),
    ...feedbackButtons(entry.id),
  ];

  return {
    type: 'bubble',
    size: 'mega',
    header: {
      type: 'box',
      layout: 'vertical',
      backgroundColor: band,
      paddingAll: '12px',
      contents: [
        text(clipText(pillarHeading(meta, entry.pillar), MAX_HEADING), { size: 'sm', weight: 'bold', color: onBand }),
      ],
    },
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: bodyContents },
    footer: { type: 'box', layout: 'vertical', spacing: 'xs', contents: footerContents },
  };
}

/** UTF-8 size of a value's JSON, as LINE measures its limits. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

// Body lengths tried in turn until a carousel fits in 50 KB (with a margin for the message envelope).
const BODY_STEPS = [defaultBodyMaxChars, 300, 160, 80] as const;
const CAROUSEL_BUDGET = lineLimits.carouselBytes - 2_000;

/**
 * A flex message with a carousel of the entries' bubbles (at most 12), in the order given.
 * Bodies are clipped shorter when the carousel would exceed 50 KB; if even that is not enough,
 * the last bubbles are left out (never the first). Quick replies are for the caller to add.
 * Throws a RangeError for an empty list: LINE rejects an empty carousel.
 */
export function renderEntryCarousel(entries: readonly Entry[], meta: CorpusMeta, altText: string): FlexMessage {
  const chosen = entries.slice(0, lineLimits.carouselBubbles);
  if (chosen.length === 0) throw new RangeError('renderEntryCarousel needs at least one entry');
  let bubbles: FlexBubble[] = [];
  // The carousel's size, measured once per change (JSON.stringify of it is most of rendering).
  let bytes = Infinity;
  for (const bodyMaxChars of BODY_STEPS) {
    bubbles = chosen.map((entry) => renderEntryBubble(entry, meta, { bodyMaxChars }));
    bytes = jsonBytes({ type: 'carousel', contents: bubbles });
    if (bytes <= CAROUSEL_BUDGET) break;
  }
  while (bubbles.length > 1 && bytes > CAROUSEL_BUDGET) {
    bubbles.pop();
    bytes = jsonBytes({ type: 'carousel', contents: bubbles });
  }
  return {
    type: 'flex',
    altText: clipText(altText, lineLimits.altTextLength),
    contents: { type: 'carousel', contents: bubbles },
  };
}
