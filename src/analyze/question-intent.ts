/**
 * What kind of answer a question wants. A question about an amount, a count, a ratio or a change
 * (「何倍？」「何人？」「いくら？」「減った？」) is best answered by an entry with figures, so
 * those entries rank first for it. Some questions want one kind of fact — a count of something,
 * an amount of money, a rate, a date, an age, how to apply, the next event, a practical detail
 * (運賃, 開館時間) — and an entry on the same topic that lacks that kind of fact does not answer
 * them: 「小諸ふるさと市民は3682人」 is no answer to how many people live in the city, and an
 * entry on a scholarship no answer to how to apply for it.
 */
import { NANIBUN_FOLLOWS, QUESTION_WORD_START, spellAskingWords } from './kana-asking-words.js';

export type AskedKind =
  | 'count'
  | 'amount'
  | 'rate'
  | 'date'
  | 'future'
  | 'age'
  | 'procedure'
  | 'place'
  | 'organization'
  | 'person'
  | 'free'
  | 'opinion'
  | 'contents'
  | 'breakdown'
  | 'benefit'
  | 'municipality'
  | 'country'
  | 'outcome'
  | 'reason'
  | 'detail';

export interface QuestionIntent {
  /** The question asks for a number or for how something changed. */
  readonly asksForFigure: boolean;
  /** The unit of the number asked for, when the question names it (何人 → 人, 何パーセント → %). */
  readonly unit?: string;
  /** The one kind of fact the question wants, when it wants one (see entryGives). */
  readonly kind?: AskedKind;
  /** For 'detail': the word that names it (運賃, 開館時間...), which the entry must contain. */
  readonly detail?: string;
  /** For 'count': asked with いくつ or a counter of things (何種類, 何点, 何本), which 「5つ」 answers too. */
  readonly countsAnything?: boolean;
  /**
   * The question asks how far the mayor's pledges got (「公約はどこまで進んだの？」「子育ての公約の
   * 進み具合は？」): the pledge tracker answers it. See {@link progressFrameSpans} for its topic.
   */
  readonly asksProgress?: boolean;
  /**
   * The question asks what was done or how far a thing got (「取り組んだの？」「どこまで進んでる？」),
   * which a result of the report answers rather than the pledge that promised it.
   */
  readonly asksWhatWasDone?: boolean;
  /** The question asks how something changed (増えた？減った？), which a figure before and after answers. */
  readonly asksForChange?: boolean;
  /**
   * The question asks what was aimed at or pledged (目標, 目指す, 公約, 掲げた), which a target
   * figure answers, and a pledge's numbers.
   */
  readonly asksForTarget?: boolean;
  /**
   * The question asks the figure aimed at (「受診率の目標は何%？」「何人を目指したの？」): only a
   * number stated as an aim answers it, not the rate reached.
   */
  readonly asksForAim?: boolean;
  /**
   * The question asks what a thing is (「小諸ふるさと市民とはどういうもの？」「〜ってなんなの」),
   * which the pledge that made it says rather than a count of what came of it.
   */
  readonly asksWhatItIs?: boolean;
  /**
   * For 'person': the question asks a name (「会長さんの名前は？」「どこの政治家？」), which a word
   * for a kind of person (大学, 職員) standing alone does not give.
   */
  readonly asksName?: boolean;
  /**
   * The question asks of another council it does not name (「隣の大きな市では」): the report states
   * only Komoro's affairs.
   */
  readonly asksOfAnotherCouncil?: boolean;
  /** The question asks for all of something (すべて, 全部, それぞれ): a summary of them answers. */
  readonly asksAll?: boolean;
  /**
   * The question asks how much there is in all (全部で何時間, 合計で), not how it changed: a number
   * of how much it fell or grew (3200時間減りました) does not answer it.
   */
  readonly asksTotal?: boolean;
  /** The question asks why (なぜ, なんで, 理由は): an entry that gives a reason answers it. */
  readonly asksWhy?: boolean;
  /** The question asks what a thing is for (何のため, 目的は): an entry that states a purpose answers it. */
  readonly asksPurpose?: boolean;
  /** The place by which the question picks one of several (2つ目, 3番目): a summary that lists them says which. */
  readonly placeAsked?: string;
  /** The question asks where a thing stands in its series (何番目, いくつ目): its own entry says. */
  readonly asksPlaceInOrder?: boolean;
  /** Other kinds of fact asked in the same breath (いつどこで: a date and a place), each needed too. */
  readonly alsoKinds?: readonly AskedKind[];
  /**
   * The thing whose kind or content is asked (「どんな機能が」: 機能, 「絆とは」: 絆): an entry
   * named after it is about it.
   */
  readonly askedNoun?: string;
  /** The asked noun is the last of words typed as into a search box (高地トレーニング 宿泊). */
  readonly searchedAspect?: boolean;
}

/**
 * A noun asked about: after どんな, どのような… or before とは (not one compared with: 木造校舎とは
 * ずいぶん変わった), って何 (not って何のため, a purpose),
 * は何がある… (romaji read sets a space before って); a thing asked whether it exists (観光局ってある)
 * or was made (本部つくった).
 */
const ASKED_NOUN =
  /(?:どんな|どのような|どういう|どういった|どの様な|何の|なんの)([\p{Script=Han}\p{Script=Katakana}ー]{1,10})|([\p{Script=Han}\p{Script=Katakana}ー]{1,10})(?:」)?\s?(?:とは(?!\s?(?:ずいぶん|随分|だいぶ|大分|大きく|かなり|全く|まったく|違|ちが|異な|変わ|かわ|比べ|くらべ|別|逆|反対))|って\s?(?:何|なに|なん)(?!の?ため)|は\s?(?:何|なに|なん)(?:です|だ|[?？]|$)|は\s?(?:何|なに)\s?が\s?(?:ある|あり))|([\p{Script=Han}\p{Script=Katakana}ー]{2,10})\s?(?:って|は)\s?(?:(?:小諸|こもろ|市)に\s?)?(?:ある|あり|でき)(?:ます|ました|た|る|てい?る|ていま(?:す|した))?(?:の|ん)?(?:です)?か?\s?[?？]?\s*$|([\p{Script=Han}\p{Script=Katakana}ー]{2,10})(?:みたいな(?:の|もの)?|のような(?:の|もの)?)?を?\s?(?:つくっ|作っ|設置し|立ち上げ)た(?:って|の|ん|か|[?？]|$)/u;

/**
 * Words typed as into a search box (ふるさと納税 返礼品): the last, after a space, is what is
 * asked of the ones before it; a noun written with kana inside (乗り場, 問い合わせ先) as well, but
 * not words joined by a particle (何て名前, 市の事業): those are a question or a phrase.
 */
const SEARCHED_ASPECT =
  /^[^\s。、,？?!！]{2,}\s+((?=.{2,8}\s*$)(?!何)[\p{Script=Han}\p{Script=Katakana}ー](?:(?:(?![のてはがをにでともやへかな])\p{Script=Hiragana}){0,2}[\p{Script=Han}\p{Script=Katakana}ー])+)\s*$/u;

/** A question asked in full before the last word (なんのためにやったの 目的, いつ? 日付). */
const QUESTION_BEFORE_LAST_WORD = /(?:何|なに|なん|どう|どこ|いつ|いくら|誰|だれ)[^\s]*(?:の|か|[?？])\s+\S+\s*$/u;

/** A name the citizen gives what they ask about (「攻める」という柱, ジャムの日っていうの). */
const NAMED_AS = /「?([\p{Script=Han}\p{Script=Katakana}ー][\p{L}\p{N}ー]{0,11}?)」?(?:という|っていう|とかいう)/u;

const CHANGE_QUESTION =
  /増え|減っ|減り|減少|増加|削減|伸び|伸ばし|上がっ|下がっ|変わっ|倍|ふえ[たて]|へっ[たて]|のび[たて]/u;
// Not an agreement made with someone (農協と約束を交わした): that is the thing done, not an aim.
const TARGET_QUESTION =
  /目標|もくひょう|目指|めざ|目的|狙い|ねらい|掲げ|公約|約束(?!を?\s?(?:交わ|かわ|結|むす))|政策集|マニフェスト|つもり|(?:って|と)言って(?:た|い|る)|(?:っつう|っちゅう|という|って|っていう)話(?:だった|でした|だっけ)|政策(?:は|って|が|も)?\s?(?:ある|あった|あり|あん)/u;

