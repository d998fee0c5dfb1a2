import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/bot/engine.js';
import { fixtureCorpus } from '../support/fixture-corpus.js';
import { withinOneEdit, type RankedHit } from '../../src/search/search.js';
import { decide } from '../../src/decide/decide.js';
import { explainJson } from '../../src/decide/explain.js';
import type { Term } from '../../src/analyze/analyze.js';
import type { Entry } from '../../src/corpus/entry.js';
import { realTokenizer } from '../support/tokenizer.js';
import { bundledEngine } from '../support/bot-server.js';
import { asksFact, questionsApart } from '../../src/decide/several-questions.js';
import { questionClauses } from '../../src/analyze/question-focus.js';
import { countedPhrase, questionIntent } from '../../src/analyze/question-intent.js';

let engine: Engine;
beforeAll(async () => {
  engine = createEngine(fixtureCorpus, await realTokenizer());
});

const decisionOf = (q: string) => engine.ask(q).decision;

describe('search and decide', () => {
  it('answers a question whose words an entry covers, best entry first', () => {
    const d = decisionOf('ふるさと納税は？');
    expect(d.kind).toBe('answer');
    expect(d.hits[0]?.entry.id).toBe('furusato-nozei');
  });

  it('matches a word typed in hiragana by its reading', () => {
    const d = decisionOf('こどもの医療費');
    expect(d.kind).toBe('answer');
    expect(d.hits[0]?.entry.id).toBe('children-medical');
  });

  it('abstains on greetings and thanks, naming which', () => {
    expect(decisionOf('おはようございます！')).toMatchObject({ kind: 'abstain', reason: 'greeting' });
    expect(decisionOf('ありがとうございました')).toMatchObject({ kind: 'abstain', reason: 'thanks' });
  });

  it('greets a message sent only to see whether the account answers (テスト, test)', () => {
    expect(decisionOf('テスト')).toMatchObject({ kind: 'abstain', reason: 'greeting' });
    expect(decisionOf('テスト送信です')).toMatchObject({ kind: 'abstain', reason: 'greeting' });
    expect(decisionOf('test')).toMatchObject({ kind: 'abstain', reason: 'greeting' });
  });

  it('abstains on a question the corpus does not cover', () => {
    expect(decisionOf('天気予報')).toMatchObject({ kind: 'abstain', reason: 'no-match' });
  });

  it('abstains when the question shares only a generic word with an entry', () => {
    // バス is in the winery-bus entry, but the question is about fares, which nothing covers.
    const d = decisionOf('バスの運賃');
    expect(d).toMatchObject({ kind: 'abstain', reason: 'no-match' });
    expect(d.hits[0]?.entry.id).toBe('winery-bus');
  });

  it('abstains on empty and symbol-only messages', () => {
    expect(decisionOf('   ')).toMatchObject({ kind: 'abstain', reason: 'empty' });
    expect(decisionOf('？？')).toMatchObject({ kind: 'abstain', reason: 'empty' });
  });
});

describe('search and decide on the bundled corpus', () => {
  it('does not let an everyday verb the corpus never uses outweigh the nouns an entry matched', async () => {
    const bundled = await bundledEngine();
    // 作る is in no entry; 観光局 is: the answer is the bureau's, in full, not 関連する情報.
    const made = bundled.ask('観光局って作られたの？').decision;
    expect(made).toMatchObject({ kind: 'answer', confidence: 'full' });
    expect(made.hits[0]?.entry.id).toBe('komoro-tourism-bureau');
    // A wish is what the citizen asks for: a policy entry sharing only its object is related at most.
    expect(bundled.ask('ワインを飲みたい').decision).toMatchObject({ kind: 'answer', confidence: 'partial' });
    // A noun the corpus never uses still weighs the most.
    expect(bundled.ask('観光局の制服は？').decision).toMatchObject({ kind: 'abstain', reason: 'no-match' });
  });

  it('answers a name written as nouns together (行財政改革) with the entry stating it, not the pillar tagged with it', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('行財政改革について教えて').decision.hits[0]?.entry.id).toBe('efficient-administration-plan');
  });

  it("offers the deer entry for a hunter's 獲物 (its keywords)", async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('猟でとった獲物を市はどう活用してるの？').decision.hits[0]?.entry.id).toBe('deer-pet-food');
  });

  it.each([
    ['官と民', '官民', '官と民でつくる観光の組織、政策にありましたか？', 'komoro-tourism-bureau-2020'],
    ['乗り合いバス', 'コミュニティバス', '乗り合いバスが発着するところは新しくできるの？', 'community-bus-terminal'],
    ['建物', '施設', '年寄りが集まれる所も、新しく建てる建物に入るんかね？', 'senior-welfare-center'],
    [
      '町内のまとめ役',
      '区長',
      '町内のまとめ役が出る会議や配りものを減らす話はどうなった？',
      'ku-chief-workload-reduction',
    ],
    ['部下を持つ', '幹部', '部下を持つ女の職員さんの割合は今どれくらい？', 'women-chief-level-ratio'],
    ['おなか周り', '特定検診', 'おなか周りを測る健診を受けに行く人、増えてる？', 'specific-health-checkup-rate'],
    ['おなか回り', '特定検診', 'おなか回りを測る健診を受けに行く人、増えてる？', 'specific-health-checkup-rate'],
    [
      '家での躾',
      '家庭教育',
      '家での躾を手伝ってくれる取り組みって政策にあった？',
      'childcare-and-home-education-support',
    ],
    ['働く人を育てる', '人材育成', '地元の会社で働く人を育てる政策もあったよね？', 'industrial-human-resources'],
  ])("hears a citizen's %s as the report's %s (corpus/synonyms.yaml)", async (_said, _written, question, id) => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(question);
    expect(decision).toMatchObject({ kind: 'answer', confidence: 'full' });
    expect(decision.hits[0]?.entry.id).toBe(id);
  });

  it('declines words searched as in a search box when the last names what the report only holds as a keyword', async () => {
    const bundled = await bundledEngine();
    // 返礼品 is a keyword of the ふるさと納税 entries, which never say what the gifts are.
    const { decision } = bundled.ask('ふるさと納税 返礼品');
    expect(decision).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    expect(decision.hits[0]?.entry.id).toMatch(/furusato/);
    expect(bundled.ask('ふるさと納税 寄付額').decision.kind).toBe('answer');
  });

  it('declines words searched as in a search box when the hit has nothing of the last, even by a synonym', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('高地トレーニング 宿舎');
    expect(decision).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    expect(decision.hits[0]?.entry.id).toBe('high-altitude-training');
    // 残業 is the report's 超過勤務 (corpus/synonyms.yaml).
    expect(bundled.ask('市役所 残業').decision).toMatchObject({ kind: 'answer', confidence: 'full' });
  });

  it('reads a last word written with kana inside (乗り場) as what a search box asks', async () => {
    const bundled = await bundledEngine();
    // The circuit buses' entry says nothing of where to board them.
    const { decision } = bundled.ask('ワイナリーバス 乗り場');
    expect(decision).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    expect(decision.hits[0]?.entry.id).toBe('tourist-circuit-buses');
    // Words joined by a particle are a question, not a search: it is still answered.
    const named = bundled.ask('えっと子ども向けの副読本を作ったらしいけど何て名前').decision;
    expect(named).toMatchObject({ kind: 'answer' });
    expect(named.hits[0]?.entry.id).toBe('school-readers-story-and-art');
  });

  it("hears a citizen's 保育園 as the report's 保育 (corpus/synonyms.yaml)", async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('保育園を休んだ子を代わりに預かってくれる所はできる？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('sick-child-care-facility');
  });

  it("hears かじ取りを任された as the report's 就任, and 市民と一緒に as its 協働 (corpus/synonyms.yaml)", async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('市長が市政のかじ取りを任されたのはいつですか');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('mayor-term');
    expect(bundled.ask('市民と一緒にやるって、市長はどう考えてるの？').decision.hits[0]?.entry.id).toBe(
      'true-citizen-collaboration',
    );
  });

  it("hears 町のトップ as the report's 市長 (corpus/synonyms.yaml)", async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('町のトップは、いつからその座についたの？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('mayor-term');
  });

  it.each([
    [
      "hears 小諸を売り込んで as the report's シティプロモーション, however the verb ends (corpus/synonyms.yaml)",
      '市はどんなやり方で小諸を売り込んでいるのでしょうか。',
      'city-promotion',
    ],
    [
      "reads past a letter's frame (拝啓, the season, the reader's health, 敬具) to its question",
      '前略 春めいてまいりましたが、いかがお過ごしでしょうか。私は与良に住む者です。市民と行政が手を携えることを、市長さんはなぜ大切だとお考えなのでしょうか。どうぞお体を大切になさってください。草々',
      'true-citizen-collaboration',
    ],
    [
      'answers what the cover of the newsletter says: there the newsletter is the topic, not where it was read',
      '会報の表紙に大きく書いてあった言葉を教えてください',
      'report-title-slogan',
    ],
    [
      'hears a katakana word of three kana that lost its long vowel (ポタル → ポータル)',
      '移住定住ポタルはどこで見れますか',
      'migration-portal',
    ],
    [
      'answers a word the report writes with a kanji the citizen wrote in kana (種まき: 種蒔き)',
      '種まきって何のこと？',
      'investing-in-the-future',
    ],
    [
      "hears 舵を取る as the report's 市政運営 (corpus/synonyms.yaml)",
      '市長さんはどのようなお考えで市の舵を取っておられるのですか',
      'mayor-three-points',
    ],
    [
      'reads お話 (というお話があった) as the frame of news, not a topic',
      'ふもとの町々と一緒にバスを走らせるというお話があったと聞きました。どのような政策でしょうか。',
      'asama-foothill-joint-bus',
    ],
    [
      'reads おつもり and 〜と安心できます as how a letter asks, not as what it asks about',
      '新しい事業の費用をどのように抑えるおつもりなのか、教えていただけますと安心できます。',
      'principle-keep-costs-down',
    ],
  ])('%s', async (_what, question, id) => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(question);
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe(id);
  });

  it('declines the weekday asked in romaji (nanyoubi: 何曜日) of a thing the report names only in passing', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('gomi no shuushuu-bi wa nanyoubi?');
    expect(decision.kind).toBe('abstain');
  });

  it('declines who came among the athletes: the entry names none of them', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('高地トレーニングで来たトップアスリートには、実際にどなたがいらしたのですか');
    expect(decision).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    expect(decision.hits[0]?.entry.id).toBe('high-altitude-training');
  });

  it("hears 金集め as the report's 財源 (corpus/synonyms.yaml)", async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('市は施設の名前を売って金集めをしているのですか');
    expect(decision).toMatchObject({ kind: 'answer', confidence: 'full' });
    expect(decision.hits[0]?.entry.id).toBe('naming-rights');
  });

  it('answers the view a facility was planned on with the entry on its aim (the aim entry names its 考え方)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '孫の面倒をよく見ております。年寄りも子育て世代も使える場所がほしいものです。今度の複合施設はどのような考えで計画されているのでしょうか。',
    );
    expect(decision.hits[0]?.entry.id).toBe('complex-facility-aim');
  });

  it('answers the question a letter turns to (ところで、), not the news it told before', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '小諸に住んで四十年になります。JA佐久浅間と市が協定を結んだと聞いて、親戚も喜んでおりました。ところで、小泉市長はいつ市長に就任されたのでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('mayor-term');
    // どこの points to nothing told: the news before stays out of a question turned away.
    expect(
      bundled.ask(
        '市長さんは中央との太いパイプをお持ちだと伺いました。ところで、市長さんはどちらのご出身で、どこの学校を出ておられるのでしょうか。',
      ).decision.kind,
    ).toBe('abstain');
  });

  it('reads HP as the home page the report names, not a thing only a keyword holds', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('市のHPに移住専用のページはあるの？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('migration-portal');
  });

  it('counts managers (管理職) as 幹部, as the report calls them, and just short of them (手前) as naming nothing counted', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('管理職の手前の女性職員の割合は？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('women-chief-level-ratio');
  });

  it('reads a goal asked (目標) as what the report says the city aims at (目指し), the mayor who set it naming no topic', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('高齢者福祉で市が立てた目標は？').decision.hits[0]?.entry.id).toBe(
      'healthy-longevity-and-elderly-welfare',
    );
    const child = bundled.ask('市長さんは、子育てについてどんな目標を掲げておられますか').decision;
    expect(child.kind).toBe('answer');
    expect(child.hits[0]?.entry.id).toBe('childcare-and-home-education-support');
  });

  it('answers a question in the formal term 滞納処分, a keyword of the seizures entry', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('滞納処分の差押えで換価した金額は、H30でいくらになりましたか');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('tax-delinquency-seizures');
  });

  it('reads a place asked for (受けられる病院も教えて) as the kind of answer: the story says of what', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      'いつもお世話になっております。特定検診の受診率が上がったと会報で拝見しました。私も今年受けようと思うのですが、自己負担はいくらかかるのでしょうか。受けられる病院も教えていただけると助かります。',
    );
    // Not the medical-fee card's 500円: the cost asked is the check-up's, which the report lacks.
    expect(decision.kind).toBe('abstain');
    expect(decision.hits[0]?.entry.id).toBe('specific-health-checkup-rate');
  });

  it('takes a word typed as its homophone (人工 for 人口) for the subject a count must be stated of', async () => {
    const bundled = await bundledEngine();
    // 3682人 counts ふるさと市民 (関係人口), not the city's population.
    expect(bundled.ask('小諸市の今の人工は何人ですか？').decision.kind).toBe('abstain');
  });

  it('asks for names the report does not give: of athletes, of a company, of the members of a council', async () => {
    const bundled = await bundledEngine();
    for (const question of [
      '高地トレーニングで来たトップアスリートの名前を教えて',
      '拝啓　小諸に高地トレーニングでトップアスリートが来ていると聞き、胸を躍らせております。これまでに来てくれた選手は、何という名前の方々なのでしょうか。敬具',
      'ごみ収集を外の業者に任せたって聞いたけど、何ていう会社がやってるんですか',
      // Who came, and their names asked in the next sentence.
      '高いところで合宿しに小諸に来た一流選手って、具体的に誰が来たの？名前を知りたい',
      // The council is named in the story told before the question: it is no answer to which members.
      '高地トレーニングの協議会って8つの団体でやってるそうだけど、どこの団体が入ってるの',
    ]) {
      expect(bundled.ask(question).decision, question).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    }
    // A name guessed in the asking clause itself (東京と大坂？) is confirmed by the entry.
    expect(bundled.ask('小諸ブランドのトップセールスってどこでやったの？東京と大坂？').decision.kind).toBe('answer');
  });

  it('reads 名 in 小諸の名を冠した as a name said of, not a topic', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '前略 私どもは小さな味噌蔵を営んでおり、小諸の名前をつけた品を全国に出したいと考えております。市長さんは選挙の際、小諸の名を冠したブランドを立ち上げるとおっしゃっていたと記憶しておりますが、その名前は何だったでしょうか。草々',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('komoro-furusato-brand');
  });

  it('answers 音楽の町, written in kanji, with the 音楽のまち・こもろ project, a keyword of its entry', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('あのー音楽の町小諸ってなにやってるんだっけ');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('music-town-komoro');
  });

  it('reads a group or a result asked of (手伝ってくれるグループ, 結果はいつ届く) as no topic: the story says of what', async () => {
    const bundled = await bundledEngine();
    const group = bundled.ask(
      '地区のお祭りや昔からの行事が人手不足なので、手伝ってくれるグループを作る話はありますか？',
    );
    expect(group.decision.kind).toBe('answer');
    expect(group.decision.hits[0]?.entry.id).toBe('traditional-events-support-team');
    // When a check-up's results come, the report does not say: no entry that merely has 結果 answers.
    const results = bundled.ask(
      '先月、市の特定検診を受けた七十歳の者です。例年ですと結果がもう届いている頃なのですが、今年はまだ通知が参りません。結果はいつ頃届くのでしょうか。',
    );
    expect(results.decision.kind).toBe('abstain');
  });

  it('answers new festivals and people starting a business from the entries whose staff wording says so', async () => {
    const bundled = await bundledEngine();
    const festival = bundled.ask('若い衆が新しく始めた夏祭り、市は応援してくれるの？');
    expect(festival.decision.hits[0]?.entry.id).toBe('new-culture-and-tradition-support');
    const business = bundled.ask('新しく店を始めたい若い人を市が見つけて後押ししてるって本当？');
    expect(business.decision.hits[0]?.entry.id).toBe('entrepreneur-discovery-and-support');
  });

  it('answers matchmaking (若いしの縁談) and selling the town (町の魅力を売り込む) from staff wording', async () => {
    const bundled = await bundledEngine();
    const marriage = bundled.ask('若いしの縁談、市が世話してくれるって聞いたけど本当かね');
    expect(marriage.decision.kind).toBe('answer');
    expect(marriage.decision.hits[0]?.entry.id).toBe('marriage-support');
    const promotion = bundled.ask('市が自分の町の魅力を売り込む宣伝活動は、どんなふうにやっているんですか？');
    expect(promotion.decision.hits[0]?.entry.id).toBe('city-promotion');
  });

  it('hears eating together while talking (ご飯食べながら) as the lunch meetings (corpus/synonyms.yaml)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('市長って職員とご飯食べながら話したりしてんの？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('public-hearing-and-lunch-meetings');
  });

  it('reads newsletter and writer as 会報 and 書き手 (corpus/synonyms.en.yaml)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('kono newsletter no title to writer wa?');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('report-title-slogan');
  });

  it('hears 国で一番 as 日本一 (corpus/synonyms.yaml)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('元気なまま長生きできる町として国で一番を目指す、みたいな目標を掲げてたよね？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('healthy-longevity-and-elderly-welfare');
  });

  it('hears 荒れている田んぼ as 遊休農地 (corpus/synonyms.yaml)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('使われずに荒れている田んぼや畑をどうにかする考えはありますか');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('new-farmers-and-idle-farmland');
  });

  it("hears すそ野 as the report's 山麓 (corpus/synonyms.yaml)", async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('浅間山のすそ野の町村とバスを一緒に走らせる話はどうなった？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('asama-foothill-joint-bus');
  });

  it("hears staff and level as the report's 職員 and 級 (corpus/synonyms.en.yaml)", async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('係長 level の female staff は何%？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('women-chief-level-ratio');
  });

  it("hears 食べていける as a farm that makes a living, the report's 経営安定 (corpus/synonyms.yaml)", async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('就農したばかりの若い人が農業で食べていけるように、市は何か手を打っていますか？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('prime-production-area-project');
  });

  it("hears everyday descriptions as the report's words: ワイン蔵, 成長がゆっくり, 泊まりがけ, ブロック (corpus/synonyms.yaml)", async () => {
    const bundled = await bundledEngine();
    for (const [question, id] of [
      ['観光で来た人がワイン蔵をぐるっと回れる乗り物ってあるの？', 'tourist-circuit-buses'],
      ['成長がゆっくりな子が、学校が終わったあとに通える場所って増えた？', 'early-intervention-support'],
      ['子どもと一緒に泊まりがけで外国の言葉を学べる催しがあるって聞いた', 'children-challenge-courses'],
      [
        '町をいくつかのブロックに分けた集まりで、リーダーと副リーダーは誰が選んでいるの？',
        'district-liaison-chairs-appointed',
      ],
    ] as const) {
      const { decision } = bundled.ask(question);
      expect({ question, kind: decision.kind, id: decision.hits[0]?.entry.id }).toEqual({
        question,
        kind: 'answer',
        id,
      });
    }
  });

  it("hears camp and kids and parents as the report's 合宿 and 親子 (corpus/synonyms.en.yaml)", async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('English camp for kids and parents はあった？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('children-challenge-courses');
  });

  it("hears pipe, partnership and job fair as the report's words (corpus/synonyms.en.yaml), and sports-ka as スポーツ課", async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('chuou to no futoi pipe tte nan no koto?');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('stance-strong-ties-with-central-government');
    expect(bundled.ask('sports-ka tte atarashiku dekita no?').decision.hits[0]?.entry.id).toBe('sports-division');
    const partnership = bundled.ask('Shinano Railway との partnership はどうするの？').decision;
    expect(partnership.kind).toBe('answer');
    expect(partnership.hits[0]?.entry.id).toBe('shinano-railway-partnership');
    const fair = bundled.ask('U-turn とか I-turn の人向けの job fair みたいなのやってる？').decision;
    expect(fair.hits[0]?.entry.id).toBe('entrepreneur-discovery-and-support');
  });

  it("hears 何のために as asking the purpose, the report's 目的 (corpus/synonyms.yaml)", async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('この冊子って、そもそも何のために出したものなの？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('report-purpose');
  });
});

