/**
 * Re-rank the candidates of a search by how much of the question each one covers. BM25 adds up
 * whatever matched, so an entry that repeats one word of the question can outscore one that
 * matches all of them; weighting each score by the entry's coverage puts the latter first.
 */
import { statesAskedFact } from './asked-fact.js';
import { summaryYields } from './summary-yields.js';
import { pledgeOrResultFirst, pledgeSideOf } from './pledge-or-result.js';
import { keywordOnlyYields } from './keyword-only-yields.js';
import { definitionFirst } from './definition-first.js';
import { purposeFirst } from './purpose-first.js';
import { placeFirst } from './place-first.js';
import { normalizeText } from '../normalize/normalize.js';
import { coverage } from './decide.js';
import type { QuestionIntent } from '../analyze/question-intent.js';
import type { Term } from '../analyze/analyze.js';
import type { RankedHit } from '../search/search.js';
import type { Entry } from '../corpus/entry.js';
import type { SearchIndex } from '../search/search-index.js';

/**
 * Share of the score kept by an entry that lacks the kind of fact asked (an amount, a date...):
 * among entries on the topic, the one that holds the fact comes first.
 */
export const lacksAskedKindShare = 0.6;

const titles = new WeakMap<Entry, string>();

/** An entry's title, normalised once (entries are immutable; a reloaded corpus brings new ones). */
export function normalizedTitle(entry: Entry): string {
  let title = titles.get(entry);
  if (title === undefined) {
    title = normalizeText(entry.title);
    titles.set(entry, title);
  }
  return title;
}

/** How much more an entry named after the thing asked about (「どんな機能」: 6つの機能) weighs. */
export const askedNounBoost = 1.2;

/**
 * How an entry's title names the thing asked about: as itself (こもろ未来プロジェクトの5つの柱),
 * as the start of a longer name (小諸未来プロジェクト教育編: a kind of 教育編, another thing, since a
 * Japanese compound is a kind of its last word), or not at all.
 */
export function titleNames(title: string, askedNoun: string): 'itself' | 'other' | undefined {
  let other = false;
  for (let at = title.indexOf(askedNoun); at >= 0; at = title.indexOf(askedNoun, at + 1)) {
    const next = title.charAt(at + askedNoun.length);
    if (!/[\p{Script=Han}\p{Script=Katakana}ー]/u.test(next)) return 'itself';
    other = true;
  }
  return other ? 'other' : undefined;
}

/**
 * titleNames for a noun as the citizen phrased it (市長の政策の柱という): the phrase, else the noun it
 * ends in (柱), which is the thing named.
 */
function titleNamesNoun(title: string, askedNoun: string): 'itself' | 'other' | undefined {
  const head = askedNoun.slice(askedNoun.lastIndexOf('の') + 1);
  return titleNames(title, askedNoun) ?? (head !== askedNoun && head !== '' ? titleNames(title, head) : undefined);
}

/** Share of the score kept by an entry that covers nothing of the question's weight. */
export const uncoveredScoreShare = 0.1;

/** A hit with only what it matched outside its everyday phrasings (see summaryYields). */
function withoutPhrasings(hit: RankedHit): RankedHit {
  const matches = hit.matches
    .map((m) => ({ ...m, fields: m.fields.filter((f) => f !== 'phrasings') }))
    .filter((m) => m.fields.length > 0);
  return { ...hit, matches };
}

/**
 * The hits re-ordered by score × (floor + (1 − floor) × coverage), with that as their score and
 * their coverage kept, so that deciding does not compute it again.
 */
export function rerankByCoverage(
  index: SearchIndex,
  terms: readonly Term[],
  hits: readonly RankedHit[],
  intent?: QuestionIntent,
): RankedHit[] {
  const ranked = hits
    .map((hit) => {
      const covered = coverage(index, terms, hit);
      const gives = intent === undefined || statesAskedFact(hit.entry, intent);
      const named =
        intent?.askedNoun === undefined ? undefined : titleNamesNoun(normalizedTitle(hit.entry), intent.askedNoun);
      return {
        ...hit,
        coverage: covered,
        score:
          hit.score *
          (uncoveredScoreShare + (1 - uncoveredScoreShare) * covered) *
          (gives ? 1 : lacksAskedKindShare) *
          (named === 'itself' ? askedNounBoost : named === 'other' ? 1 / askedNounBoost : 1),
      };
    })
    .sort((a, b) => b.score - a.score);
  const gives = (hit: RankedHit) => intent === undefined || statesAskedFact(hit.entry, intent);
  const ordered = pledgeOrResultFirst(
    summaryYields(keywordOnlyYields(terms, ranked, gives), (hit) => coverage(index, terms, withoutPhrasings(hit)), {
      all: intent?.asksAll === true,
      why: intent?.asksWhy === true,
      ...(intent?.placeAsked === undefined ? {} : { place: intent.placeAsked }),
    }),
    pledgeSideOf(intent),
    intent?.asksForFigure === true,
  );
  return placeFirst(purposeFirst(definitionFirst(ordered, intent), intent), intent);
}
