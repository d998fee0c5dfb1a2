/**
 * What a demonstrative refers back to: 「運転手さんから新しい複合施設の話を伺いました。その施設には
 * どのような機能が入るのでしょうか」 asks about 複合施設, not about the bus ride. Of the text before
 * the asked part, only the last word that ends with the noun after その (施設) is its topic; a
 * question that opens with これは or asks about そうしたこと points back to the clause before, or to
 * the name quoted in it (「市政3年半の軌跡」という見出しがございました。これは…).
 */
import type { Span } from './question-focus.js';

/** A time said with a demonstrative (この数年, その頃, この春): when, not a thing pointed back to. */
const TIME_NOUN = '(?:数年|数か月|数カ月|数ヶ月|間|前|頃|先|度|春|夏|秋|冬|年|月|週|時|際|辺|後)(?![\\p{Script=Han}])';
// Not the この of どこの (どこの国のチーム), which asks which, nor the その of よその (よその業者): elsewhere.
const DEMONSTRATIVE = new RegExp(
  `(?<![どよ])(?:その|この|あの|そちらの|こちらの)(?!${TIME_NOUN})([\\p{Script=Han}\\p{Script=Katakana}ー]{1,8})`,
  'u',
);
const WORD = /[\p{Script=Han}\p{Script=Katakana}ー]+/gu;
const BACK_REFERENCE =
  /^\s*(?:これ|それ|あれ|こちら(?!に|へ)|そちら(?!に|へ))(?:は|って|が|を|の|について|に|[、,\s]|(?=\p{Script=Han}))|(?:そうした|そういった|そのような|こうした|こういった|このような|そういう|こういう)(?:の|こと|点|取り?組み?|お話|話|もの|催し|会|集まり|イベント|行事|活動|場|ところ|所|(?:方|人)(?!の))|(?:ああいう|ああした|ああいった|あのような)(?:の|こと|もの)/u;
const QUOTED = /「([^」]{2,30})」|『([^』]{2,30})』/gu;

/**
 * Whether the asked part points back to what was said before it without naming it (これは, そうしたこと,
 * そういうの said casually).
 * Not こちらに, そちらへ: here, there (こちらに移り住んで).
 */
export function pointsBack(text: string, asked: Span): boolean {
  return BACK_REFERENCE.test(text.slice(asked.start, asked.end));
}

/** A count pointed back to (その3つとは): the things counted were named earlier with the count. */
const COUNT_DEMONSTRATIVE = /(?:その|この|あの)([0-9]+つ)/u;

/**
 * The first of `clauses` that holds the count an asked part points back to (その3つ: 「市長さんは3つの
 * ことを心に置いて…」), however far back; undefined when the asked part points to no count.
 */
export function clauseNamingCount<T extends Span>(text: string, asked: Span, clauses: readonly T[]): T | undefined {
  const count = COUNT_DEMONSTRATIVE.exec(text.slice(asked.start, asked.end))?.[1];
  return count === undefined ? undefined : clauses.find((c) => text.slice(c.start, c.end).includes(count));
}

/**
 * The noun after the asked part's demonstrative (その助成金: 助成金), as offsets of the whole text,
 * and whether あの calls it a thing known to both (あの複合施設) rather than one just spoken of.
 */
export function demonstrativeNoun(text: string, asked: Span): (Span & { known: boolean }) | undefined {
  const m = DEMONSTRATIVE.exec(text.slice(asked.start, asked.end));
  const noun = m?.[1];
  if (!m || noun === undefined) return undefined;
  const start = asked.start + m.index + m[0].length - noun.length;
  return { start, end: start + noun.length, known: m[0].startsWith('あの') || m[0].startsWith('この') };
}

/** Whether the asked part names its topic with a demonstrative (その助成金, この施設). */
export function namesByDemonstrative(text: string, asked: Span): boolean {
  return DEMONSTRATIVE.test(text.slice(asked.start, asked.end));
}

/** The span of the last name quoted in `before` (「市政3年半の軌跡」), or undefined. */
export function quotedNameSpan(text: string, before: Span): Span | undefined {
  let found: Span | undefined;
  for (const quoted of text.slice(before.start, before.end).matchAll(QUOTED)) {
    const start = before.start + quoted.index + 1;
    found = { start, end: start + (quoted[1] ?? quoted[2] ?? '').length };
  }
  return found;
}

/**
 * The span, in `before` (offsets of the whole text), of the word that the asked part's demonstrative
 * noun refers to, or undefined when the asked part has none or nothing before ends with its noun.
 */
export function referentSpan(text: string, asked: Span, before: Span): Span | undefined {
  const noun = DEMONSTRATIVE.exec(text.slice(asked.start, asked.end))?.[1];
  if (noun === undefined) return undefined;
  let found: Span | undefined;
  for (const word of text.slice(before.start, before.end).matchAll(WORD)) {
    if (!word[0].endsWith(noun)) continue;
    // A time said just before the noun (毎年鹿に荒らされ) is no part of its name.
    const time = TIME_BEFORE.exec(word[0])?.[0].length ?? 0;
    const start = before.start + word.index + (word[0].length - time >= noun.length ? time : 0);
    found = { start, end: before.start + word.index + word[0].length };
  }
  if (!found) return undefined;
  // Which one it was is part of it (2つ目の柱は…。その柱の名前).
  const lead = text.slice(before.start, found.start);
  const ordinal = ORDINAL_BEFORE.exec(lead);
  if (ordinal) return { start: found.start - ordinal[0].length, end: found.end };
  // A bare noun says which one only with what was said of it (女性が輝く社会をつくるための会議…
  // その会議): the phrase before it, from the start of its clause, is part of it.
  if (found.end - found.start === noun.length && PURPOSE_OR_NAME_BEFORE.test(lead)) {
    const opens = Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('、'), lead.lastIndexOf(',')) + 1;
    if (lead.length - opens <= maxPhraseBefore) return { start: before.start + opens, end: found.end };
  }
  return found;
}

/** What a phrase says of the noun after it: its purpose or its name (〜のための会議, 〜という制度). */
const PURPOSE_OR_NAME_BEFORE = /(?:ため|という|っていう|とかいう)の?$/u;
/** A phrase before a noun longer than this is a story, not what the noun is called. */
const maxPhraseBefore = 30;

/** Words of time that run into the noun after them in kanji (毎年鹿, 先日市役所). */
const TIME_BEFORE = /^(?:毎年|毎月|毎週|毎日|今年|去年|昨年|今月|先月|今週|先週|今日|昨日|先日|近年|最近)/u;

/** An ordinal said before a noun: 2つ目の, 第3の. */
const ORDINAL_BEFORE = /(?:[0-9]+つ目|第[0-9]+)の?$/u;
