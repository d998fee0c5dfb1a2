/**
 * A readable rendering of an AskResult for staff at a terminal (npm run ask), in Japanese.
 */
import type { AskResult } from '../bot/ask-result.js';
import { abstainReasonNames } from '../decide/explain-wording.js';
import { askText } from './messages.js';

function indent(text: string, prefix = '     '): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

export function formatAskResult(result: AskResult): string {
  const lines = [`${askText.question}: ${result.question}`];
  const reason = result.reason ?? 'no-match';
  lines.push(
    result.answered
      ? askText.answered
      : askText.notAnswered((abstainReasonNames as Record<string, string | undefined>)[reason] ?? reason, reason),
  );
  result.hits.forEach((h, i) => {
    lines.push(askText.hit(i + 1, h.title, h.id, h.score));
    lines.push(indent(h.text));
  });
  if (!result.answered) {
    for (const m of result.messages) if (m.type === 'text') lines.push(indent(m.text, askText.botSays));
  }
  return lines.join('\n');
}