describe('a thing asked whether it exists (〜ってある？)', () => {
  it('is the noun asked about: the entry whose title names it comes first', async () => {
    expect(questionIntent('観光局って小諸にある？').askedNoun).toBe('観光局');
    expect(questionIntent('危機管理課はできましたか').askedNoun).toBe('危機管理課');
    const bundled = await bundledEngine();
    // Not the passport whose text also names the bureau.
    const { decision } = bundled.ask('tourism bureau って小諸にある？');
    expect(decision.hits[0]?.entry.id).toBe('komoro-tourism-bureau');
  });
});

describe('a thing asked whether it was made (〜つくった？)', () => {
  it('is the noun asked about: the entry whose title names the thing made comes before the purpose told', async () => {
    expect(questionIntent('なんか本部みたいなのつくったんですか').askedNoun).toBe('本部');
    expect(questionIntent('スポーツ課を作ったの？').askedNoun).toBe('スポーツ課');
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('市役所の残業を減らすのになんか本部つくったって聞いた');
    expect(decision.hits[0]?.entry.id).toBe('work-style-reform-headquarters');
  });
});

describe('a thing compared with by とは (木造校舎とはずいぶん変わった)', () => {
  it('is no noun asked about: a letter asking what was done for the schools is answered', async () => {
    expect(questionIntent('絆とは何ですか').askedNoun).toBe('絆');
    expect(questionIntent('昔の木造校舎とはずいぶん変わったと聞きました').askedNoun).toBeUndefined();
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '孫が通う小学校は、私の頃の木造校舎とはずいぶん変わったと聞きました。市長さんになってから、学校の設備ではどのような整備が行われたのでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('school-environment-improvements');
  });
});

describe('how many people, asked as どれほどの方', () => {
  it('asks a number, not which person: the count of ふるさと市民 is answered', async () => {
    expect(questionIntent('どれほどの方が登録していますか').kind).toBeUndefined();
    expect(questionIntent('どの方が講師ですか').kind).toBe('person');
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('小諸ふるさと市民には、今どれほどの方が登録なさっているのでしょうか。');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('furusato-shimin-members');
  });
});

describe('a rate named as asked beside a count of another thing', () => {
  it('is answered by the statement of that rate (実施率は89.7%), though the count asked is of 区', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('令和元年の防災訓練ってどれくらいの区がやったの、実施率って何パーセントだった？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('disaster-drill-review');
  });

  it('still declines a rate the entry does not state of the noun asked', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('令和元年の防災訓練ってどれくらいの区がやったの、参加率って何パーセントだった？');
    expect(decision.kind).toBe('abstain');
  });
});

describe('the city asked of after news of another town (他の町では…と聞きました。小諸市でも…)', () => {
  it('asks of this city, not of the other: the naming-rights entry is answered', async () => {
    expect(questionIntent('隣の市では給食費が無料だって').asksOfAnotherCouncil).toBe(true);
    expect(
      questionIntent(
        '他の町では施設に会社の名前を付ける仕組みがあると聞きました。小諸市でもそういうやり方をしていますか',
      ).asksOfAnotherCouncil,
    ).toBeUndefined();
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '他の町では、施設に会社の名前を付けてもらう代わりにお金をいただく仕組みがあると聞きました。小諸市でもそういったやり方で新しい財源を作っておられるのでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('naming-rights');
  });
});

describe('since when, said before how much (市長さんが就任されてから、どのくらい)', () => {
  it('is no thing counted: a rate asked of since the mayor took office is answered', async () => {
    expect(countedPhrase('特定検診の受診率は、市長さんが就任されてからどのくらい上がったのでしょうか')).toBeUndefined();
    const said = 'ふるさと納税は市長になってからどれくらい増えた？';
    const counted = countedPhrase(said);
    expect(counted && said.slice(counted.start, counted.end)).toBe('ふるさと納税');
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '特定検診の受診率は、市長さんが就任されてからどのくらい上がったのでございましょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('specific-health-checkup-rate');
  });
});

describe('a rate named as the entry names it, asked beside a count of another thing', () => {
  it('is answered by the statement of that rate (実施率), though the count is asked of 区', async () => {
    const bundled = await bundledEngine();
    const asked = (rate: string) =>
      bundled.ask(`令和元年には市内のいくつの区で防災訓練が行われ、${rate}はどのくらいでしたか`).decision;
    expect(asked('実施率').kind).toBe('answer');
    expect(asked('実施率').hits[0]?.entry.id).toBe('disaster-drill-review');
    // A rate the entry does not state is still declined.
    expect(asked('参加率').kind).toBe('abstain');
  });
});

describe('the theme asked of a thing told before (どういうテーマだった)', () => {
  it('names no topic of its own: the seminars told of are answered, not the theme park', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      'えっと信大となんかセミナーやってたと思うんだけどどういうテーマだったのかなあのー',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('shinshu-university-seminars');
  });
});

describe('a thing counted by いくつ', () => {
  it('is the noun asked about: the entry named after the pillars comes before the one that mentions them', async () => {
    expect(questionIntent('市長の政策には柱がいくつありますか').askedNoun).toBe('柱');
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('市長の政策には柱がいくつありますか');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('five-pillars');
  });
});

