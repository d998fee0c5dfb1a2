/**
 * The terms of a question: the analysed morphemes, with words typed in kana replaced by whole
 * kana runs matched by reading bigrams (kuromoji cuts all-kana text at random places), plus the
 * terms of the corpus's synonyms for the question's phrases (残業 → 超過勤務), marked as such.
 */
import { analyze, type Term } from './analyze.js';
import type { Morpheme, Tokenize } from './japanese-tokenizer.js';
import { kanaRuns, readingBigrams, type KanaRun } from './kana-runs.js';
import { toKatakana } from '../normalize/normalize.js';
import { findSynonymSpans, type SynonymMap } from './synonyms.js';
import { isContentVerb, isFunctionWord, segmentKana, type KanaLexicon, type KanaPiece } from './kana-words.js';
import { isGenericWord, isGrammatical } from './analyze.js';
import { heardKatakana, misheardWords, type SoundVocabulary } from './misheard-words.js';
import { onReadings } from './kanji-on-readings.js';
import { namesThing, type SoundIndex } from './sound-index.js';
import { moraCount } from './kana-sounds.js';
import { verbFormTerms } from './verb-forms.js';

/** Terms standing for the question's phrases that have synonyms in the corpus. */
function synonymTerms(normalized: string, tokenize: Tokenize, synonyms: SynonymMap): Term[] {
  const expansions: Term[] = [];
  for (const span of findSynonymSpans(normalized, synonyms)) {
    for (const target of span.targets) {
      const origin = { phrase: span.phrase, start: span.start, end: span.end, target };
      for (const term of targetTerms(target, tokenize)) {
        expansions.push({ ...term, start: span.start, end: span.end, synonym: origin });
      }
    }
  }
  return expansions;
}

/** Content terms of each synonym target, by tokenizer (see targetTerms). */
const termsOfTargets = new WeakMap<Tokenize, Map<string, readonly Term[]>>();

/**
 * The content terms of a synonym target, analysed once: targets are phrases of the corpus's
 * synonyms, a bounded set, and each question naming a phrase analysed its targets again.
 */
function targetTerms(target: string, tokenize: Tokenize): readonly Term[] {
  let known = termsOfTargets.get(tokenize);
  if (!known) {
    known = new Map();
    termsOfTargets.set(tokenize, known);
  }
  let terms = known.get(target);
  if (!terms) {
    terms = analyze(tokenize(target)).filter((t) => t.role === 'content');
    known.set(target, terms);
  }
  return terms;
}

/** What a question's terms are looked up against: the corpus's words and synonyms. */
export interface Vocabulary {
  readonly synonyms?: SynonymMap;
  /** True for a word the corpus contains as a term. */
  readonly isKnownWord?: (word: string) => boolean;
  /** True for a string found anywhere in the corpus's text. */
  readonly occursInCorpus?: (text: string) => boolean;
  /** The corpus's words by reading, to read sentences typed in hiragana (kana-words.ts). */
  readonly kanaLexicon?: KanaLexicon;
  /** The same words by sound, to hear words misheard or mistyped by sound (sound-index.ts). */
  readonly soundIndex?: SoundIndex;
}

