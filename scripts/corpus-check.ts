/**
 * npm run corpus:check [-- DIR]
 * Validates the corpus (the bundled corpus/ by default) and lists every problem as
 * file:line field: what is wrong. Exits 1 when there is any.
 */
import { CorpusError, formatProblem } from '../src/corpus/corpus-problem.js';
import { bundledCorpusDir, readCorpus } from '../src/corpus/read-corpus.js';

const location = process.argv[2] ?? bundledCorpusDir;
try {
  const corpus = await readCorpus(location);
  const withFigures = corpus.entries.filter((e) => e.figures.length > 0).length;
  console.log(`corpus OK: ${corpus.entries.length} entries (${withFigures} with figures) in ${location}`);
} catch (err) {
  if (!(err instanceof CorpusError)) throw err;
  for (const p of err.problems) console.error(formatProblem(p));
  console.error(`corpus check failed: ${err.problems.length} problem(s)`);
  process.exitCode = 1;
}
