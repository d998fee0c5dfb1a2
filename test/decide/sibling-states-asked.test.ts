import { describe, expect, it } from 'vitest';
import { nameSameThing } from '../../src/decide/sibling-states-asked.js';
import type { Entry } from '../../src/corpus/entry.js';
import { bundledEngine } from '../support/bot-server.js';

const titled = (title: string) => ({ title }) as Entry;

describe('nameSameThing', () => {
  it('tells entries on one thing by a name their titles share', () => {
    expect(nameSameThing(titled('複合型施設の6つの機能'), titled('複合型施設基本計画の策定と商業テナントの決定'))).toBe(
      true,
    );
    expect(nameSameThing(titled('複合型施設の6つの機能'), titled('ふるさと納税の寄付額が50.5倍に'))).toBe(false);
    // A word many titles end in (センター) names no one thing.
    expect(nameSameThing(titled('子どもセンターの設置'), titled('複合型施設のファミリーサポートセンター'))).toBe(false);
  });
});

describe('a fact asked of a thing described by another entry', () => {
  it('is answered from the entry on the same thing that states it', async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask(
      'お年寄りや子育て中の家族向けの機能をひとつにまとめた新しい大きな建物、出来上がるのはいつごろの予定ですか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('complex-facility-plan');
  });

  it('is answered from the result a pledge is linked to, asked where it was discussed', async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask('小学校の建替えはどこで話し合われているの？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('school-improvement-discussions');
    // A story raised before the one question (〜と聞いて案じております) makes it no second question.
    const letter = engine.ask(
      '母校の小学校が古くなって床がきしむと聞いて案じております。小学校の建替えについて、市はどのような場で話し合っているのでしょうか。',
    ).decision;
    expect(letter.kind).toBe('answer');
    expect(letter.hits[0]?.entry.id).toBe('school-improvement-discussions');
    // Which school, the result's councils do not say.
    expect(engine.ask('建替えを議論している小学校はどこ？').decision.kind).toBe('abstain');
  });

  it('is the aim stated by the pledge a result came of', async () => {
    const engine = await bundledEngine();
    // 3682人 is how many registered; the pledge that made them aimed at 10万人.
    const { decision } = engine.ask('小諸に住んでいない応援者の登録制度、当初どのくらいの人数を目指していたの？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('furusato-shimin-for-tax-revenue');
  });

  it('is how long ago an event the siblings share was (何年前), stated by the one that says 4年前', async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask('政策集を発表した選挙は、この報告の何年前のことですか？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('promises-mostly-achieved');
  });

  it('is not a figure of another entry: a figure is stated of one subject', async () => {
    const engine = await bundledEngine();
    // The pledge to raise the share of women leaders holds no %; the ratio of women chiefs does, of another subject.
    const { decision } = engine.ask(
      '女性の幹部職員とか審議会の女の人の割合を上げるっていうのはそもそも公約に入ってたんですかね',
    );
    expect(decision.kind === 'answer' && decision.hits[0]?.entry.id === 'women-chief-level-ratio').toBe(false);
  });
});