describe('pointing back and procedures', () => {
  it('finds the quoted name a question points back to a few clauses before (これは)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '会報に「トータルシステム」という言葉が出てきて、家族で首をかしげております。パソコンの話かと思ったのですが、どうも違うようです。これはどういう仕組みのことで、市はそれに対して何をしたのでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('total-system-review');
  });

  it('declines how to collect a card: faster procedures as a policy tell no procedure', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '役所の手続きが早くなったと聞いておりますが、一つ伺いたいことがあります。マイナンバーカードの交付通知が届いたのですが、カードを受け取るには何を持って、どの窓口へ行けばよいのでしょうか。予約は必要ですか。',
    );
    expect(decision.kind).toBe('abstain');
  });
});

describe('two kinds of fact asked at once', () => {
  it('declines when and where a contest was held: the entry names where other things were done, not when', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('米の食味コンクールはいつどこで開かれたの？');
    expect(decision).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
  });
});

describe('a word pointed back to in the story', () => {
  it('asks about the word その施設 points to in a sentence of story before the question', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '市長のあいさつに、人口減少社会を見据えた複合施設の整備とありました。その施設について、市はどんな計画を作り、何を決めたのでしょうか。',
    );
    expect(decision.hits[0]?.entry.id).toBe('complex-facility-plan');
  });
});

describe('what a pillar holds', () => {
  it('answers what a pillar holds from its list of quoted policies', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '5つ目の柱の「ワクワク」とは、どういう分野のことでしょうか。中身を教えてください。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('pillar-wakuwaku');
  });

  it("answers a pillar's slogan asked by its place, typed in kana too (みっつめの はしらの あいことば)", async () => {
    const bundled = await bundledEngine();
    for (const question of [
      '3つ目の柱の合言葉はなあに',
      'みっつめの はしらの あいことば は なあに',
      'ごばんめの はしらの あいことばは なあに',
    ]) {
      const { decision } = bundled.ask(question);
      expect(decision.kind, question).toBe('answer');
    }
    expect(bundled.ask('みっつめの はしらの あいことば は なあに').decision.hits[0]?.entry.id).toBe('pillar-egao');
    expect(bundled.ask('ごばんめの はしらの あいことばは なあに').decision.hits[0]?.entry.id).toBe('pillar-wakuwaku');
  });

  it("answers the second of the mayor's three points with the list that says which is second", async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('市長が心がけとった三つのうち、ふたつめは何だったかいね');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('mayor-three-points');
  });

  it('finds them for one of them picked by its place (その三つ目は), where a noun is asked too', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '後援会報を拝読いたしましたが、目が悪く細かい字までは読めませんでした。市長さんが市政で心がけてきたことが三つ書かれていたようです。その三つ目は何でございましたでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('mayor-three-points');
  });
});

describe('English ways of asking', () => {
  it('reads went down and city hall as the report words: how much overtime fell is answered', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('How much did overtime at Komoro city hall go down?');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('overtime-reduction');
  });

  /** The entry a question is answered with, or undefined when the bot declines. */
  const answeredWith = (engine: Engine, question: string) => {
    const { decision } = engine.ask(question);
    return decision.kind === 'answer' ? decision.hits[0]?.entry.id : undefined;
  };

  it('reads "how many percent" as a rate asked, not a count (corpus/synonyms.en.yaml)', async () => {
    const bundled = await bundledEngine();
    expect(answeredWith(bundled, 'zangyou wa herimashita ka? how many percent?')).toBe('overtime-reduction');
  });

  it('reads "human resources" as 人材, not as romaji (ふまん) (corpus/synonyms.en.yaml)', async () => {
    const bundled = await bundledEngine();
    expect(answeredWith(bundled, 'human resources no ikusei tte kouyaku ni aru?')).toBe('industrial-human-resources');
  });

  it('reads "who is it for" as whom a thing serves, which the entry states, not a person asked by name', async () => {
    const bundled = await bundledEngine();
    expect(answeredWith(bundled, 'fukugou-gata shisetsu wa nan no tame ni tsukuru no? who is it for?')).toBe(
      'complex-facility-aim',
    );
  });

  it('reads "how old" as an age asked whatever the English word order, and "take office" or "section" as the report words (corpus/synonyms.en.yaml)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('How old is Mayor Koizumi Toshihiro?').decision).toMatchObject({
      kind: 'abstain',
      reason: 'not-in-report',
      missing: 'age',
    });
    expect(answeredWith(bundled, 'When did Mayor Koizumi take office?')).toBe('mayor-term');
    expect(answeredWith(bundled, 'Did city hall create a new sports section?')).toBe('sports-division');
  });

  it('reads percent as the rate asked and report as the progress report (corpus/synonyms.en.yaml)', async () => {
    const bundled = await bundledEngine();
    expect(answeredWith(bundled, 'shingikai no josei sankakuritsu no mokuhyou wa nan percent?')).toBe(
      'women-council-participation',
    );
    expect(answeredWith(bundled, 'kono report wa itsu kara itsu made no kiroku desu ka')).toBe(
      'progress-report-period',
    );
  });

  it('reads "how do I apply" as a procedure and "tax rate" as 税率, neither of which the report gives (corpus/synonyms.en.yaml)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('How do I apply for the Komoro Asama scholarship?').decision).toMatchObject({
      kind: 'abstain',
      reason: 'not-in-report',
      missing: 'procedure',
    });
    expect(bundled.ask('What is the resident tax rate in Komoro city?').decision.kind).toBe('abstain');
    expect(answeredWith(bundled, '小中学生むけのside readerの名前は?')).toBe('school-readers-story-and-art');
  });
});

describe('a letter whose story comes before a question that names its own thing', () => {
  const story =
    'はじめてこちらに質問いたします。私は七十八歳で、主人を亡くしてから一人で暮らしております。先日、公民館の集まりで知り合いとお茶を飲みながら話題になりました。';
  it('answers on the question, not on the story before it', async () => {
    const bundled = await bundledEngine();
    for (const [question, ids] of [
      // A katakana name the corpus writes within a longer word.
      ['ランチミーティングって誰と誰がやってんの？', ['public-hearing-and-lunch-meetings']],
      // どこの is no この pointing back; 国 is answered by the country.
      ['トライアスロンのチーム呼ぼうとしてたよね、どこの国のチーム？', ['triathlon-team-invitation']],
      // この and あの name the thing at hand.
      ['この任期中に市役所に新しく設けられた課には何がありますか。', ['crisis-management-division', 'sports-division']],
      ['あの振り返りの報告って、いつからいつまでの分？', ['progress-report-period']],
      // A katakana name mistyped names its thing too, and the story stays story.
      ['ネーミングライッてなんですか。', ['naming-rights']],
      // A question typed in kana names its thing by the corpus's reading (しせい, はしら).
      ['しせいを ただす って なんの はしら？', ['pillar-shisei', 'five-pillars']],
      // Asked with no word of asking, last after the story.
      ['高地トレーニング、えらい選手呼んでるずら。', ['high-altitude-training', 'athletes-and-children-exchange']],
    ] as const) {
      const { decision } = bundled.ask(`${story}${question}よろしくお願いいたします。`);
      expect(decision.kind, question).toBe('answer');
      expect(ids, question).toContain(decision.hits[0]?.entry.id);
    }
  });
});

describe('a council asked by name', () => {
  it('answers with the entry that names the councils, not the pledge that names none', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '孫の小学校が古くなってきて、建て替えの話がどうなっているのか気になっております。PTAの集まりでも話題になりますが、誰もはっきりしたことを知りません。学校のこれからについては、どのような会議で話し合われてきたのでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('school-improvement-discussions');
  });
});

describe('a doing named by its noun', () => {
  it('finds the entry whose verb makes that noun (見直しました: 見直し)', async () => {
    const bundled = await bundledEngine();
    const asked = bundled.ask('あぐりの湯の農産物の施設は見直しをしたの？');
    const { decision } = asked;
    expect(decision.kind === 'answer' && decision.confidence).toBe('full');
    expect(decision.hits[0]?.entry.id).toBe('aguri-no-yu-farm-produce-base');
    // Every word of the question is the entry's, 見直し included.
    const review = explainJson(bundled.index, asked, 1).hits[0]?.terms.find((t) => t.term === '見直し');
    expect(review?.matched).toBe(true);
    // Through the staff's synonym (手を入れ: 見直し), a letter finds it too.
    const letter = bundled.ask(
      '週に一度はあぐりの湯で汗を流すのが楽しみでございます。お風呂の隣にある、野菜などを売っている建物に市が手を入れたと聞きましたが、どういうことをされたのでしょうか。',
    ).decision;
    expect(letter.kind).toBe('answer');
    expect(letter.hits[0]?.entry.id).toBe('aguri-no-yu-farm-produce-base');
  });
});

describe('a count pointed back to', () => {
  it('finds the three things of その3つ in the clause that named them, however far back', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '区の集まりで区長さんが、市長さんは三つのことを心に置いて市の仕事をしてきたそうだ、と話しておられました。その日は防災訓練の段取りやら、ごみ当番の割り振りやらで話が長くなり、私も少しうとうとしてしまいまして。一つは市民と一緒に、というようなことだったと思いますが、残りの二つをすっかり忘れてしまいました。その三つとは何だったのでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('mayor-three-points');
  });
});

describe('a name asked of a topic recalled', () => {
  it('answers the official name of what a pledge recalled was about (観光局をつくるという公約があったと記憶しています)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '観光局をつくるという公約があったと記憶しています。名前に西暦の数字がついていたような気がするのですが、正式な名前と、どういう形でつくるとしていたのか教えてください。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('komoro-tourism-bureau-2020');
  });
});

describe('questions of many words', () => {
  it('takes less of a question described at length as enough for related, and keeps short ones strict', async () => {
    const bundled = await bundledEngine();
    // Eight words or more, most of them the citizen's own: the jam day is meant.
    const described = bundled.ask('果物を砂糖で煮て瓶に詰めるアレの記念日を作ったって？').decision;
    expect(described.kind).toBe('answer');
    expect(described.hits[0]?.entry.id).toBe('jam-day');
    // Two words, one no entry has: the report does not cover school lunch menus.
    expect(bundled.ask('給食の献立').decision.kind).toBe('abstain');
  });
});

describe('the sort of answer asked', () => {
  it('does not miss a noun for the sort of answer (どのような体制, どういった手段) that the entry states without', async () => {
    const bundled = await bundledEngine();
    const q = 'シティプロモーションとして、市はどのような体制を作り、どういった手段で効果を上げているのでしょうか。';
    const d = bundled.ask(q).decision;
    expect(d.kind).toBe('answer');
    expect(d.hits[0]?.entry.id).toBe('city-promotion');
    // Named by an entry, the same noun counts for it.
    const purpose = bundled.ask('この後援会報はどのような目的でまとめられたのですか').decision;
    expect(purpose).toMatchObject({ kind: 'answer', confidence: 'full' });
    expect(purpose.hits[0]?.entry.id).toBe('report-purpose');
  });
});

