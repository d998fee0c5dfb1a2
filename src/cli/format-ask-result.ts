/**
 * A readable rendering of an AskResult for staff at a terminal.
 */
import type { AskResult } from '../bot/ask-result.js';

function indent(text: string, prefix = '     '): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

export function formatAskResult(result: AskResult): string {
  const lines = [`Q: ${result.question}`];
  lines.push(result.answered ? '→ answered' : `→ not answered (${result.reason ?? 'no-match'})`);
  result.hits.forEach((h, i) => {
    lines.push(`  ${i + 1}. ${h.title}  [${h.id}] score ${h.score}`);
    lines.push(indent(h.text));
  });
  if (!result.answered) {
    for (const m of result.messages) if (m.type === 'text') lines.push(indent(m.text, '  bot: '));
  }
  return lines.join('\n');
}
