import { describe, expect, it } from 'vitest';
import {
  focusSpans,
  questionClauses,
  reportedTopic,
  setPhraseSpans,
  storyCut,
  toldSpans,
} from '../../src/analyze/question-focus.js';
import { questionIntent } from '../../src/analyze/question-intent.js';

const roles = (text: string) => questionClauses(text).map((c) => [text.slice(c.start, c.end).trim(), c.role]);
const focusText = (text: string) =>
  focusSpans(text)
    .map((c) => text.slice(c.start, c.end))
    .join('|');

/** The topic the message's first clause reports hearing of (reportedTopic), as text. */
const topicHeard = (text: string) => {
  const clause = questionClauses(text)[0];
  const topic = clause && reportedTopic(text, clause);
  return topic && text.slice(topic.start, topic.end);
};

describe('questionClauses', () => {
  it('reads a clause of set phrases as a greeting wherever its first letter is, and others not', () => {
    expect(roles('「いつもお世話になっております。」ふるさと納税はいくら？')).toEqual([
      ['「いつもお世話になっております。', 'greeting'],
      ['」ふるさと納税はいくら？', 'asked'],
    ]);
    // A set phrase after the first words (市の…よろしくお願いします) leaves those words to read.
    expect(roles('市のことでよろしくお願いします。')[0]?.[1]).not.toBe('greeting');
  });

  it('ends a clause of the story at 〜たところ、 (読んでおりましたところ、): what was read is told after it', () => {
    expect(
      roles(
        '冊子を読んでおりましたところ、市長さんが心がけてこられたことが三つあると書いてありました。その三つとは何でしょうか。',
      ),
    ).toEqual([
      ['冊子を読んでおりましたところ、', 'background'],
      ['市長さんが心がけてこられたことが三つあると書いてありました。', 'asked'],
      ['その三つとは何でしょうか。', 'asked'],
    ]);
    expect(roles('調べたところ、')[0]?.[1]).toBe('background');
  });

  it("reads a letter's frame as a greeting, and a clause asking only after the reader's health as no question", () => {
    expect(roles('拝啓 寒さ厳しき折、いかがお過ごしでしょうか。')).toEqual([
      ['拝啓 寒さ厳しき折、いかがお過ごしでしょうか。', 'greeting'],
    ]);
    expect(roles('皆さまお元気でいらっしゃいますか。')[0]?.[1]).toBe('greeting');
    expect(roles('市長さんもどうぞお体を大切になさってください。敬具')).toEqual([
      ['市長さんもどうぞお体を大切になさってください。', 'greeting'],
      ['敬具', 'greeting'],
    ]);
    // Words of the season in the citizen's own words are told, not asked.
    expect(roles('春めいてまいりましたが、いかがお過ごしでしょうか。')[0]?.[1]).toBe('background');
  });

  it('reads news told with って話 (〜を増やすって話あった) as a topic raised, not 集まって話し合う', () => {
    expect(roles('幹部職員を増やすって話あったと思うんだけど公約ではどう言ってたっけ')[0]?.[1]).toBe('asked');
    expect(roles('職員が集まって話し合う会がありました。')[0]?.[1]).toBe('background');
  });

  it('reads 何組も, 何人も (many) as no question word, and 〜と安心できます as thanks in advance', () => {
    expect(roles('早く相談につなげてあげられたらと悔やんだ親子が何組もございました。')[0]?.[1]).toBe('background');
    expect(roles('何人もらえるのですか。')[0]?.[1]).toBe('asked');
    expect(roles('教えていただけますと安心できます。')[0]?.[1]).toBe('greeting');
  });

  it('reads どんなに as an exclamation, not a question word, unless a question mark asks', () => {
    expect(roles('近くに集まれる場所ができれば、どんなに心強いかと楽しみにしております。')[0]?.[1]).toBe('background');
    expect(roles('どんなに急いでも間に合いません。')[0]?.[1]).toBe('background');
    expect(roles('どんなに便利になったの？')[0]?.[1]).toBe('asked');
    expect(roles('どんな施設ができるのでしょうか。')[0]?.[1]).toBe('asked');
  });

  it('reads a question word after それぞれ as asking (それぞれどのような柱なのか、教えて…)', () => {
    expect(roles('それぞれどのような柱なのか、教えてください。')[0]).toEqual(['それぞれどのような柱なのか、', 'asked']);
  });

  it('ends a clause at 〜ませんが, and reads 何ぶん (being after all) as no question word', () => {
    expect(roles('何ぶん字が小さくて見落としたのかもしれませんが、報告はいつからいつまでのものですか。')).toEqual([
      ['何ぶん字が小さくて見落としたのかもしれませんが、', 'background'],
      ['報告はいつからいつまでのものですか。', 'asked'],
    ]);
  });

  it('reads the same clauses with a memo of clauses read before as without', () => {
    const letter =
      'いつもお世話になっております。孫が東京におりまして、よく電話をくれます。ふるさと納税が増えたと聞きましたが、いくら集まったのでしょうか。';
    const memo = new Map();
    const whole = questionClauses(letter, memo);
    const part = letter.slice(whole[1]?.start ?? 0);
    expect(memo.size).toBe(whole.length);
    expect(questionClauses(part, memo)).toEqual(questionClauses(part));
    expect(questionClauses(letter, memo)).toEqual(questionClauses(letter));
  });

  it('ends a clause at から of a reason (降ったから、), not of a place (どこから, 駅から)', () => {
    expect(roles('雨が降ったから、どうなるの')).toEqual([
      ['雨が降ったから、', 'background'],
      ['どうなるの', 'asked'],
    ]);
    expect(roles('ワイナリーバスは どこから のれますか')).toEqual([['ワイナリーバスは どこから のれますか', 'asked']]);
    expect(roles('駅から、バスは出ていますか')).toEqual([['駅から、バスは出ていますか', 'asked']]);
  });

  it('keeps a topic named politely (〜につきましては) with its question, but ends narrative 〜まして', () => {
    expect(roles('消防署の建て替えにつきましては、その後どうなりましたか。')).toEqual([
      ['消防署の建て替えにつきましては、その後どうなりましたか。', 'asked'],
    ]);
    expect(roles('孫が生まれまして、子育ての支援はありますか。')[0]).toEqual(['孫が生まれまして、', 'background']);
  });

  it('tells a greeting and the story of a life from the question', () => {
    const text =
      'いつもお世話になっております。主人を亡くしてから畑を一人で続けておりますが、年々きつくなってまいりました。新しく農業を始める人への支援はございますか。';
    expect(roles(text)).toEqual([
      ['いつもお世話になっております。', 'greeting'],
      ['主人を亡くしてから畑を一人で続けておりますが、', 'background'],
      ['年々きつくなってまいりました。', 'background'],
      ['新しく農業を始める人への支援はございますか。', 'asked'],
    ]);
  });

  it('keeps a clause that raises the topic (〜と聞いたのですが) with the question', () => {
    expect(roles('ふるさと納税がずいぶん増えたと聞いたのですが、どのくらいでしょうか。')).toEqual([
      ['ふるさと納税がずいぶん増えたと聞いたのですが、', 'asked'],
      ['どのくらいでしょうか。', 'asked'],
    ]);
  });

  it('keeps a topic raised just after the question with it: it says more of what is asked', () => {
    expect(
      focusText(
        '主人と年金暮らしをしておりますが、健康の取り組みはありますか。ポイントがたまるものがあると聞いたのですが。',
      ),
    ).toBe('健康の取り組みはありますか。|ポイントがたまるものがある');
  });

  it('keeps a topic named after the question, as speech puts it last (〜ですか、小諸あさま奨学金って)', () => {
    expect(focusText('月いくらもらえるんですか、小諸あさま奨学金って')).toBe(
      '月いくらもらえるんですか、|小諸あさま奨学金って',
    );
    expect(focusText('いつできるの？複合施設は')).toBe('いつできるの？|複合施設は');
    // A story told after the question is no topic of it.
    expect(focusText('いつできるの？孫が楽しみにしておりまして')).toBe('いつできるの？');
  });

  it('reads a doubt told after the question (何代替わったのかもあやふやに) as story', () => {
    expect(
      focusText('いつから市長をなさっているのでしょうか。市長さんが何代替わったのかもあやふやになってしまいました。'),
    ).toBe('いつから市長をなさっているのでしょうか。');
  });

  it('reads what someone kindly did (つないでくださいました) and somewhere (どこかが担当) as no question', () => {
    expect(roles('スポーツを受け持つ課につないでくださいました。')[0]?.[1]).toBe('background');
    expect(roles('以前は教育委員会のどこかが担当していたように思います。')[0]?.[1]).toBe('background');
    expect(roles('担架のほうが重たいくらいでございました。')[0]?.[1]).toBe('background');
  });

  it('reads 〜のか、 before a request to tell (所得の制限はあるのか、教えて…) as what is asked, not the news heard', () => {
    const text =
      '高校生までの医療費が窓口で500円になったと聞き、大変ありがたく思っております。所得の制限はあるのか、教えていただけますでしょうか。';
    expect(roles(text)).toContainEqual(['所得の制限はあるのか、', 'asked']);
    expect(focusText(text)).toContain('所得の制限はあるのか、');
  });

  it('leaves a wish someone told (〜たいと言っております) out when a topic heard of follows it', () => {
    const text =
      '娘が小諸に戻って店を開きたいと言っております。商売を始める人への助成金があると聞いたのですが、そうした制度はございますか。';
    expect(focusText(text)).not.toContain('店を開き');
    expect(focusText(text)).toContain('助成金がある');
    // Alone before the question, the wish is what is asked about.
    const alone = '娘が小諸あさま奨学金を使いたいと言っております。申し込みはどこでしますか。';
    expect(focusText(alone)).toContain('奨学金');
  });

  it('reads a wish told (〜できればと話しております) as the story, not a topic heard of', () => {
    expect(roles('皆で参加できればと話しております。')[0]?.[1]).toBe('background');
    expect(roles('行けたらと思っております。')[0]?.[1]).toBe('background');
    expect(roles('新しい会議ができると話しておりました。')[0]?.[1]).toBe('asked');
    // いつまでも (for ever) is no question word.
    expect(roles('いつまでも元気でいたいと思っております。')[0]?.[1]).toBe('background');
  });

  it('reads advice told to the citizen (当分安静にと言われまして) as the story, but an errand told as a topic', () => {
    expect(roles('医者からは当分安静にと言われまして、家で過ごしております。')[0]?.[1]).toBe('background');
    expect(roles('新しい規則ができたので目を通しておくようにと言われました。')[0]?.[1]).toBe('asked');
    // What a doctor or a checkup found is the citizen's story too.
    expect(roles('娘の子が、歩き始めるのが遅いと健診で言われました。')[0]?.[1]).toBe('background');
    expect(roles('早めに訓練を始めるのが大事だと、医師から言われました。')[0]?.[1]).toBe('background');
  });

  it('ends a remark on a thing closed by よ or ね (大水が心配だよ、) as a clause of its own, but not a verb with だよ', () => {
    expect(roles('このへんも大水が心配だよ、災害に強いまちにするという約束はあるですか？')[0]?.[1]).toBe('background');
    expect(roles('区の公民館を建て替えるだよ、市から補助金って出るですか？')).toHaveLength(1);
  });

  it('reads getting to know someone (大学生と知り合い) as story, not as a topic come to know (〜と知り)', () => {
    expect(roles('孫は小諸キャンパス構想で来ている大学生と知り合い、楽しそうにしております。')[0]?.[1]).toBe(
      'background',
    );
    expect(roles('ワイン委員会ができたと知り、うれしく思いました。')[0]?.[1]).toBe('asked');
  });

  it('leaves out the news told before a question that turns to another matter (ところで、), unless it points back', () => {
    const away =
      'JA佐久浅間と市が協定を結んだと聞いて、親戚も喜んでおりました。ところで、市長はいつ就任されたのでしょうか。';
    expect(focusText(away)).not.toContain('協定');
    expect(focusText(away)).toContain('就任');
    const back =
      'JA佐久浅間と市が協定を結んだと聞いて、親戚も喜んでおりました。ところで、その協定はいつ結ばれたのでしょうか。';
    expect(focusText(back)).toContain('JA佐久浅間');
  });

  it('reads なんだ inside a verb (ジャムにちなんだ) as no question word', () => {
    expect(questionClauses('ジャムにちなんだ記念日があると聞いたそうですが、')[0]?.asks).toBeUndefined();
    expect(questionClauses('それはなんですか')[0]?.asks).toBe(true);
  });

  it('asks about the topic raised in the sentence joined to the question, not news told in a sentence before it', () => {
    const letter =
      '妹が優待パスポートを使ったと話しておりました。妹はジャムが好きで、ジャムの記念日があると聞いたそうですが、どのような取り組みなのでしょうか。';
    expect(focusText(letter)).toContain('ジャム');
    expect(focusText(letter)).not.toContain('パスポート');
    // Unless the joined topic points back to it (そのために).
    const back =
      '働き方改革という言葉をよく耳にいたします。市役所でも、そのために組織をこしらえたと聞きましたが、何という組織ですか。';
    expect(focusText(back)).toContain('働き方改革');
  });

  it('reads no one (誰とも話さない) as told, not asked', () => {
    expect(roles('昼間は誰とも話さない日もございます。')[0]?.[1]).toBe('background');
  });

  it('reads お分かりでしたら after 〜のか、 as asking the bot, not a doubt told', () => {
    expect(
      focusText(
        '訓練はきちんと行われているのでしょうか。令和元年にいくつの区で実施されたのか、お分かりでしたら教えていただけますか。',
      ),
    ).toContain('令和元年にいくつの区で実施されたのか');
  });

  it('reads a list of worries (夜泣きやお乳のことなど、) as story, not a topic raised', () => {
    expect(
      roles('夜泣きやお乳のことなど、私の時代とはやり方が違うことも多く、娘も不安そうにしております。')[0]?.[1],
    ).toBe('background');
  });

  it('leaves out who told the topic (お向かいの奥さまから、) but not whose act it is (市長さんから任命される)', () => {
    expect(
      focusText('さて、お向かいの奥さまから、市に複合型の施設ができると伺いました。いつごろ出来上がるのでしょうか。'),
    ).toBe('市に複合型の施設ができる|いつごろ出来上がるのでしょうか。');
    expect(focusText('会長は市長さんから任命されると伺いましたが、地区はいくつあるのでしょうか。')).toBe(
      '会長は市長さんから任命される|地区はいくつあるのでしょうか。',
    );
  });

  it('reads something not found (どこへしまったか見当たりません) as story beside a question', () => {
    expect(
      focusText('協議会はいくつの団体で運営されているのでしょうか。切り抜きをどこへしまったか見当たりません。'),
    ).toBe('協議会はいくつの団体で運営されているのでしょうか。');
  });

  it('reads 〜とのこと as a topic heard of', () => {
    expect(roles('健康長寿日本一を目指すとのこと、')[0]?.[1]).toBe('asked');
  });

  it('leaves out where the citizen looks (市長さんの政策に) and how to explain (やさしく, 正確な数字を)', () => {
    const spans = (text: string) => setPhraseSpans(text).map((s) => text.slice(s.start, s.end));
    expect(spans('市長さんの政策に、小さな会社を支えるものは入っておりますか')).toContain('市長さんの政策に');
    expect(spans('駅の取組みは、市長さんの実績に入っているのでしょうか')).toContain('市長さんの実績に');
    expect(spans('どんな効果があったのか、やさしく教えていただけますか')).toContain('やさしく');
    expect(spans('何倍になったのか、正確な数字をお聞かせ願えますか')).toContain('正確な数字を');
    expect(spans('組織の名前をご教示いただけますと幸いです').join('')).toContain('幸いです');
  });

  it('reads 何か手を打って as asking whether anything was done, not as a topic; 手を打ってきた alone is one', () => {
    const spans = (text: string) => setPhraseSpans(text).map((s) => text.slice(s.start, s.end));
    expect(spans('市はなんか手を打ってくれているですか')).toContain('なんか手を打っ');
    expect(spans('売り込むために、どのような手を打っておられるのでしょうか')).toContain('どのような手を打っ');
    expect(spans('今のうちから手を打ってきたって市長が言ってた').join('')).not.toContain('手');
  });

  it('reads news told as heard (〜そうですね) as a topic raised, a story told as heard (〜そうです。) as story', () => {
    expect(roles('市長さんが小諸の品物を売り込んでいるそうですね。')[0]?.[1]).toBe('asked');
    expect(roles('給料日前はそれが痛かったそうです。')[0]?.[1]).toBe('background');
  });

  it('ends the clause of what someone was heard to say (〜と誰かが言っておりましたが、)', () => {
    expect(roles('ふるさと納税が何十倍にもなったと誰かが言っておりましたが、本当でしょうか。').length).toBe(2);
    // Heard as well (〜とも伺いましたが、): the news is told, the clause after it asks.
    expect(roles('残業を減らす取り組みを始めたとも伺いましたが、そちらの成果も教えてください。')).toEqual([
      ['残業を減らす取り組みを始めたとも伺いましたが、', 'background'],
      ['そちらの成果も教えてください。', 'asked'],
    ]);
  });

  it('reads something, sometime and a wish reported (何やら, いつだったか, 〜てほしいと頼まれました) as no question', () => {
    expect(roles('大学生らしい人たちが何やら熱心に調べております。')[0]?.[1]).toBe('background');
    expect(questionClauses('遊園地を作るという話を、いつだったか聞いた覚えがございます。')[0]?.asks).toBeUndefined();
    expect(roles('蔵の写真を撮らせてほしいと頼まれました。')[0]?.[1]).toBe('background');
  });

  it('reads some (いくつか) and however old (いくつになっても) as no question word, and ends a clause told as heard (〜が出たそうで、)', () => {
    const text =
      '孫に市の政治について調べる宿題が出たそうで、手伝ってほしいと頼まれました。こもろ未来プロジェクトには大きな柱がいくつかあると聞きましたが、それぞれどんな名前がついているのでしょうか。';
    expect(focusText(text)).toBe(
      'こもろ未来プロジェクトには大きな柱がいくつかある|それぞれどんな名前がついているのでしょうか。',
    );
    expect(questionClauses('柱はいくつかな')[0]?.asks).toBe(true);
    // Nor however old (いくつになっても): a saying of the story.
    expect(questionClauses('いくつになっても学ぶことは楽しいものです。')[0]?.asks).toBeFalsy();
    expect(questionIntent('いくつになっても学ぶことは楽しいものです。').kind).toBeUndefined();
    // 〜かい closes a question (信州の言い方も).
    expect(questionClauses('政策に入っているかい')[0]?.asks).toBe(true);
  });

  it('reads a remark (〜だろう) beside a question asked outright as story, and what the citizen said as no hearsay', () => {
    expect(focusText('とても追いつかんだろう。捕まえた鹿は何に使っているんですか。')).toBe(
      '捕まえた鹿は何に使っているんですか。',
    );
    expect(roles('家内とは、一度は行ってみたいねと話しております。')[0]?.[1]).toBe('background');
    // A guess closed by a full stop tells; asked (だろう？), it asks.
    expect(focusText('夏が暑くて学校の子らもかわいそうだろう。教室にエアコンはついたんかな')).toBe(
      '教室にエアコンはついたんかな',
    );
    expect(roles('エアコンはついただろう？')[0]?.[1]).toBe('asked');
  });

  it('reads what the citizen taught (音楽を教えておりました) as story, a request to be taught (お教えください) as asking', () => {
    expect(roles('長年、中学校で音楽を教えておりました。')[0]?.[1]).toBe('background');
    expect(roles('孫に字を教えています。')[0]?.[1]).toBe('background');
    expect(roles('自宅で四十年ほどピアノを教えてまいりました。')[0]?.[1]).toBe('background');
    expect(roles('教え子たちが出られる催しがあればと思い、筆をとりました。')[0]?.[1]).toBe('background');
    expect(roles('ぴあのを おしえてきた ものです。')[0]?.[1]).toBe('background');
    expect(roles('三十年ほど小学校で教えて退職した者ですが、')[0]?.[1]).toBe('background');
    expect(roles('市の方針を教えて下さい。')[0]?.[1]).toBe('asked');
    expect(roles('市の方針を教えて貰えると助かります。')[0]?.[1]).toBe('asked');
    expect(roles('どのような取り組みか、お教えいただけますか。')[0]?.[1]).toBe('asked');
    expect(roles('名前を教えていただけますか。')[0]?.[1]).toBe('asked');
  });

  it('reads what people say (〜っつうけど, 〜というが) as a topic heard of', () => {
    expect(focusText('外国のチームを呼ぼうとしとるっつうけど、どこの国だい')).toBe(
      '外国のチームを呼ぼうとしとる|どこの国だい',
    );
    expect(roles('消防署は建て直したというが、場所は同じかな')[0]?.[1]).toBe('asked');
    expect(roles('若いしが店開きてぇっつうだけど、助成金とかあるだかい？')[0]?.[1]).toBe('asked');
  });

  it('reads a time described by what was said then (〜と言われた時代です) as story, not hearsay', () => {
    expect(roles('お茶くみが女の仕事だと言われた時代です。')[0]?.[1]).toBe('background');
    expect(roles('女性の係長が増えたと言われました。')[0]?.[1]).toBe('asked');
  });

  it('reads how a quoted word is written (「アウトソーシング」というカタカナ) as classing the name', () => {
    const text = '「アウトソーシング」というカタカナが出てきました';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['カタカナ']);
  });

  it('leaves the report as where a word appears (報告に出てくる, 会報の中でお書きになって) out as a set phrase', () => {
    const text = '報告に出てくるトータルシステムとは何のことですか。';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['報告に']);
    const written = '市長さんは後援会報の中で、将来のために今どんなことをしているとお書きになっていましたか。';
    expect(setPhraseSpans(written).map((s) => written.slice(s.start, s.end))).toEqual(['後援会報の中で']);
    // The report named as a thing (この報告の目的は) is asked about.
    expect(setPhraseSpans('この報告の目的は何ですか')).toEqual([]);
  });

  it('leaves where the citizen read of it (会報に出てきました, 広報こもろで読んで) out as a set phrase', () => {
    const text = '会報に「アウトソーシング」という言葉が出てきました。広報こもろで読んだ話です。会報の表題は何';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['会報に', '言葉', '広報こもろで']);
    // Where the mayor said it (後援会報で、市長さんが…挙げておられた) as well.
    const said = '後援会報で、市長さんが心がけてこられたことを3つ挙げておられました。';
    expect(setPhraseSpans(said).map((s) => said.slice(s.start, s.end))).toEqual(['後援会報で']);
    // Where in it (会報のあいさつで), and said however far along the sentence (…言葉で表しておられた).
    const greeting = '会報の冒頭のごあいさつで、市長さんが市の運営にあたって気をつけてきたことを3つ挙げていました。';
    expect(setPhraseSpans(greeting).map((s) => greeting.slice(s.start, s.end))).toEqual(['会報の冒頭のごあいさつで']);
    const likened =
      '会報の中で、市長さんが将来のために今のうちから手を打っておくことを、畑仕事になぞらえた言葉で表しておられた';
    expect(setPhraseSpans(likened).map((s) => likened.slice(s.start, s.end))).toContain('会報の中で');
  });

  it('reads what the citizen does or worries over (市政の話をするのが楽しみ, 後継ぎのことで頭を悩ませ) as story', () => {
    expect(roles('毎朝、ご近所の方と市政の話をするのが楽しみでございます。')[0]?.[1]).toBe('background');
    expect(roles('後継ぎのことで頭を悩ませております。')[0]?.[1]).toBe('background');
    expect(roles('学費のことで娘夫婦が頭を抱えておりまして、')[0]?.[1]).toBe('background');
    // What someone seemed to say (述べておられたようですが) raises a topic.
    expect(roles('市長さんが会員に向けて決意を述べておられたようですが、')[0]?.[1]).toBe('asked');
  });

  it('reads a word met somewhere (〜という言葉が何度も出てきますが) as a topic raised, not a word liked', () => {
    expect(roles('シティプロモーションという言葉が何度も出てきますが、')[0]?.[1]).toBe('asked');
    expect(roles('「種まき」という言葉には親しみがございます。')[0]?.[1]).toBe('background');
    expect(roles('会報に「トータルシステム」という片仮名の言葉がありましたが、')[0]?.[1]).toBe('asked');
  });

  it('keeps the noun after 何という (何という制度) as asked, not as a classifier of a name', () => {
    const text = '何という制度で、どのくらい見直したのでしょうか';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).not.toContain('制度');
  });

  it('reads a word heard on television (〜という言葉をテレビでよく耳にいたします) as a topic raised', () => {
    expect(roles('働き方改革という言葉を、このごろテレビでよく耳にいたします。')[0]?.[1]).toBe('asked');
  });

  it('reads talking with someone (嫁と話している) and wondering aloud (〜かと話して) as story', () => {
    expect(roles('野沢菜漬けを売ってみようかと、嫁と話しているところです。')[0]?.[1]).toBe('background');
  });

  it('reads いつの間にか, telling someone else (教えてあげたい) and a worry (気にしております) beside a question as story', () => {
    expect(roles('うちの近くの桑畑も、いつの間にかぶどう畑になりました。')[0]?.[1]).toBe('background');
    expect(roles('お隣のご夫婦に、教えてあげたいのです。')[0]?.[1]).toBe('background');
    expect(
      focusText('隣の区と一緒になるのかどうか、皆気にしております。その決まりにはどんなことが書いてあるのでしょうか。'),
    ).toBe('その決まりにはどんなことが書いてあるのでしょうか。');
  });

  it('reads telling someone else (兄に教えてやれば) and a plan of their own after the question (控えておきたい) as story', () => {
    expect(roles('兄に教えてやれば喜ぶと思います。')[0]?.[1]).toBe('background');
    const dated = '政策集が発表されたのは何月何日でしょうか。日付だけでも手帳に控えておきたいのです。';
    expect(focusText(dated)).toBe('政策集が発表されたのは何月何日でしょうか。');
    // A wish to know still asks, and a wish alone is the question.
    expect(focusText('市の取り組みを知りたいのです。')).toBe('市の取り組みを知りたいのです。');
    expect(focusText('あぐりの湯に寄ってみたいのです。')).toBe('あぐりの湯に寄ってみたいのです。');
  });

  it('reads a hope or a talk told as a question (〜のか、楽しみにしております) beside a question as story', () => {
    expect(
      focusText(
        '建て替えにはどのように取り組むのでしょうか。ひ孫が入学するころにはどうなっているのか、楽しみにしております。',
      ),
    ).toBe('建て替えにはどのように取り組むのでしょうか。');
    // A matter that is the cause of what is told (〜のことで…まいります。) raises no topic; one asked of does.
    expect(focusText('孫のことで毎日のように娘から電話がまいります。子育ての相談ができるところはありますか。')).toBe(
      '子育ての相談ができるところはありますか。',
    );
    expect(focusText('ふるさと納税のことでお聞きします。寄付はどのくらい集まりましたか。')).toContain(
      'ふるさと納税のこと',
    );
    // So is a worry over which people scratch their heads (〜のかと頭を抱えております).
    expect(
      focusText('跡継ぎがおらず、畑がどうなるのかと頭を抱えております。新しく農業を始める人への支援はありますか。'),
    ).toBe('新しく農業を始める人への支援はありますか。');
  });

  it('reads words that only look like question words (あんなに, どうせ, 何でも, 何千万円も) as asking nothing', () => {
    for (const told of [
      '軽井沢にはあんなに人が来るのに、店は1日に数人ということもございます。',
      'うちの爺さんは「どうせ口ばっかりだ」と申しますが、',
      '昔の会社では、何でも数字で目標を立てさせられたものです。',
      'すぐに何千万円もかかると役所の人から聞かされてきました。',
      '救急車のサイレンが、前とは違う方角から聞こえるようになった気がいたします。',
      'せめて市政のほうはそうあってほしいものです。',
      // Nothing (何も, なにも) asks nothing.
      '会合では私だけ何も分からず、恥ずかしい思いをいたしました。',
      'うちの人はなにも言わずに出かけました。',
    ]) {
      expect(questionClauses(told)[0]?.asks, told).toBeUndefined();
    }
    // But 何もらえる is what one gets.
    expect(questionClauses('ポイントを貯めると何もらえるの')[0]?.asks).toBe(true);
    // A sound heard (聞こえる) is no topic heard of.
    expect(roles('サイレンが、前とは違う方角から聞こえるようになった気がいたします。')[0]?.[1]).toBe('background');
  });

  it('reads a question the citizen was asked, or nobody could answer, beside one asked outright as story', () => {
    expect(
      focusText('知人から、どこで情報を見ればよいかと聞かれました。市のホームページに移住の案内はありますか。'),
    ).toBe('市のホームページに移住の案内はありますか。');
    expect(focusText('今何人なのかは誰も知りませんでした。実際の人数を教えてください。')).toBe(
      '実際の人数を教えてください。',
    );
  });

  it('reads talk turning to something (統合の話になるのではと) as story, not a topic raised', () => {
    expect(roles('統合の話になるのではと、地元では心配する声もございます。')[0]?.[1]).toBe('background');
  });

  it('reads a concession (市長さんは市民協働とおっしゃいますが、) as story, not a topic heard of', () => {
    expect(roles('市長さんは市民協働とおっしゃいますが、近所も年寄りばかりです。')[0]?.[1]).toBe('background');
    expect(roles('市長さんが市民協働とおっしゃっていました。')[0]?.[1]).toBe('asked');
  });

  it('reads a question quoted as someone said it (「何年だっけ」と言い合いに) as story', () => {
    const text =
      '同僚と「今の市長になって何年だっけ」と言い合いになりました。就任からどれくらい経っていたのかを伺えますか。';
    expect(questionClauses(text).map((c) => c.asks === true)).toEqual([false, true]);
    expect(questionClauses('お茶飲み会で『市長になって何年だっけ』という話が出ました。')[0]?.asks).not.toBe(true);
    // A quoted name asked about is still a question.
    expect(questionClauses('「ワクワク」とは何ですか')[0]?.asks).toBe(true);
  });

  it('leaves asking to be sure (念のため確認させてください, 正確には) out as a set phrase', () => {
    const text = '念のため確認させてください。';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['念のため', '確認させて']);
  });

  it('reads a wish to make sure told after the question (〜のか、確認しておきたいのです) as story', () => {
    const text =
      '部署の名前を教えていただけますか。市役所のどこへ連絡すればよいのか、あらかじめ確認しておきたいのです。';
    expect(focusText(text)).toBe('部署の名前を教えていただけますか。');
  });

  it('leaves whom the citizen asked (先輩に聞いたところ、) out of the topic heard', () => {
    const text = '先輩に聞いたところ、会長は市長さんが任命するのだとか。';
    expect(topicHeard(text)).toBe('会長は市長さんが任命するのだ');
  });

  it('leaves the talk in which the news came up (〜と話しておりましたところ、) out of the topic heard', () => {
    const text =
      '友人と、長野県は長生きの県だと話しておりましたところ、小諸市も日本一を目指しているらしいと聞きましたが、';
    expect(topicHeard(text)).toBe('小諸市も日本一を目指しているらしい');
  });

  it('leaves the relative who told it (先日ひ孫から) out of the topic heard', () => {
    const text = '先日ひ孫から、ふるさと納税がずいぶん増えたと聞きました。';
    expect(topicHeard(text)).toBe('ふるさと納税がずいぶん増えた');
  });

  it('ends a clause of hearsay with a comma after と (〜できたと、民生委員さんから聞きましたが、)', () => {
    const text = '奨学金が小諸市にできたと、民生委員さんから聞きましたが、何という名前でしょうか？';
    expect(roles(text).map(([piece]) => piece)).toEqual([
      '奨学金が小諸市にできたと、民生委員さんから聞きましたが、',
      '何という名前でしょうか？',
    ]);
  });

  it('leaves news told before a question that names its own topic (災害について、どんな) out of what is asked', () => {
    const text =
      '千曲川では大変な被害が出たと聞いております。選挙のとき、災害についてどんなことを約束したのでしょうか。';
    expect(focusText(text)).toBe('選挙のとき、災害についてどんなことを約束したのでしょうか。');
    // Without a topic of its own, the question is about the news.
    expect(focusText('大きな施設ができると聞きました。いつできますか。')).toBe('大きな施設ができる|いつできますか。');
  });

  it('leaves when the platform was made (市長さんは選挙のとき、) out as a set phrase', () => {
    const text = '市長さんは選挙のとき、災害についてどんなことを約束しておられたのでしょうか。';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['市長さんは選挙のとき、']);
    const years = '4年前の選挙のとき、「食」をテーマにした何かを作るという話を聞きました。';
    expect(setPhraseSpans(years).map((s) => years.slice(s.start, s.end))).toContain('4年前の選挙のとき、');
  });

  it('ends a clause told in the past (楽しみにしておりましたが、) before the question', () => {
    expect(roles('主人と楽しみにしておりましたが、あれは何を作るという政策だったのでしょうか。')).toEqual([
      ['主人と楽しみにしておりましたが、', 'background'],
      ['あれは何を作るという政策だったのでしょうか。', 'asked'],
    ]);
  });

  it('reads a request put politely (〜をご教示いただけますと幸いです) as asking, with a story after it', () => {
    const text =
      '市が立ち上げた組織の名前をご教示いただけますと幸いです。店の説明書きに、その組織のことも書き添えたいと考えております。';
    expect(questionClauses(text)[0]?.asks).toBe(true);
    expect(focusText(text).startsWith('市が立ち上げた組織の名前を')).toBe(true);
  });

  it('reads everywhere (どこも同じ) as no question word, and a wish to know told after a question as story', () => {
    expect(questionClauses('人も予算も足りないのはどこも同じだと感じています。')[0]?.asks).not.toBe(true);
    const text = '何という課なのでしょうか。万一のときにどこへ連絡すればよいのか、知っておきたいと思いまして。';
    expect(focusText(text)).toBe('何という課なのでしょうか。');
  });

  it('reads what the citizen wishes to do with the answer (皆さんにお伝えしたく、) as story, not as asked', () => {
    const text =
      'どのような計画が策定されたのでしょうか。次の会合で皆さんにお伝えしたく、お教えいただけますと幸いです。';
    expect(focusText(text)).toBe('どのような計画が策定されたのでしょうか。');
  });

  it('reads what the citizen cannot make out (年寄りには何のことやら) as story', () => {
    expect(roles('年寄りには何のことやら。')[0]?.[1]).toBe('background');
  });

  it('reads a guess told (何年何カ月と書いてあったような気がしますが) as no question', () => {
    expect(questionClauses('会報の最初のほうに何年何カ月と書いてあったような気がしますが、')[0]?.asks).not.toBe(true);
    expect(questionClauses('何年だったような気がしますが、何年でしょうか？').map((c) => c.asks === true)).toEqual([
      false,
      true,
    ]);
  });

  it('leaves who said it (区長さんが、) out of the topic heard', () => {
    const text = '区の集まりで区長さんが、市長さんは3つのことを心に置いてきたそうだ、と話しておられました。';
    expect(topicHeard(text)).toBe('市長さんは3つのことを心に置いてきたそうだ、');
  });

  it('reads a topic recalled (〜という政策があったと思いますが) as raised, and the platform as where one looks', () => {
    expect(roles('健康づくりを進めるという政策があったと思いますが、')[0]?.[1]).toBe('asked');
    expect(roles('5つ目の柱は観光に関わるものだったと思いますが、')[0]?.[1]).toBe('asked');
    const text = '政策集ではどういう言い方をしていましたか。';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['政策集では']);
  });

  it('reads nobody (誰も覚えておりません) as no question word', () => {
    expect(roles('誰も正確に覚えておりませんでしたので、')[0]?.[1]).toBe('background');
  });

  it('reads a reason given (〜ものですから) as no question', () => {
    expect(roles('大げさな話は信じない性分なものですから、何倍になったのか教えてください。')[0]).toEqual([
      '大げさな話は信じない性分なものですから、',
      'background',
    ]);
  });

  it('finds a topic heard of from someone named at length, or told with 〜とか', () => {
    expect(roles('女性の係長さんを対象にした研修があると、役所に勤める姪から聞きました。')[0]?.[1]).toBe('asked');
    expect(roles('近所の人が言うには、新しい種類の奨学金ができたとか。')[0]?.[1]).toBe('asked');
    // Not a と inside the topic itself (市と農協が): the topic is the whole of what was read.
    expect(focusText('先日、市と農協が協定を結んだと新聞で読みましたが、どのような協定なのでしょうか。')).toBe(
      '市と農協が協定を結んだ|どのような協定なのでしょうか。',
    );
  });

  it('leaves thanks in advance for an answer (教えていただけると幸いです) out as a set phrase', () => {
    const text = '何という研修なのか、教えていただけると幸いです。';
    const phrases = setPhraseSpans(text).map((s) => text.slice(s.start, s.end));
    expect(phrases.join('')).toContain('幸いです');
  });

  it('leaves what an answer would bring about (教えていただければ、〜かと存じます) out as a set phrase', () => {
    const text = 'どちらが正しいのか教えていただければ、夫婦げんかも収まるかと存じます。';
    const phrases = setPhraseSpans(text).map((s) => text.slice(s.start, s.end));
    expect(phrases).toEqual(['いただければ、夫婦げんかも収まるかと存じます']);
    // The question before it stays.
    expect(focusText(text)).toContain('どちらが正しいのか教えて');
  });

  it('leaves thanks said otherwise (助かりました, 感謝です) out as a set phrase', () => {
    const text = '孫が小学校に通っておりまして、毎朝見送るのが楽しみです。助かりました、感謝です。';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['助かりました', '感謝です']);
  });

  it('reads a worry told before a question asked outright as story, and a worry alone as the question', () => {
    expect(
      focusText(
        '来年学校に上がってからどうしてもらえるのか、娘ともども心配しております。教育を手厚くする政策はありましたでしょうか。',
      ),
    ).toBe('教育を手厚くする政策はありましたでしょうか。');
    expect(focusText('子どもの数がどのくらい増えているのか心配しております。')).toBe(
      '子どもの数がどのくらい増えているのか心配しております。',
    );
    // A sentence ended with its own question (いつ行われるのでしょう。) is no worry of the next one's.
    expect(
      focusText('今年の防災訓練はいつ行われるのでしょう。それと、実施した区に入っていたかどうかも分かりますか。'),
    ).toContain('いつ行われるのでしょう');
  });

  it('leaves worries listed (後継ぎのことや資材の値上がりなど) in the story, not as a topic raised', () => {
    const focus = focusText(
      '最近は後継ぎのことや資材の値上がりなど心配事が多く、仲間内でよく話しております。市と農協が協定を結んだと聞いたのですが、どのような協定でしょうか。',
    );
    expect(focus).not.toContain('後継ぎ');
    expect(focus).toContain('協定を結んだ');
  });

  it('leaves how often the citizen sees a topic (話題を見かけることが増え) in the story', () => {
    const focus = focusText(
      '最近テレビや新聞で小諸の話題を見かけることが増え、嬉しく思っております。市が宣伝に力を入れていると聞いたのですが、市役所にどのような係を作ったのか、教えていただけますでしょうか。',
    );
    expect(focus).not.toContain('新聞');
    expect(focus).toContain('宣伝に力を入れている');
  });

  it('leaves a worry told about someone (家計のことを心配して) in the story, not as the topic', () => {
    expect(
      focusText(
        '孫が大学進学を考えておりまして、家計のことを心配しているようです。何という名前の奨学金なのでしょうか。',
      ),
    ).toBe('何という名前の奨学金なのでしょうか。');
  });

  it('leaves words told after the question as background, though they name a topic (〜のことで)', () => {
    expect(focusText('特別支援教育はどうなっていますか。近所のお子さんのことで相談を受けております。')).toBe(
      '特別支援教育はどうなっていますか。',
    );
  });

  it('reads a question the citizen asks themselves (〜かと考えることが多くなりました) as told, one they wonder about for us as asked', () => {
    expect(roles('いつまで自分の足で歩けるかと考えることが多くなりました。福祉の目標は何ですか。')[0]?.[1]).toBe(
      'background',
    );
    expect(roles('女性がどのくらい加わっているのか気になっております。')[0]?.[1]).toBe('asked');
    // A guess talked over (〜だろうと話しておりました) is told too.
    expect(roles('家内とは、どこの国の人だろうといつも話しておりました。市は何をしていますか。')[0]?.[1]).toBe(
      'background',
    );
    // So is where to turn, which they worry over with the family (どこに相談すればよいのか家族で悩んで).
    expect(roles('どこに相談すればよいのか家族で悩んでおります。教育相談はありますか。')[0]?.[1]).toBe('background');
    // How long they can still do a thing (いつまで〜られるか分かりません) is theirs to tell.
    expect(
      roles('この先いつまで孫の面倒を見られるか分かりません。新しい施設には窓口が入るのでございましょうか。')[0]?.[1],
    ).toBe('background');
    expect(roles('いつまで申し込めるか分かりませんか？')[0]?.[1]).toBe('asked');
  });

  it('reads a topic heard of by らしい or っつうじゃん as raised (呼んだらしいけど、)', () => {
    expect(roles('トライアスロンのチーム呼んだらしいけど、どこの国のチーム？')[0]?.[1]).toBe('asked');
    expect(roles('外国のチームを呼んどるっつうじゃん。どこの国だい')[0]?.[1]).toBe('asked');
    expect(roles('今日は暑いけど、どこの国のチーム？')[0]?.[1]).toBe('background');
  });

  it('reads a visit the citizen plans (相談に伺いたい) as story, a wish to hear (お話を伺いたい) as asking', () => {
    expect(roles('仲間とそのうち相談に伺いたいと思っております。')[0]?.[1]).not.toBe('asked');
    expect(roles('予算のことをお伺いしたく、お話を伺いたいです。').at(-1)?.[1]).toBe('asked');
  });

  it('reads a topic heard of in kana (〜ってきいたけど, as romaji reads kiita kedo) as raised', () => {
    expect(roles('ほうかつれんけいきょうてい むすんだってきいたけど, あいてはどこ?')[0]?.[1]).toBe('asked');
  });

  it('reads the last sentence of a letter as its question when no sentence asks by a word of asking', () => {
    expect(
      focusText(
        '主人と2人で小さな畑をやっております。先日、市役所に用事があって出かけました。高地トレーニング、えらい選手呼んでるずら。',
      ),
    ).toBe('高地トレーニング、えらい選手呼んでるずら。');
    // Two sentences or fewer are read whole (a bare topic: ふるさと納税 実績).
    expect(focusText('畑をやっております。高地トレーニングの選手。')).toBe(
      '畑をやっております。|高地トレーニングの選手。',
    );
  });

  it('takes the letter frame (はじめてこちらに質問いたします, 分かる範囲で結構です, ご回答をお待ちしております) for no topic', () => {
    for (const frame of [
      'はじめてこちらに質問いたします。',
      '分かる範囲で結構です。',
      'ご回答をお待ちしております。',
    ]) {
      expect(roles(`ふるさと納税はいくらですか。${frame}`)[1]?.[1], frame).toBe('greeting');
    }
  });

  it('reads 〜かいね, said in 信州, as asking (いつだったかいね, なんてったかいね)', () => {
    expect(roles('小泉さんが市長になったのはいつだったかいね、もう忘れちまったじ。')[0]?.[1]).toBe('asked');
    expect(questionClauses('あれなんてったかいね。')[0]?.asks).toBe(true);
  });

  it('takes ご面倒でなければ for politeness, no topic', () => {
    expect(roles('あれは何という仕組みでしょうか。ご面倒でなければ教えてくださいませ。')[1]?.[1]).toBe('greeting');
  });

  it('keeps of a topic seen somewhere (〜を会報で見かけましたが) only the topic, its name set aside from 〜という言葉', () => {
    expect(focusText('シティプロモーションという言葉を会報で見かけましたが、どういう意味なのでしょうか。')).toBe(
      'シティプロモーションという言葉|どういう意味なのでしょうか。',
    );
    const text = 'シティプロモーションという言葉';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['言葉']);
  });

  it('cuts voice input without punctuation at its connectives', () => {
    const text = '孫が来年小学校に上がるんですけど子育ての支援ってどんなのがあるの';
    expect(roles(text)).toEqual([
      ['孫が来年小学校に上がるんですけど', 'background'],
      ['子育ての支援ってどんなのがあるの', 'asked'],
    ]);
  });

  it('takes a topic raised early in the story, before more of it, as background', () => {
    const text =
      '小諸のことを孫と学べたらと思っております。足を悪くしてから出歩かなくなりました。駅は使いやすくなったのでしょうか。';
    expect(focusText(text)).toBe('駅は使いやすくなったのでしょうか。');
  });

  it('keeps of a topic heard only the topic: not when, from whom, nor how it was heard', () => {
    const text =
      '先日、知人から市がトライアスロンのチームを呼んでいると聞きましたが、どちらの国のチームなのでしょうか。';
    expect(focusText(text)).toBe('市がトライアスロンのチームを呼んでいる|どちらの国のチームなのでしょうか。');
    const felt = '最近「ジャムの日」があると耳にして懐かしく思ったのですが、どなたと一緒にやっているのでしょうか。';
    expect(focusText(felt)).toBe('「ジャムの日」がある|どなたと一緒にやっているのでしょうか。');
    const gathering = '公民館の集まりで、柱がいくつかあると聞きました。それぞれどんな名前なのでしょうか。';
    expect(focusText(gathering)).toBe('柱がいくつかある|それぞれどんな名前なのでしょうか。');
  });

  it('reads what the mayor is said to have said (〜とおっしゃっていますが) as the topic asked', () => {
    const text = '市長さんは将来のために種をまいてきたとおっしゃっていますが、具体的にはどのようなことでしょうか。';
    expect(focusText(text)).toBe('市長さんは将来のために種をまいてきた|具体的にはどのようなことでしょうか。');
  });

  it('does not take a kana word holding a question word (ぶどう, ほどの) for a question', () => {
    expect(roles('主人と二人、長年ぶどうを作ってまいりました。')[0]?.[1]).toBe('background');
    expect(roles('十人ほどの小さな会社です。')[0]?.[1]).toBe('background');
    expect(roles('ぶどうはどうなりましたか')[0]?.[1]).toBe('asked');
  });

  it('takes every clause but greetings as asked when none asks (a bare topic)', () => {
    expect(focusText('こんにちは。ふるさと納税 実績')).toBe('ふるさと納税 実績');
  });

  it('reads a topic recalled (〜というお話があったと記憶しておりますが) as asked, and 見どころ as no どこ', () => {
    expect(roles('食をテーマにした施設をつくるというお話があったと記憶しておりますが、')[0]?.[1]).toBe('asked');
    expect(roles('車がなくても見どころを回れるとよく言われます。')[0]?.[1]).toBe('background');
  });

  it('does not take いつも for いつ, nor a story that happens to say 何年も', () => {
    expect(roles('いつも楽しみにしております。')).toEqual([['いつも楽しみにしております。', 'background']]);
  });

  it('reads 何より, 何卒 and 何かと as the set phrases of a letter, not as questions', () => {
    expect(roles('孫が遊びに来るのが何よりの楽しみでございます。')[0]?.[1]).toBe('background');
    expect(roles('何かとお世話になっております。')[0]?.[1]).toBe('background');
    expect(roles('何年に始まりましたか')[0]?.[1]).toBe('asked');
  });
});