/** Terms of a normalised question (pure given the tokenizer and the vocabulary). */
export function questionTerms(normalized: string, tokenize: Tokenize, vocabulary: Vocabulary = {}): Term[] {
  const { synonyms } = vocabulary;
  const lexicon = vocabulary.kanaLexicon;
  const morphemes = tokenize(normalized);
  // Some runs are left to the dictionary (isReadAsRun). A run that is a word of no topic (けっこう,
  // いま) gives nothing, nor do the morphemes in it.
  let edges: MorphemeEdges | undefined;
  const allRuns = kanaRuns(normalized, vocabulary.isKnownWord, {
    cutHiraganaEndings: lexicon === undefined,
    opensWordAfterNoun: (offset) => opensWordAfterNoun((edges ??= morphemeEdges(morphemes)), offset),
    opensCorpusWord: (kana) => lexicon !== undefined && opensLexiconWord(toKatakana(kana), lexicon),
  }).filter((r) => isReadAsRun(r, normalized, morphemes, lexicon));
  const runs = allRuns.filter((r) => r.whole === true || !isFunctionWord(r.text));
  const outsideRuns = morphemes.filter(
    (m) => !allRuns.some((r) => m.start >= r.start && m.start + m.surface.length <= r.end),
  );
  const { soundIndex } = vocabulary;
  const sounds: SoundVocabulary | undefined =
    lexicon && soundIndex && vocabulary.occursInCorpus && vocabulary.isKnownWord
      ? {
          lexicon,
          sounds: soundIndex,
          inCorpus: inCorpus(vocabulary.occursInCorpus, vocabulary.isKnownWord),
          readKanji: kanjiReader(tokenize),
          onReadings,
        }
      : undefined;
  const morphemeTerms = withMisheardWords(
    joinSlips(analyze(outsideRuns), outsideRuns, vocabulary.occursInCorpus),
    normalized,
    morphemes,
    sounds,
  );
  const runTerms: Term[] = runs.flatMap((r) =>
    // A whole run, or what is left of one after a word (事業は「ちゃんとやめ」てる), is cut into words.
    lexicon && (r.whole === true || /^[\p{Script=Hiragana}ー]+$/u.test(r.text))
      ? kanaWordTerms(
          r.text,
          r.whole === true ? r.start : Math.max(r.start, normalized.indexOf(r.text, r.start)),
          lexicon,
          r.afterWord === true || r.whole !== true,
          soundIndex,
        )
      : [
          {
            text: r.text,
            reading: r.reading,
            role: 'content',
            kana: true,
            bigrams: readingBigrams(r.reading),
            start: r.start,
            end: r.end,
            ...(VERB_LIKE.test(r.text) ? {} : { unknownWord: true }),
            ...(namedByOneProperNoun(r, morphemes) ? { proper: true } : {}),
          },
        ],
  );
  const expansions = synonyms ? synonymTerms(normalized, tokenize, synonyms) : [];
  const verbForms = vocabulary.isKnownWord ? verbFormTerms(morphemeTerms, vocabulary.isKnownWord) : [];
  return [
    ...morphemeTerms,
    ...(sounds ? runTerms.map((t) => withKatakanaHeard(t, sounds)) : runTerms),
    ...expansions,
    ...verbForms,
  ];
}

/**
 * Whether the dictionary knows a katakana run as one proper noun (フランス, アメリカ): a place,
 * person or body. A word it does not know is tagged so too (コミニティ…), most often a slip.
 */
function namedByOneProperNoun(run: KanaRun, morphemes: readonly Morpheme[]): boolean {
  const inside = morphemes.filter((m) => m.start < run.end && m.start + m.surface.length > run.start);
  const [only] = inside;
  return (
    inside.length === 1 && only?.surface === run.text && only.posDetail === '固有名詞' && only.reading !== undefined
  );
}

/** Nouns that name a thing: no ending follows them, and kana may open one. */
const isNamingNoun = (m: Morpheme | undefined) =>
  m?.pos === '名詞' && (m.posDetail === '一般' || m.posDetail === '固有名詞');

/**
 * Whether kana at `offset` opens a word typed in kana right after a noun (小諸「えき」の: 駅), as
 * the dictionary reads it (a noun, or a filler it mistakes the first sound for): after 勉強 (し),
 * 元気 (だ) or 駅 (まで) the kana is an ending or a particle, which the dictionary reads as such.
 */
function opensWordAfterNoun(edges: MorphemeEdges, offset: number): boolean {
  const before = edges.endingAt.get(offset);
  const after = edges.startingAt.get(offset);
  return isNamingNoun(before) && (after?.pos === 'フィラー' || isNamingNoun(after));
}

/** The morphemes of a question by where they start and end, for lookups at a kana run's edge. */
interface MorphemeEdges {
  readonly startingAt: ReadonlyMap<number, Morpheme>;
  readonly endingAt: ReadonlyMap<number, Morpheme>;
}

function morphemeEdges(morphemes: readonly Morpheme[]): MorphemeEdges {
  return {
    startingAt: new Map(morphemes.map((m) => [m.start, m])),
    endingAt: new Map(morphemes.map((m) => [m.start + m.surface.length, m])),
  };
}

