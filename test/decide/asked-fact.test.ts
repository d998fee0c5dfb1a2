import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/corpus/entry.js';
import { asksOthersBesidesOnlyOne, statesAskedFact } from '../../src/decide/asked-fact.js';
import {
  countedPhrase,
  countingVerb,
  questionIntent,
  topicHead,
  topicPhrase,
} from '../../src/analyze/question-intent.js';
import { standardizeColloquial } from '../../src/normalize/colloquial.js';

function entry(title: string, body: string, figures: Entry['figures'] = []): Entry {
  return {
    id: 'e',
    pillar: 1,
    kind: 'highlight',
    title,
    body,
    figures,
    keywords: [],
    phrasings: [],
    source: { section: 's', line: 1 },
  };
}

const members = entry(
  '小諸ふるさと市民は3682人',
  '「小諸ふるさと市民」の実績は3682人です。関係人口の増加を図っています。',
  [{ label: '小諸ふるさと市民の実績', after: 3682, unit: '人', period: 'R2.1.15' }],
);
const scholarship = entry('給付型奨学金を設立', '返済のいらない奨学金「小諸あさま奨学金」を設立しました。');
const complex = entry('複合型施設の計画', '複合型施設はR3秋に完成する予定です。');
const medical = entry('福祉医療費の窓口無料化', '高校生までの福祉医療費を窓口で無料にしました。');

