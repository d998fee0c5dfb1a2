/**
 * npm run corpus:check [-- DIR]
 * Validates the corpus (the bundled corpus/ by default), its synonyms.yaml included, and lists
 * every problem as file:line field: what is wrong. Exits 1 when there is any. Also warns (without
 * failing) when synonyms.sudachi.json is missing or stale, a staff synonym group can never match,
 * or rich-menu.png was not drawn from meta.yaml's pillars as they are (npm run rich-menu:image).
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

const location = process.argv[2] ?? bundledCorpusDir;
try {
  const corpus = await readCorpus(location);
  const withFigures = corpus.entries.filter((e) => e.figures.length > 0).length;
  console.log(
    `corpus OK: ${corpus.entries.length} entries (${withFigures} with figures), ` +
      `${corpus.synonyms.length} staff synonym groups, ${corpus.english.length} English groups in ${location}`,
  );
  const text = corpusText(corpus);
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
