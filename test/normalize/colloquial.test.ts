import { describe, expect, it } from 'vitest';
import { colloquialRules, standardizeColloquial } from '../../src/normalize/colloquial.js';

/** One spoken or local form per rule, and what it must read as. */
const cases: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  filler: [
    ['えーと、ふるさと納税は？', 'ふるさと納税は？'],
    ['あのー 残業は減った？', '残業は減った？'],
    ['まあ、移住の支援', '移住の支援'],
  ],
  'filler-inline': [['ふるさと納税ってえーっとどうなった', 'ふるさと納税って どうなった']],
  conjunction: [['ふるさと納税は？あと残業は減った？', 'ふるさと納税は？残業は減った？']],
  zura: [['ふるさと納税は増えたずら', 'ふるさと納税は増えただろう']],
  dara: [['観光客は増えただら？', '観光客は増えただろう？']],
  dakai: [
    ['残業は減っただかい？', '残業は減ったですか？'],
    ['市は手伝ってくれるだかや', '市は手伝ってくれるですか'],
  ],
  dani: [['ワインの委員会ができただに', 'ワインの委員会ができただよ']],
  tsutte: [['動画作るっつってた', '動画作ると言ってた']],
  dai: [
    ['ワインバレーは何しとるだい', 'ワインバレーは何しているの'],
    ['動画はどうなっただ？', '動画はどうなったの？'],
  ],
  'noun-dai': [
    ['絆っつう柱はどういう中身だい', '絆という柱はどういう中身なの'],
    ['一番の目玉は何だや？', '一番の目玉は何なの？'],
  ],
  nandai: [
    ['市長は協働って言ってる。なんでだい', '市長は協働って言ってる。なんでなの'],
    ['目安ができたって、なんだやそれ', '目安ができたって、なんなのそれ'],
    ['なんだい それ', 'なんなの それ'],
  ],
  ndai: [
    ['建物いじったずら？何やったんだい', '建物いじっただろう？何やったんですか'],
    // なんだい is 何台 or 何だい, read by nandai.
    ['ちゅうしゃじょうは なんだい とめられますか', 'ちゅうしゃじょうは なんだい とめられますか'],
  ],
  kaya: [['奨学金ってあるかや', '奨学金ってあるかな']],
  nantoka: [['空き家をなんとかしてほしい', '空き家を何とかしてほしい']],
  mitee: [['災害のときの係みてえなの', '災害のときの係みたいなの']],
  tee: [
    ['百姓始めてえっつう', '百姓始めたいという'],
    ['それが知りてえ', 'それが知りたい'],
  ],
  tsuu: [
    ['ふるさと市民っつうのは何', 'ふるさと市民というのは何'],
    ['増えたっつう、本当？', '増えたという、本当？'],
    ['攻めるっつう柱は何', '攻めるという柱は何'],
    ['百姓始めるっつうと、市は手伝う？', '百姓始めるというと、市は手伝う？'],
    ['なんつう名前なの', 'なんという名前なの'],
    ['始めるっつうだけど', '始めるというだけど'],
  ],
  'jan-remark': [['川があふれそうになったじゃん、対策は？', '川があふれそうになった。対策は？']],
  'shu-people': [['どういう衆でやっとるの', 'どういう人たちでやっているの']],
  jan: [['ワイナリーバス走ってるじゃん', 'ワイナリーバス走ってる']],
  tenno: [['市役所は何やってんの？', '市役所は何やっているの？']],
  toru: [['観光局は何しとるの', '観光局は何しているの']],
  sunno: [['防災訓練はどうすんの', '防災訓練はどうするの']],
  nee: [
    ['残業は減らねえ？', '残業は減らない？'],
    ['いらねえ事業', 'いらない事業'],
    ['金かけねえように', '金かけないように'],
  ],
  donkurai: [['寄付はどんくらい？', '寄付はどのくらい？']],
  erai: [['観光客がえらい増えた', '観光客が増えた']],
  shu: [['係長に女しょは増えた？', '係長に女性は増えた？']],
  wakaishi: [['若いしが働く場所', '若者が働く場所']],
  zuku: [['ずくがある人の起業', 'やる気がある人の起業']],
  'drawn-vowel': [['市は手ぇ貸してくれるかな', '市は手を貸してくれるかな']],
  ippee: [['観光客がいっぺえ来る', '観光客がいっぱい来る']],
  ssho: [['補助金あるっしょ？', '補助金あるでしょう？']],
  sho: [['特定健診受けるしょ、増えただか', '特定健診受けるでしょう、増えただか']],
  chittaa: [['ちったあ増えた', '少しは増えた']],
  emphasis: [['めっちゃ残業減った？', '残業減った？']],
};

describe('standardizeColloquial', () => {
  it('has a case for every rule, and every case reads as the standard form', () => {
    expect(Object.keys(cases).sort()).toEqual(colloquialRules.map((r) => r.name).sort());
    for (const rule of colloquialRules) {
      for (const [spoken, standard] of cases[rule.name] ?? []) {
        expect(standardizeColloquial(spoken), `${rule.name}: ${spoken}`).toBe(standard);
      }
    }
  });

  it('leaves standard Japanese and words that only look like a rule as they are', () => {
    for (const text of [
      'ふるさと納税の実績を教えてください',
      'あの施設はいつできますか',
      'その事業の目的は？',
      '予定をずらす',
      '一緒に考えていただけますか',
      '育てる',
      'この本を読んだら？',
      'えらい人が来た',
      'おねえさんの店',
      'ふつう預金',
      '大事だよ',
      '公衆トイレと民衆の声',
      // Kana typed word by word: なんだい before more of the question counts cars (何台).
      'ちゅうしゃじょうは なんだい とめられますか',
    ]) {
      expect(standardizeColloquial(text), text).toBe(text);
    }
  });
});