describe('questionIntent', () => {
  it('names the kind of fact a question wants', () => {
    expect(questionIntent('小泉市長は何歳？').kind).toBe('age');
    // 年いくつ (how old), not how many years: 3年いくつ still counts years.
    expect(questionIntent('市長さんは年いくつですか').kind).toBe('age');
    expect(questionIntent('この事業は3年いくつ').kind).toBe('count');
    expect(questionIntent('奨学金の申し込み方法は？').kind).toBe('procedure');
    expect(questionIntent('次の防災訓練はいつ？').kind).toBe('future');
    // Whether there is a plan asks no date: an entry saying the thing is planned answers it.
    expect(questionIntent('お年寄りが集まれる場所ができるといいのですが、何か予定はありますか。').kind).toBeUndefined();
    expect(questionIntent('子どもを預かってもらえる所、できる予定ってある？').kind).toBeUndefined();
    // A contest one can enter (応募できる大会) is asked of, not how to enter it.
    expect(questionIntent('子どもが曲を作って応募できる大会みたいなのってある？').kind).toBeUndefined();
    expect(questionIntent('コンクールに応募できますか').kind).toBe('procedure');
    expect(questionIntent('子どもが応募できるような催しはございますでしょうか').kind).toBeUndefined();
    // Whom a thing is for, typed in kana apart (だれ むけ), is no person asked; how the city checks a
    // thing (どうやって検証する) is the entry's way, not a procedure for the citizen.
    expect(questionIntent('夢アワードって だれ むけ？').kind).toBeUndefined();
    expect(questionIntent('目標達成は どうやって 検証するの？').kind).toBeUndefined();
    expect(questionIntent('目標達成は どうやって けんしょうするの？').kind).toBeUndefined();
    expect(questionIntent('予約できるような部屋はある？').kind).toBeUndefined();
    // A desk put in a facility (相談窓口も入る) is a thing it holds; where the desk is, a procedure.
    expect(questionIntent('複合施設には、相談窓口のようなものも入る予定なのでしょうか。').kind).not.toBe('procedure');
    expect(questionIntent('相談窓口はどこですか').kind).toBe('procedure');
    // Where to get a thing, typed word by word as romaji is read (doko de moraeru), is where to apply.
    expect(questionIntent('優待パスポートって どこで もらえるの?').kind).toBe('procedure');
    expect(questionIntent('次の予定はありますか').kind).toBe('future');
    // The next one typed in kana asks the same; つぎのような (as follows) asks no date.
    expect(questionIntent('つぎの ぼうさいくんれんは いつ？').kind).toBe('future');
    expect(questionIntent('次のような取り組みはありますか').kind).toBeUndefined();
    // When it is held, in romaji read apart (itsu aru): the same as いつある.
    expect(questionIntent('しょくいんさいようしけんはいつ ある?').kind).toBe('future');
    expect(questionIntent('完成の予定は？').kind).toBe('future');
    expect(
      questionIntent('新しい複合型施設には、そうした仕組みのセンターも入る予定なのでしょうか。').kind,
    ).toBeUndefined();
    expect(questionIntent('どのようなボランティアを募集する予定なのでしょうか').kind).not.toBeUndefined();
    expect(questionIntent('建設費はいくら？').kind).toBe('amount');
    // A cost kept down is the topic of a question, not a sum it asks for.
    expect(questionIntent('新しい事業の費用を抑える方針はある？').kind).toBeUndefined();
    expect(questionIntent('費用についてどのように考えておられるのでしょうか').kind).toBeUndefined();
    // Nor is a cost said to be none (費用のかからない媒体), while whether there is one (費用はかかりますか) is.
    expect(questionIntent('費用のかからない無料媒体を活用するってどういうこと？').kind).toBeUndefined();
    expect(questionIntent('費用はかかりますか').kind).toBe('amount');
    expect(questionIntent('あぐりの湯の入館料を教えてください').kind).toBe('amount');
    // A charge asked with another thing (料金と運行日を教えて) is asked; one compared with (料金と比べて) is not.
    expect(questionIntent('ワイナリーバスの料金と運行日を教えて').kind).toBe('amount');
    expect(questionIntent('料金と比べて安い？').kind).toBeUndefined();
    expect(questionIntent('巡回バスの運行日を教えて').kind).toBe('date');
    expect(questionIntent('融資の金利は何%？').kind).toBe('rate');
    expect(questionIntent('エアコンは何台入ったの？')).toMatchObject({ kind: 'count', unit: '台' });
    expect(questionIntent('市の人口は？')).toMatchObject({ kind: 'count', unit: '人' });
    expect(questionIntent('医療費の無料化は何年生まで？').kind).toBe('age');
    expect(questionIntent('防災訓練の実施率は？').kind).toBe('rate');
    // A rate typed in kana, as romaji reads (jushin-ritsu tte ... ikutsu), not a count; nor 設立.
    expect(questionIntent('とくていけんしんの じゅしんりつは いくつ？').kind).toBe('rate');
    expect(questionIntent('じゅしんりつって 平成29年 でいくつ?').kind).toBe('rate');
    expect(questionIntent('せつりつは いつ？').kind).not.toBe('rate');
    // A room free now (今空いている部屋) is a live state, which no report holds.
    expect(questionIntent('市営住宅に今空いている部屋はあるのでしょうか')).toMatchObject({
      kind: 'detail',
      detail: '空いて',
    });
    // Perks that add up describe a scheme (特典がたまる仕組み); a perk asked for is a benefit.
    expect(questionIntent('歩くと特典がたまるような仕組みはありますか？').kind).toBeUndefined();
    // So do perks that come with a scheme (特典がもらえる仕組み).
    expect(questionIntent('点数がたまって特典がもらえる仕組み、市でやってます？').kind).toBeUndefined();
    expect(questionIntent('マイレージの特典はある？').kind).toBe('benefit');
    // Which is the most popular and which shop, typed in kana (nani ga ninki, なんの おみせ).
    expect(questionIntent('へんれいひんは なにが にんき?').kind).toBe('breakdown');
    expect(questionIntent('しょうぎょうテナントって なんの おみせ？').kind).toBe('organization');
    // Which body, typed in kana (aite wa doko, doko de giron): not a place.
    expect(questionIntent('きょうていの あいてはどこ?').kind).toBe('organization');
    expect(questionIntent('かいぜんけいかくって どこで ぎろんしてるの?').kind).toBe('organization');
    expect(questionIntent('事務の効率はどう？').kind).not.toBe('rate');
    expect(questionIntent('国民健康保険税の税率を教えて').kind).toBe('rate');
    expect(questionIntent('ネーミングライツでどれだけの収入がありましたか').kind).toBe('amount');
    expect(questionIntent('協議会に入っている8団体の名前を全部教えてください').kind).toBe('organization');
    // Why a thing fell short asks its cause; why a thing is needed asks its aim, which entries state.
    expect(questionIntent('女性参画率が目標に届かなかったのはなぜですか').kind).toBe('reason');
    expect(questionIntent('残業が減らないのはどうして？').kind).toBe('reason');
    expect(questionIntent('なぜ市民協働が欠かせないのですか').kind).toBeUndefined();
    // Which members a council has (どこが入ってる): its contents, listed.
    expect(questionIntent('ワインバレーってどこが入ってるの？').kind).toBe('contents');
    expect(questionIntent('ふくごうしせつ には どんな ものが はいるの？').kind).toBe('contents');
    expect(questionIntent('しみん に なると なにか もらえるの').kind).toBe('benefit');
    expect(questionIntent('これまでにどのような建物や行事が選ばれたのか').kind).toBe('contents');
    expect(questionIntent('受診率を上げる取り組みは？').kind).not.toBe('rate');
    // A share acted on (比率を上げる政策) is the topic; the same share asked (比率を教えて) is a rate.
    expect(questionIntent('女性の幹部職員の比率を上げる政策ってある？')).toMatchObject({ asksForFigure: false });
    expect(questionIntent('女性の幹部職員の比率を上げる政策ってある？').kind).toBeUndefined();
    expect(questionIntent('女性の比率を教えて')).toMatchObject({ kind: 'rate', unit: '%' });
    expect(questionIntent('女性の比率は上がった？')).toMatchObject({ kind: 'rate', asksForFigure: true });
    expect(questionIntent('どこの農地でやるの？').kind).toBe('place');
    expect(questionIntent('複合施設に車を停められる場所は用意されるのでしょうか').kind).toBeUndefined();
    expect(questionIntent('新しい建物に、お年寄りのための場所は入るの？').kind).toBeUndefined();
    expect(questionIntent('複合施設の場所は？').kind).toBe('place');
    expect(questionIntent('読み書きができればどこへ行っても困らないと思います。学力の政策は？').kind).toBeUndefined();
    // Somewhere (どこかへ出かけて, どこかで紹介されて) is no place asked; どこかな is.
    expect(questionIntent('どこかへ出かけて人と話せと言われます').kind).toBeUndefined();
    expect(questionIntent('どこかで紹介されているのでしょうか').kind).toBeUndefined();
    expect(questionIntent('会場はどこかな').kind).toBe('place');
    expect(questionIntent('名前が変わった施設ってどこなんですかね').kind).toBe('place');
    // Places asked for by their kind alone (病院を教えて): which ones; not a thing done to one.
    expect(questionIntent('小諸の病院教えて').kind).toBe('place');
    expect(questionIntent('びょういん おしえて').kind).toBe('place');
    expect(questionIntent('病院の建て替えを教えて').kind).toBeUndefined();
    // A name asked as a phrase closed by a full stop (団体の名前。) is asked all the same.
    expect(questionIntent('協議会に入っている団体の名前。').kind).toBe('organization');
    // Every one of them (どの区も) asks no which one.
    expect(questionIntent('防災訓練ってどの区もちゃんとやってんの？').kind).toBeUndefined();
    expect(questionIntent('どの区が実施したの').kind).toBe('organization');
    // Where someone was born is a place, typed in kana too.
    expect(questionIntent('しちょうさんは どこの うまれ なの？').kind).toBe('place');
    expect(questionIntent('市長の出身はどこ').kind).toBe('place');
    // Whether it comes again (またありますか) asks of a time to come; which towns (どこの市町村) asks a
    // municipality, not the council they are in; opening hours in everyday words are a detail.
    expect(questionIntent('プレミアム商品券の販売ってまたありますか？').kind).toBe('future');
    expect(questionIntent('講座はまたやりますか').kind).toBe('future');
    expect(questionIntent('特区に入ってるのはどこの市町村？').kind).toBe('municipality');
    expect(questionIntent('子どもセンターの場所と開いてる時間を教えてください')).toMatchObject({
      kind: 'detail',
      detail: '開いてる時間',
    });
    expect(questionIntent('お礼の品にはどのような物があるのでしょうか').kind).toBe('contents');
    // Which shops (どのようなお店が入る): the names of businesses, which a count of functions does not give.
    expect(questionIntent('商業テナントには、どのようなお店が入るのでしょうか').kind).toBe('organization');
    expect(questionIntent('複合施設に入る商業テナントって何のお店？').kind).toBe('organization');
    expect(questionIntent('新しい建物に入るお店って、何ていうお店？').kind).toBe('organization');
    // Someone's career is a detail the report does not give; what was done in office is.
    expect(questionIntent('市長さんは、市長になられる前はどのようなお仕事をされていたのでしょうか').kind).toBe(
      'detail',
    );
    expect(questionIntent('市長の経歴を教えて').detail).toBe('経歴');
    expect(questionIntent('市長になる前はふるさと納税でいくら集まってたの？').kind).toBe('amount');
    // A budget drawn up (予算を組んで) and a contest entered (応募するコンテスト) describe; they ask no sum nor procedure.
    expect(questionIntent('計画を立てて、予算を組んで、決算して、評価する仕組みって何だっけ').kind).toBeUndefined();
    expect(questionIntent('予算を教えて').kind).toBe('amount');
    expect(questionIntent('曲を作って応募するコンテストは何というの').kind).not.toBe('procedure');
    expect(questionIntent('コンクールに応募したい').kind).toBe('procedure');
    expect(questionIntent('市内を何地区に分けてるの')).toMatchObject({ kind: 'count', unit: '地区' });
    // Of a whole counted in 区 (68区のうちいくつ), the part is counted in 区 too.
    expect(questionIntent('防災訓練をやった区は全部で68区のうちいくつだったんですか')).toMatchObject({
      kind: 'count',
      unit: '区',
    });
    // 何個 is answered by a count of points (3点), as いくつ is.
    const points = entry('市長が心がけた3点', '市長は市政運営で3点を心がけてきました。');
    const howMany = '市長が心がけてきたことって何個あるんだっけ';
    expect(statesAskedFact(points, questionIntent(howMany), [], howMany)).toBe(true);
    expect(questionIntent('お米はどのような賞をいただいたのでしょうか')).toMatchObject({
      kind: 'detail',
      detail: '賞',
    });
    expect(questionIntent('賞はとれたの？')).toMatchObject({ kind: 'detail', detail: '賞' });
    // A prize the report names as an award (夢アワード) is the 賞 asked.
    const award = entry('起業家の発掘', '夢アワード（若者、女性の発掘）に取り組みました。');
    const prize = 'どのような賞を設けているのでしょうか';
    expect(statesAskedFact(award, questionIntent(prize), [], prize)).toBe(true);
    expect(statesAskedFact(entry('起業', '起業を支援しました。'), questionIntent(prize), [], prize)).toBe(false);
    expect(questionIntent('役所の中に何か組織を立ち上げたんでしたっけ？').kind).toBe('organization');
    // Who is in charge of a city's work asks which body; a bureau, a division or a section named answers it.
    const inCharge = '外国人観光客の受け入れは誰が担当していますか？';
    expect(questionIntent(inCharge).kind).toBe('organization');
    expect(questionIntent('担当者は誰ですか').kind).toBe('person');
    // Who does the work (誰がやってるの) asks the same; who holds a post, or 誰と誰が, asks people.
    expect(questionIntent('空き家の相談は誰がやってるの？').kind).toBe('organization');
    expect(questionIntent('教育長って今だれがやってるの？').kind).toBe('person');
    expect(questionIntent('あの会議って誰と誰がやってんの？').kind).toBe('person');
    const tourism = entry('観光局', 'こもろ観光局を設立し、インバウンドに対応しました。');
    expect(statesAskedFact(tourism, questionIntent(inCharge), [], inCharge)).toBe(true);
    // 関係 (between) names no section.
    const ties = entry('区の規則', '区と行政の関係を明確にしました。');
    expect(statesAskedFact(ties, questionIntent(inCharge), [], inCharge)).toBe(false);
    expect(questionIntent('仮想市民を何万人にするって最初に言ってたんだっけ').asksForAim).toBe(true);
    // Typed in kana, as romaji reads (mokuhyou wa nan percent).
    expect(questionIntent('こもろふるさとしみんってもくひょう なんにん だった?').asksForAim).toBe(true);
    // Whether there was a target figure at all (目標の数字ってあったの？) asks the aim, too.
    expect(questionIntent('係長級の女性比率には、目標の数字ってあったの？何％？').asksForAim).toBe(true);
    expect(questionIntent('じょせいさんかくりつのもくひょうはなんパーセント?')).toMatchObject({
      kind: 'rate',
      unit: '%',
      asksForAim: true,
    });
    // A district is counted in 区 as well.
    const drills = entry('防災訓練', '防災訓練を、r元には全68区のうち61区で実施しました。');
    const districts = '令和元年はいくつの地区が実際にやったんですか';
    expect(statesAskedFact(drills, questionIntent(districts), [], districts)).toBe(true);
    // What a rule holds, told as its main contents (主な内容は…).
    const rules = entry('規則を施行', '規則を施行しました。主な内容は、再編規模の目安や関係の明確化などです。');
    const inside = '規則の中身はどんなことが書いてあるの';
    expect(questionIntent(inside).kind).toBe('contents');
    expect(statesAskedFact(rules, questionIntent(inside), [], inside)).toBe(true);
    expect(statesAskedFact(entry('規則を施行', '規則を施行しました。'), questionIntent(inside), [], inside)).toBe(
      false,
    );
    // Three things or more closed by など are what a project holds.
    const music = entry(
      '音楽のまち',
      '子ども作曲コンクール、ミニコンサートの実施、市民音楽家の支援などに取り組みました。',
    );
    const offered = '子どもが参加できるような取り組みはどのようなものがあるのでしょうか';
    expect(statesAskedFact(music, questionIntent(offered), [], offered)).toBe(true);
    // Which facility (どの施設の名前が変わった), or which places there are (どこがある): a place the entry must name.
    expect(questionIntent('ネーミングライツでどの施設の名前が変わったの？').kind).toBe('place');
    expect(questionIntent('市の温泉はどこがありますか').kind).toBe('place');
    const namingRights = entry(
      'ネーミングライツで財源を確保',
      'ネーミングライツとは、公共施設の名前を付与する命名権のことです。',
    );
    expect(statesAskedFact(namingRights, questionIntent('どの施設の名前が変わったの？'), ['施設'])).toBe(false);
    // A facility's name asked (施設の名前は), in kana too; a name being given (施設の名前を付ける権利) is no name asked.
    expect(questionIntent('ネーミングライツで新しく付いた施設の名前は？').kind).toBe('place');
    expect(questionIntent('ねーみんぐらいつでついたしせつのなまえは?').kind).toBe('place');
    expect(questionIntent('施設の名前を付ける権利をお金にする仕組みは何て言う？').kind).toBeUndefined();
    // An age something suits is no age asked.
    expect(questionIntent('年齢に合わせた健康づくりはありますか').kind).toBeUndefined();
    expect(questionIntent('市長の年齢は？').kind).toBe('age');
    // How something is decided is stated by the entry, not a procedure to follow.
    expect(questionIntent('会長はどうやって決まっているのでしょう').kind).toBeUndefined();
    expect(questionIntent('どうやって申し込むの').kind).toBe('procedure');
    // 手続きを教えて asks the procedure as 手続きはどうする does.
    expect(questionIntent('手続きを教えてください。').kind).toBe('procedure');
    expect(questionIntent(standardizeColloquial('応援隊ってどうやったら入れんの？')).kind).toBe('procedure');
    // How to ride it, in kanji or kana (乗り方, のりかた).
    expect(questionIntent('バスの乗り方を教えて').kind).toBe('procedure');
    expect(questionIntent('のりかたもおしえて').kind).toBe('procedure');
    // How the city keeps costs down is the way it works, which an entry states.
    expect(questionIntent('いったいどうやって費用を抑えるというのでしょうか').kind).toBeUndefined();
    expect(questionIntent('どうやって安く済ませるって言ってた？').kind).toBeUndefined();
    // How someone goes about it (どうやってんの: やる the verb) is the way it works, too.
    expect(questionIntent(standardizeColloquial('宣伝にお金かけないって本当？どうやってんの')).kind).toBeUndefined();
    // A stage of life (人生の時期ごとに) is no date asked; the time of an event is.
    expect(questionIntent('人生の時期ごとに合わせた健康づくりの内容を教えて').kind).toBeUndefined();
    expect(questionIntent('完成する時期は？').kind).toBe('date');
    // The figures asked with いくつ (目標の数字はいくつ) are any number, not a count of things.
    expect(questionIntent('目標の数字と実績の数字はそれぞれいくつでしょうか').kind).toBeUndefined();
    expect(questionIntent('地区はいくつありますか').kind).toBe('count');
    // いつ typed apart from the word after it (いつ かいさい) asks when it is held, as いつ開催 does,
    // not someday (いつか).
    expect(questionIntent('こめしょくみ concours はいつ かいさいするの?').kind).toBe('future');
    // Why (なんで) is asked; なんですか (what is it) asks no reason.
    expect(questionIntent('なんで市民協働が大事なの').asksWhy).toBe(true);
    expect(questionIntent('おくさんの なまえは なんですか').asksWhy).toBeUndefined();
    // Many years (何年も先), some years (何年か前) ask no date.
    expect(
      questionIntent('何年も先の小諸のために手を打っておく考え方で、どんなことに力を入れてきたの').kind,
    ).toBeUndefined();
    expect(questionIntent('何年か前に聞いた話ですが').kind).toBeUndefined();
    expect(questionIntent('何年に就任したの').kind).toBe('date');
    expect(questionIntent('卒業後何年かけて返済するものなのでしょうか').kind).toBe('date');
    // How many minutes it takes (何分かかる) is a count; some times (何回かある) is none.
    expect(questionIntent('小諸駅から軽井沢駅まで何分かかりますか')).toMatchObject({ kind: 'count', unit: '分' });
    expect(questionIntent('何回かあると聞きました').kind).toBeUndefined();
    // How the city judged its programmes is what the entry states.
    expect(questionIntent('市は事業の良し悪しをどうやって判断して、見直しをしたのでしょうか').kind).toBeUndefined();
    // How the city uses its assets is the way it works, not how a citizen uses something.
    expect(questionIntent('今いる人材や手持ちの資産の使い方も含めてお聞かせください').kind).toBeUndefined();
    expect(questionIntent('施設の使い方を教えて').kind).toBe('procedure');
    // What the citizen says they do not ask (割合ではなく) is not the kind of fact asked.
    expect(questionIntent('割合ではなく実際の人数で言うと、何人の女性が係長級以上に').kind).toBe('count');
    // Procedures made faster are a policy's topic; how to carry one out is a procedure asked.
    expect(questionIntent('役所での手続きをもっと早く済ませられるようにするって公約、あったよね').kind).toBeUndefined();
    expect(questionIntent('転入の手続きはどこでするの').kind).toBe('procedure');
    // Whom a thing is for (誰に向けて) is those it serves, no person's name.
    expect(questionIntent('あれは誰に向けて作られたものなのでしょう').kind).toBeUndefined();
    // So is who it is for (誰が対象), typed in romaji too (dare ga taishou).
    expect(questionIntent('夢アワードは誰が対象？').kind).toBeUndefined();
    expect(questionIntent('ゆめアワード って だれが たいしょう?').kind).toBeUndefined();
    expect(questionIntent('誰が作ったの').kind).toBe('person');
    // In which council a thing was talked over (どのような会議で話し合われた): the council's name.
    expect(questionIntent('学校のこれからは、どのような会議で話し合われてきたのでしょうか').kind).toBe('organization');
    expect(questionIntent('どういう場で話し合ってきたんですか').kind).toBe('organization');
    expect(questionIntent('どのような会議を開いたの').kind).toBeUndefined();
    // Anyone at all (誰が見ても分かる) asks no one's name.
    expect(questionIntent('誰が見ても分かるように、目標を数字で決めておく方針ってある？').kind).toBeUndefined();
    expect(questionIntent('誰に聞いてもわからないのですが、担当は誰ですか').kind).toBe('person');
    // Who made it: government and private bodies together (官民協働) say who.
    const bureau = entry('こもろ観光局2020', '官民協働でこもろ観光局2020を設立しました。');
    expect(statesAskedFact(bureau, questionIntent('誰が作ったの'), [], '誰が作ったの')).toBe(true);
    expect(
      statesAskedFact(entry('観光局', '観光局を設立しました。'), questionIntent('誰が作ったの'), [], '誰が作ったの'),
    ).toBe(false);
    // A policy followed when the pledges are carried out (政策を進めるときの方針) asks no progress.
    expect(questionIntent('政策を進めるときの方針はどういうものか').asksProgress).toBeUndefined();
    expect(questionIntent('政策はどこまで進んだの').asksProgress).toBe(true);
    // A space for something to be made (福祉の場所はできる) is a thing, not where.
    expect(questionIntent('年寄りが使える福祉の場所はできるのでしょうか').kind).toBeUndefined();
    expect(questionIntent('保育の場所は、複合施設にできるのでしょうか').kind).toBeUndefined();
    expect(questionIntent('会場の場所はどこ').kind).toBe('place');
    // Whether a thing is free, asked at the end (〜は無料？), and what points are good for.
    expect(questionIntent('特定健診は無料？').kind).toBe('free');
    expect(questionIntent('ポイントは何に使える？')).toMatchObject({ kind: 'detail', detail: '使え' });
    // Which events a day holds, and an age limit: facts an entry must state.
    expect(questionIntent('ジャムの日にはどんな催しがあるのでしょうか').kind).toBe('contents');
    expect(questionIntent('年齢の制限はありますか')).toMatchObject({ kind: 'detail', detail: '年齢' });
    // Which pledges are not yet started asks how far they got.
    expect(questionIntent('公約の中で、まだ手をつけていないものはどれですか').asksProgress).toBe(true);
    // Until when (任期はいつまで) asks an end still to come; いつからいつまで, a period.
    expect(questionIntent('市長の任期はいつまで？').kind).toBe('future');
    expect(questionIntent('いつからいつまでの分をまとめたもの').kind).toBe('date');
    expect(questionIntent('いつから いつまで？').kind).toBe('date');
    // Whether a place has room now is a detail no report holds; 空き家 names a thing.
    expect(questionIntent('保育園の空き状況を教えてください')).toMatchObject({ kind: 'detail', detail: '空き状況' });
    expect(questionIntent('児童館の空きはありますか')).toMatchObject({ kind: 'detail', detail: '空き' });
    expect(questionIntent('空き家対策は？').kind).toBeUndefined();
    // How a thing is being done (どうやってるの) is the way the entry tells, not a procedure for the
    // citizen; a cost kept down (費用はどうやって抑えた) asks no sum.
    expect(questionIntent('目標の見える化ってどうやってるの？').kind).toBeUndefined();
    expect(questionIntent('どうやって申し込むの').kind).toBe('procedure');
    expect(questionIntent('新しい事業の費用はどうやって抑えたの').kind).toBeUndefined();
    // Nor one kept down as far as can be, typed with the homophone 押さえる.
    expect(questionIntent('費用はなるべく押さえるって方針なの？').kind).toBeUndefined();
    // いつまでも (for ever) asks no date; つぎの after a particle in kana asks the next one.
    expect(questionIntent('いつまでも元気に暮らせる町にするって、何を目指してるの？').kind).toBeUndefined();
    expect(questionIntent('ぼうさいくんれんのつぎのにっていはいつ?').kind).toBe('future');
    // A budget named in a list (予算、決算、評価) is part of the topic, not a sum asked.
    expect(questionIntent('予算、決算、評価を一体にした仕組みは見直したの？').kind).toBeUndefined();
    // The start of a range (予算から決算まで) is part of the topic too.
    expect(questionIntent('予算から決算、評価までを一つにした仕組みは直したの？').kind).toBeUndefined();
    expect(questionIntent('予算からいくら出したの？').kind).toBe('amount');
    expect(questionIntent('予算、どれくらい？').kind).toBe('amount');
    // How long since (どのくらい経つ) asks a date or a period, as 何年経つ does; 経費 is no time.
    expect(questionIntent('市長になってどれくらいたつの？').kind).toBe('date');
    expect(questionIntent('就任からどのくらいの月日が経ちましたか').kind).toBe('date');
    expect(questionIntent('どのくらい経費がかかった').kind).toBe('amount');
    // How long until an aim is reached asks a forecast: a date still to come.
    expect(questionIntent('ふるさと納税の目標には、あと何年で届きそう？').kind).toBe('future');
    expect(questionIntent('目標の人数に達する見込みはありますか').kind).toBe('future');
    expect(questionIntent('あと何人で目標に届くの').kind).not.toBe('future');
    // Whether or where one can buy a thing asks how to get it; a cost kept down or worried about asks no sum.
    expect(questionIntent('一般の人でもどこかで買えますか').kind).toBe('procedure');
    expect(questionIntent('新しい事業で費用をどう抑える方針なのか').kind).toBeUndefined();
    expect(questionIntent('保険料のこともあり、市の計画が気になっております').kind).toBeUndefined();
    // おいくつ asks an age; 今度の (the coming one) asks no date unless いつ follows; how the city
    // introduces a thing is no procedure; ぶっちゃけ asks an opinion only with どう.
    expect(questionIntent('小泉市長は今おいくつですか').kind).toBe('age');
    expect(questionIntent('今度の新しい建物にボランティアセンターも入るんだっけ？').kind).toBeUndefined();
    expect(questionIntent('今度の訓練はいつ？').kind).toBe('future');
    expect(questionIntent('ふるさと遺産はどうやってみんなに紹介してるの').kind).toBeUndefined();
    expect(questionIntent('音楽のまちってぶっちゃけ何やってんの？').kind).toBeUndefined();
    expect(questionIntent('市長の評価ってぶっちゃけどうなの？').kind).toBe('opinion');
    // All of a set asked (すべて, それぞれ): a summary answers.
    expect(questionIntent('5つの柱をすべて教えてください').asksAll).toBe(true);
    expect(questionIntent('3つ目の柱は何').asksAll).toBeUndefined();
    // One of several picked by its place.
    expect(questionIntent('3つのうち、2つ目は何だったかいね').placeAsked).toBe('2つ目');
    expect(questionIntent('3つの点は何').placeAsked).toBeUndefined();
    // Which section (何課) names one; the number of visitors (観光客の数は) is a count.
    expect(questionIntent('災害のときに動く課、何課なの').kind).toBeUndefined();
    expect(questionIntent('観光客の数はどのくらいですか').kind).toBe('count');
    // Who holds a post (どなたが務めて) asks a name; how the city checks a thing is no procedure.
    expect(questionIntent('今の会長さんはどなたが務めておられるのでしょうか').asksName).toBe(true);
    expect(questionIntent('目標がどこまでできたかってどうやって確かめるんだっけ').kind).toBeUndefined();
    // 申請 spoken of (申請が早く済むように) asks no procedure; 申請は asked does.
    expect(questionIntent('届け出や申請がもっとさっさと済むようにしたいって約束').kind).toBeUndefined();
    expect(questionIntent('申請はどこでするの').kind).toBe('procedure');
    // おいくら asks an amount; what money was spent on and what was chosen need the entry to say so.
    expect(questionIntent('参加費はおいくらかかるのか').kind).toBe('amount');
    expect(questionIntent('集まったお金は何に使われたの？')).toMatchObject({ kind: 'detail', detail: '使われ' });
    expect(questionIntent('お金の使い道は？')).toMatchObject({ kind: 'detail', detail: '使い道' });
    expect(questionIntent('畑の使い道について、政策ではどうなっていますか').kind).toBeUndefined();
    // What kind of person someone is asks who; what kind of people may use a thing does not.
    expect(questionIntent('講師はどんな人ですか').kind).toBe('person');
    expect(questionIntent('どんな人が使えるの？').kind).toBeUndefined();
    // Per what a charge is paid needs the entry to say (月ごと).
    expect(questionIntent('1回ごとですか、それとも月ごとですか')).toMatchObject({ kind: 'detail', detail: 'ごと' });
    // 第何次 typed in romaji (dai nanji) asks which plan, not what time.
    expect(questionIntent('けんこうずくりけいかくは だい なんじ').kind).toBeUndefined();
    // Or converted wrongly (第何時).
    expect(questionIntent('健康づくり計画は第何時の計画を作ったの？').kind).toBeUndefined();
    expect(questionIntent('窓口は何時まで開いてるの？').kind).toBe('detail');
    expect(questionIntent('なんじに開くの？').kind).toBe('detail');
    // Whether some people may too needs the entry to name them; 使い道 typed in kana is asked as well.
    expect(questionIntent('信大とのセミナーには一般の人も参加できますか')).toMatchObject({
      kind: 'detail',
      detail: '一般',
    });
    expect(questionIntent('副読本、大人でも使えるの？')).toMatchObject({ kind: 'detail', detail: '大人' });
    // Buying asked in dialect (買えるだかい) asks how to get it.
    expect(questionIntent('副読本、大人でも買えるだかい？').kind).toBe('procedure');
    expect(questionIntent('副読本、大人でも買えるですか?').kind).toBe('procedure');
    expect(questionIntent('セミナーに参加できますか').kind).toBeUndefined();
    expect(questionIntent('きふきんのつかいみちは?')).toMatchObject({ kind: 'detail', detail: 'つかいみち' });
    // なんぼ asks an amount, as いくら does; いつ typed apart from the next word still asks when,
    // while なん takes its counter joined (なん ろせん).
    expect(questionIntent('小さい工場でもなんぼもらえるだかい？')).toMatchObject({ kind: 'amount', unit: '円' });
    expect(questionIntent('自己負担はいかほどでしょうか')).toMatchObject({ kind: 'amount', unit: '円' });
    expect(questionIntent('あめりかチーム いつ こもろにくる?').kind).toBe('date');
    expect(questionIntent('ばすは なん ろせん はいる?').kind).toBe('count');
    // Where a bus goes needs the entry to say where to.
    expect(questionIntent('ターミナルからはどこ行きのバスが出ますか')).toMatchObject({
      kind: 'detail',
      detail: '行き',
    });
    // How the city goes about a thing (どうやって育ててる, どうやって たしかめる) asks no procedure.
    expect(questionIntent('指導する人ってどうやって育ててるんですか').kind).toBeUndefined();
    expect(questionIntent('もくひょうを みえるかする って どうやって たしかめるの').kind).toBeUndefined();
    expect(questionIntent('奨学金はどうやって申請するんですか').kind).toBe('procedure');
    // A place in a ranking needs the entry to state the place (3位), not only the sum.
    expect(questionIntent('ふるさと納税の寄付額は県内で何位ですか')).toMatchObject({ kind: 'detail', detail: '位' });
    expect(questionIntent('順位はどのくらい？')).toMatchObject({ kind: 'detail', detail: '順位' });
    expect(questionIntent('ふるさと遺産には何が選ばれたの？').kind).toBe('contents');
    // How long ago is a count of years before (4年前), not a date.
    expect(questionIntent('選挙って何年前の話？')).toMatchObject({ kind: 'count', unit: '年前' });
    // A budget named among topics (計画とか予算とか) or an early stage (早い時期から) asks no sum or date.
    expect(questionIntent('計画とか予算とかのやつだっけ').kind).toBeUndefined();
    expect(questionIntent('早い時期からの教育相談の話').kind).toBeUndefined();
    // How many one meant to gather (何人集めるつもり) asks the figure aimed at.
    expect(questionIntent('もともと何人集めるつもりだった？').asksForAim).toBe(true);
    // One of a series (何次産業, 第何次の計画) asks which, not how many, nor what comes next.
    expect(questionIntent('何次産業っていうの？').kind).toBeUndefined();
    expect(questionIntent('健康づくり計画はいま第何次のものを作ったんですか').kind).toBeUndefined();
    // Where a matter is discussed is the council that discusses it.
    expect(questionIntent('小学校の建て替え、どこで話し合っているの').kind).toBe('organization');
    // So is where the talks are held, named first (話し合いは、どこで), or in which kind of council.
    expect(questionIntent('学校の今後の話し合いは、どこでやっているのですか').kind).toBe('organization');
    // Or named without a particle, as said aloud (議論、どこでやっとる).
    expect(questionIntent('学校をどうするかっていう議論、どこでやっているの').kind).toBe('organization');
    expect(questionIntent('統合についてはどこの検討会で話し合ってますか').kind).toBe('organization');
    // A rate asked with いくら (比率はいくら, ひりつは いくら read from romaji) is a share, not a sum.
    expect(questionIntent('女性の係長級以上の比率はいくら？')).toMatchObject({ kind: 'rate', unit: '%' });
    expect(questionIntent('じょせいの ひりつは いくら?')).toMatchObject({ kind: 'rate', unit: '%' });
    expect(questionIntent('参加費はいくら？')).toMatchObject({ kind: 'amount', unit: '円' });
    // Raising a rate (ひりつを あげる) asks no figure.
    expect(questionIntent('ひりつを あげる せいさく あった?').unit).toBeUndefined();
    // Which body works at it (どこで取り組んでいますか) too.
    expect(questionIntent('広域でのワイン振興にはどこで取り組んでいますか').kind).toBe('organization');
    // Where a council meets asks a place.
    expect(questionIntent('審議会はどこで開かれますか').kind).toBe('place');
    // The thing counted before というのは いくつ (地区というのはいくつ) is the unit asked.
    expect(questionIntent('地区というのはいくつに分かれてるの').unit).toBe('地区');
    // The number of hours (時間数) is asked in hours, which 約3200時間 states.
    expect(questionIntent('残業はどれほど減ったのでしょうか。時間数がわかれば教えてください').unit).toBe('時間');
    // Where a thing is to go (どこの施設に入る予定) asks the place; 予定 only says it is planned.
    expect(questionIntent('あれはどこの施設に入る予定なのでしょう').kind).toBe('place');
    expect(questionIntent('ジャムの日の次の予定は？').kind).toBe('future');
    // A name asked of a person (何というお名前の方, どの選手) and how to cook a thing (どう料理すれば).
    expect(questionIntent('会長さんは、何というお名前の方でしょうか')).toMatchObject({
      kind: 'person',
      asksName: true,
    });
    expect(questionIntent('具体的にどの選手なのでしょうか')).toMatchObject({ kind: 'person', asksName: true });
    expect(questionIntent('鹿肉はどう料理すればいいのでしょう').kind).toBe('procedure');
    // Where to go and what to bring: a procedure.
    expect(questionIntent('カードを受け取るには何を持って、どの窓口へ行けばよいのでしょうか').kind).toBe('procedure');
    // いつ inside a verb (追いつく) or as someday (いつか) asks no date.
    expect(questionIntent('とても追いつかんだろう').kind).toBeUndefined();
    expect(questionIntent('いつか行ってみたい').kind).toBeUndefined();
    expect(questionIntent('いつから始まったの').kind).toBe('date');
    // いくら after から or あたり (市からいくら, 1人あたりいくら) asks an amount; inside a word (重たいくらい) it does not.
    expect(questionIntent('市からいくら助成が出るのでしょうか').kind).toBe('amount');
    expect(questionIntent('助成金って、1人あたりいくらもらえるんですか').kind).toBe('amount');
    expect(questionIntent('担架のほうが重たいくらいでした').kind).toBeUndefined();
    // Kana typed word by word: the spaces part words, the question is the same.
    expect(questionIntent('しちょうさんの しゅっしんちは どこ ですか').kind).toBe('place');
    expect(questionIntent('としょかんは なんじ まで あいて ますか').kind).toBe('detail');
    expect(questionIntent('どこでも使える？').kind).toBeUndefined();
    expect(questionIntent('副市長の名前は？').kind).toBe('person');
    expect(questionIntent('ポータルのurlは？')).toMatchObject({ kind: 'detail', detail: 'url' });
    expect(questionIntent('区って、全部でいくつあるの？')).toMatchObject({
      kind: 'count',
      unit: '区',
      countsAnything: true,
    });
    // A span of years is stated in years, however it is asked.
    expect(questionIntent('市長になって何年間？')).toMatchObject({ kind: 'count', unit: '年' });
    expect(questionIntent('この報告は何年分？')).toMatchObject({ kind: 'count', unit: '年' });
    expect(questionIntent('就任したのはいつ？').kind).toBe('date');
    expect(questionIntent('買ったのはどこの会社？').kind).toBe('organization');
    expect(questionIntent('誰が任命したの？').kind).toBe('person');
    // なにが もらえる: もらう, not many (なんにん もらった: 何人, not 何人も).
    expect(questionIntent('しなもの は なにが もらえるの?').kind).toBe('benefit');
    expect(questionIntent('なんにん もらった?')).toMatchObject({ kind: 'count', unit: '人' });
    expect(questionIntent('pr どうがは なんかい さいせいされた?')).toMatchObject({ kind: 'count', unit: '回' });
    // How much each (ひとりいくら): a sum, いくら after ひとり as after あたり.
    expect(questionIntent('助成金ってひとりいくら出るんかや')).toMatchObject({ kind: 'amount', unit: '円' });
    // About how many times (なんかいぐらい), as romaji read into kana writes it: a count, though no verb follows.
    expect(questionIntent('こもろの pr どうがって さいせいかいすう なんかいぐらい?')).toMatchObject({
      kind: 'count',
      unit: '回',
    });
    // Not who: whether anyone may, which the entry must say.
    expect(questionIntent('誰でも使えるの？')).toMatchObject({ kind: 'detail', detail: '誰でも' });
    // Many (いくつもの市町村で) asks no count.
    expect(questionIntent('いくつもの市町村でまとまって観光を盛り上げる会があるって本当？')).toMatchObject({
      asksForFigure: false,
    });
    expect(questionIntent('いくつもの市町村でまとまって観光を盛り上げる会があるって本当？').kind).toBeUndefined();
    // No one (誰とも話さない) asks for no person.
    expect(questionIntent('昼間は誰とも話さない日もあります。集まれる場所も入るのでしょうか。').kind).toBeUndefined();
    expect(questionIntent('センターはどこにできる？').kind).toBe('place');
    expect(questionIntent('駐車場は無料で使える？').kind).toBe('free');
    expect(questionIntent('市長の政策、ぶっちゃけいいと思う？').kind).toBe('opinion');
    expect(questionIntent('いくつの地区に分かれてる？')).toMatchObject({
      kind: 'count',
      unit: '地区',
      countsAnything: true,
    });
    // 「かいつまんで」 holds いつ but asks for no date.
    expect(questionIntent('かいつまんで教えて').kind).toBeUndefined();
    expect(questionIntent('ねーみんぐらいつってなに').kind).toBeUndefined();
    expect(questionIntent('それはいつ？').kind).toBe('date');
    expect(questionIntent('バスの時刻表')).toMatchObject({ kind: 'detail', detail: '時刻表' });
    expect(questionIntent('ふるさと納税はどうなった？').kind).toBeUndefined();
    // Likes are no fact of a report; a thing someone likes may be (小諸が好きな人).
    expect(questionIntent('好きな食べ物は？').kind).toBe('opinion');
    expect(questionIntent('小諸が好きな人の登録は何人？').kind).toBe('count');
    // 「入る予定ですか」 asks what goes in, not when.
    expect(questionIntent('どんな機能が入る予定ですか').kind).toBe('contents');
    expect(questionIntent('次の開催予定は？').kind).toBe('future');
  });

  it('reads where to buy typed in kana (どこで かえる) as a procedure', () => {
    expect(questionIntent('優待パスポートってどこでかえるの？').kind).toBe('procedure');
    expect(questionIntent('どこでかいますか').kind).toBe('procedure');
    // 変え typed for 買え, or where to exchange it: a procedure either way.
    expect(questionIntent('優待パスポートはどこで変えますか').kind).toBe('procedure');
  });

  it('reads 何分初めてのことで as an apology (なにぶん), and 何分かかる as minutes', () => {
    expect(questionIntent('何分初めてのことで分からないことばかりですので').kind).toBeUndefined();
    expect(questionIntent('何分にも高齢なもので').kind).toBeUndefined();
    expect(questionIntent('何ぶん年寄りなもので、字が読めません').kind).toBeUndefined();
    expect(questionIntent('駅から何分かかる？')).toMatchObject({ kind: 'count', unit: '分' });
  });

  it('reads a verb right after 何 (何作ったの, 何買うの) as what, and 何作 before a verb as a count', () => {
    expect(questionIntent('小中学生の副読本って何作ったの？').kind).toBeUndefined();
    expect(questionIntent('お土産に何買うの').kind).toBeUndefined();
    // An ichidan verb too (何決めた), while 何人います still counts.
    expect(questionIntent('区の決まりって何決めたの？').kind).toBeUndefined();
    expect(questionIntent('何人いますか').kind).toBe('count');
    expect(questionIntent('副読本は何作あるの？')).toMatchObject({ kind: 'count', unit: '作' });
    expect(questionIntent('何人って言ってた？')).toMatchObject({ kind: 'count', unit: '人' });
  });

  it('takes any counter after 何 for a count in that unit (何組, 何頭, 何市町村, 何ポイント)', () => {
    expect(questionIntent('親子で何組来たの？')).toMatchObject({ kind: 'count', unit: '組' });
    expect(questionIntent('鹿は何頭とれた？')).toMatchObject({ kind: 'count', unit: '頭' });
    expect(questionIntent('協議会は何市町村で作ってる？')).toMatchObject({ kind: 'count', unit: '市' });
    expect(questionIntent('マイレージは何ポイントでもらえる？')).toMatchObject({ kind: 'count', unit: 'ポイント' });
    expect(questionIntent('特産品は何品ある？')).toMatchObject({ kind: 'count', unit: '品' });
    expect(questionIntent('ふるさと市民は何万人になった？')).toMatchObject({ kind: 'count', unit: '人' });
    // 「6つ」 answers a count of kinds or points as well as the counter does.
    expect(questionIntent('施設の機能は何種類？')).toMatchObject({ kind: 'count', countsAnything: true });
  });

  it('keeps the words after 何 that ask no count out of counts', () => {
    for (const date of ['何年に始まったの？', '何月にあるの？', '何日に決まった？', '何曜日にやってる？']) {
      expect(questionIntent(date).kind, date).toBe('date');
    }
    expect(questionIntent('何時に開くの？').kind).toBe('detail');
    expect(questionIntent('市長は何歳？').kind).toBe('age');
    for (const other of [
      '何か変わった？',
      '何もしてないの？',
      '何で始めたの？',
      '何と言う名前？',
      '何故やめたの？',
      '何処にできる？',
    ]) {
      expect(questionIntent(other).kind, other).not.toBe('count');
    }
    // Many (何人も), some (何回か) and an ordinal (何番目) are no question of how many.
    expect(questionIntent('何人もの市民が協力してくれた').kind).toBeUndefined();
    expect(questionIntent('何回か相談したことがある').kind).toBeUndefined();
    expect(questionIntent('商工業の柱は何番目？').kind).toBeUndefined();
  });

  it('reads words typed as into a search box (ふるさと納税 返礼品), not a word said after a whole question', () => {
    expect(questionIntent('ふるさと納税 返礼品').searchedAspect).toBe(true);
    expect(questionIntent('女性会議ってなんのためにやったの 目的').searchedAspect).toBeUndefined();
  });

  it('tells a question on a change (増えた？) and one on an aim (目標は？)', () => {
    expect(questionIntent('ふるさと納税はどのくらい増えた？')).toMatchObject({ asksForChange: true });
    expect(questionIntent('ざんぎょうへった？')).toMatchObject({ asksForChange: true });
    expect(questionIntent('ふるさと市民の目標は何人？')).toMatchObject({ asksForTarget: true });
    expect(questionIntent('ふるさと市民は何人？').asksForTarget).toBeUndefined();
    // An agreement made with someone (約束を交わした) is a thing done, not an aim.
    expect(questionIntent('農協と市が約束を交わしましたか').asksForTarget).toBeUndefined();
    expect(questionIntent('市長は何を約束したの？')).toMatchObject({ asksForTarget: true });
    // What was pledged is an aim too.
    expect(questionIntent('政策集で仮想市民は何人と掲げた？')).toMatchObject({ asksForTarget: true });
    // What was said at first (〜っつう話だった) is the aim too.
    expect(questionIntent('最初は何万人つくるっつう話だったかや')).toMatchObject({ asksForTarget: true });
    expect(questionIntent('市長は何万人集めるって言ってた？')).toMatchObject({ asksForTarget: true });
    expect(questionIntent('どのくらいの人数を目指していたの？')).toMatchObject({ asksForAim: true });
    expect(questionIntent('どのくらい集まったの？').asksForAim).toBeUndefined();
  });

  it('asks for a name of an organization or a person only where a name is asked', () => {
    expect(questionIntent('ネーミングライツを買ったのはどこ？').kind).toBe('organization');
    // Which body does a thing (発信しているのはどこ), not where it is done (発信しているのはどこで).
    expect(questionIntent('小諸産ワインの魅力を発信しているのはどこ？').kind).toBe('organization');
    expect(questionIntent('発信しているのはどこでですか').kind).not.toBe('organization');
    expect(questionIntent('どちらの企業が買ったのですか').kind).toBe('organization');
    expect(questionIntent('スポンサーの名前を教えて').kind).toBe('organization');
    expect(questionIntent('講座の講師の名前は？').kind).toBe('person');
    expect(questionIntent('会議に来た人の名前を知りたい').kind).toBe('person');
    // The name of a thing (an award, a scholarship) is no name of someone.
    expect(questionIntent('奨学金の名前は？').kind).toBeUndefined();
    // Where a facility stands is a place, not who built it.
    expect(questionIntent('施設はどこにできるの？').kind).toBe('place');
  });

  it('takes whether something costs money for a price, and whether it is good for an opinion', () => {
    expect(questionIntent('登録にお金はかかりますか').kind).toBe('free');
    expect(questionIntent('お金って要るの？').kind).toBe('free');
    expect(questionIntent('協定を結んだのはいいことだと思う？').kind).toBe('opinion');
    // Which districts: a name of a district, not a place to go to.
    expect(questionIntent('訓練をしなかった区はどこ？').kind).toBe('organization');
    expect(questionIntent('優勝したのはどこの米？').kind).toBe('organization');
    // Which country did it (呼ぼうとしてたのはどこの国) asks a country.
    expect(questionIntent('外国チームを合宿に呼ぼうとしてたのはどこの国？').kind).toBe('country');
  });

  it('takes what goes into a thing for its contents, and 「中に」 of a place for no kind', () => {
    expect(questionIntent('建物の中にはどんなものが入るの？').kind).toBe('contents');
    expect(questionIntent('複合施設の中に何が入るんだっけ').kind).toBe('contents');
    expect(questionIntent('新しい施設の中身を教えて').kind).toBe('contents');
    expect(questionIntent('複合施設の中身は？').kind).toBe('contents');
    // Contents renewed (中身やメニューを新しくした) are a topic, not a list asked for.
    expect(questionIntent('施設の中身やメニューを新しくしたの？').kind).toBeUndefined();
    // Where something was set up (役所の中に), not what a thing holds.
    expect(questionIntent('役所の中にどのような体制を作ったのですか').kind).toBeUndefined();
    // The 中身 of a stance or a plan is what it says, not a list of what it holds.
    expect(questionIntent('民間の感覚で、っていう市長の姿勢、その中身を教えて').kind).toBeUndefined();
    expect(questionIntent('キャンパス構想の中身ってどんなの').kind).toBeUndefined();
  });

  it('reads question words typed in kana or romaji as written in kanji (なんにん, なんめーとる, あどれす)', () => {
    expect(questionIntent('しょうがくきんは なんにん もらった')).toMatchObject({ kind: 'count', unit: '人' });
    expect(questionIntent('しょうがくきんは なんにんも もらった').kind).not.toBe('count');
    expect(questionIntent('ひょうこうは なんめーとる ですか')).toMatchObject({ kind: 'count', unit: 'メートル' });
    expect(questionIntent('ちゅうしゃじょうは なんだい とめられる')).toMatchObject({ kind: 'count', unit: '台' });
    expect(questionIntent('ばすは なんろせん はしる')).toMatchObject({ kind: 'count', unit: '路線' });
    expect(questionIntent('ぽーたるの あどれすを おしえて')).toMatchObject({ kind: 'detail', detail: 'アドレス' });
    expect(questionIntent('ばすの じこくひょうは')).toMatchObject({ kind: 'detail', detail: '時刻表' });
    expect(questionIntent('いたくさきの かいしゃめいは').kind).toBe('organization');
    // A question word after a word that is no particle stays a word of its own.
    expect(questionIntent('こんてすとの しょうきん いくら')).toMatchObject({ kind: 'amount', unit: '円' });
    expect(questionIntent('市からいくら出るの').kind).toBe('amount');
    // なんで, なんの, なんか ask no count.
    for (const other of ['なんで やめたの', 'なんの ための じぎょう', 'なんか かわった']) {
      expect(questionIntent(other).kind, other).not.toBe('count');
    }
  });

  it('takes which town, which part is the most, a breakdown and a perk for kinds of their own', () => {
    expect(questionIntent('バスはどこの町と一緒に走らせてるの').kind).toBe('municipality');
    expect(questionIntent('寄付はどこの県の人が多い？').kind).toBe('breakdown');
    // A country is named otherwise (アメリカ, ドイツ): no town asked.
    expect(questionIntent('チームはどこの国から来たの').kind).not.toBe('municipality');
    expect(questionIntent('寄付金の内訳を教えて').kind).toBe('breakdown');
    expect(questionIntent('どの事業にいくらずつ使ったの').kind).toBe('breakdown');
    expect(questionIntent('返礼品で一番人気なのは何？').kind).toBe('breakdown');
    // Which is popular, asked without 一番 (人気あるのは何), typed in kanji or read from romaji.
    expect(questionIntent('返礼品で人気あるのは何？').kind).toBe('breakdown');
    expect(questionIntent('へんれいひんでにんきがあるのはなに?').kind).toBe('breakdown');
    expect(questionIntent('返礼品で人気一番は何？').kind).toBe('breakdown');
    expect(questionIntent('差し押さえた財産はどんなものが多い？').kind).toBe('breakdown');
    // Most as an aim (いちばん多いまちを目指す) asks nothing.
    expect(questionIntent('元気な人がいちばん多いまちを目指すって聞いた').kind).toBeUndefined();
    // Whether there is a perk, and which perks there are (listed, as contents).
    expect(questionIntent('登録したら何か特典とかもらえる？').kind).toBe('benefit');
    expect(questionIntent('お得な特典があるって本当？').kind).toBe('benefit');
    expect(questionIntent('ポイントを貯めると何がもらえるの').kind).toBe('benefit');
    expect(questionIntent('健幸マイレージのポイント貯めたら何と換えてくれるだい').kind).toBe('benefit');
    expect(questionIntent('特典は何がありますか').kind).toBe('contents');
    expect(questionIntent('食堂の新しいメニューは何？').kind).toBe('contents');
    expect(questionIntent('食堂のメニュー変わった？').kind).toBeUndefined();
  });

  it('reads an amount asked by its word (掛け金, お金の額), what is left, and a limit by income', () => {
    expect(questionIntent('保険の掛け金は').kind).toBe('amount');
    expect(questionIntent('市が出したお金の額').kind).toBe('amount');
    expect(questionIntent('寄付額は？').kind).toBe('amount');
    expect(questionIntent('滞納は全部でいくら残ってる？')).toMatchObject({ kind: 'detail', detail: '残' });
    expect(questionIntent('医療費の助成に所得制限はある？')).toMatchObject({ kind: 'detail', detail: '所得' });
    expect(questionIntent('親の収入による制限は？')).toMatchObject({ kind: 'detail', detail: '収入' });
    // Staying late at work (残って働く) is no sum left.
    expect(questionIntent('職員が夜遅くまで残って働く時間は減った？').kind).not.toBe('detail');
  });

  it('asks where to call, which politician, and of another council it does not name', () => {
    expect(questionIntent('困ったときはどちらへ連絡すればよいでしょうか').kind).toBe('procedure');
    expect(questionIntent('どこへ行っても同じだと思う').kind).toBeUndefined();
    expect(questionIntent('パイプってどこの政治家のこと？')).toMatchObject({ kind: 'person', asksName: true });
    expect(questionIntent('会長さんの名前を教えて')).toMatchObject({ kind: 'person', asksName: true });
    expect(questionIntent('連絡会の会長さん、名前なんていうんだっけ')).toMatchObject({
      kind: 'person',
      asksName: true,
    });
    expect(questionIntent('誰が任命するの？').asksName).toBeUndefined();
    expect(questionIntent('会場はどこ？').kind).toBe('place');
    expect(questionIntent('隣の大きな市では窓口でいくら払うの').asksOfAnotherCouncil).toBe(true);
    expect(questionIntent('よその町だと補助はある？').asksOfAnotherCouncil).toBe(true);
    // Also elsewhere (ほかの市町村でも) is a comparison asked along, not another council's affairs.
    expect(questionIntent('ほかの市町村でも同じような例はある？').asksOfAnotherCouncil).toBeUndefined();
  });

  it('names the thing whose kind or content is asked', () => {
    expect(questionIntent('新しい施設にはどんな機能が入るの？').askedNoun).toBe('機能');
    expect(questionIntent('「絆」とは？').askedNoun).toBe('絆');
    // Voice input leaves a space where a filler was (真の市民協働ってえーとなんなの).
    expect(questionIntent('真の市民協働って なんなの').askedNoun).toBe('市民協働');
    expect(questionIntent('「攻める」という柱は何をやるの').askedNoun).toBe('攻める');
    expect(questionIntent('ふるさと納税は増えた？').askedNoun).toBeUndefined();
    // What there is of it (返礼品は何がある), and romaji read with a space before って.
    expect(questionIntent('ふるさと納税の返礼品は何がありますか').askedNoun).toBe('返礼品');
    expect(questionIntent('ふるさと納税 の 返礼品 って何？').askedNoun).toBe('返礼品');
    // Words typed as into a search box: the last is what is asked of the ones before it.
    expect(questionIntent('給付型奨学金 対象者').askedNoun).toBe('対象者');
    expect(questionIntent('給付型奨学金').askedNoun).toBeUndefined();
  });

  it('takes a search ending in 場所 (子育て相談 場所, 公民館の場所) as asking where, not a place provided', () => {
    expect(questionIntent('子育て相談 場所').kind).toBe('place');
    expect(questionIntent('公民館の場所').kind).toBe('place');
    expect(questionIntent('お年寄りが集まれる場所').kind).toBeUndefined();
  });
});

