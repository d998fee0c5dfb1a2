/**
 * npm run synonyms:build [-- DIR]
 * Derives DIR/synonyms.sudachi.json (the bundled corpus/ by default): the groups of the Sudachi
 * synonym dictionary that have a word occurring in the corpus, so that the bot loads a few
 * hundred groups at start-up instead of the 14 MB dictionary. Run it after editing the entries;
 * corpus:check warns when the file is missing or stale.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, formatProblem } from '../src/corpus/corpus-problem.js';
import { bundledCorpusDir, readCorpusDir, sudachiSynonymsFileName } from '../src/corpus/read-corpus.js';
import { corpusText } from '../src/search/corpus-text.js';
import { deriveSudachiSynonyms } from '../src/bot/sudachi-dictionary.js';
import { synonymsBuildText } from '../src/cli/messages.js';

const dir = process.argv[2] ?? bundledCorpusDir;
try {
  const corpus = await readCorpusDir(dir);
  const { groups, text } = deriveSudachiSynonyms(corpusText(corpus));
  const file = path.join(dir, sudachiSynonymsFileName);
  await writeFile(file, text);
  console.log(synonymsBuildText.wrote(path.relative(process.cwd(), file), groups.length, Buffer.byteLength(text)));
} catch (err) {
  if (!(err instanceof CorpusError)) throw err;
  for (const p of err.problems) console.error(formatProblem(p));
  console.error(synonymsBuildText.needsValidCorpus(err.problems.length));
  process.exitCode = 1;
}
