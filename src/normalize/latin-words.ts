/**
 * Stage 1b of the search pipeline: read the Latin letters of a question. Citizens mix in English
 * words (「overtime 減った？」) and type whole questions in romaji (「furusato nouzei no jisseki wa」).
 * English words and phrases become the corpus's Japanese word through the staff's English file
 * (corpus/synonyms.en.yaml); other runs that read as romaji become hiragana (wanakana), which the
 * kana stages then match by reading; words the corpus itself writes in Latin letters (sns, wi-fi)
 * and anything else stay as they are.
 */
import { isJapanese, toHiragana } from 'wanakana';

/** English word or phrase (normalised, single spaces) → the Japanese word the corpus uses. */
export type EnglishWords = ReadonlyMap<string, string>;

/** A change the English file reads a phrase as (went down: 削減, grew: 増加). */
const CHANGE_WORD = /^(?:削減|減少|増加)$/u;

/** The longest English phrase looked up, in words. */
const maxPhraseWords = 4;

/** A run of Latin words separated by spaces or hyphens, as normalizeText leaves them (lower case). */
const LATIN_RUN = /[a-z][a-z0-9'’-]*(?:[ ]+[a-z][a-z0-9'’-]*)*/gu;

/**
 * English words that only join others (support for new farmers, the city of komoro): dropped
 * when the English file does not take them into a phrase. Not romaji: none of them reads as Japanese
 * a citizen would type, but "to" or "no" would (と, の), so those are left to the romaji reading.
 */
const ENGLISH_FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'in',
  'on',
  'at',
  'about',
  'is',
  'are',
  'was',
  'were',
  'does',
  'did',
  'and',
  'or',
  'with',
  'by',
  'from',
  'please',
  'tell',
  'me',
  'my',
  'our',
  'your',
  'this',
  'that',
  'there',
  'any',
  'some',
  'i',
  'it',
  'its',
  'we',
  'you',
  'want',
  'know',
  'can',
  'could',
  'would',
  'will',
  'has',
  'have',
  'been',
  'try',
  'tried',
  'make',
  'besides',
  'called',
  'meant',
  'serve',
  'stand',
  'as',
  'get',
  'got',
  'find',
  'now',
  "don't",
  'dont',
  "doesn't",
  "didn't",
  // to and do, verbs of going and saying, while and things: the words around them name the topic
  // (go to do top sales; read as romaji, go to do was ごとど).
  'to',
  'do',
  'go',
  'went',
  'say',
  'said',
  'says',
  'while',
  'thing',
  'things',
]);

/** Words after what that ask a number or a time (what year, what percentage): 何 stays. */
const WHAT_UNITS = new Set(['year', 'years', 'time', 'day', 'date', 'month', 'percent', 'percentage', 'number', 'age']);

/** Romaji particles typed as they sound: は is "wa", を is "wo" or "o", へ is "e". */
const PARTICLES: Readonly<Record<string, string>> = { wa: 'は', wo: 'を', o: 'を', e: 'へ' };

/** Question words read from romaji (ikura, itsu, doko, dare, nannin…). */
const QUESTION_WORDS = '(?:いくら|いつ|どこ|どちら|だれ|なに|なん)';
const QUESTION_WORD = new RegExp(`^${QUESTION_WORDS}`, 'u');
/** A question word alone, with no counter after it (なんばい counts). */
const BARE_QUESTION_WORD = new RegExp(`^${QUESTION_WORDS}$`, 'u');
const PARTICLE = /^[のはをがにでともへか]$/u;

/** Counters typed apart from nan (nan nin, nan ken, nan pa-sento): how many, one word. */
const COUNTER_AFTER_NAN =
  /^(?:にん|めい|けん|ばい|えん|かい|ねん|がつ|にち|じかん|さい|こ|ほん|だい|しゃ|く|ちく|わり|まい|かしょ|ぱーせんと|だんたい|ど)$/u;