describe('typing slips and kana', () => {
  it('reads kanji the dictionary cut one by one as a slip of a corpus word one kanji away', async () => {
    const bundled = await bundledEngine();
    const slip = bundled.ask('特定検信の受診率は？').decision;
    expect(slip).toMatchObject({ kind: 'answer', confidence: 'full' });
    expect(slip.hits[0]?.entry.id).toBe('specific-health-checkup-rate');
    // Real words and questions are never taken for slips: 何人 asks, it is no typo of 何か.
    expect(bundled.ask('観光局の制服は？').decision.kind).toBe('abstain');
  });

  it("counts by a katakana word one slip away from the entry's (トレーニグ) as by the word itself", async () => {
    const bundled = await bundledEngine();
    const slip = bundled.ask('高地トレーニグの協議会は何団体で運営していますか？').decision;
    expect(slip).toMatchObject({ kind: 'answer' });
    expect(slip.hits[0]?.entry.id).toBe('high-altitude-training');
    const hit = slip.hits[0] as RankedHit;
    expect(hit.matches.find((m) => m.term.text === 'トレーニグ')).toMatchObject({ via: 'approximate', slip: true });
  });

  it('answers in full a dialect question that says how hard the city works at it (ずく出して, ずくがいる)', async () => {
    const bundled = await bundledEngine();
    for (const [question, id] of [
      ['婚活の支援っつうのは、市はずく出してやってくれてるだかい？', 'marriage-support'],
      ['配布物が多くてずくがいるだわ、区長の負担は減っただかい', 'ku-chief-workload-reduction'],
    ] as const) {
      const { decision } = bundled.ask(question);
      expect(decision, question).toMatchObject({ kind: 'answer', confidence: 'full' });
      expect(decision.hits[0]?.entry.id, question).toBe(id);
    }
  });

  it('reads kana after a katakana word ending in ー (センターで) as opening with a particle', async () => {
    const bundled = await bundledEngine();
    // でいくじ is で・いくじ (育児), not デイ・くじ.
    const kana = bundled.ask('こどもセンターでいくじのことをそうだんできる？').decision;
    expect(kana).toMatchObject({ kind: 'answer', confidence: 'full' });
    expect(kana.hits[0]?.entry.id).toBe('child-center-parenting-consultation');
  });

  it('takes a slip that sounds like a corpus word for that word, before one a kanji away', async () => {
    const bundled = await bundledEngine();
    // 今活 sounds like 婚活 (コンカツ); 今回 is one kanji away but another word.
    const heard = bundled.ask('今活の支援は？').decision;
    expect(heard.hits[0]?.entry.id).toBe('marriage-support');
  });

  it('answers a word misheard or converted by sound with the corpus word it sounds like, nearly in full', async () => {
    const bundled = await bundledEngine();
    const cases = [
      // A name read kanji by kanji (信代: シンダイ, as 信大).
      ['信代とセミナーを開いたの？', '信代', 'shinshu-university-seminars'],
      // Kanji the dictionary cut into pieces (部・曲っ), heard as 部局.
      ['こもろ情報部曲は作った？', '部曲', 'komoro-information-bureau'],
      // Kanji written for a katakana word (千田ー: センター).
      ['ファミリーサポート千田ーはできるの？', '千田ー', 'family-support-center'],
      // One kanji of the same sound (側 for 川, both ガワ in チクマガワ).
      ['千曲側ワインバレー特区の取り組み', '千曲側', 'chikuma-river-wine-valley'],
      // A katakana word with a voicing slip.
      ['インバウント対応は？', 'インバウント', 'komoro-tourism-bureau'],
    ] as const;
    for (const [question, written, entry] of cases) {
      const { decision } = bundled.ask(question);
      expect(decision, question).toMatchObject({ kind: 'answer', confidence: 'full' });
      const best = decision.hits[0] as RankedHit | undefined;
      expect(best?.entry.id, question).toBe(entry);
      expect(best?.matches.find((m) => m.term.text === written)?.via, question).toBe('heard');
    }
  });

  it('reads a word in kana as a keyword of one word the dictionary calls no noun (わくわく: ワクワク)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('わくわくのはしらって どんなの？').decision.hits[0]?.entry.id).toBe('pillar-wakuwaku');
  });

  it('reads hiragana typed without a long vowel as the corpus word (かんこきょく, ねみんぐらいつ)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('かんこきょくはできた？').decision.hits[0]?.entry.id).toBe('komoro-tourism-bureau');
    expect(bundled.ask('ねみんぐらいつってなに').decision.hits[0]?.entry.id).toBe('naming-rights');
  });

  it('keeps declining questions whose own words only sound like words of the corpus', async () => {
    const bundled = await bundledEngine();
    // 講演会 is a word of its own, not the 後援会 of the report; 信代さん is someone's name.
    for (const question of ['講演会はいつ？', '信代さんに会いたい', '口座振替の手続きは？']) {
      expect(bundled.ask(question).decision.kind, question).toBe('abstain');
    }
  });

  it('finds each word of a kana run that holds several (こそだて + しえん)', async () => {
    const bundled = await bundledEngine();
    const kana = bundled.ask('こそだてのしえんはある？').decision;
    expect(kana).toMatchObject({ kind: 'answer' });
    expect(kana.hits[0]?.entry.id).toBe('childcare-and-home-education-support');
  });
});

describe('questions for a kind of fact the entry on their topic lacks', () => {
  it('says the report does not give it and offers the entry as related, for each kind', async () => {
    const bundled = await bundledEngine();
    const cases = [
      // The bureau's entry says it was set up, not when.
      ['観光局はいつ作られた？', 'date', 'komoro-tourism-bureau'],
      // The scholarship entry says it was founded; how to apply is the city's to tell.
      ['小諸あさま奨学金の申し込み方法を教えてください', 'procedure', 'komoro-asama-scholarship'],
      ['ネーミングライツで市にいくら入ったの？', 'amount', 'naming-rights'],
      ['小泉市長は何歳ですか', 'age', 'mayor-term'],
      ['次の防災訓練はいつですか', 'future', 'disaster-drill-review'],
      ['ネーミングライツを買ったのはどこの会社？', 'organization', 'naming-rights'],
      ['伝統行事応援隊の隊員は何人？', 'count', 'traditional-events-support-team'],
    ] as const;
    for (const [question, missing, related] of cases) {
      const { decision } = bundled.ask(question);
      expect(decision, question).toMatchObject({ kind: 'abstain', reason: 'not-in-report', missing });
      expect(decision.hits[0]?.entry.id, question).toBe(related);
    }
  });

  it('quotes a count only when the entry counts what was asked', async () => {
    const bundled = await bundledEngine();
    // 3682人 counts 小諸ふるさと市民, not the people living in the city.
    expect(bundled.ask('小諸市の人口は何人？').decision.kind).toBe('abstain');
    // A year says when; it is not what the number must be stated of.
    expect(bundled.ask('小諸の人口は令和2年で何人？').decision.kind).toBe('abstain');
    // Nor a word of the news told before the number asked (人口減少っていうけど).
    expect(bundled.ask('人口減少っていうけど、小諸の今の人口は何人？').decision.kind).toBe('abstain');
    // A rate named by the topic (受診率は？): 特定検診's rate is not that of がん検診.
    expect(bundled.ask('がん検診の受診率は？').decision.kind).toBe('abstain');
    expect(bundled.ask('特定検診の受診率は？').decision).toMatchObject({ kind: 'answer' });
    // The rate read as one word, mistyped (受信率): it names which number, and がん still says of what.
    expect(bundled.ask('がん健診の受信率は何%ですか？').decision.kind).toBe('abstain');
    expect(bundled.ask('特定健診の受信率は何%ですか？').decision).toMatchObject({ kind: 'answer' });
    expect(bundled.ask('平成30年度に税金の滞納で差し押さえたのは何件？').decision).toMatchObject({
      kind: 'answer',
      askedUnit: '件',
    });
    expect(bundled.ask('小諸ふるさと市民は何人？').decision).toMatchObject({ kind: 'answer', askedUnit: '人' });
    // 68区中61区: the drill entry counts districts.
    expect(bundled.ask('防災訓練は何区で実施したの？').decision).toMatchObject({ kind: 'answer', askedUnit: '区' });
    // Where the thing is done (山の上), which the dictionary lists as a place name, is no other council's figure.
    const altitude = bundled.ask('山の上の空気の薄さを使って選手を鍛えるやつ、いくつの団体でやってるの？').decision;
    expect(altitude).toMatchObject({ kind: 'answer', askedUnit: '団体' });
    expect(altitude.hits[0]?.entry.id).toBe('high-altitude-training');
  });

  it('quotes no count of a group when the question counts a part of it the entry does not name', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('小諸ふるさと市民のうち女性は何人？').decision).toMatchObject({
      kind: 'abstain',
      reason: 'not-in-report',
    });
  });

  it('counts people living in the city only with a number stated of 人口 (住んでる人 → 人口)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('小諸に住んでる人は何人くらい？').decision.kind).toBe('abstain');
  });

  it('takes a doing counted (受けに行く人の割合) as the figure the report names by the same kanji (受診率)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('毎年の健康診断、受けに行く人の割合は上がったの？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('specific-health-checkup-rate');
    // A doing no figure of the entry names (申し込む人) is still something else.
    expect(bundled.ask('特定検診を申し込む人の割合は？').decision.kind).toBe('abstain');
  });

  it('quotes no amount named otherwise than the one asked (滞納額 asked, 換価額 stated)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('市の税金の滞納額は、いまいくらくらいあるの？').decision.kind).toBe('abstain');
    const seized = bundled.ask('差押えた分の換価額はいくら？').decision;
    expect(seized.kind).toBe('answer');
    expect(seized.hits[0]?.entry.id).toBe('tax-delinquency-seizures');
  });

  it('takes a time before the counted thing (就任前の) for when, not for what is counted', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('就任前のふるさと納税の寄付額はいくら？').decision).toMatchObject({ kind: 'answer' });
  });

  it('answers how many there are with what was reached, and what was aimed at with a target', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('ふるさと市民っていま何人？').decision.hits[0]?.entry.id).toBe('furusato-shimin-members');
    expect(bundled.ask('ふるさと市民は何人を目指していたの？').decision.hits[0]?.entry.id).toBe(
      'furusato-shimin-for-tax-revenue',
    );
  });

  it('says the report does not cover a fact about a thing it never names (給食費 is not 医療費)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('給食費は無料になった？').decision).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    expect(bundled.ask('給食費の無償化、小諸でもやる予定ありますか？').decision).toMatchObject({
      kind: 'abstain',
      reason: 'not-in-report',
    });
    expect(bundled.ask('子どもの医療費は無料になった？').decision.kind).toBe('answer');
    // Words the corpus never uses in a description before the noun asked about are a paraphrase.
    const paraphrase = bundled.ask(
      '空気の薄い山の上で選手が体をつくる練習、あれを進めてる協議会っていくつの団体で回してるの？',
    );
    expect(paraphrase.decision.kind).toBe('answer');
    expect(paraphrase.decision.hits[0]?.entry.id).toBe('high-altitude-training');
  });

  it('declines a related answer to a question acting on a thing the report never names (除雪を手伝って)', async () => {
    const bundled = await bundledEngine();
    for (const letter of [
      '冬になると家の前の雪かきがつらくてなりません。市は、一人暮らしの年寄りの家の除雪を手伝ってくれるのでしょうか。',
      '中小企業を応援しているそうですが、今、小諸のハローワークにはどんな求人が出ていますか。',
      // Marked by に as well: the bath is not in the report.
      '高齢者福祉センターができたら、そこで風呂に入れるだかい',
    ]) {
      expect(bundled.ask(letter).decision, letter).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    }
    // Such a noun inside a description of the thing asked about is a paraphrase of it.
    const paraphrase = bundled.ask('子どもが熱を出して保育園を休まなきゃいけないとき、預かってくれる所ができるの？');
    expect(paraphrase.decision.kind).toBe('answer');
    expect(paraphrase.decision.hits[0]?.entry.id).toBe('sick-child-care-facility');
  });

  it('answers how much a pledge got done with its result, when the citizen names the pledge (残業ゼロ)', async () => {
    const bundled = await bundledEngine();
    const decision = bundled.ask('残業ゼロとか言ってたけど、実際どんだけ減ったわけ？').decision;
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('overtime-reduction');
  });

  it('declines a charge the report never writes (水道代), though an entry names the thing charged for (水道)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('水道代がまた上がるっつう話を聞いたけど、ほんとずら？').decision).toMatchObject({
      kind: 'abstain',
      reason: 'not-in-report',
    });
    expect(bundled.ask('小諸市の国民健康保険税は、去年と比べて上がりましたか？').decision.kind).toBe('abstain');
    // A charge the report writes (医療費) is answered, mistyped (医量費) too; a tax it never writes is not.
    expect(bundled.ask('子どもの医療費がタダになったって話はほんとずら？').decision.kind).toBe('answer');
    expect(bundled.ask('高校生までの医量費って、病院の窓口でいくら払うの？').decision.kind).toBe('answer');
    expect(bundled.ask('国民健康保検税は去年より上がりましたか？').decision.kind).toBe('abstain');
  });

  it('credits a synonym of a word written twice (部署を置く…部署を置く: 設置) wherever it stands', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '政策集に、情報の発信や収集を行う部署を置くという項目がございました。どのような名前の部署を置くとおっしゃっていたのでしょうか。',
    );
    expect(decision).toMatchObject({ kind: 'answer', confidence: 'full' });
    expect(decision.hits[0]?.entry.id).toBe('komoro-information-bureau');
  });

  it('reads a doing the corpus says in other words (誘いに行った: 誘致) as no thing the report lacks', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      'トライアスロンの外国のチームが小諸に来ていたそうです。高地トレーニングで誘いに行ったのは、どこの国のチームだったのでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('triathlon-team-invitation');
  });

  it('declines whether some people may too (一般の人も参加できますか) when the entry does not say', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('信大とのセミナーには一般の人も参加できますか。').decision.kind).toBe('abstain');
    expect(bundled.ask('信大とのセミナーってどんなの？').decision.kind).toBe('answer');
  });

  it('declines whether a thing the corpus never names is there (センターにはお風呂がありますか)', async () => {
    const bundled = await bundledEngine();
    for (const q of [
      '高齢者福祉センターにはお風呂がありますか',
      'こうれいしゃふくしせんたーには おふろが ありますか',
      // A place to do a thing the report never names.
      '浅間山麓でキャンプできる場所はありますか',
      // Whether it was there, the thing named with の (熊の目撃), asked politely.
      '有害鳥獣の対策をなさっていると伺いました。最近、私の住む地区で熊の目撃はございましたでしょうか。',
    ]) {
      expect(bundled.ask(q).decision).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    }
    // A thing the report names is there to answer, and whether there was a precedent is answered by a first.
    expect(bundled.ask('市に婚活の支援はありますか').decision.kind).toBe('answer');
    expect(
      bundled.ask('JA佐久浅間と市が包括連携協定を結んだと聞きました。近くの市町村で前例はあったのでしょうか。').decision
        .kind,
    ).toBe('answer');
  });

  it('declines a place in a ranking (県内で何位) that the report does not state, and still answers the sum', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('ふるさと納税の寄付額は県内で何位ですか。').decision).toMatchObject({
      kind: 'abstain',
      reason: 'not-in-report',
    });
    expect(bundled.ask('ふるさと納税の寄付額はいくらですか。').decision.kind).toBe('answer');
  });

  it('takes a time clause (市長になる前は) for when, not for what is counted', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('市長になる前はふるさと納税でいくら集まってた？').decision.kind).toBe('answer');
  });

  it('declines a question on a thing typed in kana that no entry reads (りんご)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('ふるさと納税のお礼でりんごはもらえる？').decision.kind).toBe('abstain');
  });

  it('declines a rate of a thing named in two kana that no entry reads (がん検診), and still reads a cut run', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('がん検診の受診率はどのくらい？').decision).toMatchObject({
      kind: 'abstain',
      reason: 'not-in-report',
    });
    expect(bundled.ask('特定検診の受診率はどのくらい？').decision.kind).toBe('answer');
    expect(bundled.ask('しみんきょうどうがひつようなりゆうはなに？').decision.kind).toBe('answer');
  });

  it('still answers a kind of fact the entry holds', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('小泉市長はいつ就任した？').decision).toMatchObject({ kind: 'answer' });
    expect(bundled.ask('ふるさと納税の寄付額はいくら？').decision).toMatchObject({ kind: 'answer', askedUnit: '円' });
    expect(bundled.ask('複合型施設はいつ完成する予定？').decision.hits[0]?.entry.id).toBe('complex-facility-plan');
  });
});

