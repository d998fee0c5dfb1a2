/**
 * Stage 4 of the search pipeline: answer or abstain. The rule is how much of the question the
 * best hit covers, each term weighted by how specific it is (its IDF; a word the corpus never
 * uses weighs the most, so "バスの運賃" is not answered by an entry that only shares バス).
 */
import type { Term } from '../analyze/analyze.js';
import type { Decision } from './decision.js';
import { contentTerms, type RankedHit } from '../search/search.js';
import { inverseDocumentFrequency, inverseDocumentFrequencyOfCount, type SearchIndex } from '../search/search-index.js';
import { asksOthersBesidesOnlyOne, COUNTRY_NAMES, normalizedEntryText, statesAskedFact } from './asked-fact.js';
import { asksAfterReport, asksOutcomeAfterReport, asksYearNotStated } from './report-years.js';
import { asksPerUnitNotStated } from './per-unit.js';
import { asksChangeNotStated, asksTotalNotStated } from './change-stated.js';
import { asksOfOtherPeople } from './other-people.js';
import { asksNamedNumberNotStated } from './number-named.js';
import { asksQuantityOfNumberless } from './quantity-asked.js';
import { fieldsMatchedAsWritten } from './keyword-only-yields.js';
import type { AskedKind, QuestionIntent } from '../analyze/question-intent.js';
import type { SmallTalk } from '../analyze/small-talk.js';
import { normalizeText } from '../normalize/normalize.js';
import type { Entry } from '../corpus/entry.js';
import { spellAskingWords } from '../analyze/kana-asking-words.js';
import { sentencesOf } from '../analyze/sentences.js';

/** Coverage thresholds, calibrated on the development questions (see npm run eval). */
export interface DecisionRule {
  /** At least this share of the question's weight matched: a full answer. */
  readonly answer: number;
  /** At least this share: answered as related information (関連する情報). */
  readonly related: number;
  /** At least this share of a question of many words (see longQuestionTerms): related too. */
  readonly longRelated: number;
  /** At least this share, with several nouns matched at once: related too (see evidenceNouns). */
  readonly evidence: number;
}

export const defaultDecisionRule: DecisionRule = { answer: 0.7, related: 0.5, longRelated: 0.4, evidence: 0.3 };

/**
 * A question asked in this many words or more (a long letter's question, a thing described at
 * length) holds more of the citizen's own words than any entry would: it needs less of its weight
 * covered to be related. Short questions keep the stricter share: there an unmatched word is most
 * often the thing the report does not cover (給食の献立). 8 and 0.4 kept every abstention of the
 * tune sets (styles-tune to -10); 6 lost two.
 */
export const longQuestionTerms = 8;

/** The rule as it applies to a question of these terms: a long one's share for related (longRelated). */
export function appliedRule(rule: DecisionRule, terms: readonly Term[]): DecisionRule {
  return contentTerms(terms).length >= longQuestionTerms ? { ...rule, related: rule.longRelated } : rule;
}

/**
 * A citizen who describes a thing in their own words (「畑を荒らす野生の動物を犬や猫のごはんに…」)
 * uses many words no entry has, so the share an entry covers stays low even when it is the one
 * meant. When one entry matches this many of the question's nouns at once, and at least
 * `evidence` of its weight, that is evidence enough for 関連する情報: chance puts one or two words
 * of a question in an entry, rarely three.
 */
export const evidenceNouns = 3;

/** How many distinct nouns the citizen wrote (not synonyms, not background) a hit matched in full. */
function matchedNouns(terms: readonly Term[], hit: RankedHit): number {
  const nouns = new Set(
    contentTerms(terms)
      .filter((t) => !t.weak && !t.kana)
      .map((t) => t.text),
  );
  const matched = new Set<string>();
  for (const m of hit.matches) if (m.share === 1 && nouns.has(m.term.text)) matched.add(m.term.text);
  return matched.size;
}

/** How much a weak term (verb, adjective, suffix) weighs against a noun of the same IDF. */
export const weakTermWeight = 0.5;

/**
 * A weak term counts as no more specific than a word found in this share of the entries. A noun
 * the corpus never uses rightly weighs the most (バスの運賃: nothing covers fares); a verb it
 * never uses mostly says how the citizen put it (経った for 経過, 作ってる, 届ける), and at the
 * full weight of an unseen word it outweighed the nouns an entry did match. A verb the citizen
 * wishes done (ゴミを捨てたい) is the exception: it is what they ask for, and a policy entry on ゴミ
 * is at best related to it. 3% is the cautious end of the range where every question set keeps
 * its abstentions (the older held-out set was looked at when it was chosen; styles-held-out never).
 */
export const weakTermDocumentShare = 0.03;

/**
 * How specific a term is: the IDF of the word, or for a kana run not found as a word, the mean
 * IDF of its bigrams; weak terms count for less, and never as rare words.
 */
function termWeight(index: SearchIndex, term: Term): number {
  if (!term.weak) return specificity(index, term);
  if (term.wish) return weakTermWeight * specificity(index, term);
  const commonEnough = inverseDocumentFrequencyOfCount(index, weakTermDocumentShare * index.size);
  return weakTermWeight * Math.min(commonEnough, specificity(index, term));
}

/**
 * Whether the corpus has a word that reads so: a reading of three sounds or more anywhere in its
 * readings, a shorter one (がん) only as a word of its own, since two sounds meet inside many words.
 */
export function heardInCorpus(index: SearchIndex, reading: string): boolean {
  return reading.length >= 3 ? index.corpusReading.includes(reading) : index.kanaLexicon.has(reading);
}

