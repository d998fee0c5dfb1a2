/**
 * The search pipeline composed: normalize (width, Latin words, colloquial forms) → tokenize →
 * analyze → search → decide.
 * Pure given a built tokenizer and index; the server, the CLI and the eval all call this.
 */
import { isNameNoun, type Term } from './analyze/analyze.js';
import { characterBigrams } from './analyze/character-bigrams.js';
import { decide, defaultDecisionRule, heardInCorpus, HOME_NAMES, type DecisionRule } from './decide/decide.js';
import type { Decision } from './decide/decision.js';
import type { Tokenize } from './analyze/japanese-tokenizer.js';
import { standardizeColloquial } from './normalize/colloquial.js';
import { writeKanaCounters } from './normalize/kana-counters.js';
import { convertKanjiNumerals } from './normalize/kanji-numerals.js';
import { readLatinWords } from './normalize/latin-words.js';
import { normalizeText } from './normalize/normalize.js';
import {
  focusSpans,
  questionClauses,
  raisesByHearsay,
  reportedTopic,
  setPhraseSpans,
  toldSpans,
  storyCut,
  termWithin,
  type Clause,
  type ClauseMemo,
  type Span,
} from './analyze/question-focus.js';
import { asksFact, combineQuestions, questionsApart, type QuestionApart } from './decide/several-questions.js';
import { asksWhetherTrue } from './analyze/confirmation.js';
import {
  countedPhrase,
  progressFrameSpans,
  questionIntent,
  topicHead,
  topicPhrase,
  type QuestionIntent,
} from './analyze/question-intent.js';
import { topicTerms, trackerForTopic, wholeTracker } from './decide/pledge-progress.js';
import { numberedSeries, writeOrdinalsAsNumbered } from './analyze/ordinal-names.js';
import { questionTerms } from './analyze/question-terms.js';
import { textAsHeard } from './analyze/misheard-words.js';
import { asksAlong } from './decide/per-unit.js';
import { countedByVerb } from './analyze/counted-by-verb.js';
import { rerankByCoverage } from './decide/rerank.js';
import { siblingStatingAskedFirst } from './decide/sibling-states-asked.js';
import { contentTerms, searchEntriesInSteps, type RankedHit } from './search/search.js';
import { inverseDocumentFrequency, type SearchIndex } from './search/search-index.js';
import { memoized } from './memoized.js';
import { detectSmallTalk, type SmallTalk } from './analyze/small-talk.js';
import {
  clauseNamingCount,
  demonstrativeNoun,
  namesByDemonstrative,
  pointsBack,
  quotedNameSpan,
  referentSpan,
} from './analyze/referent.js';
import { withTopicRaisedEarlier } from './analyze/topic-raised-earlier.js';
import { elidedObject } from './analyze/elided-object.js';
import { spelledAsRead } from './analyze/spelled-as-read.js';
import { corpusReadingOf } from './analyze/sound-index.js';
import { writeOfficeSuffixes } from './analyze/office-suffix.js';
import { runAtOnce } from './time-slices.js';

export interface Asked {
  readonly question: string;
  /** The message as analysed: normalised, and a long story's opening left out (storyCut). */
  readonly normalized: string;
  /** Every term of the message, background marked (see question-focus.ts): what ranks the entries. */
  readonly terms: readonly Term[];
  /** The terms the decision weighs: those of what is asked, or all when nothing is marked asked. */
  readonly decisive: readonly Term[];
  readonly decision: Decision;
}

export interface AskOptions {
  /** How many hits to rank (default 5). */
  readonly top?: number;
  readonly rule?: DecisionRule;
  /**
   * Called as each stage ends (npm run bench times this very function's stages with it); search
   * and decide end once more for each question of a message that asks several.
   */
  readonly lap?: (stage: AskStage) => void;
}

/** The stages of askQuestion, in the order they run. */
export const askStages = ['normalize', 'terms', 'focus', 'search', 'decide'] as const;
export type AskStage = (typeof askStages)[number];

/** Questions longer than this are cut before analysis: LINE allows 5,000 characters, no FAQ needs them. */
export const maxQuestionLength = 500;

