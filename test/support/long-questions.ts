/**
 * Long questions no one asked before, for the burst test and `npm run bench`'s burst: a greeting,
 * a story and a question, 300–400 characters by default, built from the corpus's own words
 * (titles and keywords) in a seeded random order. Every text is different, so the engine's reply
 * cache never answers one, and each is searched in full, as a citizen's long letter is.
 */
import type { Corpus } from '../../src/corpus/entry.js';

export interface LongQuestionOptions {
  /** Shortest text, in characters (default 300). */
  readonly minChars?: number;
  /** Longest text, in characters (default 400). */
  readonly maxChars?: number;
  /** The same seed gives the same texts (default 1). */
  readonly seed?: number;
}

const greetings = [
  'こんにちは。',
  'お世話になっております。',
  'はじめまして、市内に住んでいる者です。',
  'いつもありがとうございます。',
  '突然のご連絡失礼いたします。',
  'おはようございます、小諸に越してきて三年になります。',
];
const stories = [
  '先日、{w}の話を近所の人から聞きまして、{w}のことも気になっております。',
  '家族と{w}や{w}について話していたのですが、よく分からないことがありました。',
  '広報で{w}という言葉を見かけて、{w}との関係を知りたいと思いました。',
  '以前から{w}には関心があり、{w}の様子も見てきました。',
  '子どもが{w}のことを学校で聞いてきたので、{w}についても調べています。',
  '友人が{w}に参加したそうで、{w}がどうなったのか話題になりました。',
];
const asks = [
  '{w}について教えていただけますか？',
  '{w}はどうなっていますか？',
  '{w}の実績はどれくらいですか？',
  '{w}と{w}について、市の取り組みを教えてください。',
  '{w}は今後どうなる予定でしょうか？',
];

/** mulberry32: a small seeded generator, uniform in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` different texts of minChars to maxChars characters, from the corpus's words. */
export function longQuestions(corpus: Corpus, count: number, options: LongQuestionOptions = {}): string[] {
  const minChars = options.minChars ?? 300;
  const maxChars = options.maxChars ?? 400;
  const random = seeded(options.seed ?? 1);
  const words = [...new Set(corpus.entries.flatMap((e) => [e.title, ...e.keywords]).filter((w) => w.length <= 20))];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const fill = (template: string) => template.replace(/\{w\}/g, () => pick(words));
  const texts = new Set<string>();
  while (texts.size < count) {
    const ask = fill(pick(asks));
    let text = pick(greetings);
    while (text.length + ask.length < minChars) text += fill(pick(stories));
    text += ask;
    if (text.length <= maxChars) texts.add(text);
  }
  return [...texts];
}