function specificity(index: SearchIndex, term: Term): number {
  if (!term.kana || !term.bigrams || term.bigrams.length === 0 || index.documentFrequency.has(`t:${term.text}`)) {
    return inverseDocumentFrequency(index, `t:${term.text}`);
  }
  // A word typed in kana that no entry reads (りんご) is a word the corpus never uses: it weighs the most.
  if (term.unknownWord && term.reading && !heardInCorpus(index, term.reading)) {
    return inverseDocumentFrequencyOfCount(index, 0);
  }
  const sum = term.bigrams.reduce((acc, g) => acc + inverseDocumentFrequency(index, `b:${g}`), 0);
  return sum / term.bigrams.length;
}

/** How much a word matched through a synonym counts, against the word itself. */
export const synonymCredit = 0.9;

/** What a hit matched, read once for all the question's terms (termShare asks it of each). */
interface MatchedTexts {
  /** The best share of each of the user's own words the hit matched. */
  readonly own: ReadonlyMap<string, number>;
  /** The user's own words it matched whole. */
  readonly ownWhole: ReadonlySet<string>;
  /** The synonyms' terms it matched (text and target). */
  readonly synonymTerms: ReadonlySet<string>;
}

function matchedTexts(hit: RankedHit): MatchedTexts {
  const own = new Map<string, number>();
  const ownWhole = new Set<string>();
  const synonymTerms = new Set<string>();
  for (const m of hit.matches) {
    if (!m.term.synonym) {
      own.set(m.term.text, Math.max(own.get(m.term.text) ?? 0, m.share));
      if (m.share === 1) ownWhole.add(m.term.text);
    } else {
      synonymTerms.add(`${m.term.text}\u0000${m.term.synonym.target}`);
    }
  }
  return { own, ownWhole, synonymTerms };
}

/**
 * How fully a hit matched one of the user's terms: by the word itself, or through a synonym of
 * the phrase the word belongs to (every term of the synonym matched gives full credit).
 * `covering` are the synonym terms whose phrase holds the word (coveringSynonyms).
 */
function termShare(term: Term, covering: readonly Term[], matched: MatchedTexts): number {
  let share = matched.own.get(term.text) ?? 0;
  if (covering.length === 0) return share;
  const byTarget = new Map<string, { total: number; matched: number }>();
  for (const t of covering) {
    const target = t.synonym?.target ?? '';
    const counts = byTarget.get(target) ?? { total: 0, matched: 0 };
    counts.total += 1;
    // A synonym's term that the user also wrote is searched as the user's word: its match counts for the synonym too.
    if (matched.synonymTerms.has(`${t.text}\u0000${target}`) || matched.ownWhole.has(t.text)) {
      counts.matched += 1;
    }
    byTarget.set(target, counts);
  }
  for (const { total, matched } of byTarget.values()) {
    share = Math.max(share, synonymCredit * (matched / total));
  }
  return share;
}

/**
 * The synonym terms whose phrase holds the term, wherever the word is written: written twice
 * (部署を置く…部署を置く), a synonym of either place stands for it.
 */
function coveringSynonyms(term: Term, terms: readonly Term[]): Term[] {
  if (term.start === undefined || term.end === undefined || !terms.some((t) => t.synonym)) return [];
  const written = [term, ...terms.filter((o) => o !== term && !o.synonym && o.text === term.text)];
  return terms.filter((t) => {
    const origin = t.synonym;
    return (
      origin !== undefined &&
      written.some(
        (o) => o.start !== undefined && o.end !== undefined && origin.start <= o.start && origin.end >= o.end,
      )
    );
  });
}

/** A question's content terms, their weights and covering synonyms, as coverage last weighed them. */
let lastWeighed:
  | {
      readonly index: SearchIndex;
      readonly terms: readonly Term[];
      readonly content: Term[];
      readonly weights: number[];
      readonly covering: Term[][];
    }
  | undefined;

/**
 * The content terms of `terms`, their weights and the synonyms covering each: re-ranking asks the
 * coverage of twenty hits or more for one question's terms, and these are the same for all of them.
 */
function weighed(
  index: SearchIndex,
  terms: readonly Term[],
): { content: Term[]; weights: number[]; covering: Term[][] } {
  if (lastWeighed?.index !== index || lastWeighed.terms !== terms) {
    const content = contentTerms(terms);
    lastWeighed = {
      index,
      terms,
      content,
      weights: content.map((t) => termWeight(index, t)),
      covering: content.map((t) => coveringSynonyms(t, terms)),
    };
  }
  return lastWeighed;
}

/** Share of the question's term weight that a hit matched, from 0 to 1. */
export function coverage(index: SearchIndex, terms: readonly Term[], hit: RankedHit): number {
  const texts = matchedTexts(hit);
  const { content, weights, covering } = weighed(index, terms);
  let total = 0;
  let matched = 0;
  for (const [i, term] of content.entries()) {
    const w = weights[i] as number;
    const share = termShare(term, covering[i] ?? [], texts);
    if (term.optional === true && share === 0) continue;
    total += w;
    matched += w * share;
  }
  return total === 0 ? 0 : matched / total;
}

/**
 * Whether the noun the question's topic ends in (question-intent.ts, topicHead) names a word the
 * corpus never uses, with no synonym it does use (「給食費は無料？」: 給食): no entry can state a
 * fact about it, whichever shares the rest of its words (福祉医療費の窓口無料化 is not about school
 * lunches). A description before the noun (空気の薄い山の上で選手が…) is a paraphrase, not a thing.
 * A noun that classes a thing (企画, 取り組み: analyze.ts) names none. Typos (slips), words heard
 * as the corpus's (misheard-words.ts) or sounding like a word of the hit, and kana runs are left
 * to the rest of the decision.
 */
function asksOfUnknownThing(
  index: SearchIndex,
  topic: readonly Term[],
  terms: readonly Term[],
  hit: RankedHit,
): boolean {
  return contentTerms(topic).some(
    (t) =>
      !t.weak &&
      !t.optional &&
      !t.kana &&
      !t.slip &&
      !t.heardAs &&
      !soundsLikeWordOf(hit, t) &&
      !index.documentFrequency.has(`t:${t.text}`) &&
      !index.text.includes(t.text) &&
      // A doing (誘いに行った, 見直し) is said by the entry in words of its own (誘致).
      !DEVERBAL_NOUN.test(t.text) &&
      // A synonym the corpus uses may stand for it.
      !hasSynonym(t, terms),
  );
}