/** How many candidates of the search are re-ranked by coverage. */
const rerankDepth = 20;
/**
 * As many for one question of a message that asks several: only its first entry is shown, and its
 * few words meet fewer entries.
 */
const apartRerankDepth = 10;

export function askQuestion(tokenize: Tokenize, index: SearchIndex, question: string, options: AskOptions = {}): Asked {
  return runAtOnce(askInSteps(tokenize, index, question, options));
}

/**
 * askQuestion as a job in steps: it yields between its stages and between the questions of a
 * message that asks several, so the server can answer a long message without holding the event
 * loop for all of it (a 400-character letter is searched once whole and once per question in it).
 */
export function* askInSteps(
  tokenize: Tokenize,
  index: SearchIndex,
  question: string,
  options: AskOptions = {},
): Generator<void, Asked, void> {
  const { lap } = options;
  const isKnownWord = (word: string) => index.documentFrequency.has(`t:${word}`);
  // The cut must not split an emoji: the tokenizer throws on a lone high surrogate.
  const written = normalizeText(question.slice(0, maxQuestionLength * 2))
    .slice(0, maxQuestionLength)
    .replace(/[\uD800-\uDBFF]$/u, '');
  const latinRead = readLatinWords(written, index.english, isKnownWord, (kana) =>
    corpusReadingOf(kana, index.kanaLexicon, index.soundIndex),
  );
  // Romaji read into kana (itsutsu no hashira) may hold a kana numeral; normalizeText read the rest.
  const numbered = latinRead === written ? latinRead : convertKanjiNumerals(latinRead);
  const whole = writeOrdinalsAsNumbered(
    writeOfficeSuffixes(standardizeColloquial(writeKanaCounters(numbered)), index.text),
    numberedSeries(index.corpus.entries, index.kanaLexicon),
  );
  // A long story's opening is left out (question-focus.ts, storyCut); small talk is told on the whole.
  const clauseMemo: ClauseMemo = new Map();
  const normalized = whole.slice(storyCut(whole, questionClauses(whole, clauseMemo)));
  lap?.('normalize');
  const allTerms = questionTerms(normalized, tokenize, {
    synonyms: index.synonyms,
    isKnownWord,
    occursInCorpus: (text) => index.text.includes(text),
    kanaLexicon: index.kanaLexicon,
    soundIndex: index.soundIndex,
  });
  lap?.('terms');
  yield;
  // What is asked is read in the words meant (県数 typed for 件数); terms keep what was written.
  const read = textAsHeard(normalized, allTerms);
  const clauses = questionClauses(read, clauseMemo);
  const setPhrases = setPhraseSpans(read);
  // A word of the corpus found in few entries; a kana run the corpus has no word for may be the
  // ending of a verb (なんとかしてもらえません), so it names no topic here.
  const isSpecific = (t: Term) => {
    const entries = index.documentFrequency.get(`t:${t.text}`) ?? 0;
    // Nor a number alone (その三つとは): it counts something named elsewhere; nor a noun that only
    // classes a thing (その計画の名前, 何という取り組み) or the kind of answer (どんな対策): the story says which.
    return (
      !t.weak &&
      t.optional !== true &&
      entries < commonWordShare * index.size &&
      // A katakana word names a thing, one the corpus writes within a longer word (ランチミーティング)
      // or one mistyped (ネーミングライッ); so does a kana word the corpus reads (しせい, はしら).
      !(
        t.kana &&
        entries === 0 &&
        !/^[\p{Script=Katakana}ー]{3,}$/u.test(t.text) &&
        !(t.reading !== undefined && t.reading.length >= 3 && heardInCorpus(index, t.reading))
      ) &&
      !/^[0-9.]+$/u.test(t.text) &&
      !CLASSING_NOUNS.has(t.text) &&
      !COST_NOUNS.has(t.text) &&
      !(PLACE_KIND_NOUNS.has(t.text) && t.end !== undefined && PLACE_KIND_ASKED.test(normalized.slice(t.end))) &&
      // Nor the city or its mayor (小諸もやってるの？): every entry is of them.
      !HOME_NAMES.test(t.text)
    );
  };
  const inCorpus = (t: Term) => !t.weak && index.text.includes(t.text);
  const focus = withTopicBefore(read, focusSpans(read, clauses), clauses, allTerms, setPhrases, isSpecific, inCorpus);
  const rule = options.rule ?? defaultDecisionRule;
  const top = options.top ?? 5;
  const smallTalk = detectSmallTalk(whole);
  const marked = markBackground(allTerms, focus, setPhrases, toldSpans(read));
  lap?.('focus');
  const settings: AskSettings = { top, rule, lap, intentOfText: memoized(questionIntent) };
  // The story around every asking clause: a name written there is no new answer (協議会って…どこの団体が).
  const told = textBesides(
    read,
    clauses.filter((c) => c.asks),
  );
  const main = yield* askAbout(index, read, { terms: marked, focus, smallTalk, told, depth: rerankDepth }, settings);
  let decision = main.decision;
  if (!smallTalk) {
    const apart: QuestionApart[] = [];
    for (const { clause, terms } of questionsApart(read, clauses, allTerms, setPhrases)) {
      yield;
      // Each question on its own words: the story is ranked in the main answer.
      const { decision: own, intent } = yield* askAbout(
        index,
        read,
        { terms, focus: [clause], smallTalk: undefined, told, depth: apartRerankDepth },
        settings,
      );
      apart.push({ decision: own, asksFact: asksFact(read.slice(clause.start, clause.end), intent.kind) });
    }
    decision = combineQuestions(main.decision, apart, /[\p{L}\p{N}]/u.test(told));
  }
  lap?.('decide');
  return { question, normalized, terms: main.terms, decisive: main.decisive, decision };
}

