/**
 * A message that asks several things (「ふるさと納税は？残業は減った？」) gets an answer to each: the
 * asked sentences are decided apart, and the first entry of each answered in full is shown.
 */
import type { Term } from '../analyze/analyze.js';
import type { Decision } from './decision.js';
import type { AskedKind } from '../analyze/question-intent.js';
import type { Hit } from '../search/search.js';
import { raisesByHearsay, termWithin, type Clause, type Span } from '../analyze/question-focus.js';
import { contentTerms } from '../search/search.js';
import { namesByDemonstrative, pointsBack } from '../analyze/referent.js';

/**
 * The asked sentences of a message that asks more than one thing, each with its own terms; none
 * for a message that asks one. Each is a clause that ends a sentence.
 */
export function questionsApart(
  normalized: string,
  clauses: readonly Clause[],
  terms: readonly Term[],
  setPhrases: readonly Span[],
): { clause: Clause; terms: Term[] }[] {
  const asked = withTopicTold(normalized, clauses)
    // A clause that only raises a topic (〜と耳にしました。) is the subject of the question after it.
    .filter(({ clause: c }) => asksInSentence(normalized, c))
    .map(({ clause, joined }) => ({ clause, joined, text: normalized.slice(clause.start, clause.end) }))
    // A question that points back (あれは市長さんの公約だったのでしょうか, その助成金の名前) is of the
    // question before it, unless to a topic told just before it, joined to it.
    .filter(
      ({ clause: c, joined, text }) =>
        joined ||
        // Who does it, with nothing done named (観光局がやっているの？), or whether it is found
        // elsewhere too (アメリカにもありますか): asked of the thing before.
        (!WHO_DOES_IT.test(text) &&
          !ALSO_ELSEWHERE.test(text) &&
          !pointsBack(normalized, c) &&
          !namesByDemonstrative(normalized, c)),
    )
    .map((q) => ({ ...q, terms: ownTerms(terms, q.clause, setPhrases) }))
    // So is a detail asked along (「自己負担がいくらかも伺えれば」), unless it names things of its own
    // (審議会や委員会での女性の割合も).
    .filter((q) => q.joined || !FOLLOW_UP.test(q.text) || namesTopicOfItsOwn(q.terms))
    // A question that names only what it wants to know (自己負担額がいくらになるのか) asks it of the
    // question before: it has no topic of its own.
    .filter((q) => !contentTerms(q.terms).every((t) => t.weak === true || ATTRIBUTE_WORDS.has(t.text)))
    // A request with nothing to search (「いくつか教えていただきたいことがございます」) asks nothing
    // apart, nor one whose words are single characters (何という名前の会で: 会), too general alone.
    .filter((q) => contentTerms(q.terms).some((t) => [...t.text].length >= 2));
  return asked.length >= 2 ? asked.slice(-maxQuestionsPerMessage) : [];
}

/**
 * Whether a clause's own terms name things of its own, three words or more besides what is asked of them
 * (審議会や委員会での女性の割合も知りたい): a question of its own, though it asks along (〜も).
 */
function namesTopicOfItsOwn(own: readonly Term[]): boolean {
  const named = contentTerms(own).filter(
    (t) => t.weak !== true && [...t.text].length >= 2 && !ATTRIBUTE_WORDS.has(t.text),
  );
  return new Set(named.map((t) => t.text)).size >= 3;
}

/** Whether a clause asks and ends a sentence (a question of its own, not a clause within one). */
function asksInSentence(normalized: string, clause: Clause): boolean {
  return clause.asks === true && /[?？。．!！]\s*$/u.test(normalized.slice(clause.start, clause.end));
}

/** A word of two kanji or katakana or more: what a question names of its own. */
const NAMES_A_WORD = /[\p{Script=Han}\p{Script=Katakana}ー]{2,}/u;

/**
 * A topic raised by hearsay in the question's own sentence (委員会ができたと聞きましたが、何という会
 * でしょうか): a question naming nothing of its own is asked of it.
 */
function raisedInSentence(normalized: string, told: Clause): boolean {
  return (
    told.role === 'asked' &&
    !/[?？。．!！]\s*$/u.test(normalized.slice(told.start, told.end)) &&
    raisesByHearsay(normalized, told)
  );
}

/**
 * The clauses, each later question that points back (そちらの中身も教えて) joined to the topic told
 * just before it (あわせて、〜の決まりができたとも耳にしたのですが、): a second question of its own,
 * the one it points to. The first question's pointing back is the whole message's (see ask.ts).
 */
function withTopicTold(normalized: string, clauses: readonly Clause[]): { clause: Clause; joined: boolean }[] {
  const read: { clause: Clause; joined: boolean }[] = [];
  let askedBefore = false;
  for (const [i, clause] of clauses.entries()) {
    const told = clauses[i - 1];
    const asks = asksInSentence(normalized, clause);
    // The clause before was pushed as it is: only an asking clause is ever joined.
    if (
      asks &&
      told !== undefined &&
      told.asks !== true &&
      ((askedBefore && (pointsBack(normalized, clause) || namesByDemonstrative(normalized, clause))) ||
        (raisedInSentence(normalized, told) && !NAMES_A_WORD.test(normalized.slice(clause.start, clause.end))))
    ) {
      read[read.length - 1] = { clause: { ...clause, start: told.start }, joined: true };
    } else {
      read.push({ clause, joined: false });
    }
    if (asks) askedBefore = true;
  }
  return read;
}

/** One question of a message decided apart, and whether it asked for a fact of its own. */
export interface QuestionApart {
  readonly decision: Decision;
  /** It asked for a kind of fact (いつ, いくら) or a name (何という課). */
  readonly asksFact: boolean;
}

