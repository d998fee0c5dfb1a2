/**
 * The content hash of a corpus on disk. The reloader keeps the hash of what it serves and compares
 * it with the disk's now and then, so a change a file watcher missed is still picked up; staff see
 * the hash of the serving corpus in /api/status.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Whether a file can be part of a corpus (YAML, JSON, JSONL); editors' temporary files are not. */
export function isCorpusFile(file: string): boolean {
  return /\.(ya?ml|jsonl?)$/.test(file);
}

/** The corpus files under a directory, relative to it, sorted; or the file itself for a JSONL corpus. */
async function corpusFiles(location: string): Promise<string[]> {
  if (!(await stat(location)).isDirectory()) return [''];
  const found = await readdir(location, { recursive: true, withFileTypes: true });
  return found
    .filter((d) => d.isFile() && isCorpusFile(d.name))
    .map((d) => path.relative(location, path.join(d.parentPath, d.name)))
    .sort();
}

/**
 * SHA-256 over the names and bytes of the corpus files of a directory (or of a JSONL file), as 16
 * hex digits. Throws when a file vanishes while it is read (a rename in progress): ask again later.
 */
export async function hashCorpus(location: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of await corpusFiles(location)) {
    const bytes = await readFile(path.join(location, name));
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}
