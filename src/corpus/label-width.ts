/**
 * How wide a label is on a phone, and how wide one may be. LINE counts a label's limit in
 * characters (a quick reply takes 20), but a phone shows fewer before it cuts the label with …
 * (「役に立たなか…」), so the bot keeps its own budget in full-width characters, where a half-width
 * letter or digit counts as half.
 */
import { LRUCache } from 'lru-cache';
import stringWidth from 'string-width';

/**
 * The widest label the bot shows on a quick reply or a button spanning a bubble, in full-width
 * characters: what a phone about 360 px wide shows uncut in a quick-reply chip.
 */
export const labelBudget = 12;

/**
 * The width of a text in full-width characters (「役に立った」 is 5, 「KPI」 1.5). Characters whose
 * width East Asian fonts decide (…, →) count as full-width, as Japanese phones draw them.
 */
export function labelWidth(text: string): number {
  let width = measured.get(text);
  if (width === undefined) {
    width = stringWidth(text, { ambiguousIsNarrow: false }) / 2;
    measured.set(text, width);
  }
  return width;
}

/** Labels already measured: every reply measures the titles and pillar names it offers again. */
const measured = new LRUCache<string, number>({ max: 2000 });

/**
 * LINE's own limit on a quick reply's label, in UTF-16 units: a label of marks or invisible
 * characters can be narrow and still too long for it.
 */
export const maxLabelLength = 20;

/**
 * True when a label is shown whole within `budget` full-width characters (default
 * {@link labelBudget}) and LINE takes it ({@link maxLabelLength}).
 */
export function fitsLabel(text: string, budget: number = labelBudget): boolean {
  return labelWidth(text) <= budget && text.length <= maxLabelLength;
}