/** The figure aimed at, asked: 目標は何%, 目標値は, 何人を目指した, 目標の数字ってあったの. */
const AIM_ASKED =
  /(?:目標|もくひょう)(?:値|の数字|の数|の割合|の人数)?(?:は|って|が|を|として)?[^。、]{0,4}?(?:何|なん|いくら|どの(?:くらい|ぐらい)|どれ(?:くらい|ぐらい|ほど))|(?:目標|もくひょう)(?:値|の数字|の数値)(?:は|って|が|も)?(?:あった|ある|あり|あん|決め)|(?:どの|どれ)(?:くらい|ぐらい|ほど)の?(?:人数|数|人|規模|金額|割合)?(?:を|に|まで)?(?:目指|めざ)|(?:何|なん)(?:人|%|パーセント|割|件|万|円|倍)[^。、]{0,6}(?:目標|目指|めざ|つもり|気で|気だっ|に(?:する|増やす)(?:って|と)[^。、]{0,6}?(?:言|いっ|おっしゃ))/u;

/** What a thing is: 〜とは (何|どういう…), 〜って何なの, 〜ってどういうもの. */
const WHAT_IT_IS =
  /(?:とは|って|っては|というのは|っていうのは)[、,]?\s?(?:(?:何|なに|なん)(?:です|なの|なん|だ|ですか|[?？]|$)|(?:どういう|どんな|どのような)(?:もの|こと|仕組み|制度|意味))/u;

/** A council other than Komoro's, not named (隣の大きな市では, よその町だと). */
const ANOTHER_COUNCIL =
  /(?:隣|となり|よそ|他|ほか)の(?:大きな|小さな)?(?:市町村|自治体|市|町|村)(?:では|は|だと|の場合)/u;

/** The city asked of after another's news (他の町では…と聞きました。小諸市でも…): asked of its own. */
const HOME_ASKED_AFTER = new RegExp(
  `${ANOTHER_COUNCIL.source}.*?(?:小諸|こもろ)市?\\s?(?:でも|では|には|は|も|って)`,
  'u',
);

/** A share named (割合, 比率), but not one acted on (比率を上げる政策): that one is the topic. */
const RATE_NAMED = `(?:割合|比率|わりあい)(?!を(?!(?:教|知|おしえ|しり))|の?(?:向上|改善|引き上げ|アップ))`;

/**
 * A rate named in kana (じゅしんりつは, typed or read from romaji): only the rates of the kind the
 * report gives, since りつ ends other words too (せつりつ, ほうりつ).
 */
const KANA_RATE = '(?:じゅしん|じっし|さくげん|たっせい|ぞうか|げんしょう|とうひょう|しゅうしょく|ふきゅう|ひ)りつ';

/** いくら asked of a rate (比率はいくら, 受診率っていくら): a share, not a sum of money. */
const RATE_NOT_SUM = '(?<!(?:率|割合|わりあい|りつ)(?:は|って|が)?\\s?)';

/** いくら (and なんぼ, said in dialect, and いかほど, in a letter) as a word: after a particle, a kanji or at the start, not inside one (重たいくらい). */
const IKURA = `${QUESTION_WORD_START}(?:いくら|なんぼ|いかほど)`;

// Which unit a way of asking points to; the first that matches wins.
const UNIT_QUESTIONS: readonly (readonly [RegExp, string])[] = [
  [/何倍|なんばい|倍に/u, '倍'],
  [
    /何人|なんにん|人数|何名|人口|どれ(?:くらい|ぐらい|だけ)の[\p{Script=Han}\p{Script=Katakana}ー]*(?:人|客|者)(?:が|は|を)/u,
    '人',
  ],
  [/何件|なんけん|件数/u, '件'],
  [/何時間|なんじかん|時間数/u, '時間'],
  // A span of years is stated in years (約3年9カ月, 3年半), whether asked as 何年間 or 何年分.
  [/何年(?:間|分)|なんねん(?:かん|ぶん)/u, '年'],
  // How long ago (何年前): answered by 「4年前」, not by a date.
  [/何年前|なんねんまえ/u, '年前'],
  [/何区|なんく/u, '区'],
  [/何団体/u, '団体'],
  [
    new RegExp(
      `(?:何|なん)(?:%|パーセント|ぱーせんと)|何割|${RATE_NAMED}|(?<!比)率|${KANA_RATE}(?!\\s?を(?!(?:おしえ|しり)))`,
      'u',
    ),
    '%',
  ],
  [new RegExp(`${IKURA}|何円|なんえん|金額|額`, 'u'), '円'],
];

/**
 * Counters read as a whole after 何: those longer than one kanji (何団体, 何時間, 何か国) and the
 * few that are not kanji. Any other kanji or katakana word after 何 is taken for a counter too
 * (何組, 何頭, 何市町村, 何ポイント), unless NOT_COUNTER.
 */
const COUNTERS =
  '団体|地区|路線|か所|カ所|ヶ所|箇所|チーム|か国|カ国|ヶ国|世帯|施設|日間|時間|週間|年間|年分|か月|カ月|ヶ月|キロ|km|メートル';

/**
 * What follows 何 when it asks no count: a date or a time (何年, 何月, 何日, 何時, 何曜), an age
 * (何歳), which one of a kind (何色, 何語, 何県, 何線…), which one of a series (何次産業, 第何期,
 * 何代目), another word (何故, 何処, 何者, 何事, 何卒),
 * a ratio or an amount, which have kinds of their own (何倍, 何割, 何円), and the numerals that stand
 * before a counter (何十年, 何万人).
 */
const NOT_COUNTER =
  '年|月|日|時|曜|歳|才|故|処|者|事|物|色|語|県|党|科|線|系|型|式|流|派|屋|用|様|卒|気|方|等|奴|倍|割|円|十|百|千|万|億|次|期|代|番|号|課|局|係';

/** A verb right after 何, which then asks what (何作ったの, 何買うの, 何決めた), not how many (何作, 何本). */
const VERB_AFTER_NANI =
  '(?!\\p{Script=Han}(?:っ(?:た|て(?!いう|言|ゆう))|[るう](?=の|ん|[?？。]|$)|りま|[めべけせえれみ](?:た|て|る|ま)))';

/**
 * A count asked with a counter: 何 (or なん) and the numerals after it, then the counter (captured).
 * Not 何人も or 何回か, which say "many" and "some" (何分かかる asks how long), nor an ordinal
 * (何番目, 何回目), which the report writes in words of its own (4つ目の柱, 佐久管内で初めて).
 */
const COUNT_ASKED = `(?!何${NANIBUN_FOLLOWS})(?:何|なん)(?:十|百|千|万|億)*${VERB_AFTER_NANI}(${COUNTERS}|(?!${NOT_COUNTER})\\p{Script=Han}|[\\p{Script=Katakana}ー]+(?![\\p{Script=Katakana}ー]))(?!も|か(?!な|か[るりっ]|いさい|[?？。]|$)|目)`;

const COUNTED = new RegExp(COUNT_ASKED, 'u');

/** Counters of things, whose count 「6つ」 answers as well (何種類, 何点, 何項目, 何本, 何個). */
const THINGS_COUNTED = /(?:何|なん)(?:種|点|項|本|個|つ)/u;

const FIGURE_QUESTION = new RegExp(
  [
    COUNT_ASKED,
    '何(?:倍|円|%|パーセント|割|万|億)',
    'なん(?:にん|けん|ばい|えん|ぱーせんと|わり|じかん)',
    IKURA,
    // Not いくつも (many, told): いくつもの市町村で.
    'いくつ(?!も|目|め|になっても|でも)',
    'どれ(?:くらい|ぐらい|ほど|だけ)',
    'どの(?:くらい|ぐらい|程度)',
    RATE_NAMED,
    '(?<!比)率',
    '人数',
    '件数',
    '金額',
    '額',
    '数字',
    '数値',
    '倍',
    '増え',
    '減っ',
    // The same typed in kana (ざんぎょうへった？).
    'ふえ[たて]',
    'へっ[たて]',
    'へり',
    'のび[たて]',
    '減り',
    '減少',
    '増加',
    '削減',
    '伸び',
    '上がっ',
    '下がっ',
    '変わっ',
    'どうなった',
    '実績',
    '成果',
  ].join('|'),
  'u',
);

