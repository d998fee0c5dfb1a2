/**
 * Stage 2 of the search pipeline: from morphemes to search terms. Particles, auxiliaries and
 * symbols go; verbs and adjectives take their base form; words that only shape a question
 * (何, 教える, ある, いくら...) are kept apart as 'generic' so they never decide a match.
 */
import type { Morpheme } from './japanese-tokenizer.js';
import { readingBigrams } from './kana-runs.js';
import { isKanaOnly, toKatakana } from '../normalize/normalize.js';
import { isFunctionWord, type LexiconWord } from './kana-words.js';

/** A search term derived from one morpheme. */
export interface Term {
  /** Base form, normalised: what the text fields are indexed by. */
  readonly text: string;
  /** Katakana reading, when known or derivable from kana. */
  readonly reading: string | undefined;
  /** 'content' terms carry the meaning of a question; 'generic' ones only its shape. */
  readonly role: 'content' | 'generic';
  /** True when the user wrote the word in kana only: its reading is then a safe way to match it. */
  readonly kana: boolean;
  /**
   * Verbs, adjectives and suffixes: they carry meaning but citizens paraphrase them freely
   * (走ってる, 広めてる, 借りる), so they weigh less than nouns in deciding whether a match covers a question.
   */
  readonly weak?: boolean;
  /**
   * A verb or adjective the citizen wishes done (捨てたい, 直してほしい): what they ask for, not a
   * way of putting it, so decide.ts weighs it as the rare word it may be.
   */
  readonly wish?: boolean;
  /**
   * Bigrams of the reading, matched against the entries' reading bigrams: for kana runs the way
   * to find the word; for kanji words a fallback when the word itself is not found (高知 for 高地).
   */
  readonly bigrams?: readonly string[];
  /** Where the word stands in the normalised question (offsets, end exclusive). */
  readonly start?: number;
  readonly end?: number;
  /** Set on terms the question did not contain but a synonym of its words did. */
  readonly synonym?: SynonymOrigin;
  /**
   * A run of single kanji that the dictionary could not read as a word (就人, 凡令, 訓連): most
   * often a slip of the keyboard, so it may match a word of the corpus one kanji away (就任, 凡例, 訓練).
   */
  readonly slip?: boolean;
  /**
   * A word the corpus never uses that sounds like words it does (信代 → 信大, 部曲 → 部局, 千田ー →
   * センター): most likely one of them, misheard by voice input or converted by sound
   * (misheard-words.ts). The term keeps what was written; these are searched for it.
   */
  readonly heardAs?: readonly LexiconWord[];
  /**
   * A word typed in kana that the corpus has no word for (りんご in 「りんごはえらべる？」), cut
   * from a sentence typed in hiragana (kana-words.ts): heard in no entry, it weighs as a word the
   * corpus never uses.
   */
  readonly unknownWord?: boolean;
  /**
   * Set on words of what the citizen tells rather than asks (「年金暮らしでして」, see
   * question-focus.ts): they still help to rank, but the decision does not need them covered.
   */
  readonly background?: boolean;
  /**
   * A noun for the sort of answer wanted (どのような体制, 何を目的に) or the sort of thing
   * (〜という取り組み): an entry may state the 体制 or describe the 取り組み without the word, so the
   * decision counts it only where a hit matches it.
   */
  readonly optional?: boolean;
  /**
   * On the name of a city, town or village spoken of as such (長野 of 「長野市の」, 軽井沢 of
   * 「軽井沢町では」), not as where one comes from or goes (軽井沢町から): the name with its 市, 町
   * or 村 (長野市), a place name the dictionary knows.
   */
  readonly municipality?: string;
  /** A proper noun as the dictionary tags it (軽井沢, 佐久, 上田): a place, a person or a body. */
  readonly proper?: boolean;
}

/** Where an expansion term comes from: a phrase of the question and the synonym that replaced it. */
export interface SynonymOrigin {
  /** The phrase of the question (e.g. 残業) and its span. */
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
  /** The corpus phrase it was expanded to (e.g. 超過勤務); its terms together stand for the phrase. */
  readonly target: string;
}

const DROPPED_POS = new Set(['助詞', '助動詞', '記号', 'フィラー', '接続詞', '連体詞', '感動詞', 'その他']);
const DROPPED_NOUN_DETAIL = new Set(['非自立', '代名詞']);

