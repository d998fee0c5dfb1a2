/**
 * Words that ask for a kind of fact, typed in kana (なんにん, なんめーとる, じこくひょう, あどれす),
 * written as the intent patterns read them (何人, 何メートル, 時刻表, アドレス): a citizen who types
 * without converting, or in romaji read into hiragana, asks the same as one who writes kanji.
 * Only what the question asks is read this way (question-intent.ts); the search reads kana by sound.
 */
import { onReadings } from './kanji-on-readings.js';

/** Where a word typed in kana may start: not inside another word, but after a particle. */
export const KANA_WORD_START = '(?:(?<![\\u3041-\\u3096])|(?<=[はがもてでにのとやへをよねか]))';

/**
 * 何分 read なにぶん, "being after all" (何分初めてのことで, 何分にも高齢なもので): an apology for
 * asking, not how many minutes. What follows it says which; 何ぶん, written so, is that apology
 * unless minutes follow (何ぶんかかる).
 */
export const NANIBUN_FOLLOWS =
  '(?:分(?:にも|とも)?[、,]?(?:初めて|はじめて|不慣れ|慣れ|高齢|年寄|素人|よろしく|宜しく)|ぶん(?!かか|ぐらい|くらい|ほど))';

/**
 * Where a question word may start: as any word, after から, まで, より, あたり and ひとり too (市からいくら,
 * 1人あたりいくら, ひとりいくら), after それぞれ and いったい (それぞれどのような), and after the honorific お
 * (参加費はおいくら).
 */
export const QUESTION_WORD_START = `(?:${KANA_WORD_START}|(?<=から|まで|より|あたり|ひとり|それぞれ|いったい)|(?<=(?:^|[\\s、,。はがもでにのとやへを])お))`;

/**
 * Counters typed in kana after なん, with the way they are written. だい (台) only before more of
 * the question: なんだい at the end is "what is it", not "how many cars". かい (回) only before a verb
 * of holding or playing (なんかい かいさい, なんかい さいせい) or before ぐらい, くらい, ほど (times or
 * floors, a count either way), not in なんかいい; not か (なんか), nor で, の, と (なんで, なんの, なんと).
 */
const COUNTERS: readonly (readonly [string, string])[] = [
  ['にん', '人'],
  ['めい', '名'],
  ['けん', '件'],
  ['かい(?=\\s?(?:かいさい|さいせい|じっし|おこな|ひら|ぐらい|くらい|ほど))', '回'],
  ['だい(?![?？。!！]|$)', '台'],
  ['[ほぼぽ]ん', '本'],
  ['まい', '枚'],
  ['さい', '歳'],
  ['ねんせい', '年生'],
  ['ねんかん', '年間'],
  ['かげつ', 'か月'],
  ['にちかん', '日間'],
  ['じかん', '時間'],
  ['[ぷふ]ん', '分'],
  ['えん', '円'],
  ['ばい', '倍'],
  ['わり', '割'],
  ['ぱーせんと', '%'],
  ['めーとる', 'メートル'],
  ['きろ', 'キロ'],
  ['ろせん', '路線'],
  ['しゅるい', '種類'],
  ['せたい', '世帯'],
  ['だんたい', '団体'],
  ['ちく', '地区'],
  ['かこく', 'か国'],
];