describe('the kind of fact asked, on the bundled corpus', () => {
  it('declines a count in any counter (何組) from an entry with no number, offering it as related', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('子どもチャレンジ講座には何組の親子が来たの？');
    expect(decision).toMatchObject({ kind: 'abstain', reason: 'not-in-report', missing: 'count' });
    expect(decision.hits[0]?.entry.id).toBe('children-challenge-courses');
  });

  it("quotes a pledge's number only for what was aimed at, never for how many there are", async () => {
    const bundled = await bundledEngine();
    // Neither 3,682人 (ふるさと市民) nor the pledged 10万人 is the city's population.
    expect(bundled.ask('こもろの人口は？').decision.kind).toBe('abstain');
    // 住んでる after 何人 counts those who live there: 人口, which no entry states.
    expect(bundled.ask('小諸には何人住んでるの？').decision.kind).toBe('abstain');
    // Typed in romaji, or with a slip after it (人口派今), the population is still what is counted.
    expect(bundled.ask('komoro city no jinkou wa nannin desu ka?').decision.kind).toBe('abstain');
    expect(bundled.ask('小諸市の人口派今何人ですか？').decision.kind).toBe('abstain');
    // Those who live there, totalled after a comma (、合わせて何人), are counted too.
    expect(bundled.ask('小諸市に暮らしている人は、合わせて何人ですか').decision.kind).toBe('abstain');
    const pledged = bundled.ask('政策集では仮想市民を何人集めると掲げた？').decision;
    expect(pledged).toMatchObject({ kind: 'answer' });
    expect(pledged.hits[0]?.entry.id).toBe('furusato-shimin-for-tax-revenue');
  });

  it('declines a name the entry does not give (a sponsor, the members), and gives one it does', async () => {
    const bundled = await bundledEngine();
    const sponsor = bundled.ask('ネーミングライツのスポンサーの名前は？').decision;
    expect(sponsor).toMatchObject({ kind: 'abstain', reason: 'not-in-report', missing: 'organization' });
    expect(sponsor.hits[0]?.entry.id).toBe('naming-rights');
    const members = bundled.ask('ワイン委員会には誰が入ってるの？').decision;
    expect(members).toMatchObject({ kind: 'abstain', reason: 'not-in-report', missing: 'person' });
    expect(members.hits[0]?.entry.id).toBe('komoro-wine-committee');
    // The entry names JA佐久浅間.
    expect(bundled.ask('協定を結んだ農協の名前は？').decision).toMatchObject({ kind: 'answer' });
  });

  it('declines a question about a thing an entry has only as a keyword, which the report never names', async () => {
    const bundled = await bundledEngine();
    // 返礼品 is a keyword of the donations' entry; the report says nothing of return gifts.
    const gifts = bundled.ask('ふるさと納税の返礼品は何がある？').decision;
    expect(gifts).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    expect(gifts.hits[0]?.entry.id).toBe('furusato-nozei-growth');
    // The keyword still finds the donations when they are what is asked.
    expect(bundled.ask('返礼品の寄付は増えた？').decision).toMatchObject({ kind: 'answer' });
  });

  it('takes a doing named with its thing (災害への備え) for the thing, a doing named alone (空き) for what is asked', async () => {
    const bundled = await bundledEngine();
    const ready = bundled.ask(
      '災害への備えについての項目はあるのでしょうか。あれば、どのように書かれているか教えてください。',
    );
    expect(ready.decision.kind).toBe('answer');
    expect(ready.decision.hits[0]?.entry.id).toBe('disaster-resilient-town');
    expect(bundled.ask('来年の春から下の子を保育園に入れたいんだけど、空きってある？').decision.kind).toBe('abstain');
  });

  it('takes a noun that classes a thing (〜をつける企画) for no thing the report lacks', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('軽井沢から電車で来る観光客にお得な特典をつける企画って、何をやったの？');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('karuizawa-komoro-passport');
  });

  it('takes how a thing should be (学校のあり方), a keyword of the entry, for no thing it lacks', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('学校の将来のあり方はどこで議論されていますか');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('school-improvement-discussions');
  });

  it('takes a keyword the entry says as a verb (売り込み: まちを売り込む) for a thing it names', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('まちの売り込みでは、どんな手段が使われて効果を上げたのでしょうか。');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('city-promotion');
  });

  it('answers a topic told as a clause in the words of the entry keywords, which describe it', async () => {
    const bundled = await bundledEngine();
    // 市町村 is only a keyword of the joint bus, but here it describes the bus, not a thing asked about.
    const bus = bundled.ask('浅間山のふもとの市町村と一緒にバスを走らせるって話があったよね').decision;
    expect(bus).toMatchObject({ kind: 'answer' });
    expect(bus.hits[0]?.entry.id).toBe('asama-foothill-joint-bus');
  });

  it('takes a word that only sounds like a keyword for a slip, not for a thing the report never names', async () => {
    const bundled = await bundledEngine();
    // 参科 sounds like 参加 (a keyword of the council entry): the citizen means its 参画率.
    expect(bundled.ask('女性参科率って目標いくつだったっけ').decision).toMatchObject({
      kind: 'answer',
      askedUnit: '%',
    });
  });

  it("declines a question about another city or town: its facts are another council's", async () => {
    const bundled = await bundledEngine();
    for (const question of [
      '長野市の防災訓練の実施率はどのくらい？',
      '御代田町にも返さなくていい奨学金ってある？',
      // The report names 軽井沢 only as where visitors come from, not the town's own affairs.
      '軽井沢町では移住した人にどのような支援金が出るのでしょうか。',
      // Another council the citizen does not name is no more Komoro's than one named.
      'となりの市だと子どもの医療費の窓口負担はいくら？',
    ]) {
      expect(bundled.ask(question).decision, question).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    }
    // A town the report names, and a town the citizen only comes from, are no reason to decline.
    expect(bundled.ask('軽井沢町から来る人向けの優待パスポートって何？').decision.kind).toBe('answer');
    expect(bundled.ask('長野市から越してきました。ふるさと納税の実績は？').decision.kind).toBe('answer');
  });

  it("declines a question about another country's team where the entry names others only", async () => {
    const bundled = await bundledEngine();
    // The report names the American and German triathlon teams, not Japan's.
    expect(bundled.ask('トライアスロンの日本代表チームも小諸で合宿したの？').decision).toMatchObject({
      kind: 'abstain',
      reason: 'not-in-report',
    });
    expect(bundled.ask('トライアスロンのアメリカチームは来たの？').decision.kind).toBe('answer');
  });

  it('reads a question typed in kana or romaji for the kind of fact it asks, as in kanji', async () => {
    const bundled = await bundledEngine();
    for (const question of [
      'ちゅうしゃじょうは なんだい とめられますか',
      'ぽーたるの あどれすを おしえて',
      'shougakukin wa nannin ga moratta?',
      'sakkyoku contest no shoukin ikura?',
      'fukushi center no opening hours wa?',
    ]) {
      expect(bundled.ask(question).decision, question).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    }
  });

  it('reads a kana numeral typed in romaji as a number, as typed in kana (itsutsu no hashira)', async () => {
    const bundled = await bundledEngine();
    for (const question of ['itsutsu no hashira tte nani to nani?', 'いつつの はしらって なにと なに？']) {
      expect(bundled.ask(question).decision.hits[0]?.entry.id, question).toBe('five-pillars');
    }
  });

  it('answers why (なぜ, なんで) with the entry that gives the reason, not the summary naming it', async () => {
    const bundled = await bundledEngine();
    for (const question of [
      'なぜ市民協働が必要なの？',
      '市民協働っつうのは、なんでそんなに大事だって市長は言っとるだかい？',
    ]) {
      expect(bundled.ask(question).decision.hits[0]?.entry.id, question).toBe('true-citizen-collaboration');
    }
    expect(bundled.ask('市長が心がけてきたことは？').decision.hits[0]?.entry.id).toBe('mayor-three-points');
  });

  it('reads an English ordinal before a noun as the report counts its pillars (the third pillar)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('What is the third pillar?').decision.hits[0]?.entry.id).toBe('pillar-egao');
    expect(bundled.ask('The fifth pillar is called "wakuwaku". What is it about?').decision.hits[0]?.entry.id).toBe(
      'pillar-wakuwaku',
    );
  });

  it('reads project as the report names its projects (音楽のまち・こもろ」プロジェクト)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('ongaku no machi komoro project de nani shiteru no?');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('music-town-komoro');
  });

  it('names the holder of a post only where the report does', async () => {
    const bundled = await bundledEngine();
    // 「正副会長を市長が任命」 names who appoints them, not who they are.
    expect(bundled.ask('地域連絡会の会長さんのお名前は？').decision).toMatchObject({
      kind: 'abstain',
      missing: 'person',
    });
    expect(bundled.ask('地域連絡会の会長って誰が任命するの？').decision.kind).toBe('answer');
    expect(bundled.ask('小諸の副市長の名前を教えて').decision).toMatchObject({ kind: 'abstain', missing: 'person' });
    // 「書き手は小諸市長の小泉俊博です」 names him after the post.
    expect(bundled.ask('小諸市長の名前は？').decision.kind).toBe('answer');
  });

  it('declines a web address, what points are exchanged for, or which farmland, where the entry says none', async () => {
    const bundled = await bundledEngine();
    for (const question of [
      '移住定住ポータルのURLを教えて',
      '健幸マイレージのポイントは何と交換できるの？',
      '優良生産地のプロジェクトはどこの農地でやるの？',
    ]) {
      expect(bundled.ask(question).decision, question).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    }
  });

  it('reads a rate mistyped by its sound (受信率 for 受診率) as the rate the entry states', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('特定検診の受信率はどのくらい？').decision).toMatchObject({ kind: 'answer', askedUnit: '%' });
  });

  it('answers a school year (何年生まで) and a total (全部でいくつ) from the figures an entry states', async () => {
    const bundled = await bundledEngine();
    const grade = bundled.ask('子どもの医療費の窓口無料化って、何年生までが対象？').decision;
    expect(grade).toMatchObject({ kind: 'answer' });
    expect(grade.hits[0]?.entry.id).toBe('welfare-medical-free-at-counter');
    expect(bundled.ask('防災訓練の話に出てくる区って、全部でいくつあるの？').decision).toMatchObject({
      kind: 'answer',
      askedUnit: '区',
    });
  });
});