/** Things counted, typed in kana (いくつの だんたい, こうやくは いくつ), as the report writes them. */
const KANA_COUNTED: Readonly<Record<string, string>> = {
  だんたい: '団体',
  ちく: '地区',
  かしょ: 'か所',
  しせつ: '施設',
  ちーむ: 'チーム',
  くに: 'か国',
  はしら: '柱',
  こうやく: '公約',
  せいさく: '政策',
};
const KANA_COUNTED_WORD = `(?:${Object.keys(KANA_COUNTED).join('|')})`;
/** The thing counted by いくつ: 「いくつの地区」, else 「団体がいくつ」 (answered by 10地区, 8団体 or 5つ). */
const COUNTED_AFTER_IKUTSU = new RegExp(
  `いくつの\\s?([\\p{Script=Han}]{1,2}|${KANA_COUNTED_WORD}(?=[でがはをにのもと]|\\s|$))`,
  'u',
);
/** Words that ask for a total (全部で, 合わせて): what they total is the thing counted. */
const TOTAL_ASKED = '全部で|ぜんぶで|合わせて|あわせて|合計で|全体で';

// 「区って、全部でいくつ」: a total asked for may stand between the thing and いくつ.
const COUNTED_BEFORE_IKUTSU = new RegExp(
  `([\\p{Script=Han}]{1,2}|${KANA_COUNTED_WORD})(?:は|が|って|も|というのは|っていうのは|とは|のうち|の中で|のなかで)?[、,\\s]?(?:${TOTAL_ASKED}|全部)?いくつ`,
  'u',
);

/**
 * Hiragana that cannot come just before the question word いつ: any but a particle (それはいつ,
 * のいつ). In kana-typed words いつ is often part of another (ねーみんぐらいつ, かいつまんで).
 */
const KANA_BEFORE_WORD = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, i) => String.fromCodePoint(0x3041 + i))
  .filter((c) => !'はがもてでにのとやへ'.includes(c))
  .join('');

/** Organizations whose name a citizen may ask (「どこの会社」「スポンサーの名前は」). */
// The same typed in kana, as romaji reads (aite wa doko: あいてはどこ).
const ORGANIZATIONS =
  '企業|会社|団体|業者|事業者|お?店|学校|大学|相手|スポンサー|メーカー|農協|ja|きぎょう|かいしゃ|だんたい|あいて';
/**
 * Someone's family (市長の奥さん, おくさん): a person the report never names, whose name a citizen may
 * still ask.
 */
export const FAMILY_MEMBERS = '奥|おく|妻|夫人|旦那|だんな|ご?主人|息子|むすこ|娘|むすめ|ご?両親|お?父|お?母';
/** People whose names a citizen may ask (「講師の名前は」「来た人の名前を教えて」). */
// And the holder of any post that ends in 長 (副市長, 教育長, 議長).
const PEOPLE = `人|方|メンバー|講師|隊員|委員|審査員|選手|(?:トップ)?アスリート|担当者|代表者?|\\p{Script=Han}{0,3}長|先生|職員|議員|受賞者|受講者|出演者|経営者|入賞者|${FAMILY_MEMBERS}`;
/** A name asked: 「…の名前は」「…の名前を教えて」, after さん too (会長さんの名前). */
const NAME_ASKED =
  '(?:さん|様|さま)?の\\s?(?:お)?(?:名前|なまえ)(?=は|を(?:全部|ぜんぶ|すべて|全て|それぞれ)?(?:教|知|おしえ|ご存)|と|って|が(?:知|分)|[?？]|[。．]?$)';
/**
 * A person asked by name: the name of a post's holder (会長の名前, 会長さん、名前なんていう), which
 * politician (どこの政治家) or which one (どの方: not どれほどの方, which asks how many).
 */
const PERSON_NAME_ASKED = new RegExp(
  `(?:${PEOPLE})${NAME_ASKED}|(?:${PEOPLE})(?:さん|様|さま)?(?:は|って)?[、,]\\s?(?:お)?(?:名前|なまえ)(?=は|って|なん|何|を|が|[?？]|$)|(?:どなた|誰|だれ)が(?:務め|つとめ|就い)|(?:どこ|どちら|どの)の(?:政治家|議員|大臣|先生)|お名前(?:は|を|が|の(?:方|人))|(?:何|なん)(?:と|て)(?:いう|言う)\\s?(?:お)?名前の(?:方々|方|人々|人)(?!\\p{Script=Han})|(?<=(?:誰|だれ|どなた)[^。]{0,20}?[?？。、,]\\s?)(?:お)?名前(?:を|が)?\\s?(?:知り|しり|教え|おしえ|聞き|ききたい)|(?<!ほ)どの(?:選手|人|方|先生|議員)`,
  'u',
);

/** Asking for all of a set of things (すべて, 並べると, 5つの柱の名前): a summary that names them answers. */
const ALL_ASKED =
  /すべて|全て|全部|ぜんぶ|それぞれ|一覧|全体像|並べ(?:る|て|ると|た)|[2-9]つの[^、。？?]{1,6}の(?:名前|名称)/u;

/** One of several picked by its place (2つ目, 3番目, 第2の), as numerals are written by then. */
const BY_PLACE_ASKED = /(?<![0-9])[0-9]{1,2}(?:つ目|番目)|第[0-9]{1,2}(?![0-9])/u;

/** A place in an order asked (何番目の柱, いくつ目, なんばんめ). */
export const PLACE_IN_ORDER_ASKED = /(?:何|なん)(?:番目|ばんめ|個目|本目)|いくつ(?:目|め)/u;

function placeAsked(normalized: string): { placeAsked?: string } {
  const place = BY_PLACE_ASKED.exec(normalized)?.[0];
  return place === undefined ? {} : { placeAsked: place };
}

/** Asking why (なぜ, なんで, どうして, 理由は): not なんでも, どうしても, nor なんですか (何ですか). */
/** What a thing is for, asked (何のために, 目的は, ねらいって), or whom it is for (どんな人のため, 誰向け). */
const PURPOSE_ASKED =
  /(?:何|なに|なん)の(?:ため|目的)|目的(?:は|って)|(?:ねらい|狙い)(?:は|って)|(?:どのような|どんな|どういう|どういった)(?:目的|ねらい|狙い|(?:考え方?|思い)(?=で[^。？?、]{0,8}?(?:計画|作|つく|建て|整備|始め|設け)))|(?:誰|だれ|どなた|(?:どのような|どんな|どういう|どういった)\s?(?:人|方|ひと)(?:たち|達|々)?)(?:の|に)?\s?(?:ため|向け|むけ|ことを考え)/u;

const WHY_ASKED = /なぜ|何故|なんで(?!も|す|しょ)|どうして(?!も)|理由|わけ(?:は|を|って)/u;

/** Kinds of when, and of where or who: asked together (いつどこで, 誰がいつ), both are wanted. */
const WHEN_KINDS = new Set<AskedKind>(['date', 'future']);
const WHERE_OR_WHO_KINDS = new Set<AskedKind>(['place', 'person', 'organization']);

/** Whether `other` is asked along with `kind`: one says when, the other where or who. */
function pairedKinds(kind: AskedKind | undefined, other: AskedKind): boolean {
  if (kind === undefined) return false;
  return (
    (WHEN_KINDS.has(kind) && WHERE_OR_WHO_KINDS.has(other)) || (WHERE_OR_WHO_KINDS.has(kind) && WHEN_KINDS.has(other))
  );
}

/** A thing that did not happen or fell short (届かなかった, 減らない, 未達): not a need (欠かせない). */
const FELL_SHORT =
  '(?:(?:届か|達し|至ら|進ま|減ら|増え|でき|実現し|達成でき|伸び|上がら|下がら|集まら|決まら|間に合わ)(?:なかった|ない)|未達|下回っ(?:た)?)';

