/**
 * Stage 3 of the search pipeline: rank corpus entries for the terms of a question with
 * MiniSearch (BM25 with field boosts), and tell for each hit which of the question's terms it
 * matched, by which path, and how fully.
 */
import type { Query, SearchResult } from 'minisearch';
import type { Term } from '../analyze/analyze.js';
import type { Entry } from '../corpus/entry.js';
import { isTargetFigure } from '../corpus/aims.js';
import { unitAnswers, type QuestionIntent } from '../analyze/question-intent.js';
import { baseSearchOptions, fieldBoosts, gramField, readingField, textFields } from './index-options.js';
import type { SearchIndex } from './search-index.js';
import { searchInParts } from './search-in-parts.js';
import { runAtOnce } from '../time-slices.js';
import { normalizeText } from '../normalize/normalize.js';
import type { KanaLexicon } from '../analyze/kana-words.js';
import { moraCount } from '../analyze/kana-sounds.js';
import { memoized } from '../memoized.js';

/** One ranked match of a question against the corpus. */
export interface Hit {
  readonly entry: Entry;
  readonly score: number;
}

/** How one term of the question matched one entry. */
export interface TermMatch {
  readonly term: Term;
  /**
   * 'text': the word itself (base form); 'reading': bigrams of its sound, for kana words;
   * 'heard': the corpus word a word it never uses sounds like (term.heardAs, misheard-words.ts);
   * 'synonym': a term of a corpus synonym of the question's phrase (term.synonym says which).
   */
  readonly via: 'text' | 'approximate' | 'reading' | 'heard' | 'synonym';
  /** Share of the term matched: 1 for a word, the share of its bigrams for a reading. */
  readonly share: number;
  /** Fields where it matched. */
  readonly fields: readonly string[];
  /**
   * For 'approximate': every word of the entry it stands for is one slip away (トレーニグ for
   * トレーニング), the same word mistyped, not the start of a longer one (ワイナリー of ワイナリーバス).
   */
  readonly slip?: true;
}

/** A hit with how the question's content terms matched it. */
export interface RankedHit extends Hit {
  readonly matches: readonly TermMatch[];
  /** Share of the question's weight it covers, once re-ranking has computed it (see decide.ts). */
  readonly coverage?: number;
}

/**
 * The distinct content terms the user wrote, in order (synonym expansions excluded). Of a word
 * written twice, the one read as a word of its own: 駅 of 小諸駅 is a suffix (weak), of 駅が a noun.
 */
export function contentTerms(terms: readonly Term[]): Term[] {
  const byText = new Map<string, Term>();
  for (const t of terms) {
    if (t.role !== 'content' || t.synonym) continue;
    const seen = byText.get(t.text);
    if (seen === undefined || (seen.weak === true && t.weak !== true)) byText.set(t.text, t);
  }
  return [...byText.values()];
}

/** The distinct expansion terms from synonyms that the user's own words do not already contain. */
export function synonymTerms(terms: readonly Term[]): Term[] {
  const own = new Set(contentTerms(terms).map((t) => t.text));
  const seen = new Set<string>();
  return terms.filter(
    (t) =>
      t.synonym &&
      !own.has(t.text) &&
      !seen.has(`${t.text}\u0000${t.synonym.target}`) &&
      seen.add(`${t.text}\u0000${t.synonym.target}`),
  );
}

/** Weight of a synonym's terms relative to the user's own words. */
export const synonymWeight = 0.6;
const synonymBoosts = Object.fromEntries(Object.entries(fieldBoosts).map(([f, b]) => [f, b * synonymWeight]));

/** How much a kanji word found only by its sound counts (a homophone may not be what was meant). */
export const homophoneCredit = 0.7;
const homophoneBoosts = Object.fromEntries(Object.entries(fieldBoosts).map(([f, b]) => [f, b * homophoneCredit]));

/**
 * Approximate matching only where it is safe: a katakana word of four characters or more may be
 * the start of a longer one (ワイナリー → ワイナリーバス), and one of five or more may have one slip
 * (ワイナリバス). Never for kanji words: one kanji is one edit and changes the meaning (支援 /
 * 応援); only for kanji the dictionary does not know as a word at all (a slip, see Term.slip).
 */
function approximation(term: Term): Approximation {
  let approximate = approximations.get(term);
  if (!approximate) {
    const katakana = !term.synonym && /^[\p{Script=Katakana}ー]+$/u.test(term.text);
    const length = [...term.text].length;
    approximate = term.slip
      ? { prefix: false, fuzzy: 1 }
      : { prefix: katakana && length >= 4, fuzzy: katakana && length >= 5 ? 1 : 0 };
    approximations.set(term, approximate);
  }
  return approximate;
}

interface Approximation {
  readonly prefix: boolean;
  readonly fuzzy: number;
}