/**
 * Words of the question itself rather than of its topic: interrogatives, light verbs, politeness
 * and "tell me" phrasing. A general list for Japanese FAQs, not tied to any one corpus.
 */
const GENERIC_WORDS = new Set([
  'する',
  'ある',
  'いる',
  'なる',
  'できる',
  'やる',
  'いう',
  '言う',
  'ない',
  'れる',
  'られる',
  'せる',
  'くださる',
  'ください',
  '下さる',
  'もらう',
  'いただく',
  '頂く',
  'くれる',
  'おる',
  'みる',
  'いく',
  'くる',
  '教える',
  '知る',
  // Knowing, said politely (ご存じでしたら).
  'ご存じ',
  'ご存知',
  '存じ',
  '聞く',
  '訊く',
  '尋ねる',
  '調べる',
  '思う',
  '分かる',
  'わかる',
  '見る',
  '伺う',
  // Honorific verbs of doing, being and saying (市長をなさっている, いらっしゃる, おっしゃる).
  'なさる',
  'いらっしゃる',
  'おっしゃる',
  // 気になる, 気をもむ: a worry, not a topic; 聞いた覚えがある: a memory.
  '覚え',
  '記憶',
  '気',
  // Comparing with before (以前と比べて) or the whole (市全体では) frames a question of change or scope.
  '以前',
  '比べる',
  '全体',
  // Honorifics after a name or a post (市長さん, 田中様): the name says who.
  // Not さま in kana, which is also the end of a name (あさま).
  'さん',
  '様',
  '氏',
  // A kind of thing (新しい種類の奨学金): the thing says which.
  '種類',
  // An item of the platform (〜に関する項目): the platform's items are the entries.
  '項目',
  // About when (いつごろ, 秋頃): the time asked, not a topic.
  'ごろ',
  '頃',
  // Time passing (何年たつの？) frames a question of how long; あとで says when, あと何人 how many more.
  '経つ',
  'たつ',
  'あと',
  '何',
  'なに',
  'なん',
  'いくら',
  'いくつ',
  'どう',
  'どの',
  'どれ',
  'どこ',
  'いつ',
  '誰',
  'だれ',
  'どんな',
  'どういう',
  'どのくらい',
  'どれくらい',
  'どれほど',
  'なぜ',
  'どうして',
  // いったい何: how much it is wondered, not what about (一体 in kanji is also "as one").
  'いったい',
  // 何と何: the things asked, or なんと, surprise.
  '何と',
  '本当',
  'ほんと',
  'こと',
  'もの',
  'ところ',
  'よう',
  'ため',
  'について',
  'つい',
  'ついて',
  '関する',
  '状況',
  '様子',
  '具体',
  '意味',
  '内容',
  '中身',
  '詳細',
  '概要',
  '説明',
  'どんな',
  'どういう',
  // Casual asides: 「〜ってマジ？」「〜するやつ」「〜って話」 ask whether, not about what.
  'マジ',
  'まじ',
  '本気',
  // 結局なんなの, 実際のところ: impatience or a doubt, not a topic; 最終的に: in the end.
  '結局',
  '実際',
  '最終',
  // Asides on who else and how (「ほかの区も」「一緒に」「全部で」): the topic is the word they go with.
  'ほか',
  '他',
  '一緒',
  '全部',
  'すべて',
  '全て',
  // 中に入る, その中で: inside something named elsewhere.
  '中',
  'とこ',
  'やつ',
  '奴',
  '話',
  'お話',
  // おつもり: what someone means to do, said politely (つもり is grammar).
  'おつもり',
  'ほんとう',
  '本当に',
  '今',
  // 現在は何人, 現時点で: now, the time asked about (the report's figures are as of its own date).
  '現在',
  '現時点',
  '今度',
  // 「入る予定ですか」 asks whether; when, it asks by いつ (question-intent.ts reads the text).
  '予定',
  '今回',
  '最近',
  // When the citizen heard or saw it (先日、姪が話していた): the story's time, not a topic.
  '先日',
  '先ごろ',
  '先だって',
  // この数年で, 近年: a stretch of time, said of when.
  '数年',
  '近年',
  // How often the citizen thinks of it (常々思っておりました, 日頃から): the story, not a topic.
  '常々',
  '日頃',
  '日ごろ',
  // When it began (最初は何人を目標に, 当初の計画): the time asked about, not a topic.
  '最初',
  '当初',
  // うちの孫, うちでも: the citizen's own household; うちの近所の, 当時は: their surroundings and time.
  'うち',
  '近所',
  '当時',
  // ご本人はどう振り返って: the one spoken of, named elsewhere in the question.
  '本人',
  // その手前, 管理職の手前ぐらい: just short of a thing named with it.
  '手前',
  '出来る',
  'ちょっと',
  'すこし',
  '少し',
  'もう',
  'まだ',
  'よく',
  'とても',
  '減る',
  '増える',
  '変わる',
  '進む',
  '上がる',
  '下がる',
  '良い',
  'よい',
  'いい',
  '詳しい',
  'くわしい',
  // Ways of asking for a number: the figure an entry carries answers them (see question-intent.ts).
  '割合',
  '比率',
  '率',
  'パーセント',
  '人数',
  '件数',
  '金額',
  '額',
  '数',
  '数字',
  '数値',
  '割',
  '何人',
  '何件',
  // Ways of asking for a date, which question-intent.ts reads as the kind of fact wanted.
  '年月日',
  '月日',
  '年月',
  '日付',
  '日にち',
  'です',
  'ます',
  'お願い',
  'おしえる',
  'おねがい',
  // Family a citizen speaks of (孫が…, 息子の…): who asks, not what about.
  '孫',
  '息子',
  '娘',
  '主人',
  '家内',
  '夫',
  '妻',
  '嫁',
  '婿',
  '祖母',
  '祖父',
  '母',
  '父',
  '両親',
  '女房',
  '旦那',
  // Honorific and humble ways of saying ask, tell, be: the politeness of older citizens' messages.
  'いただける',
  '頂ける',
  'お伝え',
  '伝える',
  'おっしゃる',
  '仰る',
  '存じる',
  '申す',
  '申し上げる',
  '参る',
  'まいる',
  '拝見',
  'ござる',
  'お尋ね',
  '尋ね',
  '伺える',
  '教え',
  // The latest, exact figure (最新の人数, 正確な名前): the report's is the one it has.
  '最新',
  '正確',
  // 何か特別な組織: how the citizen pictures it, not which.
  '特別',
  // 割合と時間の両方: both of what is asked, which the words before name.
  '両方',
  // いつからいつまでの分: the portion of what the time asked covers.
  '分',
  // ネーミング何とか: a word the citizen cannot recall, which the rest of it names.
  '何とか',
  'なんとか',
  // その件について: the matter pointed back to says which; 自治会そのもの, the thing itself.
  '件',
  'そのもの',
  // 別のことでお尋ねします: which matter the citizen turns to, not a topic.
  '別',
  // 去年は何区で: the report's latest year stands for it, and the reply names that year.
  '去年',
  '昨年',
  // 正式な名前: the name the report gives is the official one.
  '正式',
  // 小諸の名を冠した: a name, said of what is named.
  '名',
  // 世の中に出す (publish): the world, not a topic.
  '世の中',
  // ジャムに関連して: what the question is about comes before it.
  '関連',
  // 多すぎ, 少なすぎ: how much, not of what.
  '多',
  'すぎ',
  'すぎる',
  '過ぎ',
  'かいつまむ',
  '簡単',
  '手短',
]);