describe('a long polite message', () => {
  it('asks about what これは or そうしたこと points back to: the name quoted before, or the clause', async () => {
    const bundled = await bundledEngine();
    const period = bundled.ask(
      '会報の中ほどに「市政3年半の軌跡」という見出しがございました。これはいつからいつまでの取り組みをまとめたものなのでしょうか。',
    ).decision;
    expect(period.kind).toBe('answer');
    expect(period.hits[0]?.entry.id).toBe('progress-report-period');
    const culture = bundled.ask(
      '古くからの行事を守ることも大事ですが、これから新しい文化や伝統が生まれることも楽しみにしております。そうしたことについて、市長さんは何か政策を掲げておられましたでしょうか。',
    ).decision;
    expect(culture.hits[0]?.entry.id).toBe('new-culture-and-tradition-support');
  });

  it('reads そうした制度 as the grant heard of just before it, not a wish told earlier in the story', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '名古屋にいる息子が、いずれ小諸に帰ってパン屋をやりたいと申しております。こちらに移り住んで商売を始める人への助成金があると耳にしたのですが、そうした制度はございますか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('entrepreneur-discovery-and-support');
  });

  it('declines what a thing named in romaji holds when the entry has it only as a keyword (henreihin)', async () => {
    const bundled = await bundledEngine();
    for (const q of ['ふるさと納税の返礼品って何？', 'furusato nozei no henreihin って何？']) {
      expect(bundled.ask(q).decision, q).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    }
    // A name asked in kana (だいめいって) is the name wanted, not a thing the entry lacks.
    expect(bundled.ask('こうえんかいほうの だいめいって なんていうの？').decision.kind).toBe('answer');
  });

  it('declines a charge asked outright of another group than the news heard (子どもは…。お年寄りは？)', async () => {
    const bundled = await bundledEngine();
    for (const q of [
      '子どもの医療費は窓口で500円になったそうですね。では私ども年寄りの医療費の窓口負担は、いくらになったのでしょうか。',
      '子どもの医療費は窓口で500円になったと伺いました。それでは高齢者の医療費の自己負担はいくらになりましたか。',
    ]) {
      expect(bundled.ask(q).decision, q).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    }
    const own = '孫の医療費のことを聞きました。子どもの医療費の窓口負担はいくらになりましたか。';
    expect(bundled.ask(own).decision.kind).toBe('answer');
  });

  it('asks about the word a demonstrative points back to, not the story around it (その施設)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '先週、あぐりの湯に行った帰りに市民バスに乗りましたところ、運転手さんから新しい複合施設の話を伺いました。その施設にはどのような機能が入るのでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('complex-facility-functions');
  });

  it('asks about a topic raised earlier in the story when the question names it again (何という研修)', async () => {
    const bundled = await bundledEngine();
    const asked = bundled.ask(
      '市役所の女性の係長さんたちを対象にした研修があると、役所に勤める姪から聞きました。姪は今主任だそうで、いずれ受けるのかしらと思いまして。何という研修なのか、教えていただけると幸いです。',
    );
    expect(asked.decision.kind).toBe('answer');
    expect(asked.decision.hits[0]?.entry.id).toBe('women-career-up-training');
    // Who told it is not what is asked.
    expect(asked.decisive.map((t) => t.text)).not.toContain('姪');
  });

  it('reads the kind of fact wanted in the clause that asks, not in the story before it', async () => {
    const bundled = await bundledEngine();
    // 応募 in what was heard asks for no procedure; 来年 in the worry asks for no future date.
    const music = bundled.ask(
      '孫娘がピアノを習っておりまして、小諸には子どもが曲を作って応募できるコンクールがあると聞きました。ほかにも音楽に関することを市がいろいろやっていると耳にしましたが、コンクールのほかにはどんなことがあるのでしょうか。',
    ).decision;
    expect(music.kind).toBe('answer');
    expect(music.hits[0]?.entry.id).toBe('music-town-komoro');
    const school = bundled.ask(
      '孫に少し発達の遅れがあり、来年学校に上がってからどうしてもらえるのか、娘ともども心配しております。市長さんの政策の中に、そういう子どもたちの教育を手厚くするものはありましたでしょうか。',
    ).decision;
    expect(school.kind).toBe('answer');
    expect(school.hits[0]?.entry.id).toBe('special-needs-education');
    // Told as what the family keeps an eye on (気にかけております): still the story.
    const teachers = bundled.ask(
      '孫に障害がございまして、学校での支援がどうなっているのか家族一同で気にかけております。障害のある子どもを教える先生方を育てる取り組みがあると伺いましたが、どのような内容でしょうか。',
    ).decision;
    expect(teachers.kind).toBe('answer');
    expect(teachers.hits[0]?.entry.id).toBe('special-needs-instructor-training');
    // A worry that runs on into the ask itself (〜のか、気になっておりますので教えて…) is what is asked.
    const university = bundled.ask(
      '信大と市の連携が広がったそうですね。どの分野まで広げたのか、農家として気になっておりますので教えていただけますか。',
    ).decision;
    expect(university.kind).toBe('answer');
    expect(university.hits[0]?.entry.id).toBe('shinshu-university-agriculture');
  });

  it('answers no part of a letter that asks for a fact its topic lacks, unless that part asks for one an entry holds', async () => {
    const bundled = await bundledEngine();
    // Where it is sold and for how much: the pet food entry says neither; 試してみたい asks nothing.
    const petFood = bundled.ask(
      '市が鹿の肉でペットフードを作っていると聞きました。うちの老犬は食が細いので、ニホンジカのペットフードを試してみたいのです。どこのお店で売っていて、一袋いくらなのでしょうか？',
    ).decision;
    expect(petFood.kind).toBe('abstain');
    // What goes inside, the plan's entry lacks; when it will be finished (R3秋), it states.
    const facility = bundled.ask(
      '新しい複合施設ができると聞き、楽しみにしております。いつ完成する予定なのでしょうか。また、中にはどのような施設が入るのでしょうか。',
    ).decision;
    expect(facility.kind).toBe('answer');
    expect(facility.hits[0]?.entry.id).toBe('complex-facility-plan');
  });

  it('asks about the topic heard of just before a sentence of story (〜というのがあると聞きました。…)', async () => {
    const bundled = await bundledEngine();
    // How many have registered and whom to ask: the support team's entry says neither.
    const { decision } = bundled.ask(
      '伝統行事応援隊というのがあると聞きました。うちの区の祭りにも来ていただきたいのですが、今何人くらいが登録していて、どこに頼めば来てもらえるのでしょうか。',
    );
    expect(decision.kind).toBe('abstain');
    expect(decision.hits[0]?.entry.id).toBe('traditional-events-support-team');
  });

  it('tells a question apart that asks for a fact of its own (a kind, a name) from one that only tells a wish', () => {
    expect(asksFact('何という課なのでしょうか。', undefined)).toBe(true);
    expect(asksFact('一袋いくらなのでしょうか。', 'amount')).toBe(true);
    expect(asksFact('ニホンジカのペットフードを試してみたいのです。', undefined)).toBe(false);
  });

  it('answers a part in place of the whole message only with an entry the whole message ranks high', async () => {
    const bundled = await bundledEngine();
    // 地区の名前を教えて alone finds the entry on the 10地区: the message is about the drills.
    const { decision } = bundled.ask(
      '令和元年の防災訓練は、ほとんどの区で実施されたと聞きました。一方で、実施されなかった区もいくつかあったそうですね。訓練を行わなかったのはどの区だったのか、地区の名前を教えていただけますでしょうか。',
    );
    expect(decision.hits[0]?.entry.id).not.toBe('district-liaison-chairs-appointed');
    expect(decision.kind === 'answer' && decision.confidence === 'full').toBe(false);
  });

  it('declines the names of prize winners or of tenants the report does not give, and names a railway it does', async () => {
    const bundled = await bundledEngine();
    const winners = bundled.ask('夢アワードのこれまでの受賞者のお名前を教えていただけますか。').decision;
    expect(winners).toMatchObject({ kind: 'abstain', reason: 'not-in-report', missing: 'person' });
    const tenant = bundled.ask('複合施設には実際にはどういう名前のお店が入ることになったのでしょうか。').decision;
    expect(tenant).toMatchObject({ kind: 'abstain', reason: 'not-in-report', missing: 'organization' });
    const railway = bundled.ask(
      '地元を走る鉄道の会社と手を組む公約は、その会社の名前と一緒に教えてください。',
    ).decision;
    expect(railway.kind).toBe('answer');
    expect(railway.hits[0]?.entry.id).toBe('shinano-railway-partnership');
  });

  it('does not answer a detail asked along (〜かも伺えれば) apart from the question it belongs to', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      'フレイル予防の訪問指導のお話を会報で読み、母のことを考えました。ところで、高齢者のインフルエンザの予防接種には市から助成があるのでしょうか。自己負担がいくらかも伺えれば幸いです。',
    );
    expect(decision.kind === 'answer' && decision.confidence === 'full').toBe(false);
  });

  it('does not answer apart a question naming only what is wanted of the thing before (自己負担額がいくら)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '65歳以上の予防接種には市の助成があるのでしょうか。自己負担額がいくらになるのか教えてください。',
    );
    expect(decision.kind).toBe('abstain');
    // Asked alone, the cost at the counter is the children's medical fee.
    expect(bundled.ask('子どもの医療費の自己負担額はいくら？').decision.kind).toBe('answer');
  });

  it('does not answer apart a question asking only when the thing before runs (毎日走ってる？)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('ワイナリーバスって乗るのいくら？毎日走ってる？').decision.kind).toBe('abstain');
  });

  it('does not answer apart a question asking only where to get the thing before (市役所の窓口に置いてありますか)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '政策集を最初から全部読んでみたいのですが、冊子はどこでもらえるのでしょうか。市役所の窓口に置いてありますか。',
    );
    expect(decision.kind).toBe('abstain');
  });

  it('declines what kind of person someone is (講師はどんな人) and per what a charge is paid (1回ごと) when the entry does not say', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('小諸未来義塾の講師はどんな人ですか。').decision.kind).toBe('abstain');
    expect(bundled.ask('子どもの医療費で窓口に払う500円は、1回ごとですか、それとも月ごとですか。').decision.kind).toBe(
      'abstain',
    );
    expect(bundled.ask('子どもの医療費で窓口に払うのはいくらですか。').decision.kind).toBe('answer');
  });

  it('declines where a thing is, which towns or universities, who may join and what points buy when the entry does not say', async () => {
    const bundled = await bundledEngine();
    for (const q of [
      '子どもセンターの場所を教えてください',
      '市民バスの浅間山麓共同運行は、どこの町村と一緒にやってるの？',
      'なんか小諸キャンパス構想で大学生が来てるって聞いたんだけどえーとどこの大学が来てるの',
      '小諸未来義塾には誰でも参加できますか',
      'ネーミングライツが付いた施設はどれですか',
      'こもろ健幸マイレージで貯めたポイントは、どのような品物と交換できるのでしょうか。',
      'あぐりの湯の隣の農産物の施設が広くなったそうですが、あそこに野菜を出すにはどのような手続きが必要でしょうか。',
      // Which school, typed in kana: the report names none for the air conditioners.
      'エアコンは どこの がっこうに つきましたか',
    ]) {
      expect(bundled.ask(q).decision, q).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    }
    // Where the report says it is, the place is the answer.
    expect(bundled.ask('ボランティアセンターの場所を教えてください').decision.kind).toBe('answer');
  });

  it('declines the kinds of fact asked in kana, romaji or a letter that the entry lacks', async () => {
    const bundled = await bundledEngine();
    for (const q of [
      'ふるさとのうぜい したら おれいの しなもの は なにが もらえるの？',
      'けんこうまいれーじ の ぽいんと って なにと こうかん できるの？',
      // The complex facility's place, typed in kana: the name it holds is no answer.
      'ふくごうしせつ って どこに たつの？ ばしょ おしえて',
      'Komoro Mirai Gijuku no koushi wa dare desu ka?',
      'lunch meeting with shokuin, nankai kaisai shita?',
      '10地区の名前を教えてください',
      'コミュニティテレビの番組表が見たい',
      '特定検診の受診率は県平均より高い？',
      '孫が学校で副読本の「小諸ストーリー」を使っていると話してくれました。大人でもどこかで購入することはできるのでしょうか。',
      '学校教育審議会の話し合いは、一般の市民でも傍聴することができるのでしょうか。',
      '管理棟の整備にはどれくらいの工事費がかかったのでしょうか。',
      // A rate asked with を教えて: the insurance plan states none.
      '国民健康保険税の税率を教えて',
      // An income, the members' names, why a target was missed, a figure per person: not stated.
      'ネーミングライツでどれだけの収入がありましたか',
      '高地トレーニングの協議会に入っている8団体の名前を全部教えてください',
      '審議会の女性参画率が目標の45%に届かなかったのはなぜですか',
      '役所の人たちの定時後の仕事、一人あたりだと月に何時間くらいなの？',
      // Running again: 立候補 is only a keyword of the platform's entry (立候補時の政策).
      '市長さんは2期目にも立候補するのでしょうか',
      '市長さんは二期目にも立候補すると表明なさっているのでしょうか。',
      // In a compound the corpus never writes whole: 浸水 names nothing of the report.
      '千曲川沿いのハザードマップで私どもの地区は浸水想定区域に入っているのでしょうか。',
      // Which towns are members: the council's entry names none.
      '千曲川ワインバレーって東御のワイナリーも入ってるの？どこが入ってるか全部知りたい',
      // In romaji and kana: a year the entry does not state, a ranking, a perk, how to register.
      'zeikin taino no sashiosae, 2020 nendo wa nan ken datta?',
      'furusato nouzei no henreihin ranking oshiete',
      'こもろふるさとしみん に なると なにか もらえるの',
      '小諸ふるさと市民のとうろく方法おしえてください',
      // Another town's figure: the entries state Komoro's.
      '軽井沢のふるさと納税額は小諸より多い？',
      // The thing asked about (どのような返礼品) is only a keyword of the donations' entry.
      '小諸市のふるさと納税ではどのような返礼品を選べるのでしょうか。',
      // How to put out rubbish, the mayor's family, another council or the national average, when a
      // target will be met, how many tourists come: the report does not say.
      'Komoro no gomi no dashikata oshiete kudasai',
      '市長のご家族は？奥さんや子どもさんも小諸に住んでるの？',
      '残業が12.81%減ったって言うけど、他の市と比べてどうなの？全国平均は？',
      'ふるさと納税が50.5倍って言うけど、全国平均の伸びと比べたらどうなの？',
      '小諸ふるさと市民って10万人にするって言ってたのに3682人。いつ10万人になるの？',
      '小諸には年間どれくらいの観光客が来てるんですか',
      // A change since a year ago, of an entry that states one count as of one day.
      '小諸ふるさと市民、1年前と比べて何人増えたんですか？',
      // A body the corpus never names, asked of in the clause that asks: the entry is another's.
      '長野大学とも産学官連携ってやってるの？どんな内容？',
      '小海線の車両入れ替えにも、市はお金を出したの？',
      'トライアスロンのチーム、フランスからも来てくれたの？',
      // A change over years the entry does not state (H29→H30 is stated).
      '市役所の残業時間、H30からR元にかけてはどのくらい減ったんですか',
    ]) {
      expect(bundled.ask(q).decision, q).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    }
    for (const q of [
      'どこの小学校の管理棟を整備したの？',
      '大学の先生から経営や技術の話を聞ける勉強会があると聞きましたが、市はどこの大学とそういう会を開いているのでしょうか。',
      '特定検診の受診率はどのくらい？',
      '特定検診の受診率を教えて',
      '残業は何時間減った？',
      '高地トレーニングの協議会にはいくつの団体が入っているの？',
      'なぜ市民協働が欠かせないのですか',
      '鹿のペットフードを販売したの？',
      '市は婚活を支援しているの？',
      '小諸市は千曲川ワインバレー特区に入っているの？',
      '複合施設にはどこが入ってるの？',
      '小諸のふるさと納税額は？',
      '横浜の息子が小諸ふるさと市民に入りました。ふるさと市民は何人いるの？',
      '信州大学とも産学官連携ってやってるの？どんな内容？',
      '横浜の娘がふるさと納税してくれたんだけど、寄付はいくら集まったの？',
      // A name in the topic raised before the question (高峰高原の方を走っているのを見かけます) is told, not asked of.
      '毎年夏になると、外国の選手が高峰高原の方を走っているのを見かけます。家内とは、どこの国の人だろうといつも話しておりました。市では高地トレーニングで、どこの国のトライアスロンチームを呼び込もうとしてきたのでしょうか。',
      // A katakana word the dictionary does not know is most often a slip, no name of another thing.
      'コミニティバスターミナルってどこにできるんですか',
      '市役所の残業時間、H29からH30にかけてはどのくらい減ったんですか',
      // The counter where one pays is the 窓口 of the report, to citizens the 受付 (corpus/synonyms.yaml).
      '高校生の娘が風邪でお医者さんにかかったとき、受付で払うお金は結局いくらになるの？',
      // What is counted is read in the main question, not in one asked along (一人あたりでは…も分かれば).
      '嫁が市役所で働いており、以前は帰りが遅くて孫の世話が大変でした。最近は少し早く帰れるようになったようです。会報に、市役所の残業時間がどのくらい減ったか書いてあったと聞きましたが、時間にするとおよそ何時間減ったのでしょうか。職員一人あたりでは何時間になるのかも分かれば教えてください。',
      // A name in the story before the question (長野県は長寿県と言われますが) is no name asked of.
      '私も家内も八十を過ぎましたが、おかげさまでまだ二人で畑に出ております。長野県は長寿県と言われますが、市長さんは小諸で何か日本一を目指すとおっしゃっていたと聞きました。何の日本一を目指して、お年寄りのために何をすると書いてあったのでしょうか？',
      'ふるさと市民にはどれくらいの人が登録しているの？',
      '複合施設はいつ完成するの？',
      // The whole a count is taken over (市内を, 全部で) is not what it counts.
      '地域連絡会って市内を何地区に分けてるの',
      '防災訓練、市内の区は全部でいくつあるの？',
      'ふるさと納税は就任前と比べて何倍に増えたの？',
      // A count asked in a word mistyped by its sound (県数 for 件数) is asked in the word meant.
      '税金滞納の差押え県数はどれくらい増えた？',
    ]) {
      expect(bundled.ask(q).decision.kind, q).toBe('answer');
    }
  });

  it('answers which JA, where a thing is shown, which buses and a charge said in everyday words when the entry states it', async () => {
    const bundled = await bundledEngine();
    const cases: [string, string][] = [
      ['包括連携協定を結んだJAはどこですか？', 'ja-saku-asama-agreement'],
      ['小諸ふるさと遺産ってどこで紹介してんの？', 'furusato-heritage-on-sns-and-tv'],
      ['観光客向けの巡回バスにはどんなものがありますか。', 'tourist-circuit-buses'],
      ['子どもの病院代は窓口でいくら払えばいいですか？', 'welfare-medical-free-at-counter'],
      ['小諸古里市民の実績って今何人くらいになってますか', 'furusato-shimin-members'],
    ];
    for (const [q, id] of cases) {
      const { decision } = bundled.ask(q);
      expect(decision.kind === 'answer' && decision.hits[0]?.entry.id, q).toBe(id);
    }
    // Where a thing is shown is no answer to which were chosen.
    expect(bundled.ask('小諸ふるさと遺産に選ばれたのはどこですか').decision.kind).toBe('abstain');
  });

  it('declines whether a thing is free, a rate, or which of two things when the entry says it of nothing asked', async () => {
    const bundled = await bundledEngine();
    for (const q of [
      // The entry's 無料 is of the media, not the parking.
      '市役所の駐車場は無料で使えますか',
      '国民健康保険税の税率、今年は変わりましたか',
      '税金滞納の差押えで押さえたのは、不動産ですか預金ですか',
    ]) {
      expect(bundled.ask(q).decision, q).toMatchObject({ kind: 'abstain', reason: 'not-in-report' });
    }
    expect(bundled.ask('高校生までの医療費は無料ですか').decision.kind).toBe('answer');
    expect(bundled.ask('税金滞納の差押えは何件でしたか').decision.kind).toBe('answer');
    // A way of doing a thing free (タダで知ってもらう) asks no free thing.
    const { decision } = bundled.ask(
      'お金を払って広告を出すかわりに、番組や記事で取り上げてもらってタダで知ってもらうやり方',
    );
    expect(decision.kind === 'answer' && decision.hits[0]?.entry.id).toBe('principle-free-media');
  });

  it('does not answer apart a question asking only who does the thing before (観光局がやってんの？)', async () => {
    const bundled = await bundledEngine();
    expect(bundled.ask('小諸の花火大会って今年いつ？観光局がやってんの？').decision.kind).toBe('abstain');
    expect(bundled.ask('こもろ観光局って何をしているの？').decision.kind).toBe('answer');
  });

  it('does not answer apart whether the thing before is found elsewhere too (アメリカにもありますか)', async () => {
    const bundled = await bundledEngine();
    // The sister cities are asked of America too; the triathlon teams from America are no answer.
    expect(bundled.ask('小諸市の姉妹都市はどこですか？アメリカやドイツにもありますか？').decision.kind).toBe('abstain');
    expect(bundled.ask('アメリカやドイツのチームを誘致したって本当ですか？').decision.kind).toBe('answer');
  });

  it('does not answer a thing asked along (駐車場の場所も教えて) apart from the question it belongs to', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '期日前投票は市役所のどこでできるのでしょうか。家族に車で送ってもらうつもりですので、駐車場の場所も教えてください。',
    );
    expect(decision.kind).toBe('abstain');
  });

  it('takes the topic of a question naming nothing from the clause before, not from one about the citizen (私は目が悪くて)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '表紙に大きく書かれた標語がなかなか良いと主人が申すのですが、私は目が悪くて細かいところが読めません。どんな言葉が書いてあるのか教えていただけますか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('report-title-slogan');
  });

  it('finds what あれは points back to in the topic raised before a sentence of story', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '食べ物をテーマにした遊園地のようなものを作るという話を、いつだったか聞いた覚えがございます。孫を連れて行けたら楽しかろうと思いまして。あれは市長さんの公約だったのでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('food-theme-park');
  });

  it('answers the number aimed at (何人集める気でいたの) with the pledge, and such a place (そういうところ) from the clause before', async () => {
    const bundled = await bundledEngine();
    const aim = bundled.ask(
      '小諸に住んでなくても応援してくれる人を、住民みたいに登録してもらう仕組み。はじめは何人くらい集める気でいたの？',
    ).decision;
    expect(aim.kind).toBe('answer');
    expect(aim.hits[0]?.entry.id).toBe('furusato-shimin-for-tax-revenue');
    const team = bundled.ask(
      '人手が足りなくて昔からのお祭りが続けられそうにない。そういうところに手を貸してくれる人たちの集まりを作るって話、名前なんだっけ',
    ).decision;
    expect(team.kind).toBe('answer');
    expect(team.hits[0]?.entry.id).toBe('traditional-events-support-team');
  });

  it('takes あの with a name of its own (あの複合施設) as that thing, not the story told of it before', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '足が悪く、用事を一か所でまとめて済ませられる施設ができると聞いて楽しみにしております。あの複合施設はいつ頃出来上がる予定なのでしょうか。待ち遠しくてなりません。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('complex-facility-plan');
  });

  it('takes その with a name of two words of the report (その仮想市民) as that thing, not the sentence before', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '政策集に、仮想の市民を大勢つくって税収を増やすという話があったそうで、驚きました。もう八十を過ぎた頭には、今どきの考え方はなかなか難しいものです。その仮想市民というのは、何人くらいを目標にしていたのでしょうか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('furusato-shimin-for-tax-revenue');
  });

  it('finds what その points back to however far back, without the time said before it (毎年鹿)', async () => {
    const bundled = await bundledEngine();
    const deer = bundled.ask(
      '畑の野菜を毎年鹿に荒らされ、ほとほと困り果てております。その鹿を何かに役立てる事業を市が始めたと聞いたのですが、いったい何にしているのでしょうか。少しでも気が晴れればと思い、お尋ねする次第です。',
    ).decision;
    expect(deer.kind).toBe('answer');
    expect(deer.hits[0]?.entry.id).toBe('deer-pet-food');
    // 練習 was named four sentences before その練習, further back than the story read with a question.
    const training = bundled.ask(
      '標高の高い小諸で、スポーツ選手が練習しているという話をよく聞くようになりました。散歩の途中で、すごい速さで坂を駆け上がっていく若い人を見かけます。あんなに走って心臓は大丈夫かと、こちらが心配になるほどです。私も若いころは国体の予選に出たことがありまして、懐かしく眺めております。市はその練習の受け入れのために、どんなことをしているのでしょうか？',
    ).decision;
    expect(training.kind === 'answer' && training.confidence).toBe('full');
    expect(training.hits[0]?.entry.id).toBe('high-altitude-training');
  });

  it('takes what あれは points back to from the clause naming a thing the report knows, not one of household chores', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '四年前の市長選挙のとき、小泉さんの政策集を手に取った覚えがございます。押し入れを片付けていて懐かしくなったのですが、あれはいつ発表されたものだったでしょうか。お教えいただければ幸いです。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('policy-collection-published');
  });

  it("decides a question in the report's common words (事業の費用をかけない方針) on them, not on an ache told before it", async () => {
    const bundled = await bundledEngine();
    const asked = bundled.ask('膝が痛くてかないません。新しい事業を始めるときに費用をかけない方針はありますか。');
    expect(asked.decision.hits[0]?.entry.id).toBe('principle-keep-costs-down');
    expect(asked.decisive.map((t) => t.text)).not.toContain('膝');
  });

  it('keeps the whole of a topic heard of that その points back to: what was heard says which one', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '小諸に移り住んで働いたり商売を始めたりする人に、市から助成金が出ると聞きました。その助成金の名前を教えていただけますか。',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('entrepreneur-discovery-and-support');
  });

  it('answers no entry on a noun that only classes a thing (その計画の名前, 何という取り組み) alone', async () => {
    const bundled = await bundledEngine();
    // The story says which plan: the education edition of the mayor's project, not the health plans.
    const plan = bundled.ask(
      '中学校の教員をしております。職員会議で、市が教育分野の将来の方向を示したものを策定したと話題になりましたが、正式名称をメモし忘れてしまいました。その計画の名前を教えていただけますでしょうか。',
    ).decision;
    expect(plan.kind === 'answer' && plan.hits[0]?.entry.id === 'health-and-insurance-plans').toBe(false);
    const effort = bundled.ask(
      'りんご農家をしています。最近はジュースやジャムに加工して自分で売ることも考えています。市長さんの公約に、作るだけでなく加工や販売までつなげる取り組みを進めるという項目があったと思いますが、何という名前の取り組みだったでしょうか。',
    ).decision;
    expect(effort.kind).toBe('answer');
    expect(effort.hits[0]?.entry.id).toBe('sixth-sector-industry');
  });

  it('reads a view pointed back to (この考え) in the clause that told it', async () => {
    const bundled = await bundledEngine();
    // この考え is the mayor's saying that the city needs its citizens, not the entry that uses 考え.
    const view = bundled.ask(
      'いつもお世話になっております。私は地域の清掃ボランティアを十年ほど続けております。市長が、行政だけでは限界があるので市民の力が欠かせないと話していたと聞いたのですが、この考えについて詳しく教えていただけますでしょうか。',
    ).decision;
    expect(view.kind).toBe('answer');
    expect(view.hits[0]?.entry.id).toBe('true-citizen-collaboration');
  });

  it('takes the topic from the clause before a question that names nothing (どのようなものでしょうか)', async () => {
    const bundled = await bundledEngine();
    const asked = bundled.ask(
      'いつもお世話になっております。夫婦で晩酌を楽しむのが日課でございます。小諸産のワインを広める委員会を作ったと新聞で読みましたが、どのようなものでしょうか。',
    );
    expect(asked.decision.kind).toBe('answer');
    expect(asked.decision.hits[0]?.entry.id).toBe('komoro-wine-committee');
    // The story is background: it ranks but need not be covered.
    expect(asked.terms.filter((t) => t.background).map((t) => t.text)).toEqual(
      expect.arrayContaining(['夫婦', '晩酌']),
    );
  });
});

