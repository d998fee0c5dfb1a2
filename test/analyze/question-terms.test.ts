import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/bot/engine.js';
import { contentTerms } from '../../src/search/search.js';
import { bundledEngine } from '../support/bot-server.js';

let engine: Engine;
beforeAll(async () => {
  engine = await bundledEngine();
});

const content = (q: string) => contentTerms(engine.ask(q).terms).map((t) => t.text);

describe('questionTerms on the bundled corpus', () => {
  it('finds a word with づ typed with ず, as heard (ぎょうせいてつずき, tetsuzuki)', () => {
    expect(engine.ask('ぎょうせいてつずきのじんそくかって何').decision.hits[0]?.entry.id).toBe(
      'faster-procedures-zero-overtime',
    );
    expect(content('gyousei tetsuzuki no jinsokuka')).toContain('手続');
  });

  it('keeps the kanji after a word heard in a run of single kanji (保検税: 保検 heard as 保険, then 税)', () => {
    const terms = engine.ask('国民健康保検税は去年より上がりましたか？').terms;
    expect(terms.find((t) => t.text === '保検')?.heardAs?.[0]?.text).toBe('保険');
    expect(terms.map((t) => t.text)).toContain('税');
  });

  it('reads a sentence typed in hiragana as the corpus writes its words', () => {
    expect(content('ぼうさいくんれんのじっせき')).toEqual(['防災', '訓練', '実績']);
  });

  it('leaves kana after a word to the dictionary when it reads it as grammar (でしょうか, できた)', () => {
    expect(content('駅は使いやすくなったのでしょうか')).not.toContain('しょう');
    expect(content('奨学金ができたと聞きました')).not.toContain('きた');
  });

  it('cuts hiragana after a katakana word into words too (スポーツ + しんこうのせいさく)', () => {
    expect(content('スポーツしんこうのせいさくは？')).toEqual(['スポーツ', '振興', '政策']);
  });

  it('leaves kana among kanji to the dictionary when it reads verbs only or part of a word', () => {
    // 気を「つけて」きた, 点が「もらえて」: verbs, no fragments (つけ, らえて); 「かじ」取り: no 火事.
    expect(content('特に気をつけてきたことを三つ挙げると')).not.toContain('つけ');
    expect(content('点がもらえて、ためると得する仕組み')).not.toContain('らえて');
    expect(content('まちのかじ取り')).not.toContain('火事');
    // A word of the corpus typed in kana stays one (しせい: 市政).
    expect(content('しせいを正すってどういう意味')).toContain('しせい');
  });

  it('reads no word across a particle and the verb after it among kanji (ものはやめたり: no 早め)', () => {
    const words = engine.ask('効果のないものはやめたり変えたりしてるの？').terms.map((t) => t.text);
    expect(words).not.toContain('早め');
    expect(words).toContain('やめる');
  });

  it('reads kana right after a noun as a word typed in kana, not as an ending of the noun (小諸えき: 駅)', () => {
    expect(content('小諸えきのバリアフリ化はすすみましたか')).toContain('駅');
  });

  it('reads a counter in katakana after a question word as part of the question (何ポイント)', () => {
    expect(content('受診率何ポイント上がった？')).not.toContain('ポイント');
  });

  it('reads a particle before a kana word as a particle, not as a word heard without its long vowel (の残業: no ノー残業)', () => {
    expect(content('しやくしょのざんぎょう')).toEqual(['市役所', '残業']);
  });

  it('reads a counter after a number as a counter, not as a slip for another word (25年頃: no 年頃)', () => {
    expect(content('H25頃は特定健診を受けている人の割合')).not.toContain('年頃');
  });

  it('reads a verb of one kanji with its ending (熊出た: 出た) as a verb, not as part of a slip for another word', () => {
    const asked = engine.ask('私は毎週バスで病院に通っております。最近熊出たって聞いたけど、どのへん？');
    expect(asked.terms.filter((t) => t.slip === true)).toEqual([]);
    expect(content('私は毎週バスで病院に通っております。最近熊出たって聞いたけど、どのへん？')).toContain('熊');
    // A typo cut into single kanji is still one word (就人 for 就任, 人 and 任 both read ニン).
    const typo = engine.ask('市長が就人したのはいつ').terms.filter((t) => t.text.includes('人'));
    expect(typo.map((t) => [t.text, t.heardAs?.[0]?.text])).toEqual([['就人', '就任']]);
  });

  it('reads the topic of 専門の人に話を聞いてもらえるところ in the worry before it: who helps names no topic', () => {
    const asked = engine.ask(
      '赤ちゃんの授乳や夜泣きのことで悩んでる。市で専門の人に話を聞いてもらえるところってある？',
    );
    expect(asked.decision.hits[0]?.entry.id).toBe('child-center-parenting-consultation');
  });

  it('reads the topic of 自己負担はいかほど in the story before it: what a thing costs names no topic', () => {
    const asked = engine.ask(
      '今年初めて特定検診の案内が届きました。受けるのにいくらかかるのか気になっております。自己負担はいかほどでしょうか。',
    );
    expect(contentTerms(asked.terms).find((t) => t.text === '検診')?.background).toBeUndefined();
    // The report states no charge for the check-up: the medical-fee card's 500円 is no answer.
    expect(asked.decision.kind).toBe('abstain');
  });

  it('reads the topic of どんな対策 in the story before it: the kind of answer names no topic', () => {
    const asked = engine.ask('最近クマの目撃が多いけど、市はどんな対策をしてるの？');
    expect(contentTerms(asked.terms).find((t) => t.text === 'クマ')?.background).toBeUndefined();
  });

  it('reads when and how often the citizen thought of it (先日, 常々) as the story, not a topic', () => {
    expect(content('先日、常々思っていた駅のことを聞きました')).toEqual(['駅']);
  });

  it('keeps a word of the story in the story though a synonym of an asked word holds it (区 of 区のまとめ役)', () => {
    const asked = engine.ask(
      '長年、区の役員を務めておりますが、書類が多くて難儀しております。市は区長の負担について何か手を打ってくださったのでしょうか。',
    );
    expect(contentTerms(asked.decisive).map((t) => t.text)).not.toContain('区');
    expect(contentTerms(asked.decisive).map((t) => t.text)).toContain('区長');
  });

  it('keeps of a word written twice the one read as a word of its own (駅 of 小諸駅 is a suffix)', () => {
    const asked = engine.ask('小諸駅の階段がつらいです。駅が使いやすくなる取組みはありますか。');
    expect(contentTerms(asked.decisive).find((t) => t.text === '駅')?.weak).toBeUndefined();
    expect(asked.decision.kind).toBe('answer');
  });

  it('takes a name asked with no particle (名前なんだっけ) for the shape of the question, not its topic', () => {
    expect(content('返さなくてもいい奨学金、名前なんだっけ')).not.toContain('名前');
    expect(content('施設の名前を売る')).toContain('名前');
  });

  it('takes nothing from words of when or whose (最初は, うちの孫)', () => {
    expect(content('最初は何人を目標にしていた？')).toEqual(['目標']);
    expect(content('うちの若者が農業を始めたい')).not.toContain('うち');
  });

  it('takes nothing from kana words of no topic (けっこう, いま)', () => {
    expect(content('残業ってけっこう減った？')).toEqual(['残業']);
    expect(content('ふるさと市民っていま何人？')).toEqual(['市民', 'ふるさと']);
  });
});