/** A possessive ending (the city's plan, countries'): the word itself is meant. */
const POSSESSIVE = /(?<=[a-z])['’]s?(?=\s|$)/gu;

/**
 * An English phrase as looked up: words apart by single spaces, a hyphen as a space (high-altitude),
 * a possessive as the word itself (women's conference), as the question's words are read.
 */
const phraseKey = (phrase: string) => phrase.replaceAll('-', ' ').replace(POSSESSIVE, '').replace(/\s+/gu, ' ');

/** Build the lookup from the staff's groups: the first word is Japanese, the others English. */
export function englishWordsOf(groups: readonly (readonly string[])[]): EnglishWords {
  const words = new Map<string, string>();
  for (const [japanese, ...english] of groups) {
    if (japanese === undefined) continue;
    for (const word of english) words.set(phraseKey(word), japanese);
  }
  return words;
}

/** One word as romaji read into hiragana, or undefined when it does not read as romaji. */
function romajiOf(word: string): string | undefined {
  const particle = PARTICLES[word];
  if (particle) return particle;
  if (word.length < 2 || /[0-9'’]/u.test(word)) return undefined;
  // A hyphen after a vowel stretches it (ra-men, ko-hi-); after n it ends a syllable (nan-bai:
  // なんばい); after a longer part it joins two words (kenkou-zukuri).
  const kana = toHiragana(
    word
      .replace(/n-(?=[aiueoy])/gu, "n'")
      .replaceAll('n-', 'n')
      .replace(/(?<=(?:^|-)[a-z]{4,})-/gu, '')
      .replaceAll('-', 'ー'),
  );
  // Small vowels (info → いんふぉ) are how English reads as romaji, not how Japanese is typed.
  return isJapanese(kana) && !/[ぁぃぅぇぉ]/u.test(kana) ? kana : undefined;
}

/**
 * A romaji word as the corpus reads it. Romaji often leaves out long vowels (iju, tetsudo, kyoiku for
 * ijuu, tetsudou, kyouiku): a word of three kana or more is read as the corpus word it sounds like
 * without them. Shorter words (doko, moto) are only taken as spelled, since too many of them would
 * turn into another word. An n before y written by hand (bunya, konyaku: ぶんや, こんやく), which an
 * IME would type as にゃ, is read as ん when only that reading is a word of the corpus.
 */
function asCorpusReads(word: string, kana: string, corpusReading: (kana: string) => string | undefined): string {
  const spelled = (typed: string): string | undefined => {
    const reading = corpusReading(typed);
    const read = reading === undefined ? undefined : toHiragana(reading, { convertLongVowelMark: false });
    return typed.length >= 3 || read === typed ? read : undefined;
  };
  const apart = /[aeiou]ny[aou]/u.test(word) ? toHiragana(word.replace(/(?<=[aeiou]n)(?=y[aou])/gu, "'")) : undefined;
  // 何 before y (nanyoubi, nan'you: なんようび) and 曜日 after n (kinyoubi: きんようび) read ん whatever
  // the corpus holds: no word starts なにょ, and にょうび is no word.
  if (apart !== undefined && N_BEFORE_Y.test(word)) return spelled(apart) ?? apart;
  return spelled(kana) ?? (apart === undefined ? undefined : spelled(apart)) ?? kana;
}

/** Where an n before y is ん in any word: 何 at the start (nanyoubi), 曜日 after it (kinyoubi). */
const N_BEFORE_Y = /^nany[aou]|[aeiou]nyoubi/u;

/** Long vowels as Hepburn marks them (shinkō, jūjitsu, dō): spelled with two letters, as typed. */
const MACRONS: Readonly<Record<string, string>> = {
  ā: 'aa',
  ī: 'ii',
  ū: 'uu',
  ē: 'ee',
  ō: 'ou',
  â: 'aa',
  î: 'ii',
  û: 'uu',
  ê: 'ee',
  ô: 'ou',
};
const MACRON = /[āīūēōâîûêô]/gu;

/** An English ordinal (5th pillar, 2nd): the one in that place, as Japanese says it (5番目). */
const ENGLISH_ORDINAL = /(?<![0-9a-z])([0-9]{1,2})(?:st|nd|rd|th)(?![a-z])/gu;

/**
 * The text with its Latin runs read: English phrases replaced by Japanese, romaji by hiragana.
 * Words of one run that become Japanese are joined without spaces, as Japanese is written.
 */
export function readLatinWords(
  text: string,
  english: EnglishWords,
  isKnownWord: (word: string) => boolean = () => false,
  corpusReading: (kana: string) => string | undefined = () => undefined,
): string {
  return text
    .replace(MACRON, (c) => MACRONS[c] ?? c)
    .replace(ENGLISH_ORDINAL, '$1番目')
    .replace(LATIN_RUN, (run) => {
      // A possessive (the city's plan, countries') is the word itself.
      // An English word with a romaji suffix after a hyphen (sports-ka) is read as two words, the
      // suffix glued to the word as Japanese writes it (スポーツか), for the kana stages to hear.
      // So is the last word of an English phrase (barrier free-ka: バリアフリー化).
      const typed = run.split(/ +/u).map((w) => w.replace(POSSESSIVE, ''));
      const words = typed.flatMap((w, k) => {
        const [head, ...tails] = w.split('-');
        const before = typed[k - 1];
        const endsPhrase =
          head !== undefined &&
          (english.has(head) || (before !== undefined && english.has(phraseKey(`${before} ${head}`))));
        return head !== undefined && tails.length > 0 && endsPhrase && english.get(phraseKey(w)) === undefined
          ? [head, ...tails.map((tail) => `-${tail}`)]
          : [w];
      });
      const out: { text: string; japanese: boolean; romaji?: boolean; suffix?: boolean; alone?: boolean }[] = [];
      // How many words from the i-th make the longest phrase of the file (up to `most`), 0 for none.
      const longestPhrase = (i: number, most = maxPhraseWords): number => {
        for (let n = Math.min(most, words.length - i); n >= 1; n--) {
          if (english.has(phraseKey(words.slice(i, i + n).join(' ')))) return n;
        }
        return 0;
      };
      for (let i = 0; i < words.length;) {
        // what before a noun (what bus services) asks which kind, as どんな: 何バス would count buses.
        const next = words[i + 1];
        if (words[i] === 'what' && next !== undefined && !ENGLISH_FUNCTION_WORDS.has(next) && !WHAT_UNITS.has(next)) {
          out.push({ text: 'どんな', japanese: true });
          i += 1;
          continue;
        }
        // what before a verb (what did the city outsource) asks what was done: 何 stays a word of its
        // own, not glued to the noun after it (何市 would count cities).
        if (words[i] === 'what' && next !== undefined && ENGLISH_FUNCTION_WORDS.has(next)) {
          out.push({ text: '何', japanese: true, alone: true });
          i += 1;
          continue;
        }
        let taken = longestPhrase(i);
        // A phrase starting inside this one and going on past it (komoro city | city hall) is the
        // one meant, as an English compound ends in its head: this one stops where it starts.
        for (let j = i + 1; j < i + taken; j++) {
          if (j + longestPhrase(j) > i + taken) {
            taken = longestPhrase(i, j - i);
            break;
          }
        }
        const japanese = taken > 0 ? english.get(phraseKey(words.slice(i, i + taken).join(' '))) : undefined;
        if (japanese !== undefined) {
          out.push({ text: japanese, japanese: true });
          i += taken;
          continue;
        }
        const word = words[i] ?? '';
        const suffix = word.startsWith('-') ? romajiOf(word.slice(1)) : undefined;
        if (suffix !== undefined) {
          out.push({ text: suffix, japanese: true, romaji: true, suffix: true });
          i += 1;
          continue;
        }
        // A phone's keyboard types the apostrophe curled (don’t).
        if (ENGLISH_FUNCTION_WORDS.has(word.replaceAll('’', "'")) && !isKnownWord(word)) {
          i += 1;
          continue;
        }
        // A lone e or o is a particle only after a word read as Japanese (mirai e no, wine o): vitamin e stays.
        // So is a lone n, the ん of 〜んです (natta n desu ka).
        const afterJapanese = out.at(-1)?.japanese === true;
        const lone = /^[eo]$/u.test(word) && !afterJapanese;
        const romaji = isKnownWord(word) || lone ? undefined : romajiOf(word);
        const kana = word === 'n' && afterJapanese ? 'ん' : romaji && asCorpusReads(word, romaji, corpusReading);
        out.push(kana === undefined ? { text: word, japanese: false } : { text: kana, japanese: true, romaji: true });
        i += 1;
      }
      // How much it went down or up (how much did overtime go down) asks by how much, not a sum.
      const change = out.findLastIndex((w) => w.japanese && CHANGE_WORD.test(w.text));
      for (const [k, w] of out.entries()) if (k < change && w.text === 'いくら') out[k] = { ...w, text: 'どれくらい' };
      return out.reduce((acc, w, k) => {
        const previous = out[k - 1];
        // A romaji word stays apart from a word the English file gave just before it (駐車場 ふくごうしせつ):
        // glued to its kanji, the kana would be cut by the dictionary instead of by the corpus's words.
        // But a suffix typed after it (sports-ka, or sports ka tte: か before a particle, no question)
        // belongs to it, as スポーツ課 does.
        const suffix =
          w.suffix === true || (w.text === 'か' && /^(?:って|は|が|の|も|を)/u.test(out[k + 1]?.text ?? ''));
        const apart =
          w.romaji === true && previous?.romaji !== true && !suffix && !/^[のはをがにでともへ]$/u.test(w.text);
        // A question word after a word that is no particle (shoukin ikura) stays apart too: glued, it
        // would read as the end of that word (しょうきんいくら), and what it asks would be lost.
        const asking =
          w.romaji === true && QUESTION_WORD.test(w.text) && previous !== undefined && !PARTICLE.test(previous.text);
        // And a word after a question word (itsu kaisai): glued, いつかいさい reads as いつか (someday).
        // Not a counter after nan (nan nin, nan ken): なんにん is one word.
        const afterAsking =
          w.romaji === true &&
          previous?.romaji === true &&
          QUESTION_WORD.test(previous.text) &&
          !/^(?:から|まで|ごろ|くらい|ぐらい|[のはをがにでともへかや])$/u.test(w.text) &&
          !(previous.text === 'なん' && COUNTER_AFTER_NAN.test(w.text));
        // Nor after a question word and its particle (doko de moushikomeba): glued, どこでもうし reads
        // as どこでも (anywhere), and what it asks would be lost.
        const beforeLast = out[k - 2];
        const afterAskingParticle =
          w.romaji === true &&
          previous?.romaji === true &&
          PARTICLE.test(previous.text) &&
          beforeLast?.romaji === true &&
          BARE_QUESTION_WORD.test(beforeLast.text);
        const joined =
          k === 0 ||
          (w.japanese &&
            previous?.japanese === true &&
            previous.alone !== true &&
            !apart &&
            !asking &&
            !afterAsking &&
            !afterAskingParticle);
        return acc + (joined ? '' : ' ') + w.text;
      }, '');
    });
}