/** What one decision is on: the terms, what is asked of them and the story around it. */
interface AskedOf {
  readonly terms: readonly Term[];
  readonly focus: readonly Clause[];
  readonly smallTalk: SmallTalk | undefined;
  /** The message but for the clauses that ask: the story, whose names are no new answer. */
  readonly told: string;
  /** How many hits are re-ranked by coverage. */
  readonly depth: number;
}

/** How every decision on one message is made. */
interface AskSettings {
  readonly top: number;
  readonly rule: DecisionRule;
  readonly lap: AskOptions['lap'];
  /**
   * questionIntent, each text read once per message: a letter asking several things reads the
   * same clauses for the whole message and for each question apart.
   */
  readonly intentOfText: (text: string) => QuestionIntent;
}

/** One decision on the message, with `focus` as what is asked. */
function* askAbout(
  index: SearchIndex,
  normalized: string,
  { terms, focus, smallTalk, told, depth }: AskedOf,
  { top, rule, lap, intentOfText }: AskSettings,
): Generator<
  void,
  { terms: readonly Term[]; decisive: readonly Term[]; decision: Decision; intent: QuestionIntent },
  void
> {
  yield;
  // Rank on the whole message, decide on what it asks.
  const asked = terms.filter((t) => !t.background);
  const decisive = contentTerms(asked).length > 0 ? asked : terms;
  const askedText = focus.map((c) => normalized.slice(c.start, c.end)).join(' ');
  // 「〜と聞きましたが、本当でしょうか。いつ頃できますか。」 asks about the topic itself as well.
  const confirms = focus.some((c) => asksWhetherTrue(normalized.slice(c.start, c.end)));
  const asWritten = intentOf(intentOfText, askedText, askingText(normalized, focus, decisive));
  // The noun asked about, in words typed in kana read as the corpus spells them (へんれいひんって何: 返礼品).
  // Not a name (だいめいって: 題名), which is what is asked, not a thing.
  const spelledNoun =
    asWritten.askedNoun === undefined
      ? intentOfText(focus.map((c) => spelledAsRead(normalized, c, terms)).join(' ')).askedNoun
      : undefined;
  const wanted =
    spelledNoun === undefined || isNameNoun(spelledNoun) ? asWritten : { ...asWritten, askedNoun: spelledNoun };
  const intent: QuestionIntent = confirms ? { ...wanted, kind: undefined } : wanted;
  // Character bigrams only of what is asked: a long story would add hundreds of them, each a query.
  const grams = characterBigrams(askedText);
  const candidates = yield* searchEntriesInSteps(
    index,
    withBackgroundCapped(index, terms),
    Math.max(top, depth),
    intent,
    grams,
  );
  const ranked = rerankByCoverage(index, decisive, candidates, intent);
  // A message that asks several things is answered part by part (combineQuestions); a topic raised
  // before the one question (〜と聞いて心配しております。〜どのような場で) is no question of its own.
  const asksOne = focus.filter((c) => c.asks === true).length <= 1;
  const hits = (asksOne ? siblingStatingAskedFirst(ranked, intent, askedText) : ranked).slice(0, top);
  lap?.('search');
  yield;
  // What is counted is read in the last asked clause that names a number, not in one asked along
  // (職員一人あたりでは何時間になるのかも分かれば).
  const mainClauses = focus.filter((c) => !asksAlong(normalized.slice(c.start, c.end)));
  const lastFirst = [...(mainClauses.length > 0 ? mainClauses : focus)].reverse();
  const counted = [
    ...phraseTerms(normalized, lastFirst, decisive, countedPhrase),
    ...countedByVerb(normalized, lastFirst, decisive, index.synonyms),
  ];
  // The topic is read where the question is asked outright before the story raised around it
  // (「陸上をやっている息子が…と聞いて」 names who heard, not what is asked).
  const askingFirst = [...focus.filter(asksOutright), ...focus.filter((c) => !asksOutright(c))];
  const topic = phraseTerms(normalized, askingFirst, decisive, topicPhrase, true);
  const head = phraseTerms(normalized, askingFirst, decisive, topicHead, true);
  const decided = decide(
    index,
    {
      terms: decisive,
      hits,
      smallTalk,
      intent,
      askedText,
      writtenText: told,
      askingClauses: focus.filter(asksOutright).map((c) => normalized.slice(c.start, c.end)),
      counted,
      topic,
      topicHead: head,
    },
    rule,
  );
  // How far the pledges got, not one kind of fact: the pledge tracker answers (pledge-progress.ts).
  const decision =
    intent.asksProgress === true && intent.kind === undefined && !smallTalk
      ? askProgress(index, normalized, decisive, candidates, decided, top, rule)
      : decided;
  lap?.('decide');
  return { terms, decisive, decision, intent };
}