/** Ways of asking for one kind of fact, in the order they are tried. */
const KIND_QUESTIONS: readonly (readonly [AskedKind, RegExp])[] = [
  // The bot states what the report says; whether it is good is the citizen's to judge.
  // Likes and recommendations too (好きな食べ物は？おすすめは？): no report states them.
  [
    'opinion',
    /(?:いい|良い|悪い|よかった|良かった|どう)(?:こと|の)?(?:だ|です)?と思[うい]|賛成|反対|ぶっちゃけ[^、。？?]{0,6}?どう|本音|(?:好き|嫌い)な[^、。]{1,8}(?:は|って)(?:何|なに|なん)?[?？]?$|おすすめ|お勧め|オススメ/u,
  ],
  // Why a thing fell short (目標に届かなかったのはなぜ): the cause, which few entries state; why a
  // thing is done (なぜ市民協働が必要) is its aim, which they do.
  [
    'reason',
    new RegExp(
      `${FELL_SHORT}(?:の|ん)(?:は|って)\\s?(?:なぜ|何故|どうして|なんで)|(?:なぜ|何故|どうして|なんで)[^。？?]{0,24}?${FELL_SHORT}|${FELL_SHORT}(?:理由|原因|わけ)`,
      'u',
    ),
  ],
  // A school year (何年生) is an age as well: 高校生まで answers it.
  // 年齢 asked (年齢は, 年齢を教えて), not an age something suits (年齢に合わせた健康づくり).
  [
    'age',
    /何歳|なんさい|おいくつ|お幾つ|何年生|なんねんせい|年齢(?:は|って|を(?:教|知)|が(?:知|分|わか)|[?？]|$)|歳は|才は|(?<=[はさんの、\s])年(?:は|って)?\s?(?:いくつ|幾つ)(?!か|も)/u,
  ],
  // What is inside a thing (「中には何が入るの？」「どんな機能が入る？」), what a menu or a perk offers
  // (メニューは何, 特典は何): what it holds, listed. The 中身 of a stance or a plan (基本姿勢の中身) is
  // what it says, not a list.
  [
    'contents',
    /(?<!(?:姿勢|方針|考え方?|理念|構想)(?:の|って|は)?[、,]?\s?(?:その)?)中身(?:は|って|を教え)|中に(?:は)?(?:何|なに)が(?:ある|あり)|(?:メニュー|品揃え|品ぞろえ|ラインナップ|商品|料理|特典)(?:は|って|に(?:は)?)(?:何|なに|なん|どんな|どういう)|(?:どんな|どういう|どのような)(?:メニュー|料理|商品)|(?:どんな|どういう|どのような)(?:催し|イベント|行事|出し物)(?:が|を)?(?:ある|あり|行わ|開か|やっ|催さ)|(?:何|なに|(?:どんな|どういう|どのような)\s?(?:[\p{Script=Han}\p{Script=Katakana}ー]+|もの))\s?が\s?入(?:る|っ|り)|(?:何|なに|どれ|どこ)が選ばれ|(?:どんな|どういう|どのような|どういった)[^。？?、]{0,12}?が選ばれ|(?:どこ|どの(?:市町村|自治体|町|団体|会社))が(?:入っ|参加し|加わっ|加盟し)|(?:どんな|どういう|どのような|どういった)(?:もの|物|の)が(?:ある|あり)/u,
  ],
  // How a whole divides (内訳, いくらずつ) or which part is the most (どんなものが多い, 一番人気は何).
  [
    'breakdown',
    /内訳|いくらずつ|(?:どんな|どういう|どのような|どこの|どの|何の|なにの)[^。、？?]{0,10}?が(?:一番|いちばん|最も)?多い|(?:何|なに|どれ|どこ)が(?:一番|いちばん|最も)?多い|(?:(?:一番|いちばん|最も)\s?(?:人気|にんき|多い|売れ)|(?:人気|にんき)\s?(?:一番|いちばん))[^。、]{0,6}?(?:何|なに|なん|どれ|どこ|誰|だれ)|(?:何|なに|どれ|どこ)が\s?(?:一番|いちばん)?\s?(?:人気|にんき)(?!\p{Script=Han})|(?:人気|にんき)\s?(?:が|の)?\s?(?:ある|あん|高い|たかい)(?:の|もの)\s?(?:は|って)\s?(?:何|なに|なん|どれ)/u,
  ],
  [
    'procedure',
    // Not how something is decided (どうやって決まる, 選ばれる): the way it is done, which an entry states.
    // Nor a desk put in a facility (相談窓口のようなものも入る予定): a thing the facility holds.
    // Nor how the city keeps costs down or raises money (どうやって費用を抑える): the way it works,
    // which an entry states; a way for the citizen to act has a verb of theirs after it. Nor how
    // someone goes about it (どうやっているの): there やる is the verb, and the way is the entry's.
    // Nor a thing one may apply for or book (応募できるような催し): the thing is asked, not how.
    /どう\p{Script=Han}{1,4}すれば|どうやって(?!いる|おる|います|おります|る|た)(?![^、。]{0,3}(?:決ま|決め|選ば|選ん|選ぶ|選出|判断|判定|評価|見直|確かめ|たしかめ|確認|調べ|しらべ|検証|けんしょう|測|計))(?![^、。？?]{1,6}?(?:てる|ている|ておる|ています|ております)(?:の|ん|か|[?？]|$))(?![^、。]{0,8}?(?:抑え|おさえ|安く|やすく|済ま|節約|削|減ら|増や|集め|進め|守|賄|まかな|生み|作っ|つくっ|確保|紹介|しょうかい|発信|広め|知らせ|宣伝|pr))|どうすれば|どうしたら|どうやったら|どこか?で\s?(?:申|手続|買|売|もら|受け|登録|手に入|入手|(?:変|換|替)え(?:られ|れ)?(?:ます|る))|(?:買え|購入でき|手に入)(?:ます|る)(?:の?です)?(?:か|の|[?？]|だ?かい|かや|ずら|かね|かな)|購入(?:すること(?:は|が|も)?)?(?:でき|可能)|(?:どこ|どちら)に(?:申|行|連絡|問|電話|相談)|(?:どこ|どちら)へ(?:申|連絡|問|電話|相談)|(?:どの|どこの)窓口|(?:何|なに)を持って(?:行|い)|申し?込|(?:取り|入り|(?<!(?:資産|人材|お金|税金|予算|財源)の)使い|参加し|応募し|頼み|出し|捨て|乗り|行き)方|(?:のり|つかい)かた|(?:申し込み|申込|申請|手続き|登録|応募|予約|参加|利用)の?(?:やり方|方法|仕方)|申請(?:は|って|の(?:仕方|方法|窓口|期限)|したい|するには|すれば|方法|先|窓口|書|[?？])|手続き?(?:は(?:どう|どこ|何|いつ)|に(?:必要|は)|(?:を)?(?:したい|するには|すれば)|が(?:必要|いる|要る)|を(?:教え|おしえ|知りたい|しりたい))|(?:どのような|どんな|どういう|どういった)手続|応募(?!(?:する|できる)(?:ような|みたいな)?[\p{Script=Han}\p{Script=Katakana}])|登録(?:したい|するには|方法|の仕方)|予約(?!(?:する|できる)(?:ような|みたいな)?[\p{Script=Han}\p{Script=Katakana}])|参加するには|利用するには|使うには|受けるには|もらうには|入るには|(?:申し込み|申込|相談|問い合わせ)の?窓口(?![^、。？?]{0,12}?(?:入る|入り|入れ|はいる|でき|設け|置か|置き|ある|あり))|窓口は(?:どこ|どちら)|方法(?:は|が|って)?あ(?:る|り)|問い合わせ先|連絡先|電話番号/u,
  ],
  [
    'future',
    // Until when (任期はいつまで): an end still to come, not a period (いつからいつまでの分). Whether
    // there is a plan (何か予定はありますか), or a thing is to be made or put in (入る予定なのでしょうか),
    // asks no date: an entry that says a thing is planned answers. How long until an aim is reached
    // (あと何年で届く見込み) asks a forecast, which only a stated date answers.
    /(?<![何第0-9])次(?:の(?!よう)|は|回|いつ)|(?<![${KANA_BEFORE_WORD}])つぎ(?:の(?!よう)|は|かい|いつ)|今度(?:の[^、。？?]{0,12}?)?(?:は|って)?(?:いつ|何日|何時|なんにち)|いつまでに|(?<!から\s?)いつまで(?!の|も)|までに(?:達成|実現|完成|終わ|でき)|(?<!(?:どこ|どちら)[^。？?]{0,12})(?:する|の)?予定(?:(?:は|って)(?!\s?(?:あ(?:る|り)|ござ))|(?<!(?:入る|はいる|できる|作る|つくる|設ける|置く)予定)なの|日)|(?<![\p{Script=Han}])また(?:[^、。？?]{0,4}?)(?:あ(?:る|り)|やる|やり|開か|始ま)(?:ます)?(?:か|の|[?？]|$)|来年|来月|来週|再来年|今後の予定|開催予定|日程|募集(?:は|って|の時期)|いつ(?:から|まで)?\s?(?:募集|開催|やる|始まる|ある|申し込|ぼしゅう|かいさい|はじまる|もうしこ)|いつ[^、。？?]{1,12}?(?:に|が)(?:なる|届く|達する|実現する|完成する)(?:の|ん|か|[?？]|$)|あと(?:何|なん)(?:年|か月|ヶ月|カ月)|(?:届く|届き|達する|達成(?:する|でき)|実現(?:する|でき))(?:る)?見込み/u,
  ],
  // What one gets (特典はある？, 何がもらえる？): a perk or a grant the entry names. Which perks
  // there are (特典は何) are contents, listed. Perks that add up (特典がたまる仕組み) or come with a
  // scheme (特典がもらえる仕組み) describe the scheme.
  [
    'benefit',
    /特典(?!\s?(?:が|を)?\s?(?:たま|貯ま|溜ま|ため|貯め|溜め)|(?:が|の)?\s?(?:もらえる|つく|付く|受けられる)(?:仕組み|しくみ|制度|事業|取り組み|サービス))|景品|ご褒美|ごほうび|(?:何|なに)(?:が|か|を)?\s?(?:もらえ|貰え)|(?:何|なに)(?:と|に)\s?(?:換え|替え|代え|交換|引き換え|引換)|(?:交換|引き換え|引換)(?:でき|して(?:もら|くれ)|可能)/u,
  ],
  // Which town or prefecture (どこの町と, どこの都道府県): not a country (どこの国のチーム), named otherwise.
  ['municipality', /(?:どこ|どちら|どの)の?(?:市町村|自治体|都道府県|町村|市町|市|町|村|県)(?![\p{Script=Han}])/u],
  [
    'organization',
    new RegExp(
      [
        `(?:${ORGANIZATIONS}|区|地区|小学校)(?:は|って|が)?(?:どこ|どちら)`,
        // Not every one of them (どの区も, どこの学校でも).
        `(?:どこ|どちら|どの)の?(?:${ORGANIZATIONS}|小学校|区|地区)(?!\\s?(?:で|に|と)?も)`,
        `(?:${ORGANIZATIONS}|地区|小学校|中学校)${NAME_ASKED}`,
        // 「どういう名前のお店が入る」: the name of which; 「どのようなお店が入る」: which shops.
        `(?:どういう|どんな|何という|なんという)名前の(?:${ORGANIZATIONS})`,
        '(?:どんな|どういう|どのような|どういった)お?店(?:が|は)',
        // 「テナントって何のお店？」「何ていうお店」: which shop.
        '(?:何|なん|なに)の\\s?(?:お?店|おみせ)',
        `(?:何|なん)(?:て|と)(?:いう|言う|ゆう)\\s?(?:${ORGANIZATIONS}|おみせ)`,
        // Which body was set up (何か組織を立ち上げた): the entry must name it.
        '(?:何か|なにか|どんな|どういう|どのような|どういった)(?:組織|部署|本部|チーム)を(?:立ち上げ|作っ|つくっ|設け|設置|新設)',
        '(?:会社|企業|団体|店)名',
        'どこ(?:と|が)(?:組|一緒|協力|連携)',
        // 「どこで話し合っている」: in which council, not at what place.
        'どこ(?:で|が)\\s?(?:話し合|議論|検討|審議|協議|決め|決定|はなしあ|ぎろん|けんとう|しんぎ|きょうぎ)',
        // 「話し合いはどこでやっている」「議論、どこでやっとる」「どこの検討会で話し合う」: in which council too.
        '(?:話し合い|話合い|はなしあい|議論|検討|審議|協議)(?:は|って|が)?[、,]?\\s?どこ(?:で|が)',
        'どこの\\s?(?:会議|会合|審議会|検討会|委員会|協議会)(?:で|に)',
        // 「ワインの振興にはどこで取り組んでいますか」: which body works at it.
        'どこ(?:で|が)\\s?(?:取り組|とりく)',
        // 「どのような会議で話し合われた」: which council, by its name.
        '(?:どんな|どういう|どのような|どういった|何という|なんという)(?:会議|会合|審議会|検討会|委員会|場)(?:の場)?(?:で|に)[^。？?]{0,4}?(?:話し合|議論|検討|審議|協議|決め|決定)',
        // 「買ったのはどこ？」: who did it, not where.
        '(?:買|作|結|建|請|受|選)[^、。]{0,3}(?:た|る)のは(?:どこ|どちら)(?![にへで])',
        // 「魅力を発信しているのはどこ？」: which body does it.
        '(?:発信|運営|担当|主催|実施|推進|管理|企画)(?:して|し)?(?:いる|てる|る|た)の(?:は|って)(?:どこ|どちら)(?![にへで])',
        // 「優勝したのはどこの米？」: which one did it.
        '(?:た|る)のは(?:どこ|どちら)の(?!\\s?国)',
        // 「受け入れは誰が担当していますか」, 「対応は誰がやってるの」: which body is in charge of it,
        // as a city's work is. Not who holds a post (教育長って今だれがやってる), nor 誰と誰が.
        '(?<!と|(?:長|役|者|員)(?:って|は)[^。？?]{0,6})(?:誰|だれ|どなた)が\\s?(?:(?:担当|運営|主催|実施|管理)(?:して|し|され)|(?:やって|おこなって|行って)(?:る|い|お))',
      ].join('|'),
      'u',
    ),
  ],
  // Whether a thing tried came about (実際に来たの？, 本当に実現した？): the entry must say it did,
  // not only that it was sought (誘致活動を行いました).
  [
    'outcome',
    /(?:実際に|本当に|ほんとに)[^。？?]{0,12}?(?:来(?:た|まし)|参加し|実現し|決ま(?:った|り)|開かれ|行われ|合宿し)/u,
  ],
  // Which countries, or how many (どこの国のチーム, 何か国): the entry must name them; a list of
  // countries answers how many as well.
  [
    'country',
    /(?:どこ|どちら|どの|何という|なんという)の?国(?![\p{Script=Han}])|(?:何|なん|いくつ)(?:か|カ|ヶ|ケ)国|いくつの国/u,
  ],
  // Not whom a thing is for (誰に向けて, 誰のため): those it serves, which an entry states; nor
  // anyone at all (誰が見ても分かる, 誰に聞いても), nor no one (誰とも話さない).
  // What kind of person someone is (講師はどんな人ですか) asks who, not who may use a thing (どんな人が使える).
  [
    'person',
    new RegExp(
      `(?:どなた|誰|だれ)(?!でも|も|か|とも|\\s?(?:に)?(?:向け|むけ)|のため|が\\s?(?:対象|たいしょう)|[がにの]?[^。、？?]{0,5}?[てで]も)|${PERSON_NAME_ASKED.source}|(?:どんな|どういう|どういった|どのような)(?:人|方)(?=です|でしょう|なの|なん|だ|か|[?？]|$)`,
      'u',
    ),
  ],
  // 「どこの農地でやるの」: which place, named by the noun after どこの.
  [
    'place',
    // Not wherever (どこへ行っても, どこでも), which asks for no place, nor a space provided
    // (車を停められる場所は用意される？, お年寄りのための場所は入るの？), which is a thing. Where someone
    // was born (どこの生まれ) too, which facility (どの施設の名前が変わった, 施設の名前は) and which
    // places there are (温泉はどこがある). A search ending in 場所 (子育て相談 場所) asks where.
    // Places of a kind asked for by their kind alone (病院を教えて): which ones they are.
    new RegExp(
      `${/どこ(?:に|へ|で|から|です|か(?=[?？。]|な|しら|$)|なの|なん(?:です|でしょう|だ)|にある)(?!も|[^、。？?]{0,5}(?:ても|でも))|どこ(?=\s?[?？]|$)|どこの\p{Script=Han}{1,4}(?:で|に|へ)|の場所(?:は|って)(?![^。？?]{0,12}?(?:でき|用意|作|あ(?:る|り)|設け|入る|入り|はいる|含ま))|場所(?:は|って)(?:どこ|どちら|[?？]|$)|(?:の|\s)場所\s?[?？]?\s*$|住所|所在地|どこの\s?(?:生まれ|うまれ|出身|しゅっしん)|(?:どの|どこの)\s?(?:施設|建物|会場|温泉|公園|場所)|(?:施設|建物|会場)(?:は|って)どれ|場所を(?:教え|おしえ|知り|しり|知ら)|(?:病院|びょういん|医院|クリニック|診療所|歯医者|公園|温泉|おんせん|駐車場|ホテル|旅館|宿|レストラン|飲食店|スーパー)\s?(?:を|が)?\s?(?:教え|おしえ|知りたい|しりたい)|どこが(?:ある|あり)|(?:出身|しゅっしん|生まれ|うまれ)(?:地)?(?:は|って)\s?(?:どこ|どちら)|出身地/u.source}|(?:施設|しせつ|建物|たてもの|会場)${NAME_ASKED}`,
      'u',
    ),
  ],
  [
    'amount',
    // A cost the citizen wants cut or kept down (費用を抑える, なるべく押さえる), one said to be none
    // (費用のかからない媒体), one asked a view about (費用について), named in a list (予算、決算、評価) or
    // where a range starts (予算から決算まで), is the topic, not the sum asked.
    new RegExp(
      `${RATE_NOT_SUM}${IKURA}|${/何円|なんえん|(?:金額|費用|経費|負担額|予算|コスト|値段|価格|料金|使用料|手数料|入館料|入場料|参加費|会費|建設費|事業費|工事費|整備費|改修費)(?!(?:を|は|って)?(?:どう|どのように|どうやって|なるべく|できるだけ|極力)?(?:抑え|押さえ|おさえ|減ら|へら|削|下げ|節約)|[のが]?(?:かから|掛から)(?:ない|ず)|を(?!(?:教|知|おしえ|しり))|の(?:こと|事)|の?(?:削減|節約|抑制)|について|に関して|に関する|とか|など|なんか|や(?!す)|から(?![^、。？?]{0,6}?(?:いくら|何円|なんえん|どれ))|[、,・]\s?(?=[\p{Script=Han}\p{Script=Katakana}])|と(?!し|は|って|[^、。？?\s]{1,8}?を(?:教|知|おしえ|しり)))|[^\p{Script=Han}]?上限額|いくらかか|お金はどれ|(?:収入|収益|売上|売り上げ|利益|儲け|もうけ|歳入)(?:は|って|が)?(?:どれ(?:くらい|ぐらい|だけ)|いくら)|どれ(?:くらい|ぐらい|だけ)の(?:収入|収益|売上|売り上げ|利益|儲け|お金|金額)|掛け?金|保険料(?!の(?:こと|事))|お金の額|(?<=\p{Script=Han})額(?=は|って|を(?:教|知)|が(?:知|分)|[?？]|$)/u.source}`,
      'u',
    ),
  ],
  // Free asked of a thing (無料で使えますか), not a way of doing it free (タダで知ってもらうやり方).
  [
    'free',
    /(?:無料|タダ)(?:で(?=[^、。？?]{0,8}?(?:か|の|[?？]|$))|なの|です|か|に|って|[?？]|$)|有料|(?:お金|費用|料金)(?:は|って|が)?(?:かか(?:り(?:ます)?|る)|要(?:り(?:ます)?|る)|いる|いり(?:ます)?|必要)(?:か|の|[?？]|$)/u,
  ],
  // A rate named (実施率は, 受診率って), but not efficiency (効率は) or a chance (確率).
  [
    'rate',
    new RegExp(
      `(?:何|なん)(?:%|パーセント|ぱーせんと)|何割|${RATE_NAMED}|金利|利率|${/(?<=\p{Script=Han})(?<![効能確比])率(?:は|って|[、,]|を(?:教|知)|が(?:知|分|わか)|[?？])/u.source}|${KANA_RATE}(?:は|って|\\s|[、,]|を(?:おしえ|しり)|[?？])`,
      'u',
    ),
  ],
  // The figures asked with いくつ (目標の数字はいくつ): any number, not a count.
  [
    'count',
    new RegExp(
      `${COUNT_ASKED}|何年前|なんねんまえ|(?<!(?:数字|数値|割合|率)(?:は|が|も|って)?[、,]?(?:それぞれ|各々|全部で)?)いくつ(?!か|も|目|め|になっても|でも)|人口|人数|件数|台数|回数|参加者数|応募者数|利用者数|会員数|どれ(?:くらい|ぐらい|だけ)の[\\p{Script=Han}\\p{Script=Katakana}ー]*(?:人|客|者)(?:が|は|を)|(?<=\\p{Script=Han})の?数(?=は|って|が(?:知|分|わか)|を(?:教|知)|[?？])`,
      'u',
    ),
  ],
  [
    'date',
    new RegExp(
      `(?<![${KANA_BEFORE_WORD}])いつ(?!も|く|け|こ|き|の間|までも|か(?!ら|な|しら|[?？]))|何(?:年|月|日)(?!も|か(?![らなけか]))|なんねん|なんがつ|なんにち|(?:どの|どれ)(?:くらい|ぐらい)\\s?(?:の(?:月日|年月|期間))?(?:が|は)?\\s?(?:経(?:つ|っ|ち|過)|たっ|たつ|過ぎ)|(?<!早い|早期の)時期(?!ごと|に(?:合わせ|あわせ|応じ|よ))|年月日|日付|何曜|曜日|(?:収集|開催|実施|受付|休館|定休|締切|締め切り|運行|運休|営業|休業)日`,
      'u',
    ),
  ],
];