/** True for a word that only shapes a question (何, 教える, こと...), never its topic. */
export function isGenericWord(text: string): boolean {
  return GENERIC_WORDS.has(text);
}

/**
 * Whether a morpheme only shapes the sentence: a particle, an ending, a light verb or a word of
 * the question itself (でしょ・う・か, ごめんください, でき・た). A run of kana the dictionary reads
 * wholly so is grammar, not a word it failed to read.
 */
export function isGrammatical(m: Morpheme): boolean {
  if (DROPPED_POS.has(m.pos)) return true;
  if (
    (m.pos === '名詞' || m.pos === '動詞' || m.pos === '形容詞') &&
    ['非自立', '接尾', '代名詞'].includes(m.posDetail)
  )
    return true;
  return m.reading !== undefined && (GENERIC_WORDS.has(m.base) || GENERIC_WORDS.has(m.surface) || m.pos === '副詞');
}

function isKept(m: Morpheme): boolean {
  if (DROPPED_POS.has(m.pos)) return false;
  // A lone hiragana is a fragment of a badly cut kana run (ジャムのひ → ひる), not a word; nor is a
  // stretched vowel (疲れたー).
  if (/^[\p{Script=Hiragana}]$/u.test(m.surface) || /^[ー〜~]+$/u.test(m.surface)) return false;
  if (m.pos === '名詞' && DROPPED_NOUN_DETAIL.has(m.posDetail)) return false;
  if (m.pos === '動詞' && m.posDetail === '非自立') return false;
  if (m.pos === '形容詞' && m.posDetail === '非自立') return false;
  return /[\p{L}\p{N}]/u.test(m.surface);
}