describe('statesAskedFact', () => {
  it('finds a count stated with its subject, and not one stated of something else', () => {
    expect(statesAskedFact(members, questionIntent('ふるさと市民は何人？'), ['市民'])).toBe(true);
    // 人口 is named in the entry (関係人口), but not where its number is.
    expect(statesAskedFact(members, questionIntent('小諸の人口は？'), ['人口'])).toBe(false);
    // A subject the entry never names may be the citizen's own word for it.
    expect(statesAskedFact(members, questionIntent('応援してる人は何人？'), ['応援'])).toBe(true);
  });

  it('answers a total asked (全部で何時間) only with an amount, not with how much it fell by', () => {
    const overtime = entry('超過勤務時間を削減', '超過勤務時間は、前の年より約3200時間減りました。', [
      { label: '超過勤務時間の削減量', after: 3200, unit: '時間', period: 'H29→H30' },
    ]);
    const total = '残業は1年間で全部で何時間ありますか';
    expect(questionIntent(total)).toMatchObject({ asksTotal: true });
    expect(statesAskedFact(overtime, questionIntent(total), ['残業'], total)).toBe(false);
    const fell = '残業は全部で何時間減ったの？';
    expect(questionIntent(fell).asksTotal).toBeUndefined();
    expect(statesAskedFact(overtime, questionIntent(fell), ['残業'], fell)).toBe(true);
    const hours = entry('研修', '研修は全部で12時間行いました。');
    expect(statesAskedFact(hours, questionIntent('研修は全部で何時間？'), [], '研修は全部で何時間？')).toBe(true);
  });

  it('takes a count of points (3点) as how many things were named (こと、いくつ挙げた)', () => {
    const three = entry('市長が心がけてきた3点', '「真の市民協働の推進」などの3点を心がけてきました。');
    expect(statesAskedFact(three, questionIntent('心がけてきたこと、いくつ挙げてた？'))).toBe(true);
    const plain = entry('市長の心がけ', '市民協働を心がけてきました。');
    expect(statesAskedFact(plain, questionIntent('心がけてきたこと、いくつ挙げてた？'))).toBe(false);
  });

  it('counts things typed in kana (いくつの だんたい), and kinds named one by one (何種類)', () => {
    expect(questionIntent('きょうぎかいは いくつの だんたいで やってるの').unit).toBe('団体');
    // 公約 typed in kana is still what is counted: 5つの柱 counts no 公約.
    expect(questionIntent('しちょうさんの こうやくは ぜんぶで いくつ ありますか').unit).toBe('公約');
    const readers = entry('副読本を作成', '副読本として「小諸ストーリー」と「小諸アート」を作成しました。');
    expect(statesAskedFact(readers, questionIntent('副読本って何種類作ったの？'))).toBe(true);
    expect(statesAskedFact(readers, questionIntent('副読本は何冊配ったの？'))).toBe(false);
  });

  it('takes names listed with ・ as how many kinds or places (何種類, 何個, 何か所), not two doings (加工・販売)', () => {
    const courses = entry('子どもチャレンジ講座（親子で英語合宿・料理教室）の開催', '講座を開きました。');
    expect(statesAskedFact(courses, questionIntent('チャレンジ講座って何種類くらいあったの？'))).toBe(true);
    expect(statesAskedFact(courses, questionIntent('チャレンジ講座には何人来たの？'))).toBe(false);
    const sales = entry('小諸ブランドの推進', '東京・大阪でのトップセールスに取り組みました。');
    expect(statesAskedFact(sales, questionIntent('トップセールスには何か所くらい出かけたんですか？'))).toBe(true);
    const food = entry('ペットフード事業', 'ニホンジカを活用し、ペットフードを加工・販売する事業に取り組みました。');
    expect(statesAskedFact(food, questionIntent('シカのペットフードは何種類あるの？'))).toBe(false);
  });

  it('counts districts asked for as areas (何エリア) in 地区', () => {
    const chairs = entry('地区長会の正副会長を任命', '10地区の地区長会の正副会長を市長が任命しました。');
    expect(statesAskedFact(chairs, questionIntent('市内は何エリアあるの？'))).toBe(true);
    expect(statesAskedFact(chairs, questionIntent('市内は何ブロックあるの？'))).toBe(false);
  });

  it('takes a subject that is a keyword on its own (健診) as the entry topic, though a longer keyword ends with it', () => {
    const checkups = {
      ...entry('特定検診の受診率が39.7%に上昇', '特定検診の受診率は39.7%に上がりました。', [
        { label: '特定検診受診率', before: 34.5, after: 39.7, unit: '%', period: 'H25→H29' },
      ]),
      keywords: ['特定健診', '健診'],
    };
    const rate = questionIntent('健診の受診率は？');
    expect(statesAskedFact(checkups, rate, ['健診'], '健診の受診率は？')).toBe(true);
    expect(statesAskedFact({ ...checkups, keywords: ['特定健診'] }, rate, ['健診'], '健診の受診率は？')).toBe(false);
  });

  it('takes countries named (アメリカ・ドイツ) as which countries, and how many, were asked', () => {
    expect(questionIntent('どこの国のチームに声をかけたの？').kind).toBe('country');
    expect(questionIntent('トライアスロンのチームは何か国？').kind).toBe('country');
    const teams = entry('トライアスロンチームを誘致', 'トライアスロンのアメリカ、ドイツチームを誘致しました。');
    const training = entry('高地トレーニングの推進', '高地トレーニングを推進しました。');
    expect(statesAskedFact(teams, questionIntent('何か国のチームが来たの？'))).toBe(true);
    expect(statesAskedFact(training, questionIntent('何か国のチームが来たの？'))).toBe(false);
  });

  it('needs both a date and a place when a question asks when and where (いつどこで)', () => {
    const intent = questionIntent('食味コンクールはいつどこで開かれたの？');
    expect(intent.alsoKinds).toEqual(['date']);
    const sales = entry(
      '小諸ブランドの推進',
      '東京・大阪でのトップセールスと米・食味コンクールの招致に取り組みました。',
    );
    expect(statesAskedFact(sales, intent)).toBe(true);
    expect(statesAskedFact(sales, { ...intent, kind: 'date' })).toBe(false);
    // Where a matter is discussed is one fact: the council, not a place as well.
    expect(questionIntent('どこで話し合っているの').alsoKinds).toBeUndefined();
  });

  it('answers the year in a name (名前についてる年) with a name closed by a year, not with any year', () => {
    const bureau = entry('観光局の設置', '官民で「こもろ観光局2020」を設置することを掲げました。');
    const founded = entry('観光局の設置', '観光局はH30年度に設置されました。');
    for (const q of ['その観光局って、名前に何年って入ってるの？', '観光局の名前についてる年はいつの年？']) {
      const intent = questionIntent(q);
      expect(intent.kind, q).toBe('date');
      expect(statesAskedFact(bureau, intent, [], q), q).toBe(true);
    }
    // A year asked of the thing itself (いつできた) is not read from its name.
    const when = '観光局は何年にできたの？';
    expect(statesAskedFact(bureau, questionIntent(when), [], when)).toBe(false);
    expect(statesAskedFact(founded, questionIntent(when), [], when)).toBe(true);
  });

  it('takes which things there are (どんなものがある) as contents: a list, or two names quoted one by one', () => {
    expect(questionIntent('返礼品には、どんなものがあるのでしょうか').kind).toBe('contents');
    const readers = entry('副読本を作成', '「小諸ストーリー」と「小諸アート」を作成しました。');
    const growth = entry('ふるさと納税の寄付額が50.5倍に', '返礼品を見直し、寄付額が伸びました。');
    expect(statesAskedFact(readers, questionIntent('どのようなものがあるのでしょうか'))).toBe(true);
    expect(statesAskedFact(growth, questionIntent('返礼品には、どんなものがあるのでしょうか'))).toBe(false);
  });

  it('takes whether a thing sought came about (実際に来たの) as an outcome an attempt does not state', () => {
    expect(questionIntent('アメリカのチームは、実際に小諸に来たの？').kind).toBe('outcome');
    const invited = entry('トライアスロンチームを誘致', 'アメリカ、ドイツチームの誘致活動を行いました。');
    const built = entry('消防庁舎の移転新築', '消防庁舎を移転新築しました。');
    expect(statesAskedFact(invited, questionIntent('実際に小諸に来たの？'))).toBe(false);
    expect(statesAskedFact(built, questionIntent('実際に移転は実現したの？'))).toBe(true);
  });

  it('takes a list in the brackets of a title (英語合宿・料理教室) as what a thing holds', () => {
    const courses = entry('子どもチャレンジ講座（親子で英語合宿・料理教室）の開催', '講座を開きました。');
    expect(statesAskedFact(courses, questionIntent('チャレンジ講座ではどんな催しがあったの'))).toBe(true);
  });

  it('takes a city named where a thing was done (東京・大阪での) as its place', () => {
    const sales = entry('小諸ブランドの推進', '東京・大阪でのトップセールスに取り組みました。');
    expect(statesAskedFact(sales, questionIntent('トップセールスはどこでやったの？'))).toBe(true);
    const plain = entry('小諸ブランドの推進', 'トップセールスに取り組みました。');
    expect(statesAskedFact(plain, questionIntent('トップセールスはどこでやったの？'))).toBe(false);
  });

  it('takes a school named (野岸小学校) as the school asked for by which, not a plan with 学校 inside it', () => {
    const councils = entry('学校改善の議論', '「小諸市長期学校改善計画検討会」で議論しています。');
    const asked = 'どこの学校から建て替えるの？';
    expect(statesAskedFact(councils, questionIntent(asked), [], asked)).toBe(false);
    const school = entry('校舎の整備', '野岸小学校の管理棟を建て替えました。');
    expect(statesAskedFact(school, questionIntent(asked), [], asked)).toBe(true);
  });

  it('takes a council named (検討会, 審議会) as the body where a matter is discussed', () => {
    const councils = entry('学校改善の議論', '「長期学校改善計画検討会」と「学校教育審議会」で議論しています。');
    expect(statesAskedFact(councils, questionIntent('小学校の建て替え、どこで話し合っているの'))).toBe(true);
    const talk = entry('小学校建替えに向けた議論', '小学校の建替えに向けて議論を進めています。');
    expect(statesAskedFact(talk, questionIntent('小学校の建て替え、どこで話し合っているの'))).toBe(false);
  });

  it('takes a group of people named (後援会員の皆さま) as whom a thing was asked of', () => {
    const closing = entry('この後援会報の目的', '後援会員の皆さまに引き続きのご支援をお願いしています。');
    expect(statesAskedFact(closing, questionIntent('市長さんは誰にお願いをしていたのですか'))).toBe(true);
    const plain = entry('行政手続の迅速化', '行政手続を迅速にすることを掲げました。');
    expect(statesAskedFact(plain, questionIntent('誰が決めたのですか'))).toBe(false);
  });

  it('needs the kind of fact itself: no amount, no procedure, no age in an entry without them', () => {
    expect(statesAskedFact(scholarship, questionIntent('奨学金はいくらもらえる？'))).toBe(false);
    expect(statesAskedFact(scholarship, questionIntent('奨学金の申し込み方法は？'))).toBe(false);
    expect(statesAskedFact(scholarship, questionIntent('奨学金はいつできたの？'))).toBe(false);
    expect(statesAskedFact(complex, questionIntent('複合型施設はいつ完成する？'))).toBe(true);
    expect(statesAskedFact(medical, questionIntent('医療費の無料化は何歳まで？'))).toBe(true);
  });

  it('takes 複合型施設 and 複合施設 for one name: naming it says not where it is', () => {
    const parking = entry('公共駐車場', '複合型施設に公共駐車場が計画されています。');
    const asked = 'その複合施設はどこに建てられるのでしょうか';
    expect(statesAskedFact(parking, questionIntent(asked), [], asked)).toBe(false);
  });

  it('answers where to see it with the web page the entry names', () => {
    const portal = entry('移住定住ポータル', '市のホームページに移住専門の「移住定住ポータル」を開設しました。');
    const asked = '移住する人向けの情報はどこで見られますか';
    expect(statesAskedFact(portal, questionIntent(asked), [], asked)).toBe(true);
  });

  it('answers where from with a route the entry states (軽井沢から小諸へ)', () => {
    const passport = entry('優待パスポート', 'しなの鉄道を使って軽井沢から小諸へ来る人に優待パスポートを出しました。');
    expect(
      statesAskedFact(
        passport,
        questionIntent('優待パスポートってどこから来る人向け？'),
        [],
        '優待パスポートってどこから来る人向け？',
      ),
    ).toBe(true);
    expect(
      statesAskedFact(scholarship, questionIntent('奨学金はどこから来る人向け？'), [], '奨学金はどこから来る人向け？'),
    ).toBe(false);
  });

  it('answers how many years from the years an entry states', () => {
    const term = entry('市長の在任期間', '就任から約3年9カ月が経ちました。');
    expect(statesAskedFact(term, questionIntent('市長になって何年間たった？'))).toBe(true);
    expect(statesAskedFact(scholarship, questionIntent('奨学金は何年分もらえる？'))).toBe(false);
  });

  it('answers whether something is free only from an entry that says so or gives its price', () => {
    expect(statesAskedFact(medical, questionIntent('医療費は無料になった？'))).toBe(true);
    expect(statesAskedFact(scholarship, questionIntent('奨学金は無料で借りられる？'))).toBe(false);
    // That the counter is free says nothing of what the city pays for it.
    expect(statesAskedFact(medical, questionIntent('無料化で市の負担はいくら増えた？'))).toBe(false);
  });

  it('counts 「5つ」 for いくつ but never 「1つ」 (one of) for a counter', () => {
    const functions = entry(
      '複合型施設の機能',
      '複合型施設の機能の一つとして、公共駐車場が計画されています。6つの機能があります。',
    );
    expect(statesAskedFact(functions, questionIntent('機能はいくつある？'))).toBe(true);
    expect(statesAskedFact(functions, questionIntent('駐車場は何台とめられる？'))).toBe(false);
  });

  it('finds what a thing holds only where the entry lists it: a count of its parts or three names', () => {
    const asked = questionIntent('新しい施設の中には何が入るの？');
    expect(statesAskedFact(entry('施設の機能', '施設には6つの機能が挙げられています。'), asked)).toBe(true);
    expect(statesAskedFact(entry('施設', '保育施設、福祉センター、公共駐車場が入ります。'), asked)).toBe(true);
    // One of them, or the plan itself, is no list of what goes in.
    expect(statesAskedFact(entry('駐車場', '施設の機能の一つとして、駐車場が計画されています。'), asked)).toBe(false);
    expect(statesAskedFact(complex, asked)).toBe(false);
  });

  it('takes no name the question already holds for an answer (where is X: 「Xの機能の一つ」)', () => {
    const center = entry('複合型施設の福祉センター', '複合型施設の機能の一つとして、福祉センターが計画されています。');
    const asked = '複合型施設はどこに建てるの';
    expect(statesAskedFact(center, questionIntent(asked), [], asked)).toBe(false);
    const councils = entry('高地トレーニング', '8団体による協議会を運営しています。');
    const members = '協議会に入っている団体の名前を教えて';
    expect(statesAskedFact(councils, questionIntent(members), [], members)).toBe(false);
    const station = entry('駅の整備', '小諸駅前に観光案内所を整備しました。');
    const where = '観光案内所はどこにあるの';
    expect(statesAskedFact(station, questionIntent(where), [], where)).toBe(true);
  });

  it('answers who holds a role only from an entry that names that role', () => {
    const school = entry('学校の検討会', '教育委員会と市長が長期の計画を話し合っています。');
    const who = '教育長って今だれ？';
    expect(statesAskedFact(school, questionIntent(who), [], who)).toBe(false);
    const mayor = '市長は誰？';
    expect(statesAskedFact(school, questionIntent(mayor), [], mayor)).toBe(false);
    const named = entry('市長の就任', '小泉俊博市長は平成28年4月に就任しました。');
    expect(statesAskedFact(named, questionIntent(mayor), [], mayor)).toBe(true);
    // One who held it before (前の市長) is not the one the entry names.
    const former = '前の市長さんは誰だったかや？';
    expect(statesAskedFact(named, questionIntent(former), [], former)).toBe(false);
    // Who holds the post, not who appoints it: 「正副会長を市長が任命」 names no 会長.
    const chairs = entry('地域連絡会', '10地区ごとの地域連絡会の正副会長を市長が任命しました。');
    const chair = 'うちの地区の地域連絡会の会長は誰？';
    expect(statesAskedFact(chairs, questionIntent(chair), [], chair)).toBe(false);
    // Romaji read into kana leaves a space before って (sensei tte dare): the role is still read.
    const athletes = entry(
      '高地トレーニング',
      '8団体による協議会を運営しています。トップアスリートの招致にも取り組みました。',
    );
    const spaced = 'トップアスリート って だれ?';
    expect(statesAskedFact(athletes, questionIntent(spaced), [], spaced)).toBe(false);
    // The name of someone's family (奥さん, typed in kana too), which the mayor's own name does not give.
    for (const wife of ['市長さんの奥さんの名前は？', 'しちょうさんの おくさんの なまえは なんですか']) {
      expect(questionIntent(wife).kind).toBe('person');
      expect(statesAskedFact(named, questionIntent(wife), [], wife)).toBe(false);
    }
  });

  it('takes a count named only inside a longer keyword (関係人口) as a count of something else', () => {
    const target = { ...members, keywords: ['関係人口', '仮想市民'], body: '仮想市民10万人を目標にしました。' };
    expect(statesAskedFact(target, questionIntent('人口は何人？'), ['人口'])).toBe(false);
    expect(statesAskedFact(target, questionIntent('仮想市民の目標は何人？'), ['仮想市民'])).toBe(true);
    // 10万人 is what was aimed at, not how many there are.
    expect(statesAskedFact(target, questionIntent('仮想市民は何人？'), ['仮想市民'])).toBe(false);
  });

  it('takes the kind a longer keyword names as asked when the question names it too (女の職員: 女性職員)', () => {
    const ratio = {
      ...entry('女性幹部候補の比率が23.8%に', '係長級以上の比率はH31に23.8%に上がりました。'),
      keywords: ['女性職員'],
    };
    const women = '女の職員の割合って増えたの？';
    expect(statesAskedFact(ratio, questionIntent(women), ['職員'], women)).toBe(true);
    const all = '職員の割合って増えたの？';
    expect(statesAskedFact(ratio, questionIntent(all), ['職員'], all)).toBe(false);
  });

  it('needs a number in the unit of any counter, and none in an entry without numbers', () => {
    const courses = entry('子ども講座', '親子で参加する英語合宿や料理教室を開きました。');
    expect(statesAskedFact(courses, questionIntent('親子は何組参加した？'))).toBe(false);
    const counted = entry('子ども講座', '親子で参加する英語合宿を開き、30組が参加しました。');
    expect(statesAskedFact(counted, questionIntent('親子は何組参加した？'))).toBe(true);
    expect(statesAskedFact(counted, questionIntent('鹿は何頭とれた？'))).toBe(false);
  });

  it("takes a pledge's numbers and targets for aims: they count nothing that there is", () => {
    const pledge = {
      ...entry('ふるさと市民の創設', '「小諸ふるさと市民」（仮想市民10万人）の創設を掲げました。'),
      kind: 'policy' as const,
    };
    expect(statesAskedFact(pledge, questionIntent('ふるさと市民は何人？'), ['市民'])).toBe(false);
    expect(statesAskedFact(pledge, questionIntent('ふるさと市民の目標は何人？'), ['市民'])).toBe(true);
    expect(statesAskedFact(pledge, questionIntent('政策集ではふるさと市民を何人と掲げた？'), ['市民'])).toBe(true);
    const target = entry('女性の参画率', '女性参画率は目標45%に対し、H31.4現在で40.4%です。', [
      { label: '女性参画率の目標', after: 45, unit: '%', period: 'H31.4現在' },
    ]);
    expect(statesAskedFact(target, questionIntent('女性参画率は何パーセント？'))).toBe(true);
    const onlyTarget = entry('女性の参画率', '女性参画率は45%を目標にしています。', [
      { label: '女性参画率の目標', after: 45, unit: '%', period: 'H31.4現在' },
    ]);
    expect(statesAskedFact(onlyTarget, questionIntent('女性参画率は何パーセント？'))).toBe(false);
  });

  it('takes no name the question holds in part (ワイン委員会 of 小諸ワイン委員会) for a new one', () => {
    const committee = entry('ワイン委員会', '「小諸ワイン委員会」を設立し、魅力を発信しています。');
    const members = 'ワイン委員会には誰が入ってるの';
    expect(statesAskedFact(committee, questionIntent(members), [], members)).toBe(false);
    const chair = 'ワイン委員会の委員長の名前は？';
    expect(statesAskedFact(committee, questionIntent(chair), [], chair)).toBe(false);
    const who = '小諸のワインを宣伝してるのは誰？';
    expect(statesAskedFact(committee, questionIntent(who), [], who)).toBe(true);
  });

  it('answers the figure aimed at only with an aim, not with the rate reached', () => {
    const reached = entry('受診率の上昇', '受診率は、H25の34.5%からH29には39.7%に上がりました。');
    expect(statesAskedFact(reached, questionIntent('受診率は何%？'))).toBe(true);
    expect(statesAskedFact(reached, questionIntent('受診率の目標は何%？'))).toBe(false);
    const aimed = entry('女性の参画率', '女性参画率は目標45%に対し、H31.4現在で40.4%です。');
    expect(statesAskedFact(aimed, questionIntent('参画率の目標は何%？'))).toBe(true);
  });

  it('takes 「5つの柱」 for a count of pillars, not of the pledges asked', () => {
    const pillars = entry('5つの柱', 'プロジェクトの5つの柱は、財政、絆、笑顔、攻める、ワクワクです。');
    expect(statesAskedFact(pillars, questionIntent('公約は全部でいくつ？'))).toBe(false);
    expect(statesAskedFact(pillars, questionIntent('柱はいくつ？'))).toBe(true);
    expect(statesAskedFact(pillars, questionIntent('柱は何種類？'))).toBe(true);
  });

  it('names the holder of a post asked by name only at the post, not the one who appoints', () => {
    const chairs = entry('正副会長の任命', '10地区ごとに、地域連絡会の正副会長を市長が任命しています。');
    const name = '連絡会の会長さんの名前を教えて';
    expect(statesAskedFact(chairs, questionIntent(name), [], name)).toBe(false);
    const who = 'どなたが会長になったの？';
    expect(statesAskedFact(chairs, questionIntent(who), [], who)).toBe(false);
    // Who appoints them is what the entry says.
    const appoints = '会長って誰が決めてるの？';
    expect(statesAskedFact(chairs, questionIntent(appoints), [], appoints)).toBe(true);
    const school = entry('義塾', '大学のフィールドワークを支援し、未来義塾を開催しました。');
    const lecturer = '未来義塾って誰が講師やってるの？';
    expect(statesAskedFact(school, questionIntent(lecturer), [], lecturer)).toBe(false);
  });

  it('asks who came among the people named (アスリートには、実際にどなたが来た): the entry must name them', () => {
    const training = entry('高地トレーニング', '高地トレーニングを推進し、8団体による協議会を運営しています。');
    const who = 'トップアスリートには、実際にどなたがいらしたのですか';
    expect(statesAskedFact(training, questionIntent(who), [], who)).toBe(false);
    const came = '選手は誰が来たの？';
    expect(statesAskedFact(training, questionIntent(came), [], came)).toBe(false);
  });

  it('takes a word for a kind of person standing alone (大学, 職員) for no name, nor one the question names', () => {
    const ties = entry('中央とのパイプ', '中央の政治家・公共団体・大手企業・大学・文化人等と互助関係を形成します。');
    const which = 'パイプってどこの政治家のこと？';
    expect(statesAskedFact(ties, questionIntent(which), [], which)).toBe(false);
    const staff = entry('地域担当職員制度', '「地域担当職員制度」を導入しました。');
    const mine = '市職員で、うちの地区を担当しているのは誰？';
    expect(statesAskedFact(staff, questionIntent(mine), [], mine)).toBe(false);
    const anyone = '誰が地区を受け持つの？';
    expect(statesAskedFact(staff, questionIntent(anyone), [], anyone)).toBe(true);
  });

  it('finds a town other than Komoro, a perk, and a breakdown only where the entry names them', () => {
    const joint = entry('バスの共同運行', '市民バスの浅間山麓共同運行を掲げました。');
    const towns = entry('バスの共同運行', '小諸市は御代田町、軽井沢町と市民バスを共同運行します。');
    const which = 'バスはどこの町と一緒に走らせてるの';
    expect(statesAskedFact(joint, questionIntent(which), [], which)).toBe(false);
    expect(statesAskedFact(towns, questionIntent(which), [], which)).toBe(true);
    const perk = '登録したら何か特典はある？';
    expect(statesAskedFact(members, questionIntent(perk))).toBe(false);
    const pass = entry('優待パスポート', '軽井沢から来る人向けの優待パスポートで集客しました。');
    expect(statesAskedFact(pass, questionIntent(perk))).toBe(true);
    // A grant is what one gets; a point system says nothing of what points bring.
    const grant = entry('移住支援', '移住して起業する人に就業・創業移住支援助成金を創設しました。');
    expect(statesAskedFact(grant, questionIntent('移住して起業したら何がもらえるの？'))).toBe(true);
    const points = entry('健幸マイレージ', 'マイレージとはポイント制度のことです。');
    expect(statesAskedFact(points, questionIntent('ポイントを貯めると何がもらえるの？'))).toBe(false);
    const breakdown = '寄付金の内訳は？';
    expect(statesAskedFact(members, questionIntent(breakdown))).toBe(false);
    const drill = entry('防災訓練', '全68区のうち61区で実施されました。');
    expect(statesAskedFact(drill, questionIntent('実施した区の内訳は？'))).toBe(true);
  });

  it('takes a big city named alone (東京・大阪で) as which town, and not a town not named', () => {
    const intent = questionIntent('どちらの町へ行かれたのか、教えていただけますか。');
    expect(intent.kind).toBe('municipality');
    const sales = entry('小諸ブランドの推進', '東京・大阪でのトップセールスに取り組みました。');
    expect(statesAskedFact(sales, intent)).toBe(true);
    const unnamed = entry('小諸ブランドの推進', '都市部でのトップセールスに取り組みました。');
    expect(statesAskedFact(unnamed, intent)).toBe(false);
  });

  it('asks who may have a thing given (大人でももらえる, 誰でも出られる), not a service (子どもも預かってもらえる)', () => {
    expect(questionIntent('小諸ストーリーっつう副読本、大人でももらえるかや？')).toMatchObject({
      kind: 'detail',
      detail: '大人',
    });
    expect(questionIntent('こもろ女性会議って誰でも出られるの？')).toMatchObject({ kind: 'detail', detail: '誰でも' });
    expect(questionIntent('病み上がりの子どもも預かってもらえる場所はできるの？').kind).not.toBe('detail');
  });

  it('accepts any entry for a question that wants no kind in particular', () => {
    expect(statesAskedFact(scholarship, questionIntent('奨学金について'))).toBe(true);
  });
});

