/**
 * Synonyms: from the words a citizen types (残業, シニア, 引っ越し) to the words the corpus uses
 * (超過勤務, 高齢者, 移住). Pure: groups of synonyms and the corpus text in, a lookup map out, and a
 * scanner that finds the map's phrases in a normalised question. Where the groups come from (the
 * staff's corpus/synonyms.yaml, the Sudachi dictionary) and how much a synonym weighs is decided
 * by the callers.
 */
import type { SynonymGroups } from '../corpus/entry.js';
import { memoized } from '../memoized.js';

/** What a question may contain, and what the corpus says instead. */
export interface SynonymMap {
  /**
   * Key: a normalised phrase a question may contain. Value: the other phrases of its group(s)
   * that occur in the corpus text, de-duplicated, never the key itself, never empty.
   */
  readonly byPhrase: ReadonlyMap<string, readonly string[]>;
  /** The length (in UTF-16 code units) of the longest key; 0 when the map is empty. */
  readonly maxPhraseLength: number;
  /**
   * The lengths of the keys by their first two code units, longest first: a long message is
   * scanned by looking up only the lengths a phrase starting there can have.
   */
  readonly lengthsByStart: ReadonlyMap<string, readonly number[]>;
}

/** A key of the map found in a question: `normalized.slice(start, end) === phrase`. */
export interface SynonymSpan {
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
  readonly targets: readonly string[];
}

/**
 * A fast, exact "does this word occur in the corpus text" test, for corpora of any size. The text
 * is indexed once by its pairs of consecutive UTF-16 code units (each pair with the positions it
 * occurs at, sorted by pair with a counting sort into two typed arrays). A word is then looked for
 * only where its rarest pair occurs, so a word absent from a large corpus costs a few lookups
 * instead of a scan of the whole text. Answers are cached, since a word may be in several groups.
 */