/** Words after a verb that make it a wish: 〜たい, 〜てほしい. */
const WISH_AUXILIARIES = new Set(['たい']);
const WISH_AFTER_TE = new Set(['ほしい', '欲しい']);

/** Whether the verb or adjective at `i` is wished for: followed by たい, or by て/で and ほしい. */
function isWished(morphemes: readonly Morpheme[], i: number): boolean {
  const next = morphemes[i + 1];
  if (next?.pos === '助動詞' && WISH_AUXILIARIES.has(next.base)) return true;
  // Whether one can do it (登れますか, 使えますか): the doing is what is asked.
  const m = morphemes[i];
  if (
    m?.pos === '動詞' &&
    /^\p{Script=Han}.*[えけげせてねべめれ]る$/u.test(m.base) &&
    next?.base === 'ます' &&
    morphemes[i + 2]?.surface === 'か'
  )
    return true;
  const after = morphemes[i + 2];
  return next?.pos === '助詞' && (next.base === 'て' || next.base === 'で') && WISH_AFTER_TE.has(after?.base ?? '');
}

/** Interrogatives a counter follows (何年, なん人, 幾つ). */
const INTERROGATIVE_NUMBERS = new Set(['何', 'なん', '幾']);
/** Nouns that count after 何 though the dictionary does not call them suffixes (何月). */
const COUNTING_NOUNS = new Set(['月', '曜日', '曜', '時', '番', '番目', '歳', '才']);

/**
 * The counter of a question word (何年, 何か国, 何月): part of the question, not its topic.
 * Which unit was asked is read from the text by question-intent.ts.
 */
function isCounterOfQuestion(morphemes: readonly Morpheme[], i: number): boolean {
  const m = morphemes[i];
  if (!m) return false;
  // 何十年, 何百人: the numeral after 何, and the counter after it.
  let j = i - 1;
  while (
    j >= 0 &&
    morphemes[j]?.pos === '名詞' &&
    morphemes[j]?.posDetail === '数' &&
    /^[十百千万]$/u.test(morphemes[j]?.surface ?? '')
  )
    j--;
  const before = morphemes[j];
  // 何年分, 何年間: a suffix after the counter belongs to the question as well.
  if (m.pos === '名詞' && m.posDetail === '接尾' && j === i - 1 && isCounterOfQuestion(morphemes, i - 1)) return true;
  if (!before || !INTERROGATIVE_NUMBERS.has(before.surface)) return false;
  if (j < i - 1) return true;
  return (
    (m.pos === '名詞' && m.posDetail === '接尾') || COUNTING_NOUNS.has(m.surface) || /^[十百千万]$/u.test(m.surface)
  );
}

/** Nouns that name a thing's name (名前, 名称). */
const NAME_NOUNS = new Set(['名前', '名称', '呼び名', 'なまえ', '題名', '書名', 'タイトル', '言葉', '用語', '呼び方']);

/** Whether a noun names a thing's name (題名って何: the name is asked, not a thing called 題名). */
export const isNameNoun = (noun: string): boolean => NAME_NOUNS.has(noun);

/** Nouns that name where a thing is (場所, 所在地): asked for, like a name (場所を教えて, 場所はどこ). */
const PLACE_NOUNS = new Set(['場所', 'ばしょ', '所在地']);
const INTERROGATIVES = new Set(['何', 'なん', 'なに', 'どこ', 'どちら']);
const QUOTING = new Set(['という', 'ていう', 'って', 'と']);
/** What, said with the quoting て run in (なんて名前): one word of its own. */
const QUOTING_INTERROGATIVES = new Set(['なんて', '何て']);

