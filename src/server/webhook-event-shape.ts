/**
 * The minimal shape of a webhook event, checked before the bot reads one. LINE's events always
 * have it; a signed body from elsewhere (a test tool, a bug upstream) may not. A malformed event is
 * skipped with a logged reason and never stops the other events of its request from being answered.
 */
import type { webhook } from '@line/bot-sdk';

export type EventShape =
  { readonly ok: true; readonly event: webhook.Event } | { readonly ok: false; readonly problem: string };

type Fields = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** The problem with one field, or undefined; names the field and the types only, never the value. */
function fieldProblem(
  path: string,
  value: unknown,
  expected: 'string' | 'number' | 'object',
  optional = false,
): string | undefined {
  if (value === undefined && optional) return undefined;
  const ok =
    expected === 'object'
      ? isRecord(value)
      : expected === 'number'
        ? Number.isFinite(value)
        : typeof value === expected;
  return ok
    ? undefined
    : `${path}: expected ${expected === 'object' ? 'an object' : `a ${expected}`}, got ${kindOf(value)}`;
}

/**
 * Checks the fields the bot reads: `type`, `timestamp` (analytics dates records with it), the
 * optional `webhookEventId`, `replyToken` and `source.userId`, a message's `type` and a text
 * message's `text`, a postback's `data`. Unknown event and message types pass (they get no reply
 * or an invitation to type). The problem reads like `message.text: expected a string, got number`.
 */
export function checkEventShape(value: unknown): EventShape {
  if (!isRecord(value)) return { ok: false, problem: `event: expected an object, got ${kindOf(value)}` };
  const problems = [
    fieldProblem('type', value.type, 'string'),
    fieldProblem('timestamp', value.timestamp, 'number') ??
      (Number.isNaN(new Date(value.timestamp as number).getTime())
        ? 'timestamp: expected milliseconds since the epoch, got a number out of range'
        : undefined),
    fieldProblem('webhookEventId', value.webhookEventId, 'string', true),
    fieldProblem('replyToken', value.replyToken, 'string', true),
    fieldProblem('source', value.source, 'object', true),
    isRecord(value.source) ? fieldProblem('source.userId', value.source.userId, 'string', true) : undefined,
  ];
  if (value.type === 'message') {
    const message = value.message;
    problems.push(fieldProblem('message', message, 'object'));
    if (isRecord(message)) {
      problems.push(fieldProblem('message.type', message.type, 'string'));
      if (message.type === 'text') problems.push(fieldProblem('message.text', message.text, 'string'));
    }
  }
  if (value.type === 'postback') {
    const postback = value.postback;
    problems.push(fieldProblem('postback', postback, 'object'));
    if (isRecord(postback)) problems.push(fieldProblem('postback.data', postback.data, 'string'));
  }
  const found = problems.filter((p): p is string => p !== undefined);
  return found.length === 0
    ? { ok: true, event: value as unknown as webhook.Event }
    : { ok: false, problem: found.join('; ') };
}