/** The text outside the given spans: the story and topics told around the clauses that ask. */
function textBesides(text: string, spans: readonly Span[]): string {
  let rest = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    rest += `${text.slice(at, Math.max(at, span.start))} `;
    at = Math.max(at, span.end);
  }
  return rest + text.slice(at);
}

/** A clause of the focus that asks outright (a clause, not a span cut from one: question-focus.ts). */
function asksOutright(span: Span): boolean {
  return 'asks' in span && span.asks === true;
}

/**
 * The text of the clauses that ask outright, when they name something of their own: the kind of
 * fact wanted is read there, not in the story raised before it (「来年学校に上がる孫」 asks for no
 * future date, 「応募できるコンクールがあると聞きました」 for no procedure). Undefined when they name
 * nothing (「いくらでしょうか」 after the topic), and the whole focus says what is wanted.
 */
function askingText(normalized: string, focus: readonly Span[], terms: readonly Term[]): string | undefined {
  const asking = focus.filter(asksOutright);
  if (asking.length === 0 || asking.length === focus.length) return undefined;
  const named = contentTerms(terms.filter((t) => !t.background && termWithin(t, asking)));
  return named.length > 0 ? asking.map((c) => normalized.slice(c.start, c.end)).join(' ') : undefined;
}

/** What the question wants: the kind of fact and its unit from the asking clauses, the rest from all it asks. */
function intentOf(
  intentOfText: (text: string) => QuestionIntent,
  askedText: string,
  asking: string | undefined,
): QuestionIntent {
  const whole = intentOfText(askedText);
  if (asking === undefined) return whole;
  const { kind, detail, unit, countsAnything, asksForFigure } = intentOfText(asking);
  const { kind: _k, detail: _d, unit: _u, countsAnything: _c, ...rest } = whole;
  return {
    ...rest,
    asksForFigure,
    ...(kind ? { kind } : {}),
    ...(detail ? { detail } : {}),
    ...(unit ? { unit } : {}),
    ...(countsAnything ? { countsAnything } : {}),
  };
}