function occurrenceTest(corpusText: string): (word: string) => boolean {
  const n = corpusText.length;
  const units = new Set<number>();
  for (let i = 0; i < n; i++) units.add(corpusText.charCodeAt(i));
  const pairCount = Math.max(n - 1, 0);
  const idOfPair = new Map<number, number>();
  const pairIdAt = new Int32Array(pairCount);
  const counts: number[] = [];
  for (let i = 0; i < pairCount; i++) {
    const pair = corpusText.charCodeAt(i) * 0x10000 + corpusText.charCodeAt(i + 1);
    let id = idOfPair.get(pair);
    if (id === undefined) {
      id = counts.length;
      idOfPair.set(pair, id);
      counts.push(0);
    }
    pairIdAt[i] = id;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  // positions[bucketStart[id] .. bucketStart[id + 1]) are where pair `id` starts.
  const bucketStart = new Int32Array(counts.length + 1);
  counts.forEach((count, id) => (bucketStart[id + 1] = (bucketStart[id] ?? 0) + count));
  const next = bucketStart.slice(0, counts.length);
  const positions = new Int32Array(pairCount);
  for (let i = 0; i < pairCount; i++) {
    const id = pairIdAt[i] ?? 0;
    const at = next[id] as number;
    positions[at] = i;
    next[id] = at + 1;
  }

  const test = (word: string): boolean => {
    if (word.length === 0) return false;
    if (word.length === 1) return units.has(word.charCodeAt(0));
    let rarest = -1;
    let rarestOffset = 0;
    let rarestCount = Infinity;
    for (let j = 0; j + 1 < word.length; j++) {
      const id = idOfPair.get(word.charCodeAt(j) * 0x10000 + word.charCodeAt(j + 1));
      if (id === undefined) return false;
      const count = counts[id] ?? 0;
      if (count < rarestCount) {
        rarest = id;
        rarestOffset = j;
        rarestCount = count;
      }
    }
    if (word.length === 2) return true;
    const end = bucketStart[rarest + 1] ?? 0;
    for (let k = bucketStart[rarest] ?? 0; k < end; k++) {
      const start = (positions[k] ?? 0) - rarestOffset;
      if (start >= 0 && corpusText.startsWith(word, start)) return true;
    }
    return false;
  };
  return memoized(test);
}

const TWO_HIRAGANA = /^\p{Script=Hiragana}{2}$/u;

/**
 * Whether a word may trigger an expansion: one character (区, 市, 子) or two hiragana (ため, もの)
 * match inside too many unrelated words to be trusted.
 */
function isKey(word: string): boolean {
  const characters = [...word].length;
  return characters >= 2 && !TWO_HIRAGANA.test(word);
}

/**
 * The ways a question may write a phrase of a group: as written, and, for a phrase with を after a
 * noun (お金を借り), without it, as people say it (お金借りる).
 */
function keysOf(word: string): string[] {
  const spoken = word.replace(/(?<=[\p{Script=Han}\p{Script=Katakana}ー])を/gu, '');
  return spoken === word ? [word] : [word, spoken];
}

/** The words of a group without repeats, in their order. */
function distinct(group: readonly string[]): string[] {
  return [...new Set(group.filter((w) => w !== ''))];
}

/**
 * Build the lookup map. A group is used when at least one of its words occurs in `corpusText`
 * (the normalised text of the whole corpus, see `corpusText()`); each of its words that can be a
 * key then maps to the group's other words that occur in the corpus. A word in several groups
 * gets the targets of all of them. Groups with no word in the corpus cost nothing.
 */
export function buildSynonymMap(groups: SynonymGroups, corpusText: string): SynonymMap {
  const occurs = occurrenceTest(corpusText);
  const targetsOf = new Map<string, Set<string>>();
  for (const group of groups) {
    const words = distinct(group);
    const inCorpus = words.filter(occurs);
    if (inCorpus.length === 0) continue;
    for (const word of words) {
      const others = inCorpus.filter((w) => w !== word);
      if (others.length === 0) continue;
      for (const key of keysOf(word).filter(isKey)) {
        let targets = targetsOf.get(key);
        if (!targets) {
          targets = new Set();
          targetsOf.set(key, targets);
        }
        for (const other of others) targets.add(other);
      }
    }
  }
  const byPhrase = new Map<string, readonly string[]>();
  const lengths = new Map<string, Set<number>>();
  let maxPhraseLength = 0;
  for (const [phrase, targets] of targetsOf) {
    byPhrase.set(phrase, [...targets]);
    maxPhraseLength = Math.max(maxPhraseLength, phrase.length);
    const start = phrase.slice(0, 2);
    lengths.set(start, (lengths.get(start) ?? new Set()).add(phrase.length));
  }
  const lengthsByStart = new Map([...lengths].map(([start, set]) => [start, [...set].sort((a, b) => b - a)]));
  return { byPhrase, maxPhraseLength, lengthsByStart };
}

/**
 * The groups that can matter for a corpus: those with at least one word occurring in
 * `corpusText`. Used at build time to keep only the useful part of a large dictionary.
 */
export function restrictGroups(groups: SynonymGroups, corpusText: string): SynonymGroups {
  const occurs = occurrenceTest(corpusText);
  return groups.filter((group) => group.some(occurs));
}

const ASCII_WORD_CHAR = /[a-z0-9]/;

/** An ASCII key (pr, ict, ja) must not be cut out of a longer ASCII word (april, japan). */
function isCutOutOfAsciiWord(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  const first = text[start] ?? '';
  const last = text[end - 1] ?? '';
  return (
    (before !== undefined && ASCII_WORD_CHAR.test(first) && ASCII_WORD_CHAR.test(before)) ||
    (after !== undefined && ASCII_WORD_CHAR.test(last) && ASCII_WORD_CHAR.test(after))
  );
}

const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;
const HIRAGANA = /\p{Script=Hiragana}/u;
/** Hiragana that may stand next to a word typed in kana: particles. */
const PARTICLE = /[はがをにでとものへやかよねな]/u;

const KATAKANA_ONLY = /^[\p{Script=Katakana}ー]+$/u;
const KATAKANA = /[\p{Script=Katakana}ー]/u;

/** A key written all in one script and the characters that would make it part of a longer word. */
interface KanaWordScript {
  readonly only: RegExp;
  readonly continues: (char: string) => boolean;
}

const KANA_WORD_SCRIPTS: readonly KanaWordScript[] = [
  // A hiragana key (かかり) in a longer kana word (かかります): next to it may stand only a particle.
  { only: HIRAGANA_ONLY, continues: (c) => HIRAGANA.test(c) && !PARTICLE.test(c) },
  // A katakana key (アド, イス) in a longer loanword (アドバイス): its pieces are other words.
  { only: KATAKANA_ONLY, continues: (c) => KATAKANA.test(c) },
];

/** Whether a kana key is cut out of a longer word of its script (see KANA_WORD_SCRIPTS). */
function isCutOutOfKanaWord(text: string, start: number, end: number): boolean {
  const key = text.slice(start, end);
  const script = KANA_WORD_SCRIPTS.find((s) => s.only.test(key));
  if (!script) return false;
  const before = text[start - 1];
  const after = text[end];
  return (before !== undefined && script.continues(before)) || (after !== undefined && script.continues(after));
}

/**
 * Find the map's phrases in a normalised question, left to right, taking at each position the
 * longest phrase that matches; spans never overlap. A phrase that also occurs literally in the
 * corpus is still reported with its targets: how much each side weighs is the caller's choice.
 * An ASCII phrase only matches as a whole ASCII word (pr in 「pr動画」, not in 「april」).
 */
export function findSynonymSpans(normalized: string, map: SynonymMap): SynonymSpan[] {
  const spans: SynonymSpan[] = [];
  const starts = phraseStarts(map);
  let start = 0;
  while (start < normalized.length) {
    // Most positions start no phrase: their first character says so without cutting a string.
    if (!starts.has(normalized.charCodeAt(start))) {
      start++;
      continue;
    }
    let found: SynonymSpan | undefined;
    for (const length of map.lengthsByStart.get(normalized.slice(start, start + 2)) ?? []) {
      if (found || start + length > normalized.length) continue;
      const phrase = normalized.slice(start, start + length);
      const targets = map.byPhrase.get(phrase);
      if (
        targets &&
        !isCutOutOfAsciiWord(normalized, start, start + length) &&
        !isCutOutOfKanaWord(normalized, start, start + length)
      ) {
        found = { start, end: start + length, phrase, targets };
      }
    }
    if (found) {
      spans.push(found);
      start = found.end;
    } else {
      start++;
    }
  }
  return spans;
}

/** The first UTF-16 unit of each phrase of a map, worked out once per map. */
const startsOfMaps = new WeakMap<SynonymMap, ReadonlySet<number>>();

function phraseStarts(map: SynonymMap): ReadonlySet<number> {
  let starts = startsOfMaps.get(map);
  if (!starts) {
    starts = new Set([...map.lengthsByStart.keys()].map((start) => start.charCodeAt(0)));
    startsOfMaps.set(map, starts);
  }
  return starts;
}