/**
 * The name or the place of a thing asked for (何という名前の奨学金, 賞の名前は何, 名称を教えて, 場所を
 * 教えて): the question's shape, like 何, since an entry states a name or a place without calling it
 * one. A name or place spoken of (施設の名前を売る, 練習できる場所) stays a word of the topic.
 */
function isNameAsked(morphemes: readonly Morpheme[], i: number): boolean {
  const m = morphemes[i];
  if (!m || !(NAME_NOUNS.has(m.surface) || PLACE_NOUNS.has(m.surface))) return false;
  const before = morphemes[i - 1];
  if (before && QUOTING.has(before.surface) && INTERROGATIVES.has(morphemes[i - 2]?.surface ?? '')) return true;
  if (before && QUOTING_INTERROGATIVES.has(before.surface)) return true;
  const next = morphemes[i + 1]?.surface ?? '';
  const after = morphemes[i + 2];
  // どんな名前の部署, どのような名前の施設: the name of the thing after it is asked.
  const kindBefore =
    (before?.surface === 'な' && morphemes[i - 2]?.surface === 'よう' && morphemes[i - 3]?.surface === 'どの') ||
    /^(?:どんな|どういう|どういった)$/u.test(before?.surface ?? '');
  if (kindBefore && next === 'の') return true;
  if ((next === 'は' || next === 'って') && (after === undefined || INTERROGATIVES.has(after.surface))) return true;
  // 名前なんだっけ, 名前何: asked with no particle between.
  if (INTERROGATIVES.has(next) || (next === 'な' && after?.surface === 'ん')) return true;
  // 正式な名前と、どういう形で…: a name asked along with something else.
  if (next === 'と' && morphemes.slice(i + 2).some((x) => /^(?:教え|知り|知る|伺い|伺え)$/u.test(x.surface)))
    return true;
  return (
    (next === 'を' || next === 'が') &&
    /^(?:教え|知り|知る|分から|わから|分かる|わかる|ご存じ|ご存知)$/u.test(after?.surface ?? '')
  );
}

/**
 * Nouns that say what sort of answer is wanted (どのような体制, どういった手段, 何を目的に): the
 * entry states the 体制 or the 目的 itself, often without the word.
 */
const KIND_NOUNS = new Set([
  '手段',
  '体制',
  '方法',
  'やり方',
  '仕方',
  '目的',
  '狙い',
  'ねらい',
  '役割',
  '分野',
  '言葉',
  '言い方',
  '呼び方',
  'テーマ',
  '形',
  '理由',
  '方針',
  '特徴',
  '意図',
  '工夫',
  '対策',
]);
/**
 * Nouns that class a thing rather than name it (鹿の肉を使う取り組み, 助け合う仕組み), or speak of
 * how it should be (学校のあり方): an entry describes the thing, often without calling it so.
 * (ask.ts has a wider list, of nouns too general to be a question's topic; 計画 or 事業 there often
 * name what an entry is about.)
 */
const THING_CLASS_NOUNS = new Set([
  ...['取り組み', '取組み', '取組', '制度', '施策', '仕組み', '活動', '企画', 'プロジェクト'],
  ...['あり方', '在り方'],
]);

/** The surfaces of morphemes start to end, joined as written. */
function surfaces(morphemes: readonly Morpheme[], start: number, end: number): string {
  return morphemes
    .slice(start, end)
    .map((x) => x.surface)
    .join('');
}
const ASKING_DETERMINER = /(?:どんな|どういう|どのような|どの様な|どういった|いかなる|何の|なんの|何を|何か|なにか)$/u;

/** Which country (どこの国, どの国): the country named answers; the entry seldom says 国. */
const WHICH_DETERMINER = /(?:どこの|どちらの|どの|何という|なんという)$/u;

function isKindAsked(morphemes: readonly Morpheme[], i: number): boolean {
  const m = morphemes[i];
  if (m?.surface === '国') return WHICH_DETERMINER.test(surfaces(morphemes, Math.max(0, i - 3), i));
  if (!m || !KIND_NOUNS.has(m.surface)) return false;
  const before = surfaces(morphemes, Math.max(0, i - 3), i);
  const next = morphemes[i + 1]?.surface ?? '';
  const after = morphemes[i + 2]?.surface ?? '';
  return ASKING_DETERMINER.test(before) || ((next === 'は' || next === 'って') && INTERROGATIVES.has(after));
}