// Words that name a practical detail asked for (patterns: 何時 but not 何時間, which asks for a figure).
// Each is matched in the question, and what it matched is looked for in the entry's text.
const DETAIL_WORDS = new RegExp(
  [
    '運賃',
    '時刻表',
    '番組表',
    '時刻',
    '時間帯',
    '営業時間',
    '開館時間',
    // Opening hours asked in everyday words (開いてる時間).
    '開いて(?:い)?る時間',
    // Whether a place has room now (保育園の空き状況): a live state no report holds.
    '空き(?:状況|具合)',
    // Whether a room or a seat is free now (今空いている部屋はある): a live state too.
    '(空いて)(?:い)?る(?:部屋|へや|席|枠|所|ところ|とこ)',
    '(?<=の)(空き)(?=は|って|が(?:ある|あり|出)|[?？])',
    // A prize won (どのような賞をいただいた, 賞はとれた): the entry must name it.
    '(?<=どんな|どのような|どういう|どういった|何の|なんの)(賞)',
    '(賞)(?=(?:を|は|って)?(?:取|とっ|とれ|もら|いただ|頂|受け|獲))',
    // Someone's career (経歴, 市長になる前のお仕事): the report says what the mayor did in office.
    '経歴',
    // The mayor's private life (市長のご家族, 市長の趣味): the report is of his work in office.
    '(?<=(?:市長|小泉)(?:さん|氏)?の(?:ご|お)?)(家族|奥さん|奥様|妻|夫人|子ども|子供|お子さん|趣味|誕生日|血液型|好物)(?!の\\s?(?:お)?(?:名前|なまえ))',
    '前職',
    '学歴',
    '出身校',
    '(?:なる|なられる|就任する)前[^。？?]{0,12}(?:仕事|職業|勤め)',
    '開庁時間',
    '受付時間',
    '診療時間',
    // Not 第何次, typed in romaji (だい なんじ) or converted wrongly (第何時).
    '(?<!第)何時(?!間)',
    '(?<!だい\\s?)なんじ(?!かん)',
    '休館日',
    '休館',
    '定休日',
    '休み',
    '必要書類',
    '持ち物',
    '住所',
    '地図',
    '行き方',
    'アクセス',
    '締め切り',
    '締切',
    '期限',
    // Where to find it online, and what points or tickets can be exchanged for.
    'url',
    'アドレス',
    '(?<=(?:何|なに)(?:と|に)|(?:どんな|どのような|どういう|どういった)[^、。？?]{0,6}?(?:と|に))交換',
    // What points are good for (ポイントは何に使える？): the entry must say what they are used for.
    '(?<=何に|なにに)(使え|使う|使用でき|使われ)',
    // What money was spent on (使い道, 使途): the entry must say so.
    '(使い道|使いみち|つかいみち|使途)(?=は|って|を(?:教|知|おしえ)|が(?:知|分|わか)|[?？])',
    // What is left (いくら残ってる, 残高は) and a limit by income: the entry must say 残, 所得.
    '(?:いくら|どれ(?:くらい|ぐらい|だけ)|どの(?:くらい|ぐらい))(残)(?:って|る|り|され)',
    '(残)(?:高|額)(?:は|って|を|が)',
    '(所得|収入|年収|年齢)(?:による|に応じた|の|で)?制限',
    // Per what a charge is paid (1回ごとですか、月ごとですか): the entry must say.
    '(?<=[回月日年人件帯])(ごと)(?=です|でしょう|なの|なん|か|[?？、,]|$)',
    // Whether some people may too (一般の人も参加できますか, 大人でも使える, 大人でももらえる): the entry
    // must name them. Given to them, right after: 子どもも預かってもらえる asks for a service.
    '(?<=^|[はにの、,\\s])(大人|一般|市外の人|県外の人|個人|高齢者|お年寄り|子ども|学生)(?:の(?:人|方|市民))?(?:でも|も)(?:[^。？?]{0,8}?(?:参加でき|申し込め|使え|利用でき|入れ|見られ|受けられ|出られ|借りられ|傍聴)|もらえ|貰え|受け取れ)',
    // Whether anyone may (誰でも参加できますか): the entry must say who may.
    '(誰でも|だれでも)(?:[^。？?]{0,6}?(?:参加でき|申し込め|使え|利用でき|入れ|見られ|受けられ|出られ|借りられ)|もらえ|貰え|受け取れ)',
    // Where a bus goes (どこ行き, 行き先): the entry must say where to.
    '(?<=どこ|どちら)(行き)',
    '(行き先)(?=は|って|を|が|[?？])',
    // A place in a ranking (県内で何位, 順位は): the entry must state the place.
    '(?<=何|なん)(位)',
    '(順位|ランキング)',
  ].join('|'),
  'u',
);