/** Nouns that class a thing rather than name it (計画, 取り組み, 制度). */
const CLASSING_NOUNS = new Set([
  '計画',
  '取り組み',
  '取組',
  '制度',
  '事業',
  '施策',
  '政策',
  '仕組み',
  '活動',
  '組織',
  'グループ',
  // What came of it (結果はいつ届く): the story says of what.
  '結果',
  'もの',
  // A view spoken of (この考え, その方針): the story says whose and of what.
  '考え',
  '考え方',
  '方針',
  // A name asked for (正式な名前と): the story says of what.
  '名前',
  '名称',
  '形',
  // Who helps (専門の人に): the story says with what.
  '専門',
  // What it was about (どういうテーマだった): the story says of what.
  'テーマ',
]);

/** Nouns of what a thing costs the citizen (自己負担はいかほど): the story says for what. */
const COST_NOUNS = new Set(['自己負担', '自己', '負担', '費用', '料金', '値段']);

/**
 * Kinds of place asked for (受けられる病院も教えて, 申し込む窓口を知りたい): the answer's kind, which the
 * story says for what; a place of the topic (病院の建て替え) is not followed by a request.
 */
const PLACE_KIND_NOUNS = new Set(['病院', '医療機関', '会場', '窓口', '場所']);
const PLACE_KIND_ASKED = /^(?:は|も|を|が)?\s?(?:どこ|教え|おしえ|知り|しり)/u;

/** A word found in this share of the entries or more (市, 小諸) names no topic of its own. */
const commonWordShare = 0.25;

/**
 * The decision on a question asking how far the pledges got: the whole tracker when it names no
 * topic, else the part of it its topic finds: the question's candidates re-ranked and decided on
 * the topic's words alone (no second search: a long letter that mentions 公約 costs no more).
 */
function askProgress(
  index: SearchIndex,
  normalized: string,
  decisive: readonly Term[],
  candidates: readonly RankedHit[],
  decided: Decision,
  top: number,
  rule: DecisionRule,
): Decision {
  const topic = topicTerms(decisive, progressFrameSpans(normalized));
  if (contentTerms(topic).length === 0) return wholeTracker(decided);
  const intent = questionIntent(topic.map((t) => t.text).join(' '));
  const hits = rerankByCoverage(index, topic, candidates, intent).slice(0, top);
  const topicDecision = decide(index, { terms: topic, hits, smallTalk: undefined, intent }, rule);
  return trackerForTopic(decided, topicDecision, index.corpus.entries);
}

/**
 * When what is asked names nothing (「どのようなものでしょうか」) or nothing specific (「市で
 * なんとかしてくれない？」), its topic is the clause just before it (「食をテーマにした施設を
 * つくるというお話がありましたが、」「となりの空き家の草がぼうぼうで困ってる。」), which is asked too;
 * or, when it points back (その施設), the word it points to (referent.ts).
 */
