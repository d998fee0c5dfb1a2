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
import { CorpusError, formatProblem } from '../src/corpus/corpus-problem.js';
import {
  bundledCorpusDir,
  englishFileName,
  readCorpus,
  readTextIfPresent,
  sudachiSynonymsFileName,
  synonymFileName,
} from '../src/corpus/read-corpus.js';
import { corpusText } from '../src/search/corpus-text.js';
import { normalizeText } from '../src/normalize/normalize.js';
import { designRichMenu } from '../src/render/rich-menu.js';
import {
  checkRichMenuImage,
  regenerateRichMenuImageAdvice,
  richMenuImageFileName,
} from '../src/render/rich-menu-svg.js';
import { deriveSudachiSynonyms } from '../src/bot/sudachi-dictionary.js';
import { restrictGroups } from '../src/analyze/synonyms.js';
import { loadKuromoji } from '../src/analyze/japanese-tokenizer.js';
import type { Corpus } from '../src/corpus/entry.js';
import { formatWarning } from '../src/corpus/corpus-warning.js';
import { keywordWarnings, type TokenizeForCheck } from '../src/corpus/keyword-check.js';
import { labelWarnings } from '../src/corpus/label-check.js';
import { labelBudget } from '../src/corpus/label-width.js';
import { pledgesOf, unlinkedPledgeWarnings } from '../src/corpus/pledge-links.js';
import { pillarLabelWords, pillarQuickReplyLabel } from '../src/render/render-pillar.js';

const location = process.argv[2] ?? bundledCorpusDir;
try {
  const corpus = await readCorpus(location);
  const withFigures = corpus.entries.filter((e) => e.figures.length > 0).length;
  console.log(
    `corpus OK: ${corpus.entries.length} entries (${withFigures} with figures), ` +
      `${corpus.synonyms.length} staff synonym groups, ${corpus.english.length} English groups in ${location}`,
  );
  const text = corpusText(corpus);
  await warnAboutLabelsKeywordsAndPledges(corpus);
  const used = new Set(restrictGroups(corpus.synonyms, text));
  const staffFile = path.relative(process.cwd(), path.join(location, synonymFileName));
  for (const group of corpus.synonyms) {
    if (!used.has(group)) {
      console.warn(
        `warning: ${staffFile} [${group.join(', ')}]: no word of this group occurs in the corpus, so it never matches`,
      );
    }
  }
  // A phrasing shared by two entries cannot tell them apart: it only splits the match between them.
  const phrasingOwner = new Map<string, string>();
  for (const entry of corpus.entries) {
    for (const phrasing of entry.phrasings) {
      const key = normalizeText(phrasing);
      const owner = phrasingOwner.get(key);
      if (owner !== undefined && owner !== entry.id) {
        console.warn(
          `warning: entry '${entry.id}' phrasings: '${phrasing}' is also a phrasing of '${owner}', so it tells neither apart`,
        );
      } else {
        phrasingOwner.set(key, entry.id);
      }
    }
  }
  const englishFile = path.relative(process.cwd(), path.join(location, englishFileName));
  for (const [japanese, ...english] of corpus.english) {
    if (japanese !== undefined && !text.includes(japanese)) {
      console.warn(
        `warning: ${englishFile} [${[japanese, ...english].join(', ')}]: '${japanese}' does not occur in the corpus, so its English words find nothing`,
      );
    }
  }
  if ((await stat(location)).isDirectory()) {
    const file = path.join(location, sudachiSynonymsFileName);
    const onDisk = await readTextIfPresent(file);
    const expected = deriveSudachiSynonyms(text);
    if (onDisk === undefined) {
      console.warn(`warning: ${path.relative(process.cwd(), file)} is missing: run npm run synonyms:build`);
    } else if (onDisk !== expected.text) {
      console.warn(
        `warning: ${path.relative(process.cwd(), file)} is stale (the corpus or the dictionary changed): run npm run synonyms:build`,
      );
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
      console.warn(`warning: ${path.relative(process.cwd(), image)}: ${problem}: ${regenerateRichMenuImageAdvice}`);
  }
} catch (err) {
  if (!(err instanceof CorpusError)) throw err;
  for (const p of err.problems) console.error(formatProblem(p));
  console.error(`corpus check failed: ${err.problems.length} problem(s)`);
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