/** Each term's approximation, once: it is asked for every hit of the search. */
const approximations = new WeakMap<Term, Approximation>();

/** Whether an entry's word may stand for the term approximately (see approximation). */
function approximates(term: Term, entryWord: string): boolean {
  // A slip is a kanji typed for another: the same number of kanji, one of them different.
  if (term.slip) return [...entryWord].length === [...term.text].length && /^\p{Script=Han}+$/u.test(entryWord);
  return /^[\p{Script=Katakana}ー]+$/u.test(entryWord);
}

/** How much an approximate match (prefix or one slip) counts against the word itself. */
export const approximateCredit = 0.8;
/** How much a slip counts when the entry has a word that sounds the same (訓連 → 訓練). */
export const slipSoundCredit = 0.9;
/**
 * How much a word the corpus never uses counts when the entry has the corpus word it sounds like
 * (信代 → 信大): almost as the word itself, since a word that no entry uses but one of the
 * corpus's sounds like is most likely that one, misheard or converted by sound.
 */
export const heardCredit = 0.9;
const heardBoosts = Object.fromEntries(Object.entries(fieldBoosts).map(([f, b]) => [f, b * heardCredit]));
/** A slip's words one kanji away weigh less than a word that sounds the same: 今活 is 婚活, not 今回. */
const slipBoosts = Object.fromEntries(Object.entries(fieldBoosts).map(([f, b]) => [f, b * 0.5]));

/**
 * Weight of verbs and adjectives (使う, 新しい), which citizens put in their own way: as in
 * deciding (decide.ts, weakTermWeight), they rank for half of what a noun does.
 */
export const weakWeight = 0.5;
const weakBoosts = Object.fromEntries(Object.entries(fieldBoosts).map(([f, b]) => [f, b * weakWeight]));

/** Weight of the words of what the citizen tells rather than asks (see question-focus.ts). */
export const backgroundWeight = 0.2;
const backgroundBoosts = Object.fromEntries(Object.entries(fieldBoosts).map(([f, b]) => [f, b * backgroundWeight]));

function queryFor(term: Term): Query {
  // The story around a question ranks by its words as written: no approximation, no sounds,
  // which would cost a long message dozens of fuzzy and bigram queries for little.
  if (term.background) return { queries: [term.text], fields: [...textFields], boost: backgroundBoosts };
  const { prefix, fuzzy } = approximation(term);
  const byText: Query = {
    queries: [term.text],
    fields: [...textFields],
    boost: term.synonym ? synonymBoosts : term.slip ? slipBoosts : term.weak && !term.wish ? weakBoosts : fieldBoosts,
    ...(prefix ? { prefix: true } : {}),
    ...(fuzzy > 0 ? { fuzzy } : {}),
  };
  // The corpus words a misheard word sounds like, each searched by the terms the index has for it.
  const heard = [...new Set((term.heardAs ?? []).flatMap((w) => w.terms.map((t) => t.text)))].map((text): Query => ({
    queries: [text],
    fields: [...textFields],
    boost: heardBoosts,
  }));
  if (!term.bigrams || term.bigrams.length === 0 || term.synonym) {
    return heard.length > 0 ? { combineWith: 'OR', queries: [byText, ...heard] } : byText;
  }
  const byReading: Query = {
    queries: [term.bigrams.join(' ')],
    fields: [readingField],
    boost: term.kana || term.slip || term.heardAs ? fieldBoosts : homophoneBoosts,
  };
  return { combineWith: 'OR', queries: [byText, byReading, ...heard] };
}

/** Text fields where the entry has every term of one of the words a misheard word sounds like. */
function heardFields(term: Term, result: SearchResult): string[] {
  if (!term.heardAs || term.heardAs.length === 0) return [];
  const fields = new Set<string>();
  for (const word of term.heardAs ?? []) {
    const found = word.terms.map((t) =>
      (result.match[t.text] ?? []).filter((f) => f !== readingField && f !== gramField),
    );
    if (found.length > 0 && found.every((f) => f.length > 0)) for (const f of found.flat()) fields.add(f);
  }
  return [...fields];
}

const wordsOfEntries = new WeakMap<Entry, string>();

/** An entry's own words, normalised once: title, body, keywords and phrasings. */
function wordsOf(entry: Entry): string {
  let words = wordsOfEntries.get(entry);
  if (words === undefined) {
    words = normalizeText([entry.title, entry.body, ...entry.keywords, ...entry.phrasings].join('\n'));
    wordsOfEntries.set(entry, words);
  }
  return words;
}

/**
 * Whether the entry has a word of the corpus that sounds like the kanji term and has as many
 * characters (高知 → 高地): a stretch of its reading is not enough (今日 is not the 協 of 協働).
 */
function hasHomophone(lexicon: KanaLexicon, term: Term, entry: Entry): boolean {
  const length = [...term.text].length;
  return wordsReadAs(lexicon, term, entry).some((w) => w !== term.text && [...w].length === length);
}

