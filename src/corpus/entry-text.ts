/**
 * An entry as plain text: everything a citizen would read of it (title, body, figures, period).
 * The CLI and /api/ask print it as a hit's `text`, and the eval looks for expected strings in it,
 * so figures are written with the same formatting as in LINE (679万円, 約3,200時間, 12.81%).
 */
import type { Entry } from './entry.js';
import { formatFigure } from './format-figure.js';

/** Title, body, one line per figure (・…) and the period (時期: …), separated by newlines. */
export function entryText(entry: Entry): string {
  const lines = [entry.title, entry.body];
  for (const figure of entry.figures) lines.push(`・${formatFigure(figure)}`);
  if (entry.period !== undefined) lines.push(`時期: ${entry.period}`);
  return lines.join('\n');
}
