/**
 * Whether an entry states the kind of fact a question asks for (see question-intent.ts), and
 * for a number, whether the number is about what was asked: 「小諸ふるさと市民の実績は3682人」
 * counts people, but not the people living in the city, so it answers 「ふるさと市民は何人？」 and
 * not 「小諸の人口は？」.
 */
import type { Entry } from '../corpus/entry.js';
import { entryText } from '../corpus/entry-text.js';
import { normalizeText } from '../normalize/normalize.js';
import { FAMILY_MEMBERS, type AskedKind, type QuestionIntent } from '../analyze/question-intent.js';
import { isTargetFigure, setsAimIn, statesOnlyAims, withoutAims } from '../corpus/aims.js';

/** An entry's texts, normalised once: every figure question reads them for each candidate. */
interface NormalizedEntry {
  /** Everything a citizen reads of it (entry-text.ts). */
  readonly text: string;
  /** The sentences of its title and body. */
  readonly sentences: readonly string[];
  /** Each figure's label, period and note. */
  readonly figures: readonly string[];
  /** The keywords that are one word of kanji or katakana (関係人口), for compoundKeywordEndsWith. */
  readonly compoundKeywords: readonly string[];
}

const normalizedEntries = new WeakMap<Entry, NormalizedEntry>();

/** Cached: entries are immutable, and a reloaded corpus brings new ones. */
function normalized(entry: Entry): NormalizedEntry {
  let texts = normalizedEntries.get(entry);
  if (texts === undefined) {
    texts = {
      text: normalizeText(entryText(entry)),
      sentences: normalizeText(`${entry.title}。${entry.body}`).split(/[。\n]/u),
      figures: entry.figures.map((f) => normalizeText(`${f.label} ${f.period} ${f.note ?? ''}`)),
      compoundKeywords: entry.keywords
        .map(normalizeText)
        .filter((k) => /^[\p{Script=Han}\p{Script=Katakana}ー]+$/u.test(k)),
    };
    normalizedEntries.set(entry, texts);
  }
  return texts;
}

/** An entry as a citizen reads it (body and figures with their periods), normalised once. */
export function normalizedEntryText(entry: Entry): string {
  return normalized(entry).text;
}

/**
 * Two names quoted one after the other (「小諸ストーリー」と「小諸アート」, 「ワイナリーバス」「こもろ
 * 巡りバス」): the things, countable.
 */
const NAMED_ONE_BY_ONE = /「[^「」]{2,20}」(?:と|、|・|や)?「[^「」]{2,20}」/u;

/** Countries by name, other than Japan (アメリカ, ドイツ): a team's, a visitor's, a partner's. */
export const COUNTRY_NAMES =
  /アメリカ|米国|ドイツ|フランス|イギリス|英国|イタリア|スペイン|オランダ|スイス|オーストリア|オーストラリア|ニュージーランド|カナダ|ブラジル|中国|韓国|台湾|香港|タイ|ベトナム|シンガポール|マレーシア|インドネシア|フィリピン|インド|ロシア/u;