describe('verbs in ranking', () => {
  it('rank for half of what a noun does, as they weigh in deciding (使う against 鹿)', async () => {
    const bundled = await bundledEngine();
    const asked = bundled.ask('うちの畑も鹿に荒らされて困っております。市では鹿を何かに使っているのでしょうか');
    expect(asked.decision.hits[0]?.entry.id).toBe('deer-pet-food');
  });
});

describe('a question whose asked part names nothing specific', () => {
  it('takes its topic from the sentence before, and declines when no entry has it', async () => {
    const bundled = await bundledEngine();
    const asked = bundled.ask('家の前の道に穴があいて困っています。市でなんとかしてもらえませんか');
    expect(asked.decision.kind).toBe('abstain');
    expect(asked.decisive.map((t) => t.text)).toContain('穴');
  });
});

describe('a message that asks two things', () => {
  it('answers each, the first entry of each shown', async () => {
    const bundled = await bundledEngine();
    /** The two entries shown first, once both questions are answered. */
    const bothShown = (question: string) => {
      const { decision } = bundled.ask(question);
      expect(decision).toMatchObject({ kind: 'answer', shownFirst: 2 });
      return decision.hits.slice(0, 2).map((h) => h.entry.id);
    };
    expect(bothShown('ふるさと納税はどうなった？あと残業は減った？')).toEqual([
      'furusato-nozei-growth',
      'overtime-reduction',
    ]);
    // A later question pointing back (こちらの中身) to the news told just before it asks of that news.
    expect(
      bothShown(
        '小さな工場をしております。市が中小企業を応援する条例を作ったと聞きましたが、どのような条例でしょうか。また、事業のお金を借りるときの市のあっせんの決まりも見直されたと耳にいたしました。こちらの中身も知りたいと思っております。',
      ),
    ).toEqual(expect.arrayContaining(['sme-promotion-ordinance', 'loan-mediation-rules-review']));
    // A letter asks its main question first: that answer comes first, then the one asked after it.
    expect(
      bothShown(
        '区の役員を長く務めております。年々、回覧や配り物が増えて、区長さんの苦労は並大抵ではありません。区長の負担を軽くする取り組みはしているのでしょうか。それから、地区の連絡会の会長はどなたが決めるのですか。',
      ),
    ).toEqual(['ku-chief-workload-reduction', 'district-liaison-chairs-appointed']);
    // A part that asks for a fact (どなたが決めて) and is answered: the other part counts too, and comes first.
    expect(
      bothShown(
        '地区の役員を引き受けました。市役所の職員さんが地域ごとに担当してくださる制度があると聞きましたが、どういう制度でしょうか。それから、地区ごとの連絡会の会長さんは、どなたが決めておられるのでしょうか。',
      ),
    ).toEqual(['regional-staff-system', 'district-liaison-chairs-appointed']);
    // A question naming nothing of its own (何という会) is asked of the topic raised in its sentence.
    expect(
      bothShown(
        'ワインが好きでございます。小諸のワインを広めるための委員会ができたと聞きましたが、何という会でしょうか。また、千曲川沿いの市町村と一緒にワインを盛り上げる取り組みもあるのでしょうか。',
      ),
    ).toEqual(['komoro-wine-committee', 'chikuma-river-wine-valley']);
    // あわせて opens a question of its own, not a detail of the one before.
    expect(
      bothShown(
        '区の役員を長く務めております。区長の負担を軽くする取り組みはしているのでしょうか。あわせて、地区の連絡会の会長をどなたが決めるのか教えてください。',
      ),
    ).toEqual(['ku-chief-workload-reduction', 'district-liaison-chairs-appointed']);
    // Asked along (〜も知りたい) but naming things of its own: a question of its own. A detail of the
    // thing before (駐車場の場所も) is not.
    expect(
      bothShown(
        '市役所で係長以上の女性職員の割合は増えましたか。審議会や委員会に女性委員がどれくらい入っているのかも知りたいです。',
      ),
    ).toEqual(['women-chief-level-ratio', 'women-council-participation']);
    expect(
      bundled.ask('複合施設にはどんな機能が入るのでしょうか。駐車場の場所も教えてください。').decision,
    ).not.toHaveProperty('shownFirst');
    // One question in two sentences is one question.
    expect(bundled.ask('ふるさと納税について伺います。寄付はどのくらい集まりましたか。').decision).not.toHaveProperty(
      'shownFirst',
    );
    // A topic raised (〜と耳にしました。) is the subject of the question after it, not a question of its own.
    expect(
      bundled.ask('図書館の運営が民間に任されたと耳にしました。ほかにどのような仕事を委託しているのでしょうか。')
        .decision,
    ).not.toHaveProperty('shownFirst');
  });
});

