/**
 * The minimal shape of a webhook event, checked before the bot reads one. LINE's events always
 * have it; a signed body from elsewhere (a test tool, a bug upstream) may not. A malformed event is
 * skipped with a logged reason and never stops the other events of its request from being answered.
 */
import type { webhook } from '@line/bot-sdk';
import { z } from 'zod';

export type EventShape =
  { readonly ok: true; readonly event: webhook.Event } | { readonly ok: false; readonly problem: string };

/** The fields every event may have that the bot reads; loose, so that LINE may add others. */
const anyEvent = z.looseObject({
  type: z.string(),
  // Analytics dates records with it.
  timestamp: z
    .number()
    .refine(
      (ms) => !Number.isNaN(new Date(ms).getTime()),
      'expected milliseconds since the epoch, got a number out of range',
    ),
  webhookEventId: z.string().optional(),
  replyToken: z.string().optional(),
  source: z.looseObject({ userId: z.string().optional() }).optional(),
});
const messageEvent = anyEvent.extend({ message: z.looseObject({ type: z.string() }) });
const textMessageEvent = anyEvent.extend({ message: z.looseObject({ type: z.string(), text: z.string() }) });
const postbackEvent = anyEvent.extend({ postback: z.looseObject({ data: z.string() }) });

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Names the types only, never the value: a citizen's message may be in it. */
const typeProblem: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type'
    ? `expected ${issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}, got ${kindOf(issue.input)}`
    : undefined;

function schemaFor(value: unknown): z.ZodType {
  const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (fields.type === 'postback') return postbackEvent;
  if (fields.type !== 'message') return anyEvent;
  const message = fields.message;
  return typeof message === 'object' && message !== null && 'type' in message && message.type === 'text'
    ? textMessageEvent
    : messageEvent;
}

/**
 * Checks the fields the bot reads: `type`, `timestamp`, the optional `webhookEventId`,
 * `replyToken` and `source.userId`, a message's `type` and a text message's `text`, a postback's
 * `data`. Unknown event and message types pass (they get no reply or an invitation to type). The
 * problem reads like `message.text: expected a string, got number`, every problem joined by `; `.
 */
export function checkEventShape(value: unknown): EventShape {
  const result = schemaFor(value).safeParse(value, { error: typeProblem });
  if (result.success) return { ok: true, event: value as webhook.Event };
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`);
  return { ok: false, problem: problems.join('; ') };
}