/** A sentence ending as a question (でしょうか, 出ていますか, やっとるずら？). */
const QUESTION_END = /(?:か|の|かな|かい|だい|ずら|[?？])\s*[?？。]?\s*$/u;

/**
 * Whether the question asks to do something to, or whether there is, a thing the corpus never
 * names (除雪を手伝ってくれるのでしょうか, どんな求人が出ていますか, 風呂に入れる): the noun marked by
 * を, が or に of the verb that ends the question, with no comma or other noun after it, or a
 * compound holding a word it never names (浸水想定区域). A noun
 * marked so inside a description of another (ワイン蔵をめぐる観光客が乗れるバス), before a comma
 * (保育園を休まなきゃいけないとき、) or in a sentence that asks nothing (納得がいきません) is no
 * thing asked about.
 */
function asksOfUnknownObject(index: SearchIndex, askedText: string, terms: readonly Term[], hit: RankedHit): boolean {
  const nouns = contentTerms(terms).filter((t) => !t.weak && !t.synonym && !t.optional);
  return sentencesOf(askedText).some((sentence) => {
    for (const m of sentence.matchAll(/([\p{Script=Han}\p{Script=Katakana}ー]{2,})(?:を|が|に)/gu)) {
      const compound = m[1] as string;
      const object = nouns.filter((t) => compound.includes(t.text));
      if (object.length === 0) continue;
      // The verb after it ends the question, with no comma or other noun between.
      const rest = sentence.slice(m.index + m[0].length);
      if (!QUESTION_END.test(rest) || /[、,]/u.test(rest)) continue;
      if (terms.some((t) => !t.weak && !t.synonym && rest.includes(t.text))) continue;
      if (asksOfUnknownThing(index, object, terms, hit)) return true;
    }
    // Whether it is a thing the corpus never names (不動産ですか預金ですか).
    const predicate = /([\p{Script=Han}\p{Script=Katakana}ー]{2,})(?:なん)?(?:です|でしょう)か[?？。]?\s*$/u.exec(
      sentence,
    )?.[1];
    const named = predicate === undefined ? [] : nouns.filter((t) => predicate.endsWith(t.text));
    return named.length > 0 && asksOfUnknownThing(index, named, terms, hit);
  });
}

/** Suffixes that make a charge of the noun before them (水道代, 通学費, 使用料, 保険税). */
const CHARGE_SUFFIXES = new Set(['代', '費', '料', '料金', '賃', '税']);

/**
 * Whether what is asked names a charge the report never writes (水道代, 使用料): the report states
 * few charges, and an entry that shares the noun (水道 of outsourcing) says nothing of what it costs.
 */
function asksOfUnknownCharge(index: SearchIndex, topic: readonly Term[], terms: readonly Term[]): boolean {
  return topic.some((noun) => {
    if (noun.weak || noun.role !== 'content' || noun.end === undefined) return false;
    const charge = terms.find((s) => s.start === noun.end && CHARGE_SUFFIXES.has(s.text));
    if (charge?.end === undefined) return false;
    // A synonym may stand for the whole charge (noun and suffix); a noun misheard (医量費) is the one meant.
    const meant = noun.heardAs?.[0]?.text ?? noun.text;
    return !hasSynonym({ ...noun, end: charge.end }, terms) && !index.text.includes(meant + charge.text);
  });
}

/**
 * Whether a thing is there (センターにはお風呂がありますか), or a place to do it (山麓でキャンプできる
 * 場所はありますか), or was (地区で熊の目撃はございましたでしょうか): the thing, after its place.
 */
const ASKS_IF_THERE =
  /(?:に|には|で|では)[、,\s]?((?:お|ご)?[\p{Script=Han}\p{Script=Katakana}ー]{1,8}(?:の[\p{Script=Han}\p{Script=Katakana}ー]{1,8})?|\p{Script=Hiragana}{2,5})(?:(?:が)?でき(?:る|ます)|する|の)?(?:場所|所|ところ)?(?:が|は|って|も)\s?(?:あり|ある|あっ|ござい)(?:ます|ません|ました|た)?(?:でしょう)?(?:か|の|[?？]|$)/u;

/**
 * Whether the question asks if a thing is there, at a place the report names (高齢者福祉センター
 * にはお風呂がありますか), and the thing is a word the corpus never uses, nor any synonym of it: the
 * report does not say what the place holds beyond what it names.
 */
function asksIfUnknownThingIsThere(index: SearchIndex, askedText: string, terms: readonly Term[]): boolean {
  const said = ASKS_IF_THERE.exec(askedText)?.[1];
  // お風呂, ご案内: the polite prefix is no part of the word.
  const thing = said?.replace(/^[おご](?=.{2})/u, '');
  if (said === undefined || thing === undefined || /^(?:何|なに|なん|どれ|どこ|どんな)/u.test(thing)) return false;
  // Whether there was a precedent is answered by an entry that says it is the first (初めて).
  if (/^(?:前例|先例)$/u.test(thing)) return false;
  if (index.text.includes(thing)) return false;
  const own = terms.filter(
    (t) => t.role === 'content' && !t.synonym && (said.includes(t.text) || t.text.includes(thing)),
  );
  return (
    own.length > 0 &&
    own.every((t) => !t.slip && !t.heardAs && !hasSynonym(t, terms) && !index.documentFrequency.has(`t:${t.text}`))
  );
}

/** The city and its mayor, whose figures every entry states without naming them. */
export const HOME_NAMES = /^(?:小諸|こもろ|小泉|小泉俊博)$/u;

/** A clause that asks: it ends in a question mark, か, の or a request. */
const ASKING_CLAUSE = /(?:[?？]|か|の|ですか|ますか|教えて(?:ください)?|知りたい(?:です)?)[。.!！]?\s*$/u;