/** Words that name the pledges themselves; 公約 and マニフェスト are asked about for their progress. */
const PLEDGES = /公約|マニフェスト/u;
const PROMISES = /約束|政策|施策|(?:こもろ)?未来プロジェクト/u;
/** Ways of asking how far something got. */
const PROGRESS =
  /進み具合|進捗|どこまで|達成|実現|手を(?:つけ|付け)|着手|守(?:れ|ら|っ|り)|果た(?:せ|さ|し)|進(?:ん|み|め(?!る(?:とき|時|際|上|うえ|ため)))|やれ|でき|どうなっ|成果|実績|状況/u;

/**
 * The words of a progress question that frame it rather than name its topic: the pledges, how
 * far, the mayor, the election (「前の選挙のときの市長の公約はちゃんと守れたの？」 has no topic, 「子育ての
 * 公約の進み具合は？」 has 子育て). Terms within these spans are the frame; the rest, the topic.
 */
const PROGRESS_FRAME = new RegExp(
  [
    PLEDGES.source,
    PROMISES.source,
    PROGRESS.source,
    '具合',
    '市長',
    '小泉',
    '選挙',
    '前回|前の|この前',
    'とき|時',
    'ちゃんと|きちんと|しっかり',
    '全部|ぜんぶ|全体|それぞれ|今|いま|現在|まだ|もの|どれ',
    'どれ(?:くらい|ぐらい|ほど|だけ)|どの(?:くらい|ぐらい|程度)',
    'され|られ|れる|た',
  ].join('|'),
  'gu',
);

