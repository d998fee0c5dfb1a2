/**
 * The answer to one question in the form staff tools and scripts consume: the `ask --jsonl`
 * line and the body of GET /api/ask. `messages` are the LINE messages exactly as they would be sent.
 */
import type { messagingApi } from '@line/bot-sdk';
import { entryText } from '../corpus/entry-text.js';
import { renderReply } from '../render/render-reply.js';
import type { Asked } from '../ask.js';
import type { Engine } from './engine.js';

export interface AskResultHit {
  readonly id: string;
  readonly title: string;
  /** Everything a citizen would read of the entry: body and figures. */
  readonly text: string;
  readonly score: number;
}

export interface AskResult {
  readonly question: string;
  readonly answered: boolean;
  /** Why not answered: empty, greeting, thanks or no-match. */
  readonly reason?: string;
  readonly hits: readonly AskResultHit[];
  readonly messages: readonly messagingApi.Message[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function askResult(engine: Engine, question: string, top = 3): AskResult {
  return askResultFrom(engine, engine.ask(question, { top: Math.max(top, 5) }), top);
}

/** The AskResult of a question already asked, for tools that also need the Asked (ask --explain). */
export function askResultFrom(engine: Engine, asked: Asked, top = 3): AskResult {
  const { decision } = asked;
  return {
    question: asked.question,
    answered: decision.kind === 'answer',
    ...(decision.kind === 'abstain' ? { reason: decision.reason } : {}),
    hits: decision.hits.slice(0, top).map((h) => ({
      id: h.entry.id,
      title: h.entry.title,
      text: entryText(h.entry),
      score: round(h.score),
    })),
    messages: renderReply(decision, engine.corpus.meta, { entries: engine.corpus.entries }),
  };
}
