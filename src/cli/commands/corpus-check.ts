/**
 * npm run corpus:check [-- DIR]
 * Validates the corpus (the bundled corpus/ by default), its synonyms.yaml included, and lists
 * every problem as file:line field: what is wrong. Exits 1 when there is any. Also warns (without
 * failing) when synonyms.sudachi.json is missing or stale, a staff synonym group can never match,
 * or rich-menu.png was not drawn from meta.yaml's pillars as they are (npm run rich-menu:image);
 * and when a label would not fit a phone's button, a keyword is not a word (kuromoji does not
 * know it and the entry's text lacks it), or a pledge has no result linked.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, formatProblem } from '../../corpus/corpus-problem.js';
import {
  bundledCorpusDir,
  englishFileName,
  readCorpus,
  readTextIfPresent,
  sudachiSynonymsFileName,
  synonymFileName,
} from '../../corpus/read-corpus.js';
import { corpusText } from '../../search/corpus-text.js';
import { normalizeText } from '../../normalize/normalize.js';
import { designRichMenu } from '../../render/rich-menu.js';
import {
  checkRichMenuImage,
  regenerateRichMenuImageAdvice,
  richMenuImageFileName,
} from '../../render/rich-menu-svg.js';
import { deriveSudachiSynonyms, sudachiDictionaryInstalled } from '../../bot/sudachi-dictionary.js';
import { restrictGroups } from '../../analyze/synonyms.js';
import { questionIntent } from '../../analyze/question-intent.js';
import { corpusCheckText as text } from '../messages.js';
import { loadKuromoji } from '../../analyze/japanese-tokenizer.js';
import type { Corpus } from '../../corpus/entry.js';
import { formatWarning } from '../../corpus/corpus-warning.js';
import { keywordWarnings, type TokenizeForCheck } from '../../corpus/keyword-check.js';
import { labelWarnings } from '../../corpus/label-check.js';
import { labelBudget } from '../../corpus/label-width.js';
import { pledgesOf, unlinkedPledgeWarnings } from '../../corpus/pledge-links.js';
import { pillarLabelWords, pillarQuickReplyLabel } from '../../render/render-pillar.js';

const warn = (message: string) => console.warn(text.warning(message));

/** A question word: a phrase holding one (誰のため: for whom) says how a thing is asked about. */
const QUESTION_WORD = /誰|何|いつ|どこ|どの|どう|いくら/u;

const location = process.argv[2] ?? bundledCorpusDir;
try {
  const corpus = await readCorpus(location);
  const withFigures = corpus.entries.filter((e) => e.figures.length > 0).length;
  console.log(text.ok(corpus.entries.length, withFigures, corpus.synonyms.length, corpus.english.length, location));
  const words = corpusText(corpus);
  await warnAboutLabelsKeywordsAndPledges(corpus);
  const used = new Set(restrictGroups(corpus.synonyms, words));
  const staffFile = path.relative(process.cwd(), path.join(location, synonymFileName));
  for (const group of corpus.synonyms) {
    if (!used.has(group)) warn(text.unusedSynonymGroup(staffFile, group));
  }
  // A phrasing shared by two entries cannot tell them apart: it only splits the match between them.
  const phrasingOwner = new Map<string, string>();
  for (const entry of corpus.entries) {
    for (const phrasing of entry.phrasings) {
      const key = normalizeText(phrasing);
      const owner = phrasingOwner.get(key);
      if (owner !== undefined && owner !== entry.id) {
        warn(text.sharedPhrasing(entry.id, phrasing, owner));
      } else {
        phrasingOwner.set(key, entry.id);
      }
    }
  }
  const englishFile = path.relative(process.cwd(), path.join(location, englishFileName));
  for (const [japanese, ...english] of corpus.english) {
    // A word that says what is asked (いくら, 営業時間, 誰のため) is read by the question's intent, not searched.
    const asking =
      japanese !== undefined && (questionIntent(japanese).kind !== undefined || QUESTION_WORD.test(japanese));
    if (japanese !== undefined && !words.includes(japanese) && !asking) {
      warn(text.unusedEnglishGroup(englishFile, [japanese, ...english], japanese));
    }
  }
  if ((await stat(location)).isDirectory()) {
    const file = path.join(location, sudachiSynonymsFileName);
    const shownFile = path.relative(process.cwd(), file);
    const onDisk = await readTextIfPresent(file);
    if (onDisk === undefined) {
      warn(text.sudachiMissing(shownFile));
    } else if (!sudachiDictionaryInstalled()) {
      // The production install (the container) has no dev dependencies: say what was not checked.
      warn(text.sudachiNotInstalled(shownFile));
    } else if (onDisk !== deriveSudachiSynonyms(words).text) {
      warn(text.sudachiStale(shownFile));
    }
    const image = path.join(location, richMenuImageFileName);
    let imageProblems: string[];
    try {
      const png = await readFile(image).catch(() => undefined);
      imageProblems = png === undefined ? ['がありません'] : checkRichMenuImage(png, designRichMenu(corpus.meta));
    } catch (err) {
      imageProblems = [(err as Error).message];
    }
    for (const problem of imageProblems)
      warn(text.richMenuImage(path.relative(process.cwd(), image), problem, regenerateRichMenuImageAdvice));
  }
} catch (err) {
  if (!(err instanceof CorpusError)) throw err;
  for (const p of err.problems) console.error(formatProblem(p));
  console.error(text.failed(err.problems.length));
  process.exitCode = 1;
}

/** Labels too long for a phone, keywords that are not words, pledges with no result; and how many pledges have results. */
async function warnAboutLabelsKeywordsAndPledges(corpus: Corpus): Promise<void> {
  const kuromoji = await loadKuromoji();
  const tokenize: TokenizeForCheck = (text) =>
    kuromoji.tokenize(text).map((t) => ({
      surface: t.surface_form,
      known: t.word_type === 'KNOWN',
      ...(t.reading && t.reading !== '*' ? { reading: t.reading } : {}),
    }));
  const warnings = [
    ...labelWarnings(corpus.entries),
    ...keywordWarnings(corpus.entries, tokenize),
    ...unlinkedPledgeWarnings(corpus.entries),
  ];
  for (const warning of warnings) console.warn(formatWarning(warning));
  for (const pillar of corpus.meta.pillars) {
    const words = pillarLabelWords(corpus.meta, pillar.number);
    if (pillar.number !== 0 && pillarQuickReplyLabel(corpus.meta, pillar.number) !== words) {
      console.warn(
        `警告: meta.yaml 柱${pillar.number}: 「${words}」は全角${labelBudget}文字を超えるので、クイックリプライには「柱${pillar.number}」と出ます。label を短くしてください`,
      );
    }
  }
  const pledges = pledgesOf(corpus.entries);
  if (pledges.length > 0) {
    const none = pledges.filter((p) => p.results?.length === 0).map((p) => p.id);
    const linked = pledges.filter((p) => (p.results?.length ?? 0) > 0).length;
    console.log(
      `公約（具体的政策） ${pledges.length}件: 実績を結び付けたもの ${linked}件、報告に実績の記載なし（results: []） ${none.length}件` +
        (none.length > 0 ? `（${none.join(', ')}）` : ''),
    );
  }
}
