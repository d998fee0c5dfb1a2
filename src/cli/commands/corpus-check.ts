/**
 * npm run corpus:check [-- DIR]
 * Validates the corpus (the bundled corpus/ by default), its synonyms.yaml included, and lists
 * every problem as file:line field: what is wrong. Exits 1 when there is any. Also warns (without
 * failing) when synonyms.sudachi.json is missing or stale, a staff synonym group can never match,
 * or rich-menu.png was not drawn from meta.yaml's pillars as they are (npm run rich-menu:image).
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
import { corpusCheckText as text } from '../messages.js';

const warn = (message: string) => console.warn(text.warning(message));

const location = process.argv[2] ?? bundledCorpusDir;
try {
  const corpus = await readCorpus(location);
  const withFigures = corpus.entries.filter((e) => e.figures.length > 0).length;
  console.log(text.ok(corpus.entries.length, withFigures, corpus.synonyms.length, corpus.english.length, location));
  const words = corpusText(corpus);
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
    if (japanese !== undefined && !words.includes(japanese)) {
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