describe('setPhraseSpans', () => {
  it('finds the noun that only classes a name the citizen gives (〜という取り組み)', () => {
    const text = '「ジャムの日」という取り組みや婚活っていう事業';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['取り組み', '事業']);
  });

  it('finds the view a citizen puts in their own words, with whose it is (〜という市長の考え)', () => {
    const text = '市民と一緒にやるという市長の考えや、民間の発想という考え方';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['市長の考え', '考え方']);
    // Citizens' wishes are what the citizen asks about.
    const wish = '地域を良くしたいという市民の思いを形にする制度';
    expect(setPhraseSpans(wish).map((s) => wish.slice(s.start, s.end))).toEqual([]);
  });

  it('finds the frame of asking what someone means (どのようなお考え), as どういうこと', () => {
    const text = '民間の感覚を取り入れるとのことですが、どのようなお考えでしょうか';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['どのようなお考え']);
  });

  it("finds the frame of asking what the mayor's platform holds on a topic, after the topic", () => {
    const text = '女性の登用について、市長さんは政策集の中でどのようなお約束をされていたのでしょうか。';
    const spans = setPhraseSpans(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toContain('市長さんは政策集');
    const told = '大人の学びを支える政策は、市長さんの公約にあったのでしょうか。';
    expect(setPhraseSpans(told).map((s) => told.slice(s.start, s.end))).toContain('市長さんの公約');
    // Without a topic before it, the platform is what is asked about.
    expect(setPhraseSpans('市長さんの政策集はいつ出たの？')).toEqual([]);
  });

  it('finds how hard someone works at a thing (ずく出して, やる気ある), which names no topic', () => {
    const text = '婚活の支援は、市はやる気だしてやってるの？ずく出してもらいたい';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['やる気だし', 'ずく出し']);
  });

  it('finds greetings and polite requests wherever they stand', () => {
    const text = 'お忙しいところすみません、残業について教えてください';
    expect(setPhraseSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'お忙しいところすみません',
      '教えてください',
    ]);
  });
});