/**
 * Whether a clause that asks names a place, body or line by a proper noun the corpus never writes
 * (長野大学との連携, 上田から来る人, 小海線の車両): the report says nothing of that one, whichever
 * entry shares the rest (信州大学との連携, 軽井沢から来る人). A name in the story around the question
 * (横浜の娘がふるさと納税してくれたんだけど、) is in a clause that asks nothing.
 */
function asksOfUnknownName(
  index: SearchIndex,
  askedText: string,
  askingClauses: readonly string[],
  terms: readonly Term[],
): boolean {
  const names = contentTerms(terms).filter(
    (t) =>
      t.proper === true &&
      !t.slip &&
      t.heardAs === undefined &&
      /^[\p{Script=Han}\p{Script=Katakana}ー]{2,}$/u.test(t.text) &&
      !HOME_NAMES.test(t.text) &&
      !index.text.includes(t.text) &&
      !hasSynonym(t, terms),
  );
  if (names.length === 0) return false;
  // The clauses that ask outright, else those of the asked text (which holds them and the topic
  // raised before them, apart by a space); of either, those that end as a question.
  const clauses = askingClauses.length > 0 ? askingClauses : sentencesOf(askedText).flatMap((s) => s.split(/\s+/u));
  const asking = clauses.filter((clause) => ASKING_CLAUSE.test(clause));
  return names.some((t) => asking.some((clause) => clause.includes(t.text)));
}

/**
 * Whether the figure is asked of a place or body named by a proper noun in the question's topic
 * or in what it counts (軽井沢のふるさと納税額, 佐久の人口) that the entry never names: its figures
 * are Komoro's, not that one's. Named elsewhere (横浜の息子が入った), it is only part of the story.
 */
function asksFigureOfOtherName(askedText: string, phrase: readonly Term[], entry: Entry): boolean {
  return contentTerms(phrase).some(
    (t) =>
      t.proper === true &&
      // A name of kanji or katakana: the dictionary lists 山の上 as a place, but it says where, not which.
      /^[\p{Script=Han}\p{Script=Katakana}ー]{2,}$/u.test(t.text) &&
      !HOME_NAMES.test(t.text) &&
      askedText.includes(`${t.text}の`) &&
      !normalizedEntryText(entry).includes(t.text),
  );
}

/** An amount named by what it is of (滞納額, 寄付額, 換価額). */
const AMOUNT_NAME = /(\p{Script=Han}{2,})額/u;
const AMOUNT_NAMES = new RegExp(AMOUNT_NAME.source, 'gu');

/**
 * Whether the amount asked is named (滞納額) by a word the entry uses, while the amounts the entry
 * states are named otherwise (換価額): it states the amount of another thing than was asked.
 */
function asksAmountOfOther(askedText: string, entry: Entry): boolean {
  const text = normalizedEntryText(entry);
  if (!AMOUNT_NAME.test(text)) return false;
  // The entry's name for it may put a word between (ふるさと納税額: ふるさと納税の寄付額).
  return [...askedText.matchAll(AMOUNT_NAMES)].some(
    ([, of = '']) => text.includes(of) && !new RegExp(`${of}[^。、]{0,4}額`, 'u').test(text),
  );
}

/** A comparison with an average or another council (県平均より高い, 佐久市と比べて多い, 全国平均の伸びと比べて). */
const COMPARED_WITH =
  /([\p{Script=Han}\p{Script=Katakana}ー]*(?:平均|全国|県|市|町|村))(?:と比べて|と比較して|より(?:も)?)[^。？?、]{0,6}?(?:高|低|多|少|上|下|良|悪|大き|小さ|どう)|((?:全国|県|県内|国)(?:の)?平均)(?:の[^、。？?\s]{1,4}?)?(?:は|って|と比べ|より)/gu;

/** Whether the question compares with something the entry never states (県平均 beside 受診率). */
function comparesWithUnstated(askedText: string, entry: Entry): boolean {
  // 他の市と比べて: a council named only by its kind is another one, which no entry states.
  return [...askedText.matchAll(COMPARED_WITH)].some((m) => {
    const compared = m[1] ?? m[2] ?? '';
    return /^[市町村県]$/u.test(compared) || !normalizedEntryText(entry).includes(compared);
  });
}

/** Every country a question names, Japan too (日本代表チーム). */
const COUNTRY_ASKED = new RegExp(`日本|${COUNTRY_NAMES.source}`, 'gu');

/**
 * Whether what is asked names a country (日本代表チーム, 中国の選手) where the entry names others
 * only (アメリカ、ドイツチーム): the entry's team, visitor or partner is another country's.
 */
function asksOfOtherCountry(askedText: string, entry: Entry): boolean {
  const named = askedText.match(COUNTRY_ASKED) ?? [];
  if (named.length === 0) return false;
  const text = normalizedEntryText(entry);
  return COUNTRY_NAMES.test(text) && named.every((country) => !text.includes(country));
}

/**
 * Whether what is asked names a city, town or village the report never names as such (「長野市の
 * 防災訓練」, 「軽井沢町では移住者に」): its facts are another council's, whichever entry shares the
 * rest. The report names 軽井沢, but only as where visitors come from.
 */
function asksOfOtherMunicipality(index: SearchIndex, terms: readonly Term[]): boolean {
  return contentTerms(terms).some((t) => t.municipality !== undefined && !index.text.includes(t.municipality));
}

/**
 * Whether a kanji word of the question matched the hit by its sound (受信 for 受診, 参科 for 参加)
 * among other words that match it as written (特定検診の受信率): in that company, most likely the
 * hit's word, mistyped or misheard. Alone (講演会はいつ？) it is a word of its own.
 */