describe('questionsApart', () => {
  const termAt = (text: string, message: string): Term => {
    const start = message.indexOf(text);
    return { text, reading: undefined, role: 'content', kana: false, start, end: start + text.length };
  };

  it('takes a topic raised (〜と耳にしました。) as the subject of the question after it, not a question of its own', () => {
    const message = '図書館の運営が民間に任されたと耳にしました。ほかにどのような仕事を委託しているのでしょうか。';
    const terms = ['図書館', '運営', '仕事', '委託'].map((w) => termAt(w, message));
    expect(questionsApart(message, questionClauses(message), terms, [])).toEqual([]);
    const two = 'ふるさと納税はどうなりましたか。残業は減りましたか。';
    const apart = questionsApart(
      two,
      questionClauses(two),
      ['ふるさと納税', '残業'].map((w) => termAt(w, two)),
      [],
    );
    expect(apart.map((q) => q.terms.map((t) => t.text))).toEqual([['ふるさと納税'], ['残業']]);
  });

  it('asks nothing apart that points back (その助成金の名前) or names only a word of one character (会)', () => {
    const back = '移り住む人に助成金が出ると聞きました。その助成金の名前を教えてください。残業は減りましたか。';
    expect(
      questionsApart(
        back,
        questionClauses(back),
        ['助成金', '名前', '残業'].map((w) => termAt(w, back)),
        [],
      ).map((q) => q.terms.map((t) => t.text)),
    ).toEqual([]);
    const single = 'ワインの特区があると聞きました。ぶどう畑は増えましたか。何という名前の会ですか。';
    expect(
      questionsApart(
        single,
        questionClauses(single),
        ['ぶどう畑', '会'].map((w) => termAt(w, single)),
        [],
      ).map((q) => q.terms.map((t) => t.text)),
    ).toEqual([]);
  });
});

describe('a description in everyday words', () => {
  const noun = (text: string): Term => ({ text, reading: undefined, role: 'content', kana: false });
  const terms = ['鹿', '肉', '商売', '畑', '儲け', '全国', '評判'].map(noun);
  const hitMatching = (matched: readonly string[], coverage: number): RankedHit => ({
    entry: fixtureCorpus.entries[0] as Entry,
    score: 10,
    coverage,
    matches: matched.map((text) => ({ term: noun(text), via: 'text', share: 1, fields: ['keywords'] })),
  });
  const decideOn = (hit: RankedHit) => decide(engine.index, { terms, hits: [hit], smallTalk: undefined });

  it('answers as related when one entry matches three of its nouns, though most words are its own', () => {
    expect(decideOn(hitMatching(['鹿', '肉', '商売'], 0.35))).toMatchObject({ kind: 'answer', confidence: 'partial' });
  });

  it('declines when only two nouns match, or the share is below the evidence floor', () => {
    expect(decideOn(hitMatching(['鹿', '肉'], 0.35))).toMatchObject({ kind: 'abstain', reason: 'no-match' });
    expect(decideOn(hitMatching(['鹿', '肉', '商売'], 0.25))).toMatchObject({ kind: 'abstain', reason: 'no-match' });
  });
});

describe('the bundled staff synonyms', () => {
  it('read 配りもの, typed with kana, as the 配布物 whose lessening an entry reports', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask(
      '地区のまとめ役の人が回す配りものが多すぎて大変って聞くけど、何か減らしてくれたの？',
    );
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('ku-chief-workload-reduction');
  });
});

describe('approximate matching of katakana words', () => {
  it('finds a long katakana word with one slip or by its start', () => {
    expect(decisionOf('ワイナリバス')).toMatchObject({ kind: 'answer' });
    expect(decisionOf('ワイナリバス').hits[0]?.entry.id).toBe('winery-bus');
    expect(decisionOf('ワイナリー').hits[0]?.entry.id).toBe('winery-bus');
  });

  it('never approximates kanji words: one kanji changes the meaning', () => {
    // 勤労 is one kanji away from 勤務 (in the overtime entries), as 応援 is from 支援.
    expect(withinOneEdit('勤労', '勤務')).toBe(true);
    const d = decisionOf('勤労');
    expect(d.kind).toBe('abstain');
    expect(d.hits.flatMap((h) => (h as RankedHit).matches).filter((m) => m.via === 'approximate')).toEqual([]);
  });
});

describe('withinOneEdit', () => {
  it('accepts one insertion, deletion or substitution and nothing more', () => {
    expect(withinOneEdit('ワイナリーバス', 'ワイナリバス')).toBe(true);
    expect(withinOneEdit('ワイナリーバス', 'ワイナリーパス')).toBe(true);
    expect(withinOneEdit('ワイナリーバス', 'ワイナリーバス')).toBe(true);
    expect(withinOneEdit('ワイナリーバス', 'ワインバス')).toBe(false);
  });
});

describe('questions the right topic cannot answer', () => {
  it('abstains when the question asks for a detail the best entry does not give', () => {
    // The winery-bus entry is about the bus service; it gives no fare and no timetable.
    expect(decisionOf('ワイナリーバスの料金は？')).toMatchObject({ kind: 'abstain' });
    expect(decisionOf('ワイナリーバスの時刻表')).toMatchObject({ kind: 'abstain' });
    expect(decisionOf('ワイナリーバス')).toMatchObject({ kind: 'answer' });
  });

  it('does not take a question for a number (何時間) as one for opening hours (何時)', () => {
    expect(decisionOf('超過勤務は何時間減った？')).toMatchObject({ kind: 'answer' });
  });

  it('abstains when only a feeling is expressed', () => {
    expect(decisionOf('疲れたー')).toMatchObject({ kind: 'abstain' });
  });

  it('answers a verb sent alone when it is a name the report quotes in a title (攻める: a pillar)', async () => {
    const bundled = await bundledEngine();
    const { decision } = bundled.ask('「攻める」');
    expect(decision.kind).toBe('answer');
    expect(decision.hits[0]?.entry.id).toBe('pillar-semeru');
    expect(bundled.ask('疲れた').decision.kind).toBe('abstain');
  });

  it('takes casual thanks as thanks', () => {
    expect(decisionOf('ありがと〜助かった')).toMatchObject({ kind: 'abstain', reason: 'thanks' });
  });
});