describe('toldSpans', () => {
  it('finds a time told by what happened then (会報が出た時点で), which says when, not what', () => {
    const text = '後援会報が出た時点で、就任からどれくらい経っていたのか';
    expect(toldSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['後援会報が出た時点で']);
    expect(toldSpans('令和元年時点の人数は？')).toEqual([]);
  });

  it('finds the mayor as the one who said or set what is asked about (市長さんは…と言っている, …を掲げて)', () => {
    const text = '市長さんはそういう教育をどうすると言っているの';
    expect(toldSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['市長さん']);
    expect(toldSpans('市長の任期はいつまで？')).toEqual([]);
    // Or set it as an aim (市長さんは、…どんな目標を掲げて).
    const aim = '市長さんは、お年寄りの暮らしについてどんな目標を掲げていますか';
    expect(toldSpans(aim).map((s) => aim.slice(s.start, s.end))).toEqual(['市長さん']);
  });

  it('finds the description set before a quoted name, which the name already tells', () => {
    const text = '夫婦の楽しみです。市で選んだ地元の宝物「ふるさと遺産」は、どう紹介されていますか';
    expect(toldSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['市で選んだ地元の宝物']);
  });

  it('finds whose view is asked: the holder is told, what the view is about is asked', () => {
    const text = '地域のことは市民と一緒にやる、市長の考えは？';
    expect(toldSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['市長']);
    const polite = '小泉さんのお考えを伺いたい';
    expect(toldSpans(polite).map((s) => polite.slice(s.start, s.end))).toEqual(['小泉さん']);
    // Citizens' views are a topic of their own (聞く取り組み), not the report's author.
    expect(toldSpans('市民の思いを聞く取り組みは？')).toEqual([]);
  });

  it('leaves the owner of a name and a question word before it asked', () => {
    expect(toldSpans('ふるさと納税の「返礼品」は何？')).toEqual([]);
    expect(toldSpans('どんな「ジャムの日」なの？')).toEqual([]);
  });
});