/**
 * Words for numbers, and what makes one the topic (数字に関する方針: a policy about figures; 数字で
 * 確かめる: checking by figures).
 */
const NUMBER_WORDS = new Set(['数字', '数値']);
const ABOUT = /^(?:に関する|に関して|について|を使った|で示す|で(?:確か|たしか|検証|確認|測|はか|示|見|表))/u;

function isNumberSpokenOf(morphemes: readonly Morpheme[], i: number): boolean {
  const m = morphemes[i];
  if (!m || !NUMBER_WORDS.has(m.surface)) return false;
  const after = surfaces(morphemes, i + 1, i + 4);
  return ABOUT.test(after);
}

/**
 * One as in 一つにまとめた, 一つ伺いたい: how many, of nothing the question names. Not the first
 * of a series (1つ目の柱), which the report numbers.
 */
function isOneOf(morphemes: readonly Morpheme[], i: number): boolean {
  const next = morphemes[i + 1]?.surface ?? '';
  const after = morphemes[i + 2]?.surface ?? '';
  return morphemes[i]?.surface === '1' && next.startsWith('つ') && !/^(?:目|め)/u.test(next.slice(1) || after);
}

/** Someone's time in a post (市長さんの代になってから, 父の代から): when, not what about. */
function isSomeonesTime(morphemes: readonly Morpheme[], i: number): boolean {
  return (
    morphemes[i]?.surface === '代' &&
    morphemes[i - 1]?.surface === 'の' &&
    /^(?:に|で|から|は|まで)$/u.test(morphemes[i + 1]?.surface ?? '')
  );
}

/** A one-kanji stem said as an adverb or before a noun (主に, 特に, 主な): how, not what about. */
function isAdverbOfOneKanji(morphemes: readonly Morpheme[], i: number): boolean {
  const m = morphemes[i];
  const next = morphemes[i + 1];
  return (
    m?.pos === '名詞' &&
    m.posDetail === '形容動詞語幹' &&
    [...m.surface].length === 1 &&
    (next?.posDetail === '副詞化' || (next?.pos === '助動詞' && next.surface === 'な'))
  );
}

/** Verbs that follow a noun of action to say it politely (お送りいただいた, ご説明くださる). */
const HONORIFIC_AFTER_NOUN = new Set(['いただく', '頂く', 'くださる', '下さる']);

/**
 * A noun of action said politely as the verb it is (お送りいただいた会報: 送った): paraphrased as
 * freely as a verb, so it weighs as one.
 */
function isHonorificVerb(morphemes: readonly Morpheme[], i: number): boolean {
  const m = morphemes[i];
  const next = morphemes[i + 1];
  return (
    m?.pos === '名詞' &&
    m.posDetail === 'サ変接続' &&
    next?.start === m.start + m.surface.length &&
    HONORIFIC_AFTER_NOUN.has(next.base)
  );
}

/**
 * A verb's stem said politely with お…になる (お作りになった, お決めになる): the dictionary takes the
 * stem for a noun (お作り, 決め), but it is the doing, paraphrased as freely as a verb.
 */
function isRespectfulVerb(morphemes: readonly Morpheme[], i: number): boolean {
  const m = morphemes[i];
  const before = morphemes[i - 1];
  const afterO =
    /^お\p{Script=Han}/u.test(m?.surface ?? '') ||
    (before?.pos === '接頭詞' && before.surface === 'お' && before.start + before.surface.length === m?.start);
  return m?.pos === '名詞' && afterO && morphemes[i + 1]?.surface === 'に' && morphemes[i + 2]?.base === 'なる';
}

/**
 * A verb's stem after お or ご and before a particle (おつまみで, お知らせを): the thing named by it,
 * a noun, not the doing.
 */
function isPoliteNounOfVerb(morphemes: readonly Morpheme[], i: number): boolean {
  const m = morphemes[i];
  const before = morphemes[i - 1];
  const next = morphemes[i + 1];
  return (
    m?.pos === '動詞' &&
    before?.pos === '接頭詞' &&
    /^[おご]$/u.test(before.surface) &&
    before.start + before.surface.length === m.start &&
    next?.start === m.start + m.surface.length &&
    next.pos === '助詞'
  );
}

