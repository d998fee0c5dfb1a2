/**
 * Read a corpus from disk: a directory in the project's format (meta.yaml + entries/*.yaml, and
 * optionally synonyms.yaml, synonyms.en.yaml and synonyms.sudachi.json) or a JSONL FAQ file. The only corpus module
 * that touches the file system.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SynonymGroups } from './entry.js';
import { CorpusError, formatPath } from './corpus-problem.js';
import type { Corpus } from './entry.js';
import { parseCorpusInSlices, type SourceFile } from './parse-corpus.js';
import { parseJsonlCorpus } from './parse-jsonl-corpus.js';
import { SudachiSynonymsFile } from './synonym-file.js';
import { corpusIssueMessage, corpusMessages } from './check-messages.js';

/** The corpus bundled with the bot. */
export const bundledCorpusDir = path.resolve(import.meta.dirname, '../../corpus');

/** In a corpus directory: the staff's synonym groups (optional). */
export const synonymFileName = 'synonyms.yaml';
/** In a corpus directory: the staff's English words for the corpus's Japanese ones (optional). */
export const englishFileName = 'synonyms.en.yaml';
/** In a corpus directory: the Sudachi groups derived for it by `npm run synonyms:build` (optional). */
export const sudachiSynonymsFileName = 'synonyms.sudachi.json';

async function readSource(file: string): Promise<SourceFile> {
  return { name: path.relative(process.cwd(), file) || file, text: await readFile(file, 'utf8') };
}

/** The file's text, or undefined when it does not exist (the corpus's optional files). */
export async function readTextIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The file, or undefined when it does not exist. */
async function readOptionalSource(file: string): Promise<SourceFile | undefined> {
  const text = await readTextIfPresent(file);
  return text === undefined ? undefined : { name: path.relative(process.cwd(), file) || file, text };
}

/** Read and validate a corpus directory; throws CorpusError listing every problem. */
export async function readCorpusDir(dir: string): Promise<Corpus> {
  const entriesDir = path.join(dir, 'entries');
  const names = (await readdir(entriesDir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const [meta, synonyms, english, ...files] = await Promise.all([
    readSource(path.join(dir, 'meta.yaml')),
    readOptionalSource(path.join(dir, synonymFileName)),
    readOptionalSource(path.join(dir, englishFileName)),
    ...names.map((n) => readSource(path.join(entriesDir, n))),
  ]);
  // In slices: a server reloading its corpus keeps answering while the files are parsed.
  return parseCorpusInSlices(meta, files, synonyms, english);
}

/**
 * The Sudachi groups derived for a corpus directory (synonyms.sudachi.json), or [] when the
 * directory has none. Throws CorpusError when the file is not what synonyms:build writes.
 */
export async function readSudachiSynonyms(dir: string): Promise<SynonymGroups> {
  const source = await readOptionalSource(path.join(dir, sudachiSynonymsFileName));
  if (!source) return [];
  const rebuild = corpusMessages.rebuildSudachi;
  let value: unknown;
  try {
    value = JSON.parse(source.text);
  } catch (err) {
    throw new CorpusError([{ file: source.name, line: 0, field: '', message: `${corpusMessages.notJson((err as Error).message)}: ${rebuild}` }]);
  }
  const result = SudachiSynonymsFile.safeParse(value, { error: corpusIssueMessage });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CorpusError([{ file: source.name, line: 0, field: formatPath(issue?.path ?? []), message: `${issue?.message ?? ''}: ${rebuild}` }]);
  }
  return result.data.groups;
}

/** Read a corpus from a directory or a .jsonl file. */
export async function readCorpus(location: string): Promise<Corpus> {
  if ((await stat(location)).isDirectory()) return readCorpusDir(location);
  const source = await readSource(location);
  return parseJsonlCorpus(source.name, source.text);
}