describe('asksOthersBesidesOnlyOne', () => {
  it('finds other places asked for besides the one place an entry names', () => {
    const bath = entry('あぐりの湯こもろの改修', 'あぐりの湯こもろを改修し、農産物の拠点にしました。');
    expect(asksOthersBesidesOnlyOne('温泉は、あぐりの湯のほかにどこがありますか', bath)).toBe(true);
    // Where the entry lists several, or the question names none it holds, it may answer.
    const listed = entry('巡回バス', 'ワイナリーバス、市民バス、観光バスを走らせました。');
    expect(asksOthersBesidesOnlyOne('ワイナリーバスのほかにどこを走るバスがある？', listed)).toBe(false);
    expect(asksOthersBesidesOnlyOne('草津のほかにどこがある？', bath)).toBe(false);
    expect(asksOthersBesidesOnlyOne('あぐりの湯のほかに何をしたの？', bath)).toBe(false);
  });
});

describe('countedPhrase', () => {
  const phrase = (q: string) => {
    const span = countedPhrase(q);
    return span && q.slice(span.start, span.end);
  };

  it('is what the number asked counts, from the start of its clause', () => {
    expect(phrase('ふるさと市民のうち、県外に住んでいる人は何人？')).toBe('県外に住んでいる人は');
    expect(phrase('ふるさと市民は何人？')).toBe('ふるさと市民は');
    // Not what the citizen says they do not ask (〜の人数ではなく).
    expect(phrase('ふるさと市民の人数ではなく、小諸に住む人口は何人？')).toBe('小諸に住む人口は');
  });

  it('leaves out when and where (年間で), and takes the noun a number qualifies (いくつの地区)', () => {
    expect(phrase('残業時間は年間で何時間減ったの？')).toBe('残業時間は');
    expect(phrase('市内はいくつの地区に分かれてる？')).toBe('地区');
    // A phrase that is all setting names where, not what.
    expect(phrase('小諸では何割くらいの人が受けているのか')).toBe('');
  });

  it('is undefined for a question that asks no number, nor a place in an order (いくつ目)', () => {
    expect(countedPhrase('ふるさと納税はどうなった？')).toBeUndefined();
    expect(countedPhrase('「攻める」は、柱の順番でいうといくつ目？')).toBeUndefined();
  });

  it('reads past a total asked for after a comma (、全部で何人) to the chunk it totals', () => {
    expect(phrase('小諸に住んでる人って、全部で何人くらい？')).toBe('小諸に住んでる人って');
    expect(phrase('区は全部でいくつ？')).toBe('区は');
  });
});

