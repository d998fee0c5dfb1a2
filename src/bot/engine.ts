/**
 * The answering engine: a built tokenizer and the index of one corpus. Built once at start-up
 * (the tokenizer is the slow part) and handed to the server, the CLI and the eval.
 */
import type { messagingApi } from '@line/bot-sdk';
import { LRUCache } from 'lru-cache';
import type { Corpus } from '../corpus/entry.js';
import { answerHits, renderReply } from '../render/render-reply.js';
import { askInSteps, askQuestion, type Asked, type AskOptions } from '../ask.js';
import { runAtOnce, runInSlices } from '../time-slices.js';
import { warmUp } from './warm-up.js';
import type { Decision } from '../decide/decision.js';
import type { Tokenize } from '../analyze/japanese-tokenizer.js';
import { buildSearchIndex, buildSearchIndexInSlices, type SearchIndex } from '../search/search-index.js';
import type { SynonymGroups } from '../corpus/entry.js';

/** What a citizen who sent a question gets: the decision and the LINE messages rendering it. */
export interface CitizenReply {
  readonly decision: Decision;
  readonly messages: readonly messagingApi.Message[];
  /** The entries the messages show as the answer, best first (none for an abstention). */
  readonly shownEntryIds: readonly string[];
}

export interface Engine {
  readonly corpus: Corpus;
  readonly index: SearchIndex;
  ask(question: string, options?: AskOptions): Asked;
  /** ask as a job in steps (see askInSteps). */
  askInSteps(question: string, options?: AskOptions): Generator<void, Asked, void>;
  /**
   * The reply to a citizen's question. Citizens ask the same things again and again (more so in a
   * burst: a tax deadline, a disaster), so replies are kept in a bounded cache; an engine serves
   * one corpus, and a reloaded corpus comes with a new engine, so the cache never goes stale.
   */
  reply(question: string): CitizenReply;
  /** reply as a job in steps (see askInSteps), for the server's answer queue. */
  replyInSteps(question: string): Generator<void, CitizenReply, void>;
}

/** How many distinct questions' replies an engine keeps. */
export const replyCacheSize = 2000;

export function createEngine(corpus: Corpus, tokenize: Tokenize, dictionarySynonyms: SynonymGroups = []): Engine {
  return engineOver(buildSearchIndex(corpus, tokenize, dictionarySynonyms), tokenize);
}

/**
 * The same engine as createEngine, its index built in short slices (search-index.ts) so requests
 * keep being answered, and warmed up (warm-up.ts) before it is handed over to serve.
 */
export async function buildEngineInSlices(
  corpus: Corpus,
  tokenize: Tokenize,
  dictionarySynonyms: SynonymGroups = [],
): Promise<Engine> {
  const engine = engineOver(await buildSearchIndexInSlices(corpus, tokenize, dictionarySynonyms), tokenize);
  await runInSlices(warmUp(engine));
  return engine;
}

/** The entries a reply shows as its answer: the hits' bubbles, or the pledges asked about in the tracker. */
function shownEntries(decision: Decision): readonly string[] {
  if (decision.kind !== 'answer') return [];
  if (decision.tracker) return decision.tracker.focus ?? [];
  return answerHits(decision.hits, decision.shownFirst).map((h) => h.entry.id);
}

function engineOver(index: SearchIndex, tokenize: Tokenize): Engine {
  const { corpus } = index;
  const replies = new LRUCache<string, CitizenReply>({ max: replyCacheSize });
  const ask = (question: string, options?: AskOptions) => askQuestion(tokenize, index, question, options);
  function* replyInSteps(question: string): Generator<void, CitizenReply, void> {
    const cached = replies.get(question);
    if (cached) return cached;
    const { decision } = yield* askInSteps(tokenize, index, question);
    const reply: CitizenReply = {
      decision,
      messages: renderReply(decision, corpus.meta, { entries: corpus.entries }),
      shownEntryIds: shownEntries(decision),
    };
    replies.set(question, reply);
    return reply;
  }
  return {
    corpus,
    index,
    ask,
    askInSteps: (question, options) => askInSteps(tokenize, index, question, options),
    reply: (question) => runAtOnce(replyInSteps(question)),
    replyInSteps,
  };
}
