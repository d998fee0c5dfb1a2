import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import type { Tokenize } from '../../src/analyze/japanese-tokenizer.js';
import { normalizeText } from '../../src/normalize/normalize.js';
import { realTokenizer } from '../support/tokenizer.js';

let tokenize: Tokenize;
beforeAll(async () => {
  tokenize = await realTokenizer();
});

const termsOf = (q: string) => analyze(tokenize(normalizeText(q)));
const content = (q: string) =>
  termsOf(q)
    .filter((t) => t.role === 'content')
    .map((t) => t.text);

describe('analyze', () => {
  it('drops particles, auxiliaries and symbols', () => {
    expect(content('ふるさと納税は？')).toEqual(['ふるさと', '納税']);
  });

  it("takes the citizen's surroundings, the story's time and the one spoken of for no topic", () => {
    expect(content('うちの近所の小学校はどうなるの')).toEqual(['小学校']);
    expect(content('当時は女性の委員は何人でしたか')).toEqual(['女性', '委員']);
    expect(content('ご本人はどう振り返っていますか')).toEqual(['振り返る']);
    // Now (現在は何人, 現時点で) is the time asked about: the report's figures are as of its own date.
    expect(content('登録しているのは現在は何人ですか')).toEqual(['登録']);
    expect(content('現時点で何人の登録がありますか')).toEqual(['登録']);
  });

  it('weighs a numeral in kanji (八十を過ぎ, 一文字) as a weak word: how old or how many, seldom a topic', () => {
    const terms = termsOf('八十を過ぎた母が漢字一文字の合言葉を聞きたい');
    expect(terms.filter((t) => ['八', '十', '一'].includes(t.text)).every((t) => t.weak === true)).toBe(true);
    expect(terms.find((t) => t.text === '漢字')?.weak).toBeUndefined();
  });

  it('reads 国 of どこの国 as the kind of answer, named by the country itself', () => {
    expect(termsOf('どこの国のチームですか').find((t) => t.text === '国')?.optional).toBe(true);
    expect(termsOf('国の補助金はありますか').find((t) => t.text === '国')?.optional).toBeUndefined();
  });

  it('uses base forms and keeps question words apart from the topic', () => {
    const terms = termsOf('残業は減ったの？');
    expect(terms.map((t) => [t.text, t.role])).toEqual([
      ['残業', 'content'],
      ['減る', 'generic'],
    ]);
  });

  it('reads words that only time or frame a question (今度, 予定, 出来る) as no topic', () => {
    expect(content('今度出来る複合施設にはどんな機能が入る予定ですか')).toEqual(['複合', '施設', '機能', '入る']);
  });

  it('reads too much (多すぎ), the world (世の中に出す), regarding (に関連して) and a name said of (小諸の名を冠した) as no topic', () => {
    expect(content('区長の仕事多すぎって聞く')).toEqual(['区長', '仕事']);
    expect(content('冊子はいつ世の中に出したの')).toEqual(['冊子', '出す']);
    expect(content('ジャムに関連して市はどんな取組みをしましたか')).not.toContain('関連');
    expect(content('今日は別のことでお尋ねします')).not.toContain('別');
    expect(content('小諸の名を冠したブランド')).toEqual(['小諸', '冠す', 'ブランド']);
  });

  it('reads 最終的に (in the end) and 結局 as no topic', () => {
    expect(content('ふるさと市民は最終的に何人を目指しているの')).not.toContain('最終');
    expect(content('結局ふるさと市民は何人')).not.toContain('結局');
  });

  it('reads 程度 of どの程度 and ある程度 as how much, and the degree of a thing (被害の程度) as a topic', () => {
    expect(content('公約はどの程度実現しましたか')).toEqual(['公約', '実現']);
    expect(content('被害の程度は')).toContain('程度');
  });

  it('weighs a noun of action said politely (お送りいただいた) as the verb it is', () => {
    const terms = termsOf('お送りいただいた会報の目的は？');
    expect(terms.find((t) => t.text === 'お送り')?.weak).toBe(true);
    expect(terms.find((t) => t.text === '会報')?.weak).toBeUndefined();
  });

  it('weighs a verb said politely with お…になる (お作りになった, お決めになる) as the verb it is', () => {
    const made = termsOf('何か会をお作りになったのですか');
    expect(made.find((t) => t.text === 'お作り')?.weak).toBe(true);
    expect(made.find((t) => t.text === '会')?.weak).toBeUndefined();
    expect(termsOf('市長がお決めになった方針').find((t) => t.text === '決め')?.weak).toBe(true);
    // A dish (お造り) or a thing (お知らせ) named without になる stays a noun.
    expect(termsOf('お作りの盛り合わせ').find((t) => t.text === 'お作り')?.weak).toBeUndefined();
  });

  it('reads a verb stem after お and before a particle (おつまみで) as the thing it names', () => {
    const terms = termsOf('ワインに合うおつまみで地元のものは？');
    const snack = terms.find((t) => t.text === 'つまみ');
    expect(snack).toBeDefined();
    expect(snack?.weak).toBeUndefined();
    // A verb without お stays a doing.
    expect(terms.find((t) => t.text === '合う')?.weak).toBe(true);
  });

  it('reads an honorific after a name or a post (市長さん, 田中様) as no topic', () => {
    expect(content('市長さんの政策は？')).toEqual(['市長', '政策']);
    expect(content('田中様の件')).toEqual(['田中']);
  });

  it("reads everyone spoken of (職員の皆さん) and someone's time in a post (市長さんの代になってから) as no topic", () => {
    expect(content('職員の皆さんの残業は、市長さんの代になってから減りましたか')).toEqual(['職員', '残業', '市長']);
    // A 代 of its own (電気代) is a topic.
    expect(content('電気代の補助')).toContain('代');
  });

  it('keeps readings in katakana and marks words typed in kana', () => {
    const [kodomo] = termsOf('こどもの医療費');
    expect(kodomo).toMatchObject({ text: 'こども', reading: 'コドモ', kana: true });
    const [kanji] = termsOf('医療費');
    expect(kanji).toMatchObject({ text: '医療', reading: 'イリョウ', kana: false });
  });

  it('marks a verb the citizen wishes done (〜たい, 〜てほしい), and only then', () => {
    const wished = (q: string) =>
      termsOf(q)
        .filter((t) => t.wish)
        .map((t) => t.text);
    expect(wished('ゴミを捨てたい')).toEqual(['捨てる']);
    expect(wished('道路を直してほしい')).toEqual(['直す']);
    expect(wished('ゴミを捨てた')).toEqual([]);
    expect(wished('シカでペットフードを作ってる？')).toEqual([]);
    // Whether one can do it (登れますか) asks for the doing, as a wish does.
    expect(wished('浅間山って今登れますか')).toEqual(['登れる']);
    expect(wished('浅間山に登りますか')).toEqual([]);
  });

  it('reads a name asked for (何という名前の奨学金, 名称を教えて) as the question, a name spoken of as the topic', () => {
    expect(content('何という名前の奨学金ですか')).toEqual(['奨学', '金']);
    expect(content('その賞の名前は何')).toEqual(['賞']);
    expect(content('制度の名称を教えて')).toEqual(['制度']);
    expect(content('その本の題名は何')).toEqual(['本']);
    expect(content('そのバスってなんて名前？')).toEqual(['バス']);
    expect(content('副読本の名前をご存じでしたら教えてください')).toEqual(['副読本']);
    expect(content('評判になったもの、何と何だっけ')).toEqual(['評判']);
    // A place asked for (場所を教えて, 場所はどこ) likewise; one spoken of (練習できる場所) is the topic.
    expect(content('センターの場所を教えて')).toEqual(['センター']);
    expect(content('センターの場所はどこ')).toEqual(['センター']);
    expect(content('練習できる場所はありますか')).toContain('場所');
    expect(content('何という言葉だったでしょう')).toEqual([]);
    // A kind of thing: the thing says which.
    expect(content('新しい種類の奨学金')).not.toContain('種類');
    // An item of the platform: 〜に関する項目 names the topic before it.
    expect(content('スポーツに関する項目')).toEqual(['スポーツ']);
    // About when: いつごろ asks the time, not a topic.
    expect(content('施設はいつごろできあがるの')).not.toContain('ごろ');
    expect(content('施設の名前を売るのは本当？')).toContain('名前');
  });

  it('marks the sort of answer wanted (どのような体制, 何を目的に) as optional, and a noun spoken of as not', () => {
    const optional = (q: string) =>
      termsOf(q)
        .filter((t) => t.optional === true)
        .map((t) => t.text);
    expect(optional('どのような体制を作り、どういった手段で効果を上げているのか')).toEqual(['体制', '手段']);
    expect(optional('何を目的にしているのでしょうか')).toEqual(['目的']);
    expect(optional('その目的は何ですか')).toEqual(['目的']);
    expect(optional('施設の目的を変える')).toEqual([]);
    // A noun that classes a thing (鹿の肉を使う取り組み): an entry describes it without the word.
    expect(optional('鹿の肉を何かに使う取り組み')).toEqual(['取り組み']);
    expect(optional('どういうやり方でなのかも知りたいです')).toEqual(['やり方']);
    expect(optional('どういう言い方をしていましたか')).toEqual(['言い方']);
    // Any measure at all (何か対策は): the story before says against what.
    expect(optional('配る紙が多すぎて大変なのですが、何か対策は？')).toEqual(['対策']);
    expect(content('割合と時間の両方')).toEqual(['時間']);
    // A name asked along with something else (正式な名前と、どういう形で…教えて); a memory (と記憶しています).
    expect(content('正式な名前と合言葉を教えてください')).toEqual(['合言葉']);
    expect(content('公約があったと記憶しています')).toEqual(['公約']);
  });

  it('reads the name of どんな名前の部署 as what is asked, not as a topic', () => {
    expect(content('どのような名前の部署を置くの')).toEqual(['部署', '置く']);
    expect(content('どんな名前の施設')).toEqual(['施設']);
    expect(content('名前の由来')).toContain('名前');
  });

  it('reads an adverb (かなり, しっかり) as no topic, but one set apart in katakana (ワクワク) as a name', () => {
    expect(content('しっかり進めているの')).toEqual(['進める']);
    expect(content('ワクワクする市政ってどういう意味')).toContain('ワクワク');
  });

  it('reads a one-kanji stem said as an adverb (主に, 特に) as no topic', () => {
    expect(content('観光局は主にどういう仕事を進めているの')).toEqual(['観光', '局', '仕事', '進める']);
    expect(content('主な政策を教えて')).toEqual(['政策']);
    // How the citizen pictures it or wants it (何か特別な組織, 最新の, 正確な): not which.
    expect(content('何か特別な組織の最新の正確な名前を教えて')).toEqual(['組織']);
    // A date asked (発表の年月日) and a matter pointed back to (その件について): the question's shape.
    expect(content('発表の年月日を教えて')).toEqual(['発表']);
    expect(content('その件について')).toEqual([]);
    // Figures spoken of (数字に関する方針) are a topic; asked for (数字を教えて), the question's shape.
    expect(content('数字に関する方針')).toEqual(['数字', '方針']);
    expect(content('数字で確かめるつもりなの')).toContain('数字');
    expect(content('その数字を教えて')).toEqual([]);
    expect(content('いつからいつまでの分')).toEqual([]);
    // One (一つにまとめた) counts nothing the question names; five (5つの柱) may.
    expect(content('1つにまとめた建物')).toEqual(['まとめる', '建物']);
    expect(content('5つの柱')).toEqual(['5', '柱']);
    expect(content('自治会そのものの正式な名前は')).toEqual(['自治', '会']);
    // Last year (去年は何区で): the report's latest year stands for it, and the reply names the year.
    expect(content('去年の訓練、昨年の訓練')).toEqual(['訓練', '訓練']);
  });

  it('reads honorific verbs of doing and saying (なさる, おっしゃる) as no topic', () => {
    expect(content('いつから市長をなさっているのですか')).toEqual(['市長']);
  });

  it('gives nothing to search for in a symbol-only message', () => {
    expect(termsOf('？？！！…')).toEqual([]);
  });
});

describe('the counter of a question word', () => {
  it('is part of the question (何年, 何月, 何か国), not its topic', () => {
    expect(content('報告は何年何月から何年何月まで？')).toEqual(['報告']);
    expect(content('何か国のチーム')).toEqual(['チーム']);
    expect(content('何十年か先の学校')).toEqual(['先', '学校']);
    // A suffix after the counter (何年分) is no typo of some word either.
    expect(content('この報告って何年分くらい？')).toEqual(['報告']);
    // Time passing frames a question of how long, in kanji or in kana.
    expect(content('市長になって何年たつの？')).toEqual(['市長']);
    expect(content('就任から何年経ったの？')).toEqual(['就任']);
    expect(content('あとで成果を確かめる')).toEqual(['成果', '確かめる']);
    // Comparing with before, or over the whole city, frames a question of change or scope.
    expect(content('市全体では受診率は以前と比べて上がった？')).toEqual(['市', '受診']);
    expect(content('どうなっているのか気になっております')).toEqual([]);
  });
});

describe('adverbs', () => {
  it('say how much or how, not what about', () => {
    expect(content('残業はかなり減った？')).toEqual(['残業']);
  });
});