function withTopicBefore(
  normalized: string,
  focus: readonly Clause[],
  clauses: readonly Clause[],
  terms: readonly Term[],
  setPhrases: readonly Span[],
  isSpecific: (term: Term) => boolean,
  inCorpus: (term: Term) => boolean,
): readonly Clause[] {
  const named = (spans: readonly Span[]) =>
    contentTerms(terms.filter((t) => termWithin(t, spans) && !termWithin(t, setPhrases))).filter(isSpecific);
  const first = focus[0];
  if (!first) return focus;
  const asked = { start: first.start, end: (focus.at(-1) ?? first).end };
  // Pointing back with a noun no word before ends with (その計画, when the story said 方向を示したもの)
  // points to the clause before, as これは does; あの with a noun of its own (あの複合施設) names a
  // thing known to all.
  const pointing = focus.find((c) => namesByDemonstrative(normalized, c));
  const noun = pointing && demonstrativeNoun(normalized, pointing);
  const pointed = pointing && referentSpan(normalized, pointing, { start: 0, end: pointing.start });
  const unfound = pointing !== undefined && !pointed;
  // あの複合施設 names a thing known to all; so does a name of two words of the report's
  // (その仮想市民, when the story said 仮想の市民), which says which thing without the story.
  // Of あの or この, the words from the noun on (あの振り返りの報告: 報告) say which thing.
  const ownName =
    noun !== undefined &&
    pointing !== undefined &&
    !referentSpan(normalized, pointing, { start: 0, end: noun.start }) &&
    (noun.known ? named([{ start: noun.start, end: pointing.end }]).length > 0 : named([noun]).length >= 2);
  // A clause pointing back (そうした制度は) to the topic raised just before it in what is asked
  // (〜助成金があると聞いたのですが、) points to that topic, not further back into the story.
  const pointingBack = focus.findIndex((c) => c === pointing || pointsBack(normalized, c));
  const raisedWithin = pointingBack > 0 && named(focus.slice(0, pointingBack)).length > 0;
  const back = !raisedWithin && (pointsBack(normalized, asked) || (unfound && !ownName));
  if (named(focus).length > 0 && !back) {
    // A thing named outright is asked, not the story told of it before (施設ができると聞いて).
    const narrowed = ownName
      ? focus.filter((c) => c.asks === true || c.start >= pointing.start)
      : narrowedToReferent(normalized, withTopicRaisedEarlier(normalized, focus, clauses, named), clauses);
    // The word その施設 points to, in the story before what is asked (「…複合施設の整備とありました。
    // その施設について」): asked too, when no clause asked holds it.
    // So is the object of a verb said again without it (特定検診を受けて…受ける人の割合).
    // その3つ目: the things the clause before counted.
    if (raisedWithin) return narrowed;
    const counting = clauseNamingCount(
      normalized,
      asked,
      clauses.filter((c) => c.end <= first.start),
    );
    const referent =
      pointed ??
      (counting && reportedTopic(normalized, counting)) ??
      elidedObject(
        normalized,
        asked,
        clauses.filter((c) => c.end <= first.start),
        terms,
      );
    return referent && !narrowed.some((c) => c.start <= referent.start && referent.end <= c.end)
      ? [{ ...referent, role: first.role }, ...narrowed]
      : narrowed;
  }
  // The clause before, or the topic raised just before it (「遊園地を作るという話を聞いた覚えが
  // ございます。孫を連れて行けたら楽しかろうと思いまして。あれは…」).
  // A clause about the citizen themselves (私は目が悪くて…) is why they ask, not what about.
  const preceding = clauses.filter(
    (c) => c.end <= first.start && c.role !== 'greeting' && !ABOUT_ONESELF.test(normalized.slice(c.start, c.end)),
  );
  // その3つ: the clause that named the three things, however far back.
  // Else of the two clauses before, the last that names a thing the report knows (政策集 rather
  // than 押し入れを片付けていて).
  // And the last clause, naming nothing the report knows, only when what is asked names too little
  // (「どのようなものでしょうか」, 「市はどんな対策を」): a question in the report's common words
  // (事業の費用をかけない方針) asks about them, not about what was told before it.
  const namesReportWords =
    contentTerms(terms.filter((t) => termWithin(t, focus))).filter(
      (t) => t.weak !== true && t.optional !== true && inCorpus(t),
    ).length >= 2;
  const before =
    clauseNamingCount(normalized, asked, preceding) ??
    preceding.slice(-2).findLast((c) => c.role === 'asked') ??
    preceding.slice(-2).findLast((c) => contentTerms(terms.filter((t) => termWithin(t, [c]))).some(inCorpus)) ??
    (namesReportWords ? undefined : preceding.at(-1));
  if (!before) return focus;
  // 「その施設には」: only the word it points back to (複合施設) is asked, not the rest of that clause;
  // 「これは」 after a quoted name asks about the name.
  // A verb said again without its object (特定検診を受けて…受ける人の割合) points to that object.
  const referent =
    referentSpan(normalized, asked, { start: 0, end: first.start }) ??
    (back ? quotedNameBefore(normalized, preceding) : undefined) ??
    elidedObject(normalized, asked, preceding, terms);
  // Of a topic heard of, the topic: not who told it nor how (〜という話を耳にしましたが).
  return referent ? [{ ...referent, role: first.role }, ...focus] : [reportedTopic(normalized, before), ...focus];
}