/** What an entry's text (normalised: lower case) must show to answer each kind of question. */
const GIVES: Readonly<Record<Exclude<AskedKind, 'detail'>, RegExp>> = {
  age: /[0-9]歳|高校生|中学生|小学生|未就学|乳幼児/u,
  // A procedure told (手続きは, 手続きの方法), not procedures named as a policy's subject (行政手続の迅速化).
  procedure:
    /申込|申し込|申請|手続き?(?:は|の(?:方法|仕方|流れ)|に(?:は|必要))|窓口(?:で|へ|に)(?:申|相談|手続)|応募方法|登録方法|問い合わせ|問合せ/u,
  future: /予定|[0-9]年度から|今後.{0,10}(?:開催|実施)|r[0-9]+.{0,4}(?:完成|開始|開催)/u,
  amount: /[0-9](?:万|億|千)?円/u,
  free: /無料|有料|[0-9](?:万|億|千)?円/u,
  opinion: /(?!)/u,
  // What a thing holds: a count of its parts (6つの機能), a list in a title's brackets (英語合宿・
  // 料理教室), two names quoted one by one, three names or more listed with 、 (quoted or not:
  // 「こもろ情報部局」、pr動画、「こもろ観光局2020」) or closed by など, or what it says told as such (主な内容は).
  contents: new RegExp(
    [
      /(?:主な)?内容は/u.source,
      /(?<![0-9])(?:[2-9]|[1-9][0-9]+)つの/u.source,
      /[（(][^（）()]{2,}・[^（）()]{2,}[）)]/u.source,
      NAMED_ONE_BY_ONE.source,
      /(?:(?:「[^「」、。]{2,14}」|[\p{Script=Han}\p{Script=Katakana}ー・a-z0-9]{2,14})、){2,}(?:「[^「」、。]{2,14}」|[\p{Script=Han}\p{Script=Katakana}ー・a-z0-9]{2,})/u
        .source,
      // Three things or more closed by など (子ども作曲コンクール、ミニコンサートの実施、市民音楽家の支援など).
      /(?:[^、。]{2,16}、){2,}[^、。]{2,16}など/u.source,
    ].join('|'),
    'u',
  ),
  place:
    /(?:駅|町|地区|跡地|施設|センター|館|所)(?:に|で|内|の中|の機能|前)|(?:東京|大阪|名古屋|京都|横浜|首都圏|関西|県外|海外)(?:・[\p{Script=Han}]{2,3})*(?:で|に|へ)|併設|に入る|に入り|に設置|に開設|に移転|に整備|[\p{Script=Han}\p{Script=Katakana}ー]{2,}から[\p{Script=Han}\p{Script=Katakana}ー]{2,}へ|ホームページ(?:に|で|上)/u,
  person:
    /市長|区長|職員|会長|知事|大臣|議員|保健師|助産師|専門家|市民|会員|官民|民間|皆さま|皆様|株式会社|有限会社|組合|協会|協議会|委員会|大学|信大|ja|法人|商工会/u,
  // JA with its region after it (ja佐久浅間): the region names which.
  organization:
    /株式会社|\(株\)|有限会社|組合|協会|協議会|審議会|検討会|懇談会|連絡会|大学|信大|ja(?:[\p{Script=Han}\p{Script=Katakana}ー]+)?|法人|委員会|商工会|推進本部|[\p{Script=Han}]{2,}(?:小学校|中学校|小|区|地区)(?![\p{Script=Han}])|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,}(?:鉄道|交通|銀行|工業|製作所|ワイナリー)|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,}(?:局(?<!結局)|課|係(?<!関係))(?![\p{Script=Han}])/u,
  rate: /[0-9](?:\.[0-9]+)?(?:%|割)/u,
  // How a whole divides or which part is the most: the parts stated (内訳, 68区のうち61区) or the first.
  breakdown: /内訳|うち[^。、]{0,12}[0-9]|最も|一番|最多|[0-9]位|首位/u,
  // A perk or a grant: what is given or taken off, named.
  benefit:
    /特典|優待|割引|景品|賞品|商品券|プレゼント|記念品|おまけ|交換|もらえ|無料|[0-9](?:万|千)?円分|助成|補助|給付|奨学金|支援金|交付金|手当/u,
  // Done, not only sought: no attempt word (誘致活動, 招致, 働きかけ, 目指す, 検討) in the entry.
  outcome: /^(?![\s\S]*(?:誘致活動|招致|働きかけ|目指|検討))/u,
  // A cause stated: for the reason, because, owing to.
  reason: /ため|ので|から[、,]|により|によって|理由|原因|背景|影響|おかげ/u,
  country: COUNTRY_NAMES,
  // A town or prefecture named, other than Komoro itself (not 市町村, a kind of council); a big city
  // goes by its name alone (東京・大阪でのトップセールス).
  municipality:
    /(?<![\p{Script=Han}])(?!小諸)\p{Script=Han}{2,4}(?<!市町)(?:市|町|村|県|府)(?![\p{Script=Han}])|(?<![\p{Script=Han}])(?:東京|大阪|名古屋|京都|横浜|神戸|札幌|福岡|仙台)(?=・|で|に|へ|と|、)/u,
  count: /[0-9]/u,
  date: /[0-9]{4}[.年]|(?:r|h|令和|平成)(?:[0-9]+|元)|[0-9]+月|[0-9]+年/u,
};