/** Parts of speech that inflect or attach: a run of them only names no thing. */
const INFLECTING = new Set(['動詞', '形容詞', '助動詞', '助詞']);

/**
 * Whether a kana run is read by sound and the corpus's kana words, rather than left to the
 * dictionary. Among kanji, the dictionary keeps a run it reads as grammar (本当「でしょうか」,
 * 奨学金が「できた」), as verbs and endings only (気を「つけてきた」, 点が「もらえて」) or as part of
 * a longer word (「かじ」取り): cut as a run, its pieces were fragments (らえて) or words that were
 * not typed (火事). A word of the corpus typed in kana (しせいを: 市政) stays a run, and a counter in
 * katakana after a question word (何ポイント) is part of the question, like 何人.
 */
function isReadAsRun(
  run: KanaRun,
  normalized: string,
  morphemes: readonly Morpheme[],
  lexicon: KanaLexicon | undefined,
): boolean {
  if (/^[\p{Script=Katakana}ー]+$/u.test(run.text) && /(?:何|なん)$/u.test(normalized.slice(0, run.start)))
    return false;
  const end = (m: Morpheme) => m.start + m.surface.length;
  // A run's text may be cut at its head (the particle after a kanji): it stands where it is found.
  const textStart = Math.max(run.start, normalized.indexOf(run.text, run.start));
  // Among kanji the dictionary's cut is sure: a word read across a particle and the verb after it
  // (ものは「やめ」たり: はやめ, 早め) was not typed.
  const particleThenVerb = (piece: KanaPiece) => {
    const particle = morphemes.find((m) => m.start === textStart + piece.start);
    const verb = particle && morphemes.find((m) => m.start === end(particle));
    return (
      particle?.pos === '助詞' &&
      verb !== undefined &&
      isContentVerb(verb) &&
      verb.start < textStart + piece.start + piece.text.length
    );
  };
  if (
    lexicon &&
    segmentKana(run.text, lexicon).some(
      (p) => p.kind === 'word' && moraCount(toKatakana(p.text)) >= 3 && (run.whole === true || !particleThenVerb(p)),
    )
  )
    return true;
  const inside = morphemes.filter((m) => m.start >= run.start && m.start < run.end);
  const partOfWord = morphemes.some(
    (m) => m.start < run.end && end(m) > run.start && (m.start < run.start || end(m) > run.end),
  );
  const namesNothing = inside.every((m) => isGrammatical(m) || INFLECTING.has(m.pos));
  if (run.whole === true) return !(/\p{Script=Han}/u.test(normalized) && (namesNothing || partOfWord));
  if (inside.every(isGrammatical)) return false;
  if (!/^[\p{Script=Hiragana}ー]+$/u.test(run.text)) return true;
  return !partOfWord && !namesNothing;
}

/** Whether a reading opens with a noun of the corpus of three sounds or more (ハシラノ: 柱), not a verb (もらえる). */
function opensLexiconWord(reading: string, lexicon: KanaLexicon): boolean {
  for (let end = reading.length; end >= 3; end--) {
    const prefix = reading.slice(0, end);
    if (moraCount(prefix) >= 3 && (lexicon.get(prefix) ?? []).some(namesThing)) return true;
  }
  return false;
}

/** Whether the corpus uses a string: in its text, or as a word of an entry's other fields (phrasings). */
function inCorpus(occurs: (text: string) => boolean, isWord: (word: string) => boolean): (text: string) => boolean {
  return (text) => occurs(text) || isWord(text);
}

/** Readings of single kanji by tokenizer: a few thousand kanji at most, read once each. */
const kanjiReadings = new WeakMap<Tokenize, Map<string, string | undefined>>();

/** The reading of one kanji on its own, as the dictionary gives it (信 → シン, 代 → ダイ). */
function kanjiReader(tokenize: Tokenize): (kanji: string) => string | undefined {
  const known = kanjiReadings.get(tokenize) ?? new Map<string, string | undefined>();
  kanjiReadings.set(tokenize, known);
  return (kanji) => {
    // Only a whole kanji: a stretch cut inside a character pair (𠮷) must not reach the tokenizer.
    if (!/^[\p{Script=Han}々]$/u.test(kanji)) return undefined;
    if (!known.has(kanji)) {
      const morphemes = tokenize(kanji);
      known.set(kanji, morphemes.every((m) => m.reading) ? morphemes.map((m) => m.reading).join('') : undefined);
    }
    return known.get(kanji);
  };
}

