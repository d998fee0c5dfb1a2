/**
 * Numbers and tables for the benchmark's report: percentiles of samples and aligned plain-text
 * tables, in the style of scripts/bench-retrieval.ts.
 */

/** Nearest-rank percentile of ascending samples (0 when there are none). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export const ascending = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);
/** The middle sample; of an even count, the mean of the two in the middle. */
export function median(xs: readonly number[]): number {
  const sorted = ascending(xs);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median and range of a few runs, e.g. "1,512 (1,480–1,610)". */
export function medianAndRange(xs: readonly number[], format: (x: number) => string): string {
  const sorted = ascending(xs);
  return `${format(median(sorted))} (${format(sorted[0] ?? 0)}–${format(sorted.at(-1) ?? 0)})`;
}

export const ms = (x: number, digits = 1): string => x.toFixed(digits);
export const us = (x: number): string => (x * 1000).toFixed(1);
export const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
export const ratio = (a: number, b: number): string => (b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

/** Display width in a terminal: CJK and full-width characters take two columns. */
const width = (text: string) =>
  [...text].reduce(
    (w, ch) => w + (/[\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1),
    0,
  );

/** Columns aligned; the first to the left, the others to the right. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => width(r[c] ?? ''))));
  return all
    .map((r) =>
      r
        .map((cell, c) => {
          const pad = ' '.repeat(Math.max(0, (widths[c] ?? 0) - width(cell)));
          return c === 0 ? cell + pad : pad + cell;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