function soundsLikeWordOf(hit: RankedHit, term: Term): boolean {
  if (term.kana || !hit.matches.some((m) => m.via === 'reading' && m.term.text === term.text)) return false;
  // The company is a word of its own: not a piece of the same compound (会 of 講演会), nor a verb.
  const apart = (other: Term) => other.end !== term.start && other.start !== term.end;
  return hit.matches.some(
    (m) =>
      m.via !== 'reading' &&
      m.term.role === 'content' &&
      !m.term.weak &&
      [...m.term.text].length >= 2 &&
      m.term.text !== term.text &&
      apart(m.term),
  );
}

/** Whether a synonym the corpus uses stands for the question's term (its phrase covers the term). */
function hasSynonym(term: Term, terms: readonly Term[]): boolean {
  return terms.some(
    (s) => s.synonym && term.start !== undefined && s.synonym.start <= term.start && s.synonym.end >= (term.end ?? 0),
  );
}

/** Names quoted in the entries' titles (柱4：…「攻める」: 攻める), normalised. */
const quotedTitleNames = new WeakMap<SearchIndex, ReadonlySet<string>>();

/** Whether the text, but for quotes, punctuation and spaces, is a name quoted in a title. */
function isQuotedTitleName(index: SearchIndex, text: string): boolean {
  let names = quotedTitleNames.get(index);
  if (names === undefined) {
    names = new Set(
      index.corpus.entries.flatMap((e) =>
        [...normalizeText(e.title).matchAll(/「([^「」]+)」/gu)].map((m) => m[1] ?? ''),
      ),
    );
    quotedTitleNames.set(index, names);
  }
  return names.has(text.replace(/[「」『』\s\p{P}]/gu, ''));
}

/** The report's own wording: every entry's title, body and figure labels (no keywords), normalised. */
const reportWordings = new WeakMap<SearchIndex, string>();

function reportWording(index: SearchIndex): string {
  let wording = reportWordings.get(index);
  if (wording === undefined) {
    wording = index.corpus.entries
      .flatMap((e) => [e.title, e.body, ...e.figures.map((f) => f.label)])
      .map(normalizeText)
      .join('\n');
    reportWordings.set(index, wording);
  }
  return wording;
}

/**
 * Whether the question's topic is a thing the best hit has only as a staff keyword, not in its
 * wording nor its everyday phrasings, and that the report never names (「ふるさと納税の返礼品で
 * ワインは選べる？」: 返礼品 is a keyword of the donations' entry, but the report says nothing of
 * return gifts): the entry is about the keyword's neighbour, not about it. The topic's last noun
 * (its head) decides: 「返礼品の寄付は増えた？」 asks about the donations, which the entry states.
 * A synonym the corpus uses may stand for a word; a word of one character is part of a longer one
 * (食事処), a time (令和元年) says when, not what, and a noun that classes a thing (取り組み,
 * あり方: analyze.ts) names none.
 */
function asksOfKeywordOnlyThing(
  index: SearchIndex,
  topic: readonly Term[],
  terms: readonly Term[],
  hit: RankedHit,
  kanaRead = false,
): boolean {
  // A topic told as a clause (「ふもとの市町村と一緒にバスを走らせる」) describes what the entry is
  // about, in the citizen's words; only a topic named by nouns (返礼品) can be a thing it lacks.
  if (contentTerms(topic).some((t) => t.weak && /\p{Script=Hiragana}$/u.test(t.text))) return false;
  const named = contentTerms(topic).filter(
    // A word typed in kana counts once read as the corpus writes it (へんれいひん: 返礼), when it
    // is the noun asked about (って何).
    (t) =>
      !t.weak &&
      (!t.kana || (kanaRead && /\p{Script=Han}/u.test(t.text))) &&
      !t.slip &&
      !t.optional &&
      [...t.text].length >= 2 &&
      !/[年月日度]$/u.test(t.text),
  );
  // A doing done to a thing named with it (災害への備え) is said by an entry in words of its own
  // (災害に強い町づくり): the thing decides. A doing named alone (空き) is the thing asked about.
  const things = named.filter((t) => !DEVERBAL_NOUN.test(t.text));
  const nouns = things.length > 0 ? things : named;
  const head = nouns.at(-1);
  const headInWording = head !== undefined && fieldsMatchedAsWritten(hit, head).some((f) => f !== 'keywords');
  return !headInWording && nouns.some((t) => onlyAsKeyword(index, hit, t, terms));
}

/**
 * Words typed as into a search box whose last the hit has nothing of, not even by a synonym
 * (高地トレーニング 宿泊): the entry is on the topic, not on what is searched of it.
 */
function searchedAspectMissing(terms: readonly Term[], intent: QuestionIntent | undefined, hit: RankedHit): boolean {
  if (intent?.searchedAspect !== true) return false;
  const aspect = askedNounTerms(terms, intent);
  const matched = matchedTexts(hit);
  return aspect.length > 0 && aspect.every((t) => termShare(t, coveringSynonyms(t, terms), matched) < synonymCredit);
}

/** The question's own words for the noun it asks about (どのような返礼品を: 返礼, 品). */
function askedNounTerms(terms: readonly Term[], intent: QuestionIntent | undefined): Term[] {
  const noun = intent?.askedNoun;
  return noun === undefined ? [] : contentTerms(terms).filter((t) => !t.synonym && noun.includes(t.text));
}

/**
 * Whether the report writes the word with a kanji where the citizen wrote kana, or the other way
 * (種まき: 種蒔き): read the same and sharing a kanji. Not a homophone (空き is no 秋).
 */
function writtenOtherwise(index: SearchIndex, term: Term): boolean {
  const words = term.reading === undefined ? [] : (index.kanaLexicon.get(term.reading) ?? []);
  const kanji = [...term.text].filter((c) => /\p{Script=Han}/u.test(c));
  return words.some(
    (w) => w.text !== term.text && kanji.some((c) => w.text.includes(c)) && reportWording(index).includes(w.text),
  );
}

/**
 * Whether the hit has the term only as a staff keyword: not in its wording nor its everyday
 * phrasings, nowhere in the report's wording, not said as a verb there, and with no synonym the
 * corpus uses standing for it.
 */