/**
 * Stretches of kanji the corpus never uses that sound like its words (misheard-words.ts) become
 * one term each, in place of the words the dictionary cut them into (部曲: 部, 曲る).
 */
function withMisheardWords(
  terms: readonly Term[],
  normalized: string,
  morphemes: readonly Morpheme[],
  sounds: SoundVocabulary | undefined,
): Term[] {
  if (!sounds) return [...terms];
  const heard = misheardWords(normalized, morphemes, sounds);
  if (heard.length === 0) return [...terms];
  const overlaps = (t: Term) =>
    heard.some((h) => t.start !== undefined && t.end !== undefined && t.start < h.end && h.start < t.end);
  const heardTerms: Term[] = heard.map((h) => ({
    text: h.written,
    reading: h.reading,
    role: 'content',
    kana: false,
    heardAs: h.words,
    bigrams: readingBigrams(h.reading),
    start: h.start,
    end: h.end,
  }));
  // A run of single kanji joined as a slip (保検税) may reach past the word heard in it (保検): the
  // kanji left over (税) are words of their own.
  const within = (m: Morpheme, from: number, to: number) => m.start >= from && m.start + m.surface.length <= to;
  const heardAt = (m: Morpheme) => heard.some((h) => m.start < h.end && h.start < m.start + m.surface.length);
  const leftOver = terms
    .filter(overlaps)
    .flatMap(({ start, end }) =>
      start === undefined || end === undefined
        ? []
        : analyze(morphemes.filter((m) => within(m, start, end) && !heardAt(m))),
    );
  return [...terms.filter((t) => !overlaps(t)), ...leftOver, ...heardTerms].sort(
    (a, b) => (a.start ?? 0) - (b.start ?? 0),
  );
}

/** A katakana word the corpus never uses heard as one it does but for voicing or ー (センダー → センター). */
function withKatakanaHeard(term: Term, sounds: SoundVocabulary): Term {
  const heard = term.role === 'content' ? heardKatakana(term.text, sounds) : undefined;
  if (!heard) return term;
  const { unknownWord: _unknown, ...rest } = term;
  return { ...rest, reading: heard.reading, bigrams: readingBigrams(heard.reading), heardAs: heard.words };
}

/** How a verb typed in kana ends (えらべる, こまってた): such a run names no thing. */
const VERB_LIKE = /(?:る|た|て|ない|たい)$/u;

/**
 * The terms of a run of hiragana cut into the corpus's words (kana-words.ts): each word found
 * is searched as the corpus writes it (しみん → 市民), each stretch the corpus has no word for by
 * its sound, and particles, endings and question words give nothing.
 */
function kanaWordTerms(
  run: string,
  start: number,
  lexicon: KanaLexicon,
  afterWord: boolean,
  sounds: SoundIndex | undefined,
): Term[] {
  const terms: Term[] = [];
  for (const piece of segmentKana(run, lexicon, afterWord, sounds?.byReadingWithoutLongVowels)) {
    if (piece.kind === 'function') continue;
    const reading = toKatakana(piece.text);
    const bigrams = readingBigrams(reading);
    // A single kana, or one sound repeated (ああ), is no word.
    if (
      piece.kind === 'unknown' &&
      new Set(bigrams).size < 2 &&
      !(piece.text.length === 2 && new Set(piece.text).size === 2)
    )
      continue;
    const words = piece.words ?? [];
    const span = { start: start + piece.start, end: start + piece.start + piece.text.length };
    // One word of the corpus reads so: searched by its terms, as the corpus writes them. Several
    // (市政, 姿勢): the sound is searched, and the entry that reads it decides (their spellings,
    // searched as synonyms, ranked entries that only shared the homophone above the right one).
    // The corpus's own spelling of what was typed (しせい in 「しせいを正す」) is the word meant.
    const [only] = words.length === 1 ? words : words.filter((w) => w.text === piece.text);
    if (only) {
      for (const term of only.terms) {
        terms.push({
          text: term.text,
          reading,
          role: isGenericWord(term.text) ? 'generic' : 'content',
          kana: true,
          ...(term.weak ? { weak: true } : {}),
          ...(only.terms.length === 1 ? { bigrams } : {}),
          ...span,
        });
      }
      continue;
    }
    // A stretch of neither that ends as verbs do (えらべる, こまってた) is most likely one.
    const verbLike = piece.kind === 'unknown' && VERB_LIKE.test(piece.text);
    terms.push({
      text: piece.text,
      reading,
      role: isGenericWord(piece.text) ? 'generic' : 'content',
      kana: true,
      ...(verbLike || (words.length > 0 && words.every((w) => w.terms.every((t) => t.weak))) ? { weak: true } : {}),
      // Two sounds cut from a longer run (りゆう → り・ゆう) are as likely a piece of a word as a word.
      ...(piece.kind === 'unknown' && !verbLike && (reading.length > 2 || piece.text === run)
        ? { unknownWord: true }
        : {}),
      bigrams,
      ...span,
    });
  }
  return terms;
}

