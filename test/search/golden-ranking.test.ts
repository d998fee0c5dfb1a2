/**
 * Golden ranking, in the style of MiniSearch's own suite: typical citizen questions with the
 * entries that must come first, in order, on the real corpus. Each line says why they rank there.
 * Only orders that are right for a citizen are encoded, and only as deep as the order means
 * something.
 * None of these questions come from ../shared/eval/dev-questions.jsonl.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/bot/engine.js';
import { bundledEngine } from '../support/bot-server.js';

let engine: Engine;
beforeAll(async () => {
  engine = await bundledEngine();
});

/** Ids of the first `n` entries ranked for a question. */
const topIds = (question: string, n: number) =>
  engine
    .ask(question, { top: Math.max(n, 5) })
    .decision.hits.slice(0, n)
    .map((h) => h.entry.id);

type Golden = readonly [question: string, expected: readonly string[]];

const golden: readonly Golden[] = [
  // A direct term: the entry titled with it; the section that runs it and the assets entry only mention it.
  ['シティプロモーション', ['city-promotion']],
  // A proper noun: the council's own entry names it in full in its title and keywords.
  ['千曲川ワインバレーの協議会', ['chikuma-river-wine-valley']],
  // A proper noun: the mayor's name plus 就任 is the entry on his taking office.
  ['小泉市長はいつ就任した？', ['mayor-term']],
  // An everyday word (残業 for 超過勤務) asking for a result: the figures first, then the 残業ゼロ policy behind them.
  ['残業時間はどうなった？', ['overtime-reduction', 'faster-procedures-zero-overtime']],
  // The policy named as written: the 残業ゼロ pledge first, then what it achieved (the 12.81% reduction).
  ['残業ゼロ', ['faster-procedures-zero-overtime', 'overtime-reduction']],
  // An everyday word (お年寄り for 高齢者): the centre itself, not the general elderly-welfare policy.
  ['お年寄りの福祉センター', ['senior-welfare-center']],
  // An everyday word (鹿 for ニホンジカ) with the product: the deer pet-food business.
  ['鹿の肉でペットフード', ['deer-pet-food']],
  // A number question in another spelling (差し押さえ for 差押): the entry with the seizure counts.
  ['差し押さえは何件？', ['tax-delinquency-seizures']],
  // A number question: the member count (3682人) first, then the policy that created the members.
  ['ふるさと市民は何人いる？', ['furusato-shimin-members', 'furusato-shimin-for-tax-revenue']],
  // Hiragana only: matched by reading to 防災訓練, the drill review entry.
  ['ぼうさいくんれん', ['disaster-drill-review']],
  // Hiragana word (こそだて) with a kanji one: the parenting consultations at the children's centre.
  ['こそだての相談', ['child-center-parenting-consultation']],
  // A pillar by its slogan: the pillar's own entry, then the overview of the five pillars that lists it.
  ['しせいを正すとは', ['pillar-shisei', 'five-pillars']],
  // A pillar by its label and 柱: the pillar's own entry, then the overview (only words count here:
  // bigrams with hiragana such as の柱 are not indexed, so 「…の5つの柱」 does not win on grammar).
  ['笑顔の柱', ['pillar-egao', 'five-pillars']],
  // A hiragana label with the question's own ending (ってどんな) trimmed: きずな finds 絆 by reading.
  ['きずなってどんな柱？', ['pillar-kizuna', 'five-pillars']],
  // "Why was it created" is answered by the policy behind the members (税収アップ), then their count.
  ['ふるさと市民はなぜ作ったの？', ['furusato-shimin-for-tax-revenue', 'furusato-shimin-members']],
  // What goes into a thing: the entry listing the facility's functions, not one of them nor the plan.
  ['複合施設って何が入るの？', ['complex-facility-functions']],
  // The policy package itself, not the education plan whose longer name starts with its name.
  ['こもろ未来プロジェクトとは', ['five-pillars']],
  // A phrase said without を (お金借りる) still finds the loans entry through its synonyms.
  ['お金借りたい中小企業向けの制度は？', ['loan-mediation-rules-review']],
];

describe('golden ranking on the bundled corpus', () => {
  for (const [question, expected] of golden) {
    it(`ranks ${expected.join(', ')} first for 「${question}」`, () => {
      expect(topIds(question, expected.length)).toEqual(expected);
    });
  }
});
