/**
 * How a figure of the report reads in Japanese: 679万円, 3億4300万円, 3,682人, 12.81%, 5,533千円.
 * Used by every place that shows a number to a citizen (LINE bubbles, alt texts, the CLI, the eval text),
 * so a figure reads the same everywhere.
 */
import type { Figure } from './entry.js';

// Digits exactly, without exponent notation, for any finite number; at most 4 decimals
// (the report never gives more than 2, and 0.1 + 0.2 must not show as 0.30000000000000004).
const plainDigits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4, useGrouping: false });
const groupedDigits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4, useGrouping: true });

/** Units that already carry a multiplier (千円, 万人) or are ratios: the value keeps 3-digit commas. */
const SCALED_OR_RATIO_UNIT = /^(?:[千万億兆]|%|％|倍|ポイント|pt$)/u;
/** Years are written without separators: 2020年, not 2,020年. */
const YEAR_UNIT = /^年(?:度)?$/u;

/** 万, 億, 兆 for each group of four digits from the right; above 兆 the 兆 group keeps commas. */
const MYRIAD_UNITS = ['', '万', '億', '兆'] as const;

function myriadStyle(integerDigits: string): string {
  const groups: string[] = [];
  let rest = integerDigits;
  // Groups of four digits from the right, up to 兆; everything above stays in the 兆 group.
  for (let i = 0; i < MYRIAD_UNITS.length - 1 && rest.length > 4; i += 1) {
    groups.push(rest.slice(-4));
    rest = rest.slice(0, -4);
  }
  groups.push(rest);
  let out = '';
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const digits = groups[i] ?? '';
    const n = digits.replace(/^0+/u, '');
    if (n === '') continue;
    const grouped = i === MYRIAD_UNITS.length - 1 ? n.replace(/\B(?=(\d{3})+(?!\d))/gu, ',') : n;
    out += grouped + (MYRIAD_UNITS[i] ?? '');
  }
  return out === '' ? '0' : out;
}

/**
 * A number with its unit, Japanese style: 6790000 円 → 679万円, 343000000 円 → 3億4300万円,
 * 3682 人 → 3,682人, 12.81 % → 12.81%, 5533 千円 → 5,533千円, -12.81 % → -12.81%.
 * Integers of 10,000 and more use 万/億/兆 unless the unit is already scaled (千円) or a ratio (%, 倍).
 */
export function formatAmount(value: number, unit: string): string {
  const magnitude = plainDigits.format(Math.abs(value));
  const isZero = /^0(?:\.0*)?$/u.test(magnitude);
  const sign = value < 0 && !isZero ? '-' : '';
  let digits: string;
  if (YEAR_UNIT.test(unit)) {
    digits = magnitude;
  } else if (!SCALED_OR_RATIO_UNIT.test(unit) && /^\d+$/u.test(magnitude) && magnitude.length > 4) {
    digits = myriadStyle(magnitude);
  } else {
    digits = groupedDigits.format(Math.abs(value));
  }
  return `${sign}${digits}${unit}`;
}

/** The before → after values of a figure (or the single value), with 約 for approximate figures. */
export function formatFigureValues(figure: Figure, arrow = ' → '): string {
  const approx = figure.approximate === true ? '約' : '';
  const after = approx + formatAmount(figure.after, figure.unit);
  if (figure.before === undefined) return after;
  return approx + formatAmount(figure.before, figure.unit) + arrow + after;
}

/**
 * One readable line for a figure:
 * 「ふるさと納税の寄付額: 679万円 → 3億4300万円（就任前→2020年1月現在）」,
 * 「小諸ふるさと市民: 3,682人（R2.1.15）」, a note appended after 、.
 */
export function formatFigure(figure: Figure): string {
  const note = figure.note === undefined ? '' : `、${figure.note}`;
  return `${figure.label}: ${formatFigureValues(figure)}（${figure.period}）${note}`;
}