/** The corpus words of the entry read just as the term (むだ → 無駄). */
function wordsReadAs(lexicon: KanaLexicon, term: Term, entry: Entry): string[] {
  const words = lexicon.get(term.reading ?? '') ?? [];
  return words.filter((w) => wordsOf(entry).includes(w.text)).map((w) => w.text);
}

function matchOf(
  term: Term,
  result: SearchResult,
  entryReading: string,
  homophone: (term: Term) => boolean,
  readsAsWord: (term: Term) => boolean,
  queried: ReadonlySet<string>,
): TermMatch | undefined {
  // Every way below but a slip's sound needs the term, one of its bigrams or a word it may be
  // heard as among the query terms the entry matched: most terms match few of the entries, and
  // are done with at once.
  if (!term.slip && !anyQueried(term, queried)) return undefined;
  const matchedFields = result.match[term.text];
  const textFieldsHit = matchedFields ? matchedFields.filter((f) => f !== readingField && f !== gramField) : [];
  if (textFieldsHit.length > 0)
    return { term, via: term.synonym ? 'synonym' : 'text', share: 1, fields: textFieldsHit };
  const heard = heardFields(term, result);
  if (heard.length > 0) return { term, via: 'heard', share: heardCredit, fields: heard };
  // A slip that sounds like the entry's word is that word, misheard or mistyped by sound (今活 → 婚活).
  if (term.slip && term.reading && term.reading.length >= 3 && entryReading.includes(term.reading)) {
    return { term, via: 'reading', share: slipSoundCredit, fields: [readingField] };
  }
  const approximate = approximateFields(term, result);
  if (approximate.fields.length > 0) {
    const { fields, slip } = approximate;
    return { term, via: 'approximate', share: approximateCredit, fields, ...(slip ? { slip } : {}) };
  }
  if (!term.bigrams || term.bigrams.length === 0 || !term.reading) return undefined;
  if (!term.bigrams.some((gram) => result.match[gram]?.includes(readingField))) return undefined;
  // Only what the entry reads as one stretch counts: bigrams met apart are chance, not the word.
  if (!term.kana) {
    // A kanji word counts by its sound only when all of it sounds the same (高知 → 高地).
    return homophone(term) ? { term, via: 'reading', share: homophoneCredit, fields: [readingField] } : undefined;
  }
  // A run of two sounds or fewer (むだ, しゅう) counts only as a whole word of the entry: as a stretch
  // of a longer reading it is chance.
  if (moraCount(term.reading) < minHeardMorae) {
    return readsAsWord(term) ? { term, via: 'reading', share: 1, fields: [readingField] } : undefined;
  }
  const share = heardShare(term.reading, entryReading);
  return share > 0 ? { term, via: 'reading', share, fields: [readingField] } : undefined;
}

/**
 * The fewest sounds a stretch of an entry's reading must share with a kana run to count: two
 * (しゅう, じょせ) are met by chance in most entries' readings, whatever the citizen typed.
 */
const minHeardMorae = 3;

/** Whether the term, one of its bigrams or a word it may be heard as is among the query terms matched. */
function anyQueried(term: Term, queried: ReadonlySet<string>): boolean {
  if (queried.has(term.text)) return true;
  for (const gram of term.bigrams ?? []) if (queried.has(gram)) return true;
  for (const word of term.heardAs ?? []) for (const t of word.terms) if (queried.has(t.text)) return true;
  return false;
}

/**
 * Share of a kana run the entry's reading holds as stretches of three sounds or more. A run may
 * hold several words (こんかつのしえん: 婚活 and 支援), each found on its own.
 */
function heardShare(reading: string, entryReading: string): number {
  // Where each character starts in the reading, and where it ends: a stretch is one slice of it.
  const starts: number[] = [];
  for (let at = 0; at < reading.length; at += (reading.codePointAt(at) as number) > 0xffff ? 2 : 1) starts.push(at);
  starts.push(reading.length);
  const count = starts.length - 1;
  if (count < 2) return 0;
  let heard = 0;
  for (let i = 0; i + 1 < count;) {
    let end = i + 1;
    while (end < count && entryReading.includes(reading.slice(starts[i], starts[end + 1]))) end++;
    const bigrams = end - i - 1;
    if (bigrams >= 2 && moraCount(reading.slice(starts[i], starts[end])) >= minHeardMorae) heard += bigrams;
    i = bigrams > 0 ? end - 1 : i + 1;
  }
  return heard / (count - 1);
}

/** How much more an entry with a figure before and after weighs for a question on a change (増えた？). */
export const changeBoost = 1.25;

/** How much more an entry with figures weighs for a question that asks for a number... */
export const figureBoost = 1.6;
/** ...and one with a figure in the very unit asked for (何人 → a figure in 人). */
export const askedUnitBoost = 2;