/**
 * A number in the unit asked for, as the text writes it (3682人, 68区中61区, 3億4300万円, 12.81%),
 * or, for a question with no counter of its own (いくつ, 何本, 何個), as 「5つ」; 「1つ」 is 「one of」.
 */
function numberIn(unit: string, counts: boolean): RegExp {
  const escaped = unit.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  // A district is counted in 区 as well (68区中61区), and asked for as an area (何エリア).
  const written = unit === '地区' || unit === 'エリア' ? '(?:地区|区)' : escaped;
  // 「5つの柱」 counts 柱: it answers how many pledges (いくつ after 公約) only when the thing counted is
  // not named; a counter of things (何種類, 何点) names none.
  const ofThat = GENERIC_COUNTERS.has(unit) || THING_COUNTERS.test(unit) ? '' : `(?!の(?!${escaped}))`;
  // With no thing named (こと、いくつ; 何個), a count of points or items (3点) answers as well.
  const items = GENERIC_COUNTERS.has(unit) ? '|(?<![0-9])(?:[2-9]|[1-9][0-9]+)(?:点|項目|種類)' : '';
  const anything = counts ? `|(?<![0-9])(?:[2-9]|[1-9][0-9]+)つ${ofThat}${items}` : '';
  return new RegExp(`[0-9](?:[0-9.]*)(?:万|億|千)?(?:${written || '(?!)'})${anything}`, 'u');
}

/** Counters that 「5つ」 answers too. */
const GENERIC_COUNTERS = new Set(['', '本', '個', 'つ']);
/** Counters of things (何種類, 何点, 何項目), which count whatever 「6つの機能」 counts. */
const THING_COUNTERS = /^(?:種類?|点|項目?)$/u;

/**
 * Counters of things or places that a list of their names answers (何種類, 何個, いくつの分野, 何か所):
 * the citizen counts what the entry names (東京・大阪, 「小諸ストーリー」と「小諸アート」). Not people
 * or bodies, which a list of the things done does not count.
 */
const LISTED_COUNTERS = /^(?:種類?|点|項目?|個|つ|分野|か所|カ所|ヶ所|箇所)$/u;

/**
 * Names listed with ・ (図書館管理・上水道事業, 英語合宿・料理教室); not two doings (加工・販売), which
 * are what was done, not things to count.
 */
const LISTED_WITH_DOTS = /[\p{Script=Han}\p{Script=Katakana}ー]{3,}・[\p{Script=Han}\p{Script=Katakana}ー]{3,}/u;

/** A year asked as part of a name (名前には何年が入って, 名前についている年は何年). */
const YEAR_OF_NAME_ASKED =
  /(?:名前|名称)(?:に|には|の中に)[、,]?(?:は)?[^。？?]{0,6}?(?:何年|なんねん)|(?:名前|名称)に(?:入って|はいって|付いて|ついて|含まれて)(?:い|お)?る(?:年|数字)/u;

/** A name closed by a year (こもろ観光局2020): the year written without 年. */
const YEAR_IN_NAME = /[\p{L}](?:19|20)[0-9]{2}(?![0-9年.])/u;

/** Counters of places, which a list of towns answers (東京・大阪でのトップセールス). */
const PLACE_COUNTERS = /^(?:か所|カ所|ヶ所|箇所)$/u;

/** The unit whose numbers answer a figure question, or undefined when the kind is not one. */
function figureUnit(intent: QuestionIntent): string | undefined {
  if (intent.kind === 'amount') return '円';
  if (intent.kind === 'rate') return '%';
  if (intent.kind === 'count') return intent.unit ?? '';
  return undefined;
}

/**
 * The texts that state the entry's numbers in `unit`: the label, period and note of each figure
 * in that unit, and each sentence of the title and body with such a number in it. Numbers that
 * state an aim (aims.ts) count only when `aims` (the question asks what was aimed at or pledged).
 */