/** A clause that opens with the citizen as its subject (私は, 私も, 自分は). */
const ABOUT_ONESELF = /^\s*(?:私|わたし|わたくし|僕|ぼく|俺|おれ|自分)(?:は|も|が|自身)/u;

/**
 * The name quoted in one of the few clauses before a question that points back (「会報に「トータル
 * システム」という言葉が出てきて…。パソコンの話かと思ったのですが、これは…」): the nearest.
 */
function quotedNameBefore(normalized: string, preceding: readonly Clause[]): Span | undefined {
  for (const clause of preceding.slice(-3).reverse()) {
    const name = quotedNameSpan(normalized, clause);
    if (name) return name;
  }
  return undefined;
}

/**
 * A clause that only raises a topic (「運転手さんから新しい複合施設の話を伺いました。」) before one that
 * asks about it by pointing back (「その施設には…」): of the raising clause only the word pointed to
 * is asked.
 */
function narrowedToReferent(
  normalized: string,
  focus: readonly Clause[],
  clauses: readonly Clause[],
): readonly Clause[] {
  const asking = focus.findLast((c) => c.asks === true);
  if (!asking) return focus;
  return focus.map((clause) => {
    if (clause.asks === true || clause.end > asking.start) return clause;
    const referent = referentSpan(normalized, asking, clause);
    if (!referent) return clause;
    // A topic heard of is told whole (「移り住んで働いたり商売を始めたりする人に助成金が出ると聞き
    // ました。その助成金の名前を」): what was heard says which 助成金; the story around it does not.
    const whole = clauses.find((c) => c.start <= clause.start && clause.start < c.end) ?? clause;
    const heard = raisesByHearsay(normalized, whole) ? reportedTopic(normalized, whole) : undefined;
    return heard && heard.start <= referent.start && referent.end <= heard.end
      ? heard
      : { ...referent, role: clause.role };
  });
}

/**
 * The terms of a phrase of the question (what it counts, its topic: question-intent.ts), in the
 * first of `clauses` that has one (the last asked for what is counted, the first for the topic);
 * with `named`, the first whose phrase names something.
 */
function phraseTerms(
  normalized: string,
  clauses: readonly Span[],
  terms: readonly Term[],
  phraseOf: (text: string) => Span | undefined,
  named = false,
): Term[] {
  for (const clause of clauses) {
    const phrase = phraseOf(normalized.slice(clause.start, clause.end));
    if (phrase) {
      const span = { start: clause.start + phrase.start, end: clause.start + phrase.end };
      const within = terms.filter((t) => termWithin(t, [span]));
      if (!named || contentTerms(within).length > 0) return within;
    }
  }
  return [];
}

/** At most this many words of the story around a question help to rank: its most specific ones. */
const maxBackgroundTerms = 12;

function withBackgroundCapped(index: SearchIndex, terms: readonly Term[]): readonly Term[] {
  const background = contentTerms(terms.filter((t) => t.background));
  if (background.length <= maxBackgroundTerms) return terms;
  const idf = (t: Term) => inverseDocumentFrequency(index, `t:${t.text}`);
  const kept = new Set(
    background
      .sort((a, b) => idf(b) - idf(a))
      .slice(0, maxBackgroundTerms)
      .map((t) => t.text),
  );
  return terms.filter((t) => !t.background || kept.has(t.text));
}

/**
 * Terms of set phrases (いつもお世話になっております) go; terms outside the asked clauses, or told within
 * them (a description of a quoted name, whose view is asked: `told`, question-focus.ts), are marked as background, unless the
 * same word is also asked about.
 */
function markBackground(
  terms: readonly Term[],
  focus: readonly Span[],
  setPhrases: readonly Span[],
  told: readonly Span[],
): Term[] {
  const kept = terms.filter((t) => !termWithin(t, setPhrases));
  const asked = (t: Term) => termWithin(t, focus) && !termWithin(t, told);
  // The citizen's own words: a synonym's term (区 of 区のまとめ役 for 区長) asks nothing of the story's 区.
  const askedTexts = new Set(kept.filter((t) => !t.synonym && asked(t)).map((t) => t.text));
  return kept.map((t) =>
    asked(t) || askedTexts.has(t.text) || t.start === undefined ? t : { ...t, background: true },
  );
}