function onlyAsKeyword(index: SearchIndex, hit: RankedHit, term: Term, terms: readonly Term[]): boolean {
  const fields = fieldsMatchedAsWritten(hit, term);
  return (
    fields.length > 0 &&
    fields.every((f) => f === 'keywords') &&
    !reportWording(index).includes(term.text) &&
    !writtenOtherwise(index, term) &&
    !saysAsVerb(hit, term) &&
    !hasSynonym(term, terms)
  );
}

/** A doing named by a noun with する, ending the question (立候補するのでしょうか, 出馬したの？). */
const DOING_ASKED =
  /([\p{Script=Han}]{2,})(?:を|に)?(?:する|した|します|しない|される|された|されます|なさる|なさった|なさい|しよう|している|してる)(?:予定|つもり|方針)?(?:ん|の)?(?:です|でしょう|ですか|でしょうか|か|の|かな|かい|だい|ずら)?\s*[?？。]?\s*$/u;

/** A doing someone said they would do (立候補すると表明なさっている). */
const DOING_ANNOUNCED =
  /([\p{Script=Han}]{2,})(?:する|した|しない)(?:と|って)(?:表明|発表|宣言|明言|公言|言っ|おっしゃ)/u;

/**
 * Whether the question asks whether someone does a thing (市長は2期目にも立候補するのでしょうか) that
 * the best hit has only as a staff keyword (立候補時の政策) and the report never writes: the entry
 * is about something else the keyword leads to.
 */
function asksDoingOnlyKeyword(index: SearchIndex, askedText: string, terms: readonly Term[], hit: RankedHit): boolean {
  return sentencesOf(askedText).some((sentence) => {
    const doing = (DOING_ASKED.exec(sentence) ?? DOING_ANNOUNCED.exec(sentence))?.[1];
    if (doing === undefined) return false;
    const named = contentTerms(terms).filter(
      (t) => !t.weak && !t.synonym && doing.endsWith(t.text) && t.text.length >= 2,
    );
    return named.some((t) => onlyAsKeyword(index, hit, t, terms));
  });
}

/**
 * Whether a doing (受けに行く人の割合: 受け) is what a figure of the hit counts, in the word the
 * report makes of the same kanji (受診率): the citizen says the verb, the report its compound.
 */
function doingCountedByFigure(term: Term, hit: RankedHit): boolean {
  const stem = DEVERBAL_NOUN.test(term.text) ? term.text.charAt(0) : '';
  return stem !== '' && hit.entry.figures.some((f) => f.label.includes(stem));
}

/** A noun made of a verb's stem (備え, 見直し, 売り込み): kanji, then its kana ending. */
const DEVERBAL_NOUN = /^\p{Script=Han}+\p{Script=Hiragana}?\p{Script=Han}*\p{Script=Hiragana}$/u;

/**
 * Whether the hit's wording or everyday phrasings say a noun made of a verb (売り込み, 見直し) as
 * the verb (まちを売り込む, 見直しました): its stem, the noun less its last kana, is there.
 */
function saysAsVerb(hit: RankedHit, term: Term): boolean {
  if (!DEVERBAL_NOUN.test(term.text)) return false;
  return wordingAndPhrasings(hit.entry).includes(term.text.slice(0, -1));
}

const wordingsAndPhrasings = new WeakMap<Entry, string>();

/** An entry's title, body and everyday phrasings, normalised once. */
function wordingAndPhrasings(entry: Entry): string {
  let text = wordingsAndPhrasings.get(entry);
  if (text === undefined) {
    text = [entry.title, entry.body, ...entry.phrasings].map(normalizeText).join('\n');
    wordingsAndPhrasings.set(entry, text);
  }
  return text;
}

/** Kinds of fact that are a number: a number is quoted only about everything the question names. */
const FIGURE_KINDS = new Set<AskedKind>(['count', 'amount', 'rate']);

/** Words that make the noun before them a time (就任前, 開始後, H27時点). */
const TIME_WORDS = new Set(['前', '後', '以前', '以後', '以降', '以来', '時点', '当時', '頃', 'ごろ', '時']);

/** Words that say over what a count is taken (市内を何地区に, 全体で), never what it counts. */
const SCOPE = /^(?:市内|全市|市全体|全体|全部|県内|町内)$/u;

/** Words that say when (令和2年, この10年, 年度), never what a number is about. */
function isWhen(term: Term): boolean {
  return /^(?:[0-9]+|平成|令和|昭和|年|年度|月|日|年間|今年|去年|昨年|今年度|昨年度)$/u.test(term.text);
}

/**
 * Whether the phrase whose number is asked (「県外に住んでいる人は何人？」) names something the hit
 * does not match, by its most specific noun: then the hit's number counts something else (the
 * count of all ふるさと市民 is not that of those living outside the prefecture, nor the count of
 * people who made a ふるさと納税).
 */
function countsSomethingElse(
  index: SearchIndex,
  counted: readonly Term[],
  terms: readonly Term[],
  hit: RankedHit,
): boolean {
  let best: Term | undefined;
  let bestWeight = -1;
  // Everything up to a time word (小泉さんが市長になる前は) says when, not what is counted.
  const all = contentTerms(counted);
  const lastTime = all.findLastIndex((t) => TIME_WORDS.has(t.text));
  const words = all.slice(lastTime + 1);
  const last = words.reduce<Term | undefined>((a, t) => ((t.end ?? -1) > (a?.end ?? -1) ? t : a), undefined);
  for (const [i, term] of words.entries()) {
    if (
      term.weak ||
      // The number the phrase ends in (受信率, 人数, 金額) says which number, not of what (がん健診の受信率).
      (term === last && words.length > 1 && term.text.length > 1 && namesNumber(term)) ||
      SCOPE.test(term.text) ||
      !/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(term.text)
    )
      continue;
    // 就任前, H27時点: when, not what is counted.
    const next = words[i + 1];
    if (TIME_WORDS.has(term.text) || (next && next.start === term.end && TIME_WORDS.has(next.text))) continue;
    const weight = specificity(index, term);
    if (weight > bestWeight) {
      best = term;
      bestWeight = weight;
    }
  }
  // A word or a synonym of it, or one that sounds the same, not a word one kanji away (県外 is not 市外).
  return (
    best !== undefined &&
    termShare(best, coveringSynonyms(best, terms), matchedTexts(hit)) < synonymCredit &&
    !soundsLikeWordOf(hit, best) &&
    // A katakana word one slip from the hit's (トレーニグ): the same word mistyped.
    !hit.matches.some((m) => m.term.text === best.text && m.slip === true) &&
    !doingCountedByFigure(best, hit)
  );
}