function statementsOf(entry: Entry, unit: string, countsAnything: boolean, aims: Aims, total = false): string[] {
  if (aims === 'none' && statesOnlyAims(entry)) return [];
  // Every number of a pledge is an aim.
  const onlyAims = aims === 'only' && !statesOnlyAims(entry);
  const number = numberIn(unit, countsAnything);
  const { sentences, figures } = normalized(entry);
  const statements = figures.filter((_, i) => {
    const figure = entry.figures[i];
    if (figure === undefined || (aims === 'none' && isTargetFigure(figure))) return false;
    if (onlyAims && !isTargetFigure(figure)) return false;
    // A total asked is not how much it changed by (超過勤務時間の削減量).
    if (total && CHANGE_LABEL.test(figure.label)) return false;
    return figure.unit === unit || (unit === '円' && figure.unit.endsWith('円'));
  });
  for (const sentence of sentences) {
    const states = onlyAims
      ? setsAimIn(sentence, number)
      : number.test(aims === 'none' ? withoutAims(sentence) : sentence);
    if (states && (!total || statesLevel(sentence, number))) statements.push(sentence);
  }
  return statements;
}

/** A figure's label that says it is how much something changed by (削減量, 増加数). */
const CHANGE_LABEL = /削減|縮減|減少|増加|増減|短縮|伸び/u;

/** What follows a number that says how much something changed by (3200時間減りました, 2件の増加). */
const CHANGED_BY = /^(?:の)?(?:減|増|削減|縮減|短縮|伸び|アップ|ダウン|上昇|低下)/u;

/** Whether a sentence states a number in the unit as an amount, not only as how much it changed by. */
function statesLevel(sentence: string, number: RegExp): boolean {
  for (const m of sentence.matchAll(new RegExp(number.source, 'gu'))) {
    if (!CHANGED_BY.test(sentence.slice(m.index + m[0].length))) return true;
  }
  return false;
}

/**
 * Which numbers answer: none that state an aim, aims as well (a question on what was pledged), or
 * only aims (the figure aimed at asked: 目標は何%).
 */
type Aims = 'none' | 'also' | 'only';

function aimsAnswering(intent: QuestionIntent): Aims {
  if (intent.asksForAim === true) return 'only';
  return intent.asksForTarget === true ? 'also' : 'none';
}

/** Whether a question names the kind a longer word's head says (女性, also as 女の). */
function namesKind(asked: string, head: string): boolean {
  return asked.includes(head) || (head.length === 2 && asked.includes(`${head.charAt(0)}の`));
}

/**
 * Whether a keyword of the entry is one longer word ending with `word` (関係人口 for 人口): a kind
 * of it. A phrase (地区の避難訓練) is not: its words are joined by a particle, not into one word.
 * Not when the question names that kind itself, in its own words (女の職員 for 女性職員), nor when the
 * word is a keyword of its own as well.
 */
function compoundKeywordEndsWith(entry: Entry, word: string, asked: string): boolean {
  // A word that is a keyword on its own (健診 beside 特定健診) is the entry's topic as such.
  if (normalized(entry).compoundKeywords.includes(word)) return false;
  return normalized(entry).compoundKeywords.some(
    (k) => k.length > word.length && k.endsWith(word) && !namesKind(asked, k.slice(0, -word.length)),
  );
}

/** Where a thing is shown, asked (どこで紹介してるの, どこで見れる). */
const SHOWN_ASKED = /紹介|見(?:れ|られ)|観(?:れ|られ)|放送|発信|配信|みれ|みられ/u;
/** The media a thing is shown in (snsやコミュニティテレビこもろで…紹介). */
const SHOWN_IN_MEDIA =
  /(?:sns|テレビ|新聞|ラジオ|ホームページ)[^、。]{0,16}?で[^、。]{0,16}?(?:紹介|発信|放送|配信|公開)/u;

/** A district or school asked for by which, or by its name (どこの地区, 地区の名前). */
const ASKED_KIND_OF_PLACE =
  /(?:どこ|どちら|どの)の?\s?(地区|小学校|中学校|学校|大学)|(地区|小学校|中学校|大学)の\s?(?:お)?(?:名前|なまえ)/u;