/** A name asked for: 何という課, なんていう名前. */
const NAME_QUESTION = /(?:何|なん)(?:と|て)(?:いう|言う)|名前|名称/u;

/** Whether a question asks for a fact of its own: a kind of fact, or a name. */
export function asksFact(question: string, kind: AskedKind | undefined): boolean {
  return kind !== undefined || NAME_QUESTION.test(question);
}

/** Words for what is wanted to know of a thing, not for a thing: its cost, time, place, name, who may, when it runs, where to get it. */
const ATTRIBUTE_WORDS = new Set([
  ...['自己', '負担', '額', '金額', '費用', '料金', '値段', '代金', '時期', '期間', '日時', '日程', '時間'],
  ...['場所', '名前', '名称', '対象', '条件', '方法', '人数', '件数', '期限', '締め切り', '年齢', '定員', '回数'],
  // Where to get it (市役所の窓口に置いてありますか).
  ...['市役所', '役所', '窓口', '支所'],
  // When it runs (毎日走ってる？).
  ...['毎日', '毎週', '毎月', '平日', '土日', '週末', '休日', '祝日', '年中', '通年'],
]);

/**
 * A clause asking whether the thing of the question before is found elsewhere too, its subject
 * left unsaid (アメリカやドイツにもありますか, 東京でもやっていますか).
 */
const ALSO_ELSEWHERE = /^[^はが、,。？?]{1,20}?(?:に|で)も(?:あり|ある|あん|い(?:る|ます)|おり|やって|やっ|行って)/u;

/** A clause asking only who does the thing of the question before: 〜がやっているの, 〜がするの. */
const WHO_DOES_IT =
  /^[^、,。？?を]{1,12}(?:が|は)(?:やって|やっ|して|し|行って|行っ)(?:いる|てる|た|ている)?(?:の|ん|ですか|ますか)?[?？。]?\s*$/u;

/**
 * A question asking a detail along with the one before it: 〜かも教えて, 駐車場の場所も教えて. Not one
 * opened by あわせて (あわせて、〜も教えて): that adds a question of its own.
 */
const FOLLOW_UP =
  /(?:か|(?<=[\p{Script=Han}\p{Script=Katakana}ー]))も\s?(?:教え|おしえ|伺|うかが|知り|お聞|聞か|お尋ね|尋ね)/u;

/** At most this many questions of one message are answered apart: the last ones, as they are asked. */
const maxQuestionsPerMessage = 3;

/** The terms of one clause, set phrases left out. */
function ownTerms(terms: readonly Term[], clause: Span, setPhrases: readonly Span[]): Term[] {
  return terms.filter((t) => termWithin(t, [clause]) && !termWithin(t, setPhrases));
}

/**
 * A message that asks several things gets the first entry of each question answered in full, a
 * bubble each, after the answer to the whole message (or in its place when the whole message,
 * split between two topics, matched neither well enough; not when it asked for a fact the report
 * lacks).
 */
export function combineQuestions(decision: Decision, questions: readonly QuestionApart[], inLetter: boolean): Decision {
  // The message asked for a kind of fact its topic's entry lacks (どこのお店で、いくら): a part of it
  // that asks for no fact of its own (ペットフードを試してみたい) does not answer what was asked; one
  // that asks for a fact an entry holds (中にはどのような施設が入る, 何という課) does.
  // When a part asking for that fact is answered, the fact was the part's, not the whole message's:
  // the other parts count again (制度はどういうものか、会長はどなたが決めるのか).
  const full = (d: Decision): d is Extract<Decision, { kind: 'answer' }> =>
    d.kind === 'answer' && d.confidence === 'full';
  const lacking =
    decision.kind === 'abstain' &&
    decision.reason === 'not-in-report' &&
    !questions.some(({ decision: d, asksFact: own }) => own && full(d));
  const answered = questions.flatMap(({ decision: d, asksFact: own }) => (full(d) && (!lacking || own) ? [d] : []));
  // In place of the whole message, only a part whose entry the whole message ranks first or second
  // (a message split between two topics ranks both): a part read alone (地区の名前を教えて) may
  // find an entry the story around it is not about.
  const ranked = new Set(decision.hits.slice(0, 2).map((h) => h.entry.id));
  const inPlace = answered.find((d) => d.hits[0] !== undefined && ranked.has(d.hits[0].entry.id));
  const base = decision.kind === 'answer' ? decision : inPlace;
  // A letter (a story around its questions) asks its main question first, what it adds after
  // (それと…も); a short message may open on its topic and then ask the point. So in a letter the
  // first question is answered first, when the whole message ranks its entry as high.
  const firstAsked =
    inLetter && questions[0] !== undefined && answered[0] === questions[0].decision ? answered[0].hits[0] : undefined;
  const first =
    base && firstAsked && ranked.has(firstAsked.entry.id)
      ? (base.hits.find((h) => h.entry.id === firstAsked.entry.id) ?? base.hits[0])
      : base?.hits[0];
  if (!base || !first) return decision;
  const added: Hit[] = [];
  for (const other of answered) {
    const hit = other.hits[0];
    if (hit && hit.entry.id !== first.entry.id && !added.some((h) => h.entry.id === hit.entry.id)) added.push(hit);
  }
  if (added.length === 0 && first === base.hits[0]) return base;
  const ids = new Set(added.map((h) => h.entry.id));
  const rest = base.hits.filter((h) => h !== first && !ids.has(h.entry.id));
  return { ...base, hits: [first, ...added, ...rest], shownFirst: 1 + added.length };
}