/** Words that name a number (受診率, 寄付額, 件数) when a topic ends in them. */
const NUMBER_NAMES = new Set(['率', '割合', '比率', '額', '金額', '数', '件数', '人数']);

/** A word that names a number: one of NUMBER_NAMES, or a rate read as one word (受信率 typed for 受診率). */
function namesNumber(term: Term): boolean {
  return NUMBER_NAMES.has(term.text) || /\p{Script=Han}率$/u.test(term.text);
}

/**
 * What a number asked counts: the counted phrase, or a topic that names the number itself (がん
 * 検診の受診率は？) when none is asked by a number word.
 */
function countedOrNamed({ counted = [], topic = [] }: DecideInput): readonly Term[] {
  if (counted.length > 0) return counted;
  // The topic's own word that ends it (synonyms' terms stand in for the words they cover).
  const own = topic.filter((t) => !t.synonym);
  const end = Math.max(...own.map((t) => t.end ?? -1));
  return own.some((t) => t.end === end && namesNumber(t)) ? topic : [];
}

export interface DecideInput {
  /** The terms of what the question asks (background left out, see question-focus.ts). */
  readonly terms: readonly Term[];
  readonly hits: readonly RankedHit[];
  readonly smallTalk: SmallTalk | undefined;
  readonly intent?: QuestionIntent;
  /** What is asked, normalised (the asked clauses): a name it already holds is no answer. */
  readonly askedText?: string;
  /** The message but for the clauses that ask: a name written in the story around them is no answer either. */
  readonly writtenText?: string;
  /** The clauses of it that ask outright (question-focus.ts), not the topic raised before them. */
  readonly askingClauses?: readonly string[];
  /** The terms of the phrase whose number is asked (question-intent.ts, countedPhrase). */
  readonly counted?: readonly Term[];
  /** The terms of the question's topic (question-intent.ts, topicPhrase). */
  readonly topic?: readonly Term[];
  /** The terms of the noun the topic ends in (question-intent.ts, topicHead). */
  readonly topicHead?: readonly Term[];
}

/**
 * The words a number must be stated with to be about what was asked: the question's most
 * specific noun (by IDF), and the corpus phrases a synonym gives for it (残業 → 超過勤務).
 */
function askedSubject(index: SearchIndex, terms: readonly Term[], counted: readonly Term[] = []): string[] {
  // The corpus word for what the number counts (住んでいる人 → 人口) is what it must be stated of.
  const countedTargets = counted.flatMap((t) => (t.synonym ? [t.synonym.target] : []));
  if (countedTargets.length > 0) return [...new Set(countedTargets)];
  let best: Term | undefined;
  let bestWeight = -1;
  // The phrase whose number is asked (今の人口は何人) names it, not a word of the news before it (人口減少).
  const own = contentTerms(counted).filter((t) => !t.weak && t.slip !== true && !isWhen(t));
  for (const term of own.length > 0 ? own : contentTerms(terms)) {
    // A word typed in kana counts once read as the corpus's word (じんこう: 人口); a slip (派今) is no word.
    const unread = term.kana && !/\p{Script=Han}/u.test(term.text);
    if (term.weak || unread || term.slip === true || isWhen(term)) continue;
    const weight = specificity(index, term);
    if (weight > bestWeight) {
      best = term;
      bestWeight = weight;
    }
  }
  if (!best) return [];
  const { start, end } = best;
  const targets = terms
    .filter(
      (t) => t.synonym && start !== undefined && end !== undefined && t.synonym.start <= start && t.synonym.end >= end,
    )
    .map((t) => t.synonym?.target ?? '');
  // A word the corpus never writes stands for the corpus's word read the same (人工 typed for 人口).
  const homophones = index.text.includes(best.text)
    ? []
    : (index.kanaLexicon.get(best.reading ?? '') ?? []).map((w) => w.text).filter((w) => w !== best.text);
  return [best.text, ...new Set([...targets, ...homophones])];
}

/**
 * Whether the entry states the figure asked of a noun the question names as asked (実施率って何
 * パーセント), or of a rate it names as the entry does (市内のいくつの区で…実施率はどのくらい), which
 * may be asked beside a count of another thing (区): a statement with that noun answers, though the
 * count's subject is named elsewhere.
 */
function statesFigureOfAskedNoun(entry: Entry, intent: QuestionIntent, asked: string): boolean {
  if (intent.kind === undefined || !FIGURE_KINDS.has(intent.kind)) return false;
  const nouns = [
    ...(intent.askedNoun !== undefined ? [intent.askedNoun] : []),
    ...(intent.kind === 'rate' ? ratesNamedAsAsked(entry, asked) : []),
  ];
  return nouns.some(
    (noun) => normalizedEntryText(entry).includes(noun) && statesAskedFact(entry, intent, [noun], asked),
  );
}

/** A rate the entry names (特定検診受診率, 実施率): kanji ending in 率. */
const RATE_NAMES = /\p{Script=Han}+率/gu;