/**
 * Ways of asking what was done or how far a thing got, or whether it really happened (ほんとに
 * できたの？): a result answers them.
 */
const DONE_QUESTION =
  /(?:本当|ほんと)に\s?(?:でき|やっ|実現し|始まっ|作っ|つくっ)|(?:目標|もくひょう)(?:に|まで|へ)?\s?(?:届|とど|達し|到達|いって|行って|いっ[たて]|行っ[たて])|進み具合|進捗|どこまで|達成|着手|成果|実績|進ん|進め(?:られ|た)|取り組ん|取り組みは|取り?組みを(?:して(?:い|お)(?!らず|りませ|ませ|な)|した(?!い))|(?:何|なに|なん)(?:を|か)?(?:し|やっ)た|(?:何|なに|なん)(?:を|か)\s?(?:して|やって)(?:い|お|る)/u;

/** True when a question asks how far the pledges got: it names 公約, or a promise with how far it went. */
function asksProgress(normalized: string): boolean {
  return PLEDGES.test(normalized) || (PROMISES.test(normalized) && PROGRESS.test(normalized));
}

/** Where the frame of a progress question stands in it (see PROGRESS_FRAME), as offsets. */
export function progressFrameSpans(normalized: string): { start: number; end: number }[] {
  return [...normalized.matchAll(PROGRESS_FRAME)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A question word (いくら, いつ, どこ, だれ, なに, なん…) where a word typed in kana may start. */
const QUESTION_WORD = /^(?:いくら|いつ|どこ|どちら|だれ|なに|なん)/u;
const PARTICLE = /[はがもてでにのとやへをよねか]$/u;

/**
 * Kana typed word by word (どこ ですか, なんじ まで) joined: the spaces part words, not what is
 * asked. A space before a question word after a word that is no particle (しょうきん いくら) stays:
 * joined, the question word would read as the end of that word; one before も (なんにん もらった),
 * which joined would read as many (何人も), but not before もらう (なにが もらえる); and one between
 * a question word and か (いつ かいさい), which joined would read as someday (いつか).
 */
function joinKanaWords(text: string): string {
  return text.replace(/(?<=[\p{Script=Hiragana}ー])\s+(?=\p{Script=Hiragana})/gu, (space, offset: number) => {
    const after = text.slice(offset + space.length);
    const asking = QUESTION_WORD.test(after) && !PARTICLE.test(text.slice(0, offset));
    // いつ かいさい, いつ こもろに: joined, いつか would read as someday, どこか as somewhere, and いつこ
    // as no question word at all. なん takes its counter joined (なん ろせん: 何路線).
    const before = text.slice(0, offset);
    const askedBefore =
      (/(?:いつ|どこ|だれ|なに)$/u.test(before) &&
        !/^(?:です|でしょ|だ|な|の|に|へ|で|から|まで|は|が|を|と|や)/u.test(after)) ||
      (before.endsWith('なん') && after.startsWith('か'));
    // Not before もらう after なにが (なにが もらえる): that も is the verb's.
    const many = after.startsWith('も') && !(/なに[がを]$/u.test(before) && after.startsWith('もら'));
    return asking || askedBefore || many ? ' ' : '';
  });
}

/** What the citizen says they do not ask (割合ではなく, 金額じゃなくて): left out of reading what they do. */
const NOT_ASKED = /[^、,。？?\s]{1,8}?(?:ではなく|じゃなく(?:て)?)[、,]?/gu;

export function questionIntent(text: string): QuestionIntent {
  const spelled = spellAskingWords(joinKanaWords(text));
  // NOT_ASKED and NAMED_AS are tried at every character of a long letter; a text without the kana
  // they end in (なく, いう) is spared them.
  const normalized = spelled.includes('なく') ? spelled.replace(NOT_ASKED, '') : spelled;
  // A word named in a group (所得 of 所得制限) is what the entry must contain; else the whole match.
  const detailMatch = DETAIL_WORDS.exec(normalized);
  // Groups that took no part are undefined, which the array's type does not say.
  const named = (detailMatch?.slice(1) as (string | undefined)[] | undefined)?.find((g) => g !== undefined);
  const detail = detailMatch ? (named ?? detailMatch[0]) : undefined;
  const kind = detail ? 'detail' : KIND_QUESTIONS.find(([, pattern]) => pattern.test(normalized))?.[0];
  // 「いつどこで開かれたの」 asks a date and a place: the entry must state both.
  const alsoKinds = KIND_QUESTIONS.filter(([k, pattern]) => pairedKinds(kind, k) && pattern.test(normalized)).map(
    ([k]) => k,
  );
  const ikutsu = COUNTED_AFTER_IKUTSU.exec(normalized) ?? COUNTED_BEFORE_IKUTSU.exec(normalized);
  const ikutsuCounted = ikutsu?.[1] === undefined ? undefined : (KANA_COUNTED[ikutsu[1]] ?? ikutsu[1]);
  const counted = kind === 'count' ? (COUNTED.exec(normalized)?.[1] ?? ikutsuCounted) : undefined;
  const unit = UNIT_QUESTIONS.find(([pattern]) => pattern.test(normalized))?.[1] ?? counted;
  const nounMatch = ASKED_NOUN.exec(normalized);
  // What いくつ counts (柱がいくつ) is what the question is about: an entry named after it holds the count.
  const askedNoun =
    nounMatch?.[1] ??
    nounMatch?.[2] ??
    nounMatch?.[3] ??
    nounMatch?.[4] ??
    (normalized.includes('いう') ? NAMED_AS.exec(normalized)?.[1] : undefined) ??
    ikutsuCounted;
  // Not a word said after a whole question (なんのためにやったの えっと 目的): that names again what it asks.
  const searched =
    askedNoun === undefined && !QUESTION_BEFORE_LAST_WORD.test(normalized)
      ? SEARCHED_ASPECT.exec(normalized)?.[1]
      : undefined;
  return {
    asksForFigure: unit !== undefined || FIGURE_QUESTION.test(normalized),
    ...(unit ? { unit } : {}),
    ...(kind ? { kind } : {}),
    ...(detail ? { detail } : {}),
    ...(kind === 'count' && (ikutsu !== null || THINGS_COUNTED.test(normalized)) ? { countsAnything: true } : {}),
    ...(asksProgress(normalized) ? { asksProgress: true } : {}),
    ...(DONE_QUESTION.test(normalized) ? { asksWhatWasDone: true } : {}),
    ...(CHANGE_QUESTION.test(normalized) ? { asksForChange: true } : {}),
    ...(TARGET_QUESTION.test(normalized) ? { asksForTarget: true } : {}),
    ...(AIM_ASKED.test(normalized) ? { asksForAim: true } : {}),
    ...(kind === undefined && unit === undefined && WHAT_IT_IS.test(normalized) ? { asksWhatItIs: true } : {}),
    ...(kind === 'person' && PERSON_NAME_ASKED.test(normalized) ? { asksName: true } : {}),
    ...(ANOTHER_COUNCIL.test(normalized) && !HOME_ASKED_AFTER.test(normalized) ? { asksOfAnotherCouncil: true } : {}),
    ...(askedNoun ? { askedNoun } : searched ? { askedNoun: searched, searchedAspect: true } : {}),
    ...(alsoKinds.length > 0 ? { alsoKinds } : {}),
    ...(ALL_ASKED.test(normalized) ? { asksAll: true } : {}),
    ...(TOTAL_NUMBER_ASKED.test(normalized) && !CHANGE_QUESTION.test(normalized) ? { asksTotal: true } : {}),
    ...(WHY_ASKED.test(normalized) ? { asksWhy: true } : {}),
    ...(PURPOSE_ASKED.test(normalized) ? { asksPurpose: true } : {}),
    ...(PLACE_IN_ORDER_ASKED.test(normalized) ? { asksPlaceInOrder: true } : {}),
    ...placeAsked(normalized),
  };
}

/** True when a figure's unit answers a question asking for `unit` (円 is answered by 千円 too). */
export function unitAnswers(figureUnit: string, unit: string): boolean {
  return figureUnit === unit || (unit === '円' && figureUnit.endsWith('円'));
}

/**
 * Where a question asks for a number: 何 with a counter, いくら, いくつ, 何%, or a word that names
 * a number (人数, 割合, 金額...).
 */
const NUMBER_ASKED = new RegExp(
  `${COUNT_ASKED}|(?:何|なん)(?:倍|円|%|パーセント|ぱーせんと|割|万|億|つ)|いくら|いくつ(?!も|目|め|になっても|でも)|人数|件数|金額|${RATE_NAMED}|どれ(?:くらい|ぐらい|だけ)|どの(?:くらい|ぐらい)`,
  'u',
);

/** A total asked of a number (全部で何時間, 合計でいくら). */
const TOTAL_NUMBER_ASKED = new RegExp(`(?:${TOTAL_ASKED})[^。？?]{0,4}?(?:何|なん|いくら|どれ|どの)`, 'u');

/** A total asked for just before the number word, after a comma or not (、全部で, 合わせて). */
const TOTAL_BEFORE_NUMBER = new RegExp(`[、,\\s]?(?:${TOTAL_ASKED}|トータルで)(?:は)?$`, 'u');

/**
 * The phrase whose number a question asks (「県外に住んでいる人は何人？」: 県外に住んでいる人):
 * from the start of its clause (after a comma or a sentence end) to the word that asks the number,
 * less a last chunk that says when or where (「残業時間は年間で何時間」: 残業時間), or the noun
 * after it when the number qualifies one (「いくつの地区に」: 地区). Undefined when the question
 * asks for no number.
 */
/** A clause of since when, ending a phrase (就任してから, 市長になってから, 就任以来). */
const SINCE_WHEN = /(?:[てで]から|以来|以降)$/u;

export function countedPhrase(question: string): { start: number; end: number } | undefined {
  // What the citizen says they do not ask (ふるさと市民の人数ではなく) counts nothing; blanked in place.
  const text = question.replace(NOT_ASKED, (said) => ' '.repeat(said.length));
  const asked = NUMBER_ASKED.exec(text);
  if (!asked) return undefined;
  const after = asked.index + asked[0].length;
  const qualified = /^の([\p{Script=Han}\p{Script=Katakana}ー]+)/u.exec(text.slice(after));
  if (qualified?.[1]) return { start: after + 1, end: after + 1 + qualified[1].length };
  // A total asked for after a comma (「住んでる人って、全部で何人」) counts the chunk before it.
  const total = TOTAL_BEFORE_NUMBER.exec(text.slice(0, asked.index));
  const before = text.slice(0, total ? total.index : asked.index);
  const boundary = Math.max(...['、', ',', '。', '?', '？', '!', '！', ' '].map((c) => before.lastIndexOf(c)));
  const setting = /[\p{Script=Han}\p{Script=Katakana}ーa-z0-9]+(?:で|に|から|まで|には|では)$/u.exec(before);
  // A phrase that is all setting (「小諸では何割」) names where, not what is counted.
  const end = setting && setting.index >= boundary + 1 ? setting.index : before.length;
  // Since when (市長さんが就任されてから, 市長になってから) is no thing counted: only a topic told
  // before it with は (ふるさと納税は) is.
  if (SINCE_WHEN.test(before.slice(boundary + 1, end))) {
    const topic = before.lastIndexOf('は', end);
    return topic > boundary + 1 ? { start: boundary + 1, end: topic } : undefined;
  }
  return { start: boundary + 1, end };
}

/**
 * A verb just after a count's number word says what the counted do (「何人住んでるの？」「何人くらい
 * 暮らしてる？」: those who live there): where it stands (a kanji stem and its kana) and the counter.
 */
export function countingVerb(text: string): { start: number; end: number; counter: string } | undefined {
  const asked = COUNTED.exec(text);
  const counter = asked?.[1];
  if (!asked || !counter) return undefined;
  const after = asked.index + asked[0].length;
  const verb = /^(くらい|ぐらい|ほど)?[\p{Script=Han}]{1,3}[\p{Script=Hiragana}]+/u.exec(text.slice(after));
  if (!verb) return undefined;
  return { start: after + (verb[1]?.length ?? 0), end: after + verb[0].length, counter };
}

/**
 * The topic of a question: from the start of its clause (after a comma or a sentence end) to
 * the first は, って or が (「給食費は無料になった？」: 給食費). Undefined when it has none.
 */
export function topicPhrase(text: string): { start: number; end: number } | undefined {
  // が after a verb or です joins two clauses (「〜と伺ったのですが」): it marks no topic.
  // Not the text's first sound, which begins a word (がん検診は).
  const marked = /(?<=.)(?:は|って|とは|(?<![すただる])が)/u.exec(text);
  // A topic named bare before a comma (給食費の無償化、小諸でもやる？), with no particle after it.
  const bare = marked ? undefined : BARE_TOPIC.exec(text);
  if (bare) return { start: 0, end: bare[0].length - 1 };
  if (!marked || marked.index === 0) return undefined;
  const before = text.slice(0, marked.index);
  const boundary = Math.max(...['、', ',', '。', '?', '？', '!', '！', ' '].map((c) => before.lastIndexOf(c)));
  return boundary + 1 < marked.index ? { start: boundary + 1, end: marked.index } : undefined;
}

/**
 * The noun the topic phrase ends in, with the nouns joined to it by の (高齢者のインフルエンザの予防
 * 接種): the words of a description before it (空気の薄い山の上で選手が) say what it is like, not
 * what it is. The whole phrase when it does not end in a noun.
 */
export function topicHead(text: string): { start: number; end: number } | undefined {
  const phrase = topicPhrase(text);
  if (!phrase) return undefined;
  const chain = NOUN_CHAIN.exec(text.slice(phrase.start, phrase.end));
  return chain ? { start: phrase.start + chain.index, end: phrase.end } : phrase;
}

/** A noun written in kanji, katakana or latin letters and digits. */
const NOUN = String.raw`[\p{Script=Han}\p{Script=Katakana}ー々a-z0-9]+`;
/** Nouns joined by の (高齢者のインフルエンザの予防接種). */
const NOUNS_JOINED = `(?:${NOUN}の)*${NOUN}`;
/** Such a noun phrase before a comma, opening the question. */
const BARE_TOPIC = new RegExp(`^${NOUNS_JOINED}[、,]`, 'u');
/**
 * Such a noun phrase ending the text; its last noun may be written with a verb's kana between and
 * after its kanji (取り組み, 見直し, 申し込み), one at a time; not a particle (東御市で).
 */
const OKURIGANA = '[いきぎしじちびみりえけげせぜねべめれ]';
const NOUN_CHAIN = new RegExp(
  String.raw`(?:${NOUNS_JOINED}の)?(?:${NOUN}|[\p{Script=Han}々]+(?:${OKURIGANA}[\p{Script=Han}々]+)*${OKURIGANA})$`,
  'u',
);