/** A kanji that may stand alone, not 何 nor a numeral (何人, 三件 are questions and counts, not slips). */
const SINGLE_KANJI = /^[\p{Script=Han}--[何〇一二三四五六七八九十百千万億]]$/v;

/** A verb of one kanji with its ending written after it (出た, 見て): a word, no piece of a typo. */
function inflectedVerb(m: Morpheme, next: Morpheme | undefined): boolean {
  return m.pos === '動詞' && next?.start === m.start + m.surface.length && /^\p{Script=Hiragana}/u.test(next.surface);
}

/**
 * Runs of two or more single kanji that kuromoji cut one by one (就人 → 就 / 人) become one term
 * marked as a slip, unless the run occurs in the corpus (義塾 of 未来義塾): the dictionary reads a
 * real compound as one word, so such a run is most often a typo of one (就任).
 */
function joinSlips(
  terms: readonly Term[],
  morphemes: readonly Morpheme[],
  occursInCorpus: (text: string) => boolean = () => false,
): Term[] {
  const runs: { start: number; end: number; text: string; reading: string | undefined }[] = [];
  let run: Morpheme[] = [];
  // The morpheme just before the run: a question word there (何年分) makes the run a counter.
  let beforeRun: Morpheme | undefined;
  const flush = () => {
    const first = run[0];
    const last = run.at(-1);
    if (run.length >= 2 && first && last) {
      const text = run.map((m) => m.surface).join('');
      // Its sound, when every kanji has one: a slip of voice input sounds like the word (今活 → 婚活).
      const reading = run.every((m) => m.reading) ? run.map((m) => m.reading).join('') : undefined;
      // Counters after a question word (何年分) ask how many, and after a number (25年頃) count: no typo of a word.
      const counts =
        beforeRun !== undefined && (/^(?:何|なん|幾)$/u.test(beforeRun.surface) || beforeRun.posDetail === '数');
      if (!counts && !occursInCorpus(text))
        runs.push({ start: first.start, end: last.start + last.surface.length, text, reading });
    }
    run = [];
  };
  for (const [i, m] of morphemes.entries()) {
    const previous = run.at(-1);
    const adjacent = previous !== undefined && previous.start + previous.surface.length === m.start;
    const single = SINGLE_KANJI.test(m.surface) && !inflectedVerb(m, morphemes[i + 1]);
    if (!single || (run.length > 0 && !adjacent)) flush();
    if (single) {
      if (run.length === 0) beforeRun = morphemes[i - 1];
      run.push(m);
    }
  }
  flush();
  if (runs.length === 0) return [...terms];
  const inRun = (t: Term) => runs.some((r) => t.start !== undefined && t.start >= r.start && t.start < r.end);
  const slips: Term[] = runs.map((r) => ({
    text: r.text,
    reading: r.reading,
    role: 'content',
    kana: false,
    slip: true,
    ...(r.reading && r.reading.length >= 3 ? { bigrams: readingBigrams(r.reading) } : {}),
    start: r.start,
    end: r.end,
  }));
  return [...terms.filter((t) => !inRun(t)), ...slips].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}