/** Where a school's name ends: at a letter that is no kanji, or before a building of it (野岸小管理棟). */
const SCHOOL_NAME_END = '(?:(?![\\p{Script=Han}])|(?=管理棟|校舎|体育館))';

/** A name of that kind (野岸小学校 or 野岸小 for a school; 信州大学 or 信大). */
function namedAs(noun: string): RegExp {
  // A school's name ends there (長期学校改善計画 is a plan, no school), or goes on to its building.
  const end = noun.endsWith('学校') ? SCHOOL_NAME_END : '';
  // Named short: 野岸小 (before its building: 野岸小管理棟), 信大.
  const short =
    noun === '大学'
      ? '|\\p{Script=Han}{1,2}大(?![\\p{Script=Han}])'
      : end && `|\\p{Script=Han}{2,}${noun.charAt(0)}${end}`;
  return new RegExp(`[\\p{Script=Han}\\p{Script=Katakana}ー]{1,8}${noun}${end}${short}`, 'u');
}

/** Kinds whose answer is a name the entry must give: one the question itself holds is no answer. */
const NAMED_KINDS = new Set<AskedKind>(['place', 'organization', 'person', 'municipality', 'country']);

/**
 * Words for a kind of person, many of whom there are (職員, 市民, 保健師): a question that names
 * the kind itself (「市職員で、担当しているのは誰？」) is not answered by an entry naming that kind.
 */
const KINDS_OF_PEOPLE = /^(?:職員|市民|保健師|助産師|専門家|議員)$/u;

/** What stands before a post and names no one: 正副会長, 副市長's 副 is part of the post. */
const POST_PREFIX = /^(?:正副|副|新|前|元|現|各|歴代|初代|総)?$/u;

/** The word a match of a name stands in: the kanji and katakana just before it, and its own. */
function nameAt(text: string, index: number, match: string): string {
  const before = /[\p{Script=Han}\p{Script=Katakana}ー]*$/u.exec(text.slice(Math.max(0, index - 12), index))?.[0] ?? '';
  const own = /^[\p{Script=Han}\p{Script=Katakana}ーa-z]*/u.exec(match)?.[0] ?? '';
  return before + own;
}

/**
 * Whether the entry gives a name (a place, an organization, a person) that the question does not
 * already hold: 「複合型施設の機能の一つとして」 names 複合型施設, which is what 「複合型施設は
 * どこに建てるの？」 asks about, not where it is; 「8団体による協議会」 names the 協議会 whose
 * member groups are asked for.
 */
function givesNewName(pattern: RegExp, text: string, asked: string, properName = false): boolean {
  for (const m of text.matchAll(new RegExp(pattern.source, 'gu'))) {
    const name = nameAt(text, m.index, m[0]);
    // A word for a kind standing alone (大学, 職員) names no one in particular.
    if (properName && POST_PREFIX.test(name.slice(0, name.length - m[0].length))) continue;
    if (KINDS_OF_PEOPLE.test(m[0]) && asked.includes(m[0])) continue;
    if (name === '' || !holdsName(asked, name, m[0].length)) return true;
  }
  return false;
}

/**
 * Whether the question holds a name, whole or by its ending beyond the word matched (「ワイン委員会
 * には誰が」 holds 小諸ワイン委員会; 「委員会」 alone names no one).
 */
function holdsName(asked: string, name: string, matched: number): boolean {
  // 複合型施設 and 複合施設 are one name, written with or without 型.
  if (asked.includes(name) || asked.includes(name.replaceAll('型', ''))) return true;
  for (let start = 1; name.length - start > matched; start++) if (asked.includes(name.slice(start))) return true;
  return false;
}

/** Whether a sentence names the holder just after the role (「書き手は小諸市長の小泉俊博です」). */
function namesAfterRole(sentences: readonly string[], role: string, asked: string): boolean {
  // The name ends the sentence or is called by name (さん, 氏): 「トップアスリートの招致にも」 names no one.
  const holder = new RegExp(`${role}(?:の|である)([\\p{Script=Han}\\p{Script=Katakana}ー]{2,})(?=です|さん|氏|$)`, 'u');
  return sentences.some((sentence) => {
    const name = holder.exec(sentence)?.[1];
    return name !== undefined && !asked.includes(name);
  });
}

