/**
 * Latency of each stage of the answering pipeline, in process: askQuestion (src/ask.ts) itself,
 * timed at the end of each of its stages through its `lap` option (so the figures follow the
 * pipeline whatever it becomes), its tokenizer timed apart, then the reply rendered as
 * engine.reply renders it; over every question for many passes after a warm-up pass.
 */
import { askQuestion, askStages, type AskStage } from '../../src/ask.js';
import { createEngine, type Engine } from '../../src/bot/engine.js';
import { bundledCorpusDir, readCorpus, readSudachiSynonyms } from '../../src/corpus/read-corpus.js';
import type { Decision } from '../../src/decide/decision.js';
import { renderReply } from '../../src/render/render-reply.js';
import { createJapaneseTokenizer, type Tokenize } from '../../src/analyze/japanese-tokenizer.js';
import { ascending } from './stats.js';

/** What each row of the table times. */
export const stageLabels: Readonly<Record<StageName, string>> = {
  normalize: 'normalize (width, Latin words, colloquial)',
  tokenize: '  tokenize (kuromoji), within question terms',
  terms: 'question terms (tokenize + analyze + kana runs + synonyms)',
  focus: 'focus (clauses, set phrases, small talk, background)',
  search: 'search (intent, MiniSearch, bigrams, rerank)',
  decide: 'decide (coverage; several questions combined)',
  render: 'render (Flex reply)',
  whole: 'whole reply (engine.ask + render)',
};
export type StageName = AskStage | 'tokenize' | 'render' | 'whole';
export const stageNames: readonly StageName[] = ['normalize', 'tokenize', ...askStages.slice(1), 'render', 'whole'];

export interface StageTimings {
  readonly engine: Engine;
  readonly loadMs: number;
  /** Ascending samples per stage, one per question, ms. */
  readonly samples: ReadonlyMap<StageName, readonly number[]>;
}

function onePass(
  engine: Engine,
  tokenize: Tokenize,
  questions: readonly string[],
  record: (stage: StageName, ms: number) => void,
): void {
  const { index, corpus } = engine;
  const render = (decision: Decision) => renderReply(decision, corpus.meta, { entries: corpus.entries });
  let tokenizeMs = 0;
  const timedTokenize: Tokenize = (text) => {
    const started = performance.now();
    const morphemes = tokenize(text);
    tokenizeMs += performance.now() - started;
    return morphemes;
  };
  const perQuestion = new Map<StageName, number>();
  for (const question of questions) {
    perQuestion.clear();
    tokenizeMs = 0;
    let t = performance.now();
    const lap = (stage: StageName) => {
      const now = performance.now();
      perQuestion.set(stage, (perQuestion.get(stage) ?? 0) + now - t);
      t = now;
    };
    const { decision } = askQuestion(timedTokenize, index, question, { lap });
    t = performance.now();
    render(decision);
    lap('render');
    perQuestion.set('tokenize', tokenizeMs);
    t = performance.now();
    render(engine.ask(question).decision);
    lap('whole');
    for (const [stage, ms] of perQuestion) record(stage, ms);
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