/**
 * Fields where a katakana word matched by prefix or with one slip (MiniSearch reports the entry's
 * word), and whether every word it matched is one slip away.
 */
function approximateFields(term: Term, result: SearchResult): { fields: string[]; slip?: true } {
  const { prefix, fuzzy } = approximation(term);
  if ((!prefix && fuzzy === 0) || !result.queryTerms.includes(term.text)) return { fields: [] };
  const fields = new Set<string>();
  let slipsOnly = true;
  for (const [entryWord, inFields] of Object.entries(result.match)) {
    if (entryWord === term.text || !approximates(term, entryWord)) continue;
    const slipped = fuzzy > 0 && withinOneEdit(entryWord, term.text);
    if ((prefix && entryWord.startsWith(term.text)) || slipped) {
      for (const f of inFields) if (f !== readingField && f !== gramField) fields.add(f);
      slipsOnly &&= slipped;
    }
  }
  return fields.size > 0 && slipsOnly ? { fields: [...fields], slip: true } : { fields: [...fields] };
}

/** True when two words differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (x.length > y.length) i++;
    else if (y.length > x.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (x.length - i) + (y.length - j) <= 1;
}

/** Rank entries for the question's content terms (and its character bigrams), best first. */
export function searchEntries(
  index: SearchIndex,
  terms: readonly Term[],
  limit: number,
  intent: QuestionIntent = { asksForFigure: false },
  grams: readonly string[] = [],
): RankedHit[] {
  return runAtOnce(searchEntriesInSteps(index, terms, limit, intent, grams));
}

/** searchEntries as a job in steps: a long message's many terms are searched a group at a time. */
export function* searchEntriesInSteps(
  index: SearchIndex,
  terms: readonly Term[],
  limit: number,
  intent: QuestionIntent = { asksForFigure: false },
  grams: readonly string[] = [],
): Generator<void, RankedHit[], void> {
  const wanted = contentTerms(terms);
  if (wanted.length === 0) return [];
  const searched = [...wanted, ...synonymTerms(terms)];
  const queries = searched.map(queryFor);
  if (grams.length > 0) queries.push({ queries: [grams.join(' ')], fields: [gramField], boost: fieldBoosts });
  const boostOf = intent.asksForFigure
    ? (id: unknown) => {
        const entry = index.entriesById.get(String(id));
        // A target (目標10万人) answers what was aimed at, and only that: not how many there are
        // or how it changed.
        const figures = entry?.figures.filter((f) => (intent.asksForTarget === true) === isTargetFigure(f)) ?? [];
        if (figures.length === 0) return 1;
        const unit = intent.unit;
        const inUnit = unit ? figures.filter((f) => unitAnswers(f.unit, unit)) : [];
        const boost = inUnit.length > 0 ? askedUnitBoost : figureBoost;
        // How much something grew or fell is best answered by a figure with its value before.
        const compared = (inUnit.length > 0 ? inUnit : figures).some((f) => f.before !== undefined);
        return intent.asksForChange === true && compared ? boost * changeBoost : boost;
      }
    : undefined;
  // MiniSearch asks for every term and field an entry matches: each entry's boost is worked out once.
  const boostDocument = boostOf && memoized(boostOf);
  const results = yield* searchInParts(
    index.engine,
    queries,
    { ...baseSearchOptions, ...(boostDocument ? { boostDocument } : {}) },
    limit,
  );
  const hits: RankedHit[] = [];
  for (const result of results.slice(0, limit)) {
    const entry = index.entriesById.get(String(result.id));
    if (!entry) continue;
    const reading = index.readings.get(entry.id) ?? '';
    const queried = new Set(result.queryTerms);
    const homophone = (term: Term) => hasHomophone(index.kanaLexicon, term, entry);
    const readsAsWord = (term: Term) => wordsReadAs(index.kanaLexicon, term, entry).length > 0;
    const matches: TermMatch[] = [];
    for (const t of searched) {
      const match = matchOf(t, result, reading, homophone, readsAsWord, queried);
      if (match) matches.push(match);
    }
    hits.push({ entry, score: result.score, matches });
  }
  return preferSlipsHeard(hits);
}

/**
 * A slip some entry has a word for that sounds the same (今活: 婚活) is that word: the entries
 * that only have a word one kanji away (今回) lose that match.
 */
function preferSlipsHeard(hits: RankedHit[]): RankedHit[] {
  const heard = new Set<string>();
  for (const hit of hits) for (const m of hit.matches) if (m.term.slip && m.via === 'reading') heard.add(m.term.text);
  if (heard.size === 0) return hits;
  return hits.map((hit) => ({
    ...hit,
    matches: hit.matches.filter((m) => !(m.via === 'approximate' && heard.has(m.term.text))),
  }));
}