/**
 * The role a question asks the holder of (「教育長って今だれ？」「講師の名前は？」: 教育長, 講師): the
 * kanji or katakana word, or the member of someone's family (奥さん), just before は, が, って, の,
 * には or では (and 今, 具体的に or 実際に) before 誰, だれ, どなた or 名前 (romaji read leaves a space
 * before って), unless a verb follows 誰が (「会長って誰が決めてんの？」 asks who appoints, not who
 * holds it) other than one of holding or of coming (「アスリートには、実際にどなたがいらした」 asks the
 * people themselves); a post after 誰が (「誰が講師をやってるの？」「どなたが会長に任命された？」),
 * which asks the one who holds it.
 */
const ASKED_ROLE = new RegExp(
  [
    `([\\p{Script=Han}]{2,}|[\\p{Script=Katakana}ー]{3,}|${FAMILY_MEMBERS})(?:さん|様|さま)?\\s?(?:は|が|って|の|には|では)[、,]?\\s?(?:今|いま|具体的に|実際に)?(?:誰|だれ|どなた|名前|なまえ)(?!が(?!やっ|務め|つとめ|なっ|担当|来|き[たて]|いらし|おいで|参加))`,
    '(?:誰|だれ|どなた)が(講師|委員|隊員|審査員|担当者?|代表者?|先生|[\\p{Script=Han}]{0,3}長)',
  ].join('|'),
  'u',
);

/** What names a post's earlier holder (前の市長, 先代の会長, 歴代の区長). */
const FORMER = '前|先代|前任|歴代|初代|元|昔';

/** A post named by its holder's title (会長, 教育長, 講師, 委員). */
const POST = /[長員師官役]$/u;

/**
 * The role asked, and whether its holder must be named at the role: when the question asks a
 * name, puts the post after 誰が (「誰が講師をやってるの？」), or asks who holds a post (「会長は
 * 誰？」: 「正副会長を市長が任命」 names the one who appoints, not the 会長).
 */
function askedRole(asked: string, asksName: boolean): { role: string; byName: boolean } | undefined {
  const m = ASKED_ROLE.exec(asked);
  const role = m?.[1] ?? m?.[2];
  if (!m || role === undefined) return undefined;
  const holderAsked = POST.test(role) && /(?:は|って)(?:今|いま)?(?:誰|だれ|どなた)/u.test(m[0]);
  return { role, byName: asksName || m[2] !== undefined || holderAsked };
}

/** Other places asked for besides one named (あぐりの湯のほかにどこが): the place, before. */
const BESIDES =
  /([\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー]{2,12}?)の?(?:ほか|他|以外)(?:に|で)(?:は|も)?[、,]?[^。？?、]{0,8}?(?:どこ|どちら)/u;

/**
 * Whether a question asks for other places besides one the entry names, and the entry names that
 * one alone: no list of things (see GIVES.contents) holds the others. Other things than a place
 * (動画のほかに何を) an entry often names in a sentence of its own.
 */
export function asksOthersBesidesOnlyOne(asked: string, entry: Entry): boolean {
  const thing = BESIDES.exec(asked)?.[1];
  if (thing === undefined) return false;
  const { text } = normalized(entry);
  return text.includes(thing) && !GIVES.contents.test(text);
}

/** Details the report names in a word of their own: a prize (賞) by its name (夢アワード). */
const DETAIL_NAMED_ALSO: Readonly<Record<string, RegExp>> = { 賞: /アワード|グランプリ/u };

/**
 * True when the entry states the kind of fact the question wants (or it wants no kind in
 * particular). For an amount, a rate or a count, the entry must state a number in that unit,
 * and if it names the question's subject (`subject`: the question's most specific word and the
 * corpus words it stands for), it must name it where it states such a number. For a place, an
 * organization or a person, it must give a name the question (`asked`, normalised) does not
 * hold, and the role asked about (教育長) for a person. A name the citizen wrote anywhere in the
 * message (`written`: 協議会って8つの団体で…どこの団体が) is no new name either.
 */