/** Words that name the fact asked, typed in kana, with the way the intent patterns write them. */
const WORDS: readonly (readonly [string, string])[] = [
  ['じこくひょう', '時刻表'],
  ['うんちん', '運賃'],
  ['あどれす', 'アドレス'],
  ['あくせす', 'アクセス'],
  ['じゅうしょ', '住所'],
  ['ばしょ', '場所'],
  ['ねんれい', '年齢'],
  ['かいしゃめい', '会社名'],
  ['なまえ', '名前'],
  ['こうかん', '交換'],
  // Who holds a post (こうしは だれ).
  ['こうし', '講師'],
  ['かいちょう', '会長'],
  ['くちょう', '区長'],
  ['たんとうしゃ', '担当者'],
  // Which of the districts (いくつの く, いくつの ちく): what the count counts.
  ['(?<=いくつの\\s?)く(?=\\s?[でがにはを])', '区'],
  ['(?<=いくつの\\s?)ちく(?=\\s?[でがにはを])', '地区'],
  // Which school (どこの がっこう) asks an organization named.
  ['しょうがっこう', '小学校'],
  ['ちゅうがっこう', '中学校'],
  ['がっこう', '学校'],
  // What goes in (どんな ものが はいるの).
  ['(?<=[がにも\\s])はい(?=る|っ|り)', '入'],
  ['りょうきん', '料金'],
  ['ねだん', '値段'],
  ['きんがく', '金額'],
  ['ひよう', '費用'],
  ['にんずう', '人数'],
  ['わりあい', '割合'],
  ['えいぎょうじかん', '営業時間'],
  ['かいかんじかん', '開館時間'],
  // Half converted (かいかん時間).
  ['えいぎょう(?=時間)', '営業'],
  ['かいかん(?=時間)', '開館'],
  ['きゅうかんび', '休館日'],
  ['しめきり', '締め切り'],
  ['にってい', '日程'],
  ['もうしこみ', '申し込み'],
  ['とうろく', '登録'],
  ['だしかた', '出し方'],
  ['すてかた', '捨て方'],
  ['しんせい', '申請'],
  ['おうぼ', '応募'],
  ['てつづき', '手続き'],
  ['でんわばんごう', '電話番号'],
  ['なんようび', '何曜日'],
  ['よやく', '予約'],
  ['れんらくさき', '連絡先'],
  // Where to buy it (どこで かえる, どこで かいますか): a procedure.
  ['(?<=どこで\\s?)か(?=える|えます|います|う)', '買'],
];

const KANA_COUNTED = new RegExp(
  `${KANA_WORD_START}なん\\s?(?:${COUNTERS.map(([kana]) => `(${kana})`).join('|')})`,
  'gu',
);
const KANA_WORDS = new RegExp(`${KANA_WORD_START}(?:${WORDS.map(([kana]) => kana).join('|')})`, 'gu');
// Looked up by the word as typed: what a pattern looks at around it (はい after が, before る) is no part of it.
const WRITTEN = new Map(WORDS.map(([kana, written]) => [kana.replace(/\(\?<?[=!][^)]*\)/gu, ''), written]));

/**
 * Counters a phone may convert as another kanji of the same on-reading (何権: 何件, 何培: 何倍), by
 * that reading. Only these sounds: シャ or カイ would take 何者 for 何社, 何会 for 何回.
 */
const COUNTER_BY_SOUND: ReadonlyMap<string, string> = new Map([
  ['ケン', '件'],
  ['バイ', '倍'],
  ['マイ', '枚'],
  ['エン', '円'],
]);

/** A kanji after 何 standing for the counter of its sound, unless it is a counter or word itself. */
function counterBySound(kanji: string): string | undefined {
  if (COUNTERS.some(([, counter]) => counter === kanji) || OWN_AFTER_NANI.has(kanji)) return undefined;
  const matched = onReadings(kanji).flatMap((reading) => COUNTER_BY_SOUND.get(reading) ?? []);
  return matched.length === 1 ? matched[0] : undefined;
}

/** Kanji read as themselves after 何 though they sound like a counter: 何軒 (houses), 何県. */
const OWN_AFTER_NANI = new Set(['軒', '県', '間', '遍', '編', '犬', '券', '巻', '献']);

/** The question with its asking words typed in kana written as in kanji (or katakana). */
export function spellAskingWords(text: string): string {
  return (
    text
      // A counter typed as another kanji of its sound (何気あります: 何基); 何気ない, 何気なく stay.
      .replace(/何気(?=\s?(?:あり|ある|設置|つい|付い|でき|ござ))/gu, '何基')
      .replace(/(?<=何)\p{Script=Han}(?![\p{Script=Han}])/gu, (kanji) => counterBySound(kanji) ?? kanji)
      .replace(KANA_COUNTED, (_match, ...groups: unknown[]) => {
        const i = groups.findIndex((g) => typeof g === 'string');
        return `何${COUNTERS[i]?.[1] ?? ''}`;
      })
      .replace(KANA_WORDS, (kana) => WRITTEN.get(kana) ?? kana)
  );
}