describe('storyCut', () => {
  it('leaves out the opening of a long story, keeping the clauses near the question', () => {
    const opening = 'いつもお世話になっております。若い頃から五十年、市内の商店で働いてまいりました。'.repeat(3);
    const text = `${opening}最近は足が弱くなりまして、駅の階段がつらいのですが、小諸駅は使いやすくなりましたか。`;
    const cut = storyCut(text, questionClauses(text), 30);
    expect(text.slice(cut)).toBe(
      '最近は足が弱くなりまして、駅の階段がつらいのですが、小諸駅は使いやすくなりましたか。',
    );
  });

  it('keeps at least the clause just before the question, and a short message whole', () => {
    const text = 'こんにちは。孫が三人おります。近所の祭りの担い手が減っております。応援してくれる仕組みはありますか。';
    expect(text.slice(storyCut(text, questionClauses(text), 0))).toBe(
      '近所の祭りの担い手が減っております。応援してくれる仕組みはありますか。',
    );
    expect(storyCut('ふるさと納税は？')).toBe(0);
  });

  it('keeps the news heard that names the topic, however much is told after it', () => {
    const text =
      '囲碁が趣味です。新しい施設には年寄りのための施設が入ると聞きました。妻は笑っておりますが、集える場所があるのは何よりです。どういう名前の施設が入るのでしょうか。';
    expect(text.slice(storyCut(text, questionClauses(text), 10))).toBe(
      '新しい施設には年寄りのための施設が入ると聞きました。妻は笑っておりますが、集える場所があるのは何よりです。どういう名前の施設が入るのでしょうか。',
    );
  });

  it('reaches twice as far back for a question that points back without naming (あれは)', () => {
    const text =
      'あぐりの湯によく参りますが、売り場が変わったように思います。おやきを買うのが楽しみです。あれは市が手を入れたのでしょうか。';
    const clauses = questionClauses(text);
    expect(text.slice(storyCut(text, clauses, 20))).toBe(
      '売り場が変わったように思います。おやきを買うのが楽しみです。あれは市が手を入れたのでしょうか。',
    );
    const named = text.replace('あれは', '売り場は');
    expect(named.slice(storyCut(named, questionClauses(named), 20))).toBe(
      'おやきを買うのが楽しみです。売り場は市が手を入れたのでしょうか。',
    );
  });
});