export function statesAskedFact(
  entry: Entry,
  intent: QuestionIntent,
  subject: readonly string[] = [],
  asked = '',
  written = asked,
): boolean {
  const { text } = normalized(entry);
  switch (intent.kind) {
    case undefined:
      return true;
    case 'detail':
      return (
        intent.detail !== undefined &&
        (text.includes(intent.detail) || DETAIL_NAMED_ALSO[intent.detail]?.test(text) === true)
      );
    default: {
      // How many kinds (何種類) or places of a thing the entry names one by one, or lists.
      if (
        intent.kind === 'count' &&
        LISTED_COUNTERS.test(intent.unit ?? '') &&
        (NAMED_ONE_BY_ONE.test(text) ||
          LISTED_WITH_DOTS.test(text) ||
          (PLACE_COUNTERS.test(intent.unit ?? '') && GIVES.municipality.test(text)))
      ) {
        return true;
      }
      // The year a name carries (観光局の名前に付いている年は何年): a name ending in one (こもろ観光局2020).
      if (intent.kind === 'date' && YEAR_OF_NAME_ASKED.test(asked) && YEAR_IN_NAME.test(text)) return true;
      // Where a thing is shown or told (どこで紹介してる, どこで見れる): the media that show it.
      if (intent.kind === 'place' && SHOWN_ASKED.test(asked) && SHOWN_IN_MEDIA.test(text)) return true;
      // Which district or school (どこの地区, 10地区の名前): the entry must name one as such.
      const of = intent.kind === 'organization' ? ASKED_KIND_OF_PLACE.exec(asked) : null;
      const noun = of?.[1] ?? of?.[2];
      if (noun !== undefined) return givesNewName(namedAs(noun), text, written);
      if (!GIVES[intent.kind].test(text)) return false;
      if (NAMED_KINDS.has(intent.kind)) {
        const properName = intent.asksName === true;
        const asking = intent.kind === 'person' ? askedRole(asked, properName) : undefined;
        if (asking === undefined) return givesNewName(GIVES[intent.kind], text, written, properName);
        // The holder of a role is named where the role is (「小泉俊博市長」), not elsewhere in the entry;
        // asked by name, at the role itself (「正副会長を市長が任命」 names neither 会長).
        const { role, byName } = asking;
        // A holder before the present one (前の市長, 先代の会長): the entry must say so of the role.
        const former = new RegExp(`(?:${FORMER})の?${role}`, 'u');
        if (former.test(asked) && !former.test(text)) return false;
        const aboutRole = text.split(/[。\n]/u).filter((sentence) => sentence.includes(role));
        if (namesAfterRole(aboutRole, role, asked)) return true;
        return givesNewName(byName ? new RegExp(role, 'u') : GIVES[intent.kind], aboutRole.join('。'), asked, byName);
      }
      // Free or not is said of one thing: the sentence saying so must name what was asked (無料の
      // メディア says nothing of the parking).
      if (intent.kind === 'free') {
        const said = normalized(entry).sentences.filter((s) => GIVES.free.test(s));
        return subject.length === 0 || said.some((s) => subject.some((word) => s.includes(word)));
      }
      const unit = figureUnit(intent);
      if (unit === undefined) return true;
      const statements = statementsOf(
        entry,
        unit,
        intent.countsAnything === true || GENERIC_COUNTERS.has(unit),
        aimsAnswering(intent),
        intent.asksTotal === true,
      );
      if (statements.length === 0) return false;
      // A subject the entry never names says nothing (the citizen may have paraphrased it); one it
      // names elsewhere than with its numbers means the numbers count something else, and so does
      // one that a keyword names only as the end of a longer word (関係人口 is not 人口).
      const named = subject.filter((word) => text.includes(word) || compoundKeywordEndsWith(entry, word, asked));
      return named.length === 0 || statements.some((s) => named.some((word) => s.includes(word)));
    }
  }
}
