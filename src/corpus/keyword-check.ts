/**
 * Keywords that are not words: a slip copied from the printed report (「日本ー」 with a long-vowel
 * mark for 一) matches nothing a citizen types and reads as a typo wherever it is shown. A keyword
 * is suspect when the dictionary does not know a piece of it and the entry's own text does not
 * contain it. Pieces the dictionary leaves unknown as a matter of course are not suspect: a run
 * of katakana (ワイナリー, ジビエ) or of Latin letters and digits (KPI, PR), and a kana keyword
 * that is the reading of words of the entry (しんぎかい for 審議会).
 */
import type { CorpusWarning } from './corpus-warning.js';
import type { Entry } from './entry.js';
import { isKanaOnly, normalizeText, toKatakana } from '../normalize/normalize.js';

/** One token as the keyword check needs it (kuromoji's, in npm run corpus:check). */
export interface CheckedToken {
  readonly surface: string;
  /** False when the dictionary does not know the word (kuromoji's word_type 'UNKNOWN'). */
  readonly known: boolean;
  /** Katakana reading, when the dictionary gives one. */
  readonly reading?: string;
}

export type TokenizeForCheck = (text: string) => readonly CheckedToken[];

// Unknown to the dictionary, yet whole words by their script: loanwords, acronyms, numbers.
const KATAKANA_WORD = /^\p{Script=Katakana}[\p{Script=Katakana}ー・]*$/u;
const LATIN_WORD = /^[\p{Script=Latin}0-9][\p{Script=Latin}0-9.]*$/u;

/** Everything staff wrote that describes the entry, besides its keywords. */
function ownText(entry: Entry): string {
  const figures = entry.figures.flatMap((f) => [f.label, f.period, f.note ?? '']);
  return normalizeText([entry.title, entry.shortTitle ?? '', entry.body, ...figures, ...entry.phrasings].join('\n'));
}

/** A warning for each keyword of `entries` that is not a word (see the module comment). */
export function keywordWarnings(entries: readonly Entry[], tokenize: TokenizeForCheck): CorpusWarning[] {
  const warnings: CorpusWarning[] = [];
  for (const entry of entries) {
    const text = ownText(entry);
    let reading: string | undefined;
    for (const keyword of entry.keywords) {
      const normalized = normalizeText(keyword);
      if (text.includes(normalized)) continue;
      const unknown = tokenize(normalized).filter(
        (t) => !t.known && !KATAKANA_WORD.test(t.surface) && !LATIN_WORD.test(t.surface),
      );
      if (unknown.length === 0) continue;
      if (isKanaOnly(normalized)) {
        reading ??= tokenize(text)
          .map((t) => t.reading ?? toKatakana(t.surface))
          .join('');
        if (reading.includes(toKatakana(normalized))) continue;
      }
      warnings.push({
        entryId: entry.id,
        field: 'keywords',
        message:
          `「${keyword}」は辞書にない語（${unknown.map((t) => `「${t.surface}」`).join('')}）を含み、` +
          'この項目のタイトル・本文・よくある言い方にも出てきません。打ち間違いなら直し、要らなければ消してください',
      });
    }
  }
  return warnings;
}
