/**
 * Read a corpus from disk: a directory in the project's format (meta.yaml + entries/*.yaml)
 * or a JSONL FAQ file. The only corpus module that touches the file system.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from './entry.js';
import { parseCorpus, type SourceFile } from './parse-corpus.js';
import { parseJsonlCorpus } from './parse-jsonl-corpus.js';

/** The corpus bundled with the bot. */
export const bundledCorpusDir = path.resolve(import.meta.dirname, '../../corpus');

async function readSource(file: string): Promise<SourceFile> {
  return { name: path.relative(process.cwd(), file) || file, text: await readFile(file, 'utf8') };
}

/** Read and validate a corpus directory; throws CorpusError listing every problem. */
export async function readCorpusDir(dir: string): Promise<Corpus> {
  const entriesDir = path.join(dir, 'entries');
  const names = (await readdir(entriesDir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const [meta, ...files] = await Promise.all([
    readSource(path.join(dir, 'meta.yaml')),
    ...names.map((n) => readSource(path.join(entriesDir, n))),
  ]);
  return parseCorpus(meta as SourceFile, files);
}

/** Read a corpus from a directory or a .jsonl file. */
export async function readCorpus(location: string): Promise<Corpus> {
  if ((await stat(location)).isDirectory()) return readCorpusDir(location);
  const source = await readSource(location);
  return parseJsonlCorpus(source.name, source.text);
}