describe('countingVerb', () => {
  const verb = (q: string) => {
    const found = countingVerb(q);
    return found && [q.slice(found.start, found.end), found.counter];
  };

  it("is the verb just after a count's number word, with the counter: what the counted do", () => {
    expect(verb('小諸には何人住んでるの？')).toEqual(['住んでるの', '人']);
    expect(verb('市内に何人くらい暮らしてる？')).toEqual(['暮らしてる', '人']);
    expect(verb('ふるさと市民は何人？')).toBeUndefined();
  });
});

describe('topicPhrase', () => {
  const phrase = (q: string) => {
    const span = topicPhrase(q);
    return span && q.slice(span.start, span.end);
  };

  it('is what the question is about: up to は, って or が in its clause', () => {
    expect(phrase('給食費は無料になった？')).toBe('給食費');
    expect(phrase('念のため、防災訓練って何区でやったの')).toBe('防災訓練');
    expect(phrase('いつできたの？')).toBeUndefined();
    // The が that begins a word (がん) is no particle.
    expect(phrase('がん検診の受診率は？')).toBe('がん検診の受診率');
    // が joining two clauses marks no topic.
    expect(phrase('バスを一緒に走らせると伺ったのですが、どんな計画ですか')).toBeUndefined();
  });

  it('ends in a noun, with the nouns joined to it by の, and not the description before it', () => {
    const head = (q: string) => {
      const span = topicHead(q);
      return span && q.slice(span.start, span.end);
    };
    expect(head('空気の薄い山の上で選手が体をつくる練習、あれを進めてる協議会っていくつ')).toBe('選手');
    expect(head('高齢者のインフルエンザの予防接種は無料ですか')).toBe('高齢者のインフルエンザの予防接種');
    expect(head('給食費は無料になった？')).toBe('給食費');
    // A noun written with a verb's kana (取り組み, 見直し) ends it too; a particle (東御市で) does not.
    expect(head('空気の薄い山の上で選手に練習してもらう取り組みって、いくつの団体？')).toBe('取り組み');
    expect(head('区の役割の見直しは終わった？')).toBe('区の役割の見直し');
    expect(head('お隣の東御市では、受診率は何パーセント？')).toBe('お隣の東御市で');
    // A topic named bare before a comma, with no particle after it.
    expect(phrase('給食費の無償化、小諸でもやる予定ありますか？')).toBe('給食費の無償化');
    expect(phrase('えーと、いつできるの')).toBeUndefined();
    // No noun at its end: the whole phrase.
    expect(head('高齢者の予防接種には助成がありますか')).toBe('高齢者の予防接種に');
  });
});
