/**
 * npm run bench:letters [-- --frames tuned|held-out] [--file QUESTIONS.jsonl ...] [--list]
 * How well a question survives being written as a letter: each answerable question of the sets
 * that the engine answers right on its own is wrapped in an opening, two sentences of an older
 * citizen's life and a closing (「いつもお世話になっております。孫が小学校に…。<question>。よろしく
 * お願いいたします。」), and asked again. Prints how many are still answered right (right@1), how
 * many still rank the right entry first (acc@1), and with --list the letters that are not.
 * Questions the engine rightly declines alone (out of scope, a kind of fact the report lacks) are
 * wrapped too, and counted as still declined or not.
 * Two sets of frames: `tuned`, which the engine was improved against, and `held-out`, which it
 * never was; the figure to quote is the held-out one. Prints figures only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { askResult } from '../src/bot/ask-result.js';
import { loadEngine } from '../src/bot/load-engine.js';
import { parseEvalQuestions, scoreOne } from '../src/cli/eval-score.js';

interface Frames {
  readonly openings: readonly string[];
  readonly stories: readonly string[];
  readonly closings: readonly string[];
}

const frames: Readonly<Record<'tuned' | 'held-out', Frames>> = {
  tuned: {
    openings: [
      'いつもお世話になっております。',
      '突然のご連絡失礼いたします。',
      'はじめてこちらに質問いたします。',
      '',
    ],
    stories: [
      '孫が小学校に通っておりまして、毎朝見送るのが楽しみです。',
      '孫が東京から帰ってきた折に、このLINEの使い方を教わりました。',
      '先日、市役所に用事があって久しぶりに出かけました。',
      '先日、公民館の集まりで知り合いとお茶を飲みながら話題になりました。',
      '私は毎週バスで病院に通っております。',
      '主人と二人で小さな畑をやっております。',
    ],
    closings: [
      'よろしくお願いいたします。',
      'お手数ですが、教えていただけますと幸いです。',
      'ご回答をお待ちしております。',
      '',
    ],
  },
  'held-out': {
    openings: ['いつも大変お世話になっております。', 'ご多忙のところ失礼いたします。', '初めてご連絡いたします。', ''],
    stories: [
      '三年前に定年退職し、今は家内と二人で暮らしております。',
      '先月、隣町に住む姉の家に泊まりがけで出かけてまいりました。',
      '目が弱くなってきたので、孫に字を大きくしてもらいました。',
      '毎週水曜日はデイサービスに通うのが楽しみです。',
      '庭の柿が今年もたくさん実をつけました。',
      '町内会の班長が回ってきて、何かと忙しくしております。',
    ],
    closings: ['何卒よろしくお願い申し上げます。', 'お返事をお待ちしております。', 'どうぞよろしくお願いします。', ''],
  },
};

/** Styles written as questions a letter could hold (not traps, not bare keywords). */
const LETTER_STYLES = new Set([
  'plain',
  'casual',
  'numeric',
  'direct',
  'everyday',
  'numbers',
  'dialect',
  'paraphrase',
  'kana',
  'typo',
]);

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: 'held-out' },
    file: { type: 'string', multiple: true },
    list: { type: 'boolean', default: false },
  },
});
const chosen = values.frames === 'tuned' ? frames.tuned : frames['held-out'];
const setNumber = (name: string) => Number(/-([0-9]+)\.jsonl$/u.exec(name)?.[1] ?? 1);
// The sets tuned on: the citizen questions and every styles-tune set (never the held-out ones).
const evalDir = path.resolve(root, 'test/eval');
const files = values.file ?? [
  path.resolve(evalDir, 'citizen-questions.jsonl'),
  ...readdirSync(evalDir)
    .filter((name) => /^styles-tune(?:-[0-9]+)?\.jsonl$/u.test(name))
    // In the order they were written (styles-tune, -2, -3…), so that each question meets the same frame.
    .sort((a, b) => setNumber(a) - setNumber(b))
    .map((name) => path.resolve(evalDir, name)),
];

/** The question as the k-th letter: an opening, two sentences of story, the question, a closing. */
function letter(question: string, k: number, { openings, stories, closings }: Frames): string {
  const asked = question.replace(/[?？。]?$/u, '') + (/[?？]$/u.test(question) ? '？' : '。');
  const story = `${stories[k % stories.length] ?? ''}${stories[(k + 3) % stories.length] ?? ''}`;
  return `${openings[k % openings.length] ?? ''}${story}${asked}${closings[k % closings.length] ?? ''}`;
}

const engine = await loadEngine(undefined);
let trapsAlone = 0;
let trapsDeclined = 0;
let alone = 0;
let right = 0;
let first = 0;
const missed: string[] = [];
for (const file of files) {
  for (const question of parseEvalQuestions(readFileSync(file, 'utf8'))) {
    if (question.expect === null) {
      if (askResult(engine, question.q, 3).answered) continue;
      const asked = letter(question.q, trapsAlone, chosen);
      trapsAlone += 1;
      if (!askResult(engine, asked, 3).answered) trapsDeclined += 1;
      else missed.push(`answered a trap\t${asked}`);
      continue;
    }
    if (!LETTER_STYLES.has(question.category ?? '')) continue;
    const own = askResult(engine, question.q, 3);
    if (!own.answered || scoreOne(question, own).rank !== 1) continue;
    const asked = letter(question.q, alone, chosen);
    alone += 1;
    const result = askResult(engine, asked, 3);
    const rank = scoreOne({ ...question, q: asked }, result).rank;
    if (rank === 1) first += 1;
    if (result.answered && rank === 1) right += 1;
    else missed.push(`${result.answered ? 'wrong' : rank === 1 ? 'declined' : 'declined, wrong first'}\t${asked}`);
  }
}
const share = (n: number, of = alone) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;
console.log(`frames: ${values.frames === 'tuned' ? 'tuned' : 'held-out'}`);
console.log(`questions answered right alone: ${alone}`);
console.log(`as letters: right@1 ${right} (${share(right)}), acc@1 ${first} (${share(first)})`);
console.log(
  `must-not-answer questions declined alone: ${trapsAlone}; as letters still declined ${trapsDeclined} (${share(trapsDeclined, trapsAlone)})`,
);
if (values.list) console.log(missed.join('\n'));