/** 程度 of どの程度 (how far, as どのくらい) or ある程度 (somewhat): how much, not what about. */
function isDegreeAsked(morphemes: readonly Morpheme[], i: number): boolean {
  return morphemes[i]?.surface === '程度' && /^(?:どの|どれ|ある)$/u.test(morphemes[i - 1]?.surface ?? '');
}

/** Particles that make a place where one comes from or goes (軽井沢町から), not whose affairs are asked. */
const DIRECTIONS = new Set(['から', 'へ', 'まで', 'より']);

/** Turn morphemes into terms (pure). */
export function analyze(morphemes: readonly Morpheme[]): Term[] {
  const terms: Term[] = [];
  for (const [i, m] of morphemes.entries()) {
    if (!isKept(m)) continue;
    const thing = isPoliteNounOfVerb(morphemes, i);
    const text = thing ? m.surface : m.base.toLowerCase();
    const kana = isKanaOnly(m.surface);
    const reading = m.reading ?? (kana ? toKatakana(m.surface) : undefined);
    const generic =
      ((GENERIC_WORDS.has(text) || GENERIC_WORDS.has(m.surface)) && !isNumberSpokenOf(morphemes, i)) ||
      isFunctionWord(m.surface) ||
      (m.pos === '動詞' && m.posDetail === '接尾') ||
      // Adverbs say how much or how (けっこう, かなり, しっかり), not what about; one written in
      // katakana is set apart as a name (「ワクワク」する市政).
      (m.pos === '副詞' && !/^[\p{Script=Katakana}ー]{3,}$/u.test(m.surface)) ||
      isCounterOfQuestion(morphemes, i) ||
      isNameAsked(morphemes, i) ||
      isAdverbOfOneKanji(morphemes, i) ||
      isSomeonesTime(morphemes, i) ||
      // Everyone addressed or spoken of (職員の皆さんの残業, 皆様): the words before it say who. As
      // written in kanji: the report has a phrase of its own in kana (地域のみなさんの持つチカラ).
      /^皆(?:さん|様|さま)$/u.test(m.surface) ||
      isOneOf(morphemes, i) ||
      isDegreeAsked(morphemes, i);
    // The sort of answer or of thing (どのような目的で, 取り組み) counts when an entry names it, and is not missed when not.
    const optional = isKindAsked(morphemes, i) || THING_CLASS_NOUNS.has(m.surface);
    const weak =
      (m.pos === '動詞' && !thing) ||
      m.pos === '形容詞' ||
      (m.pos === '名詞' && m.posDetail === '接尾') ||
      // A numeral in kanji (八十を過ぎ, 月に一度, 一文字): how old, how often, how many, seldom a topic.
      (m.posDetail === '数' && /^[一二三四五六七八九十百千万]$/u.test(m.surface)) ||
      isHonorificVerb(morphemes, i) ||
      isRespectfulVerb(morphemes, i);
    const wish = weak && m.pos !== '名詞' && isWished(morphemes, i);
    // Homophone fallback for nouns of two kanji or more, whose reading is specific enough.
    const soundsLike =
      !generic &&
      !kana &&
      m.pos === '名詞' &&
      reading !== undefined &&
      [...m.surface].length >= 2 &&
      reading.length >= 3;
    const suffix = morphemes[i + 1];
    const municipality =
      m.pos === '名詞' &&
      m.posDetail === '固有名詞' &&
      suffix?.posDetail === '接尾' &&
      suffix.start === m.start + m.surface.length &&
      /^[市町村]$/u.test(suffix.surface) &&
      !DIRECTIONS.has(morphemes[i + 2]?.surface ?? '')
        ? m.surface + suffix.surface
        : undefined;
    terms.push({
      text,
      reading,
      role: generic ? 'generic' : 'content',
      ...(municipality ? { municipality } : {}),
      ...(m.pos === '名詞' && m.posDetail === '固有名詞' ? { proper: true } : {}),
      kana,
      ...(weak ? { weak } : {}),
      ...(wish ? { wish } : {}),
      ...(optional ? { optional } : {}),
      ...(soundsLike ? { bigrams: readingBigrams(reading) } : {}),
      start: m.start,
      end: m.start + m.surface.length,
    });
  }
  return terms;
}