/** The entry's rates the question names too, each by its shortest end of three characters or more (受診率). */
function ratesNamedAsAsked(entry: Entry, asked: string): string[] {
  const named = new Set<string>();
  for (const [rate] of normalizedEntryText(entry).matchAll(RATE_NAMES)) {
    for (let at = rate.length - 3; at >= 0; at--) {
      if (asked.includes(rate.slice(at))) {
        named.add(rate.slice(at));
        break;
      }
    }
  }
  return [...named];
}

export function decide(index: SearchIndex, input: DecideInput, rule: DecisionRule = defaultDecisionRule): Decision {
  const { terms, hits, smallTalk } = input;
  if (smallTalk) return { kind: 'abstain', reason: smallTalk, hits };
  if (contentTerms(terms).length === 0) {
    return { kind: 'abstain', reason: terms.length === 0 ? 'empty' : 'no-match', hits };
  }
  const best = hits[0];
  if (!best) return { kind: 'abstain', reason: 'no-match', hits };
  // Verbs and adjectives alone (疲れた, 楽しい) say how someone feels, not what they ask about, unless
  // they are a name the report quotes in a title (「攻める」, a pillar's).
  if (contentTerms(terms).every((t) => t.weak) && !isQuotedTitleName(index, input.askedText ?? '')) {
    return { kind: 'abstain', reason: 'no-match', hits };
  }
  const share = best.coverage ?? coverage(index, terms, best);
  if (
    share < appliedRule(rule, terms).related &&
    !(share >= rule.evidence && matchedNouns(terms, best) >= evidenceNouns)
  ) {
    return { kind: 'abstain', reason: 'no-match', hits };
  }
  const intent = input.intent;
  // The clauses that ask outright, apart from the news or story raised before them.
  const asking = (input.askingClauses ?? []).join(' ');
  // About a year after the report, another council's affairs (named, or 隣の市), a change asked
  // over years the entry does not state, or a thing the entry has only as a keyword, or a related
  // answer whose question acts on a thing the corpus never names: the report does not say, the
  // entry is related.
  if (
    asksAfterReport(index, input.askedText ?? '') ||
    asksOutcomeAfterReport(index, input.askedText ?? '') ||
    asksOfOtherMunicipality(index, terms) ||
    asksOfOtherCountry(input.askedText ?? '', best.entry) ||
    asksOfOtherPeople(input.askedText ?? '', normalizedEntryText(best.entry)) ||
    // Asked outright of another group than the one of the news heard (子どもは500円と聞きました。
    // 高齢者は?): the group asked of decides.
    asksOfOtherPeople(asking, normalizedEntryText(best.entry)) ||
    asksOfUnknownName(index, input.askedText ?? '', input.askingClauses ?? [], terms) ||
    asksOfUnknownCharge(index, input.topic ?? [], terms) ||
    asksIfUnknownThingIsThere(index, input.askedText ?? '', terms) ||
    intent?.asksOfAnotherCouncil === true ||
    comparesWithUnstated(input.askedText ?? '', best.entry) ||
    asksNamedNumberNotStated(asking, normalizedEntryText(best.entry)) ||
    asksQuantityOfNumberless(asking, normalizedEntryText(best.entry)) ||
    asksOthersBesidesOnlyOne(asking, best.entry) ||
    (intent?.asksForFigure === true &&
      intent.kind === undefined &&
      asksYearNotStated(input.askedText ?? '', normalizedEntryText(best.entry))) ||
    asksOfKeywordOnlyThing(index, input.topic ?? [], terms, best) ||
    asksOfKeywordOnlyThing(index, askedNounTerms(terms, intent), terms, best, true) ||
    searchedAspectMissing(terms, intent, best) ||
    asksDoingOnlyKeyword(index, input.askedText ?? '', terms, best) ||
    (share < rule.answer && asksOfUnknownObject(index, input.askedText ?? '', terms, best))
  ) {
    return { kind: 'abstain', reason: 'not-in-report', hits, ...(intent?.kind ? { missing: intent.kind } : {}) };
  }
  // On the topic, but without the kind of fact asked: said plainly, the entry offered as related.
  // A name typed in kana (ふくごうしせつ) is held as the words it was read as (複合施設), and a post
  // (こうしは だれ) as the intent reads it.
  const asked =
    intent?.kind === undefined
      ? ''
      : `${spellAskingWords(input.askedText ?? '')} ${contentTerms(terms)
          .map((t) => t.text)
          .join('')}`;
  if (
    intent?.kind !== undefined &&
    ((!statesAskedFact(
      best.entry,
      intent,
      askedSubject(index, terms, input.counted),
      asked,
      `${asked} ${input.writtenText ?? ''}`,
    ) &&
      !statesFigureOfAskedNoun(best.entry, intent, asked)) ||
      (intent.alsoKinds ?? []).some((kind) => !statesAskedFact(best.entry, { ...intent, kind }, [], asked)) ||
      asksOfUnknownThing(index, input.topicHead ?? input.topic ?? [], terms, best) ||
      (FIGURE_KINDS.has(intent.kind) &&
        (countsSomethingElse(index, countedOrNamed(input), terms, best) ||
          asksYearNotStated(input.askedText ?? '', normalizedEntryText(best.entry)) ||
          asksPerUnitNotStated(input.askedText ?? '', normalizedEntryText(best.entry)) ||
          asksChangeNotStated(input.askedText ?? '', normalizedEntryText(best.entry)) ||
          asksTotalNotStated(input.askedText ?? '', normalizedEntryText(best.entry)) ||
          asksAmountOfOther(input.askedText ?? '', best.entry) ||
          asksFigureOfOtherName(
            input.askedText ?? '',
            [...(input.topic ?? []), ...(input.counted ?? [])],
            best.entry,
          ))))
  ) {
    return { kind: 'abstain', reason: 'not-in-report', hits, missing: intent.kind };
  }
  const askedUnit = intent?.unit ? { askedUnit: intent.unit } : {};
  return { kind: 'answer', hits, confidence: share >= rule.answer ? 'full' : 'partial', ...askedUnit };
}
