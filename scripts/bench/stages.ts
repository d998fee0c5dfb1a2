/**
 * Latency of each stage of the answering pipeline, in process: the stage functions called one by
 * one as askQuestion (src/ask.ts) and replyForEvent (src/bot/reply-for-event.ts) call them,
 * each timed with performance.now(), over every question for many passes after a warm-up pass.
 */
import { createEngine, type Engine } from '../../src/bot/engine.js';
import { bundledCorpusDir, readCorpus, readSudachiSynonyms } from '../../src/corpus/read-corpus.js';
import { renderReply } from '../../src/render/render-reply.js';
import { analyze } from '../../src/analyze/analyze.js';
import { characterBigrams } from '../../src/analyze/character-bigrams.js';
import { decide, defaultDecisionRule } from '../../src/decide/decide.js';
import { createJapaneseTokenizer, type Tokenize } from '../../src/analyze/japanese-tokenizer.js';
import { normalizeText } from '../../src/normalize/normalize.js';
import { questionIntent } from '../../src/analyze/question-intent.js';
import { questionTerms } from '../../src/analyze/question-terms.js';
import { rerankByCoverage } from '../../src/decide/rerank.js';
import { searchEntries } from '../../src/search/search.js';
import { detectSmallTalk } from '../../src/analyze/small-talk.js';
import { ascending } from './stats.js';

export const stageNames = [
  'normalize',
  'tokenize (kuromoji)',
  'analyze (morphemes → terms)',
  'question terms (tokenize + analyze + kana runs + synonyms)',
  'search (intent, MiniSearch, bigrams, rerank)',
  'decide (small talk, coverage)',
  'render (Flex reply)',
  'whole reply (engine.ask + render)',
] as const;
export type StageName = (typeof stageNames)[number];

export interface StageTimings {
  readonly engine: Engine;
  readonly loadMs: number;
  /** Ascending samples per stage, ms. */
  readonly samples: ReadonlyMap<StageName, readonly number[]>;
}

/** As in askQuestion: ask for 5 hits, re-rank 20 candidates. */
const top = 5;
const rerankDepth = 20;

function onePass(
  engine: Engine,
  tokenize: Tokenize,
  questions: readonly string[],
  record: (stage: StageName, ms: number) => void,
): void {
  const { index, corpus } = engine;
  const vocabulary = {
    synonyms: index.synonyms,
    isKnownWord: (word: string) => index.documentFrequency.has(`t:${word}`),
  };
  for (const question of questions) {
    let t = performance.now();
    const lap = (stage: StageName) => {
      const now = performance.now();
      record(stage, now - t);
      t = now;
    };
    const normalized = normalizeText(question);
    lap('normalize');
    const morphemes = tokenize(normalized);
    lap('tokenize (kuromoji)');
    analyze(morphemes);
    lap('analyze (morphemes → terms)');
    const terms = questionTerms(normalized, tokenize, vocabulary);
    lap('question terms (tokenize + analyze + kana runs + synonyms)');
    const intent = questionIntent(normalized);
    const candidates = searchEntries(index, terms, Math.max(top, rerankDepth), intent, characterBigrams(normalized));
    const hits = rerankByCoverage(index, terms, candidates).slice(0, top);
    lap('search (intent, MiniSearch, bigrams, rerank)');
    const decision = decide(
      index,
      { terms, hits, smallTalk: detectSmallTalk(normalized), intent },
      defaultDecisionRule,
    );
    lap('decide (small talk, coverage)');
    renderReply(decision, corpus.meta, { entries: corpus.entries });
    lap('render (Flex reply)');
    const whole = performance.now();
    renderReply(engine.ask(question).decision, corpus.meta, { entries: corpus.entries });
    record('whole reply (engine.ask + render)', performance.now() - whole);
  }
}

/** Builds the engine as the server does, then times every stage over `passes` passes. */
export async function timeStages(questions: readonly string[], passes: number): Promise<StageTimings> {
  const started = performance.now();
  const [tokenize, corpus, synonyms] = await Promise.all([
    createJapaneseTokenizer(),
    readCorpus(bundledCorpusDir),
    readSudachiSynonyms(bundledCorpusDir),
  ]);
  const engine = createEngine(corpus, tokenize, synonyms);
  const loadMs = performance.now() - started;

  onePass(engine, tokenize, questions, () => {}); // warm-up: JIT and caches, not measured
  const samples = new Map<StageName, number[]>(stageNames.map((name) => [name, []]));
  for (let pass = 0; pass < passes; pass++) {
    onePass(engine, tokenize, questions, (stage, ms) => samples.get(stage)?.push(ms));
  }
  return { engine, loadMs, samples: new Map([...samples].map(([name, xs]) => [name, ascending(xs)])) };
}
