/**
 * The Sudachi synonym dictionary (sudachi-synonyms-dictionary, Apache-2.0) as synonym groups:
 * about 26,000 groups of everyday Japanese words (残業・時間外勤務・超過勤務, シニア・高齢者).
 * Reads the package's JSON from disk; used at build time (scripts/build-synonyms.ts) and by
 * corpus:check, so the bot itself only loads the small corpus/synonyms.sudachi.json.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { formatSudachiSynonymsFile } from '../corpus/synonym-file.js';
import { normalizeText } from '../normalize/normalize.js';
import { restrictGroups } from '../analyze/synonyms.js';
import type { SynonymGroups } from '../corpus/entry.js';

const PACKAGE = 'sudachi-synonyms-dictionary';

/**
 * The fields we read of a dictionary item (the package's own index.d.ts is not reachable under
 * NodeNext resolution: its `exports` map declares no types).
 */
interface SudachiItem {
  readonly midashi: string;
  /** 0: always expand; 1: expanded to, never from (シニア, 開業); 2: never expand (a removed word). */
  readonly expandControl: 0 | 1 | 2;
}
interface SudachiGroup {
  readonly id: string;
  readonly items: readonly SudachiItem[];
}

// The package exports only its index, not the JSON, so the JSON is found next to the index.
function packageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve(PACKAGE));
}

/**
 * Whether the dictionary is installed: it is a dev dependency, so a production install (the
 * container) has not got it, and corpus:check then skips the staleness check.
 */
export function sudachiDictionaryInstalled(): boolean {
  try {
    packageDir();
    return true;
  } catch {
    return false;
  }
}

function isSudachiGroup(value: unknown): value is SudachiGroup {
  if (typeof value !== 'object' || value === null) return false;
  const { items } = value as { items?: unknown };
  return (
    Array.isArray(items) &&
    items.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as SudachiItem).midashi === 'string' &&
        typeof (item as SudachiItem).expandControl === 'number',
    )
  );
}

/** "sudachi-synonyms-dictionary 18.0.0 (Apache-2.0)": where the derived groups come from. */
export function sudachiSource(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageDir(), 'package.json'), 'utf8')) as {
    version?: string;
    license?: string;
  };
  return `${PACKAGE} ${pkg.version ?? '?'} (${pkg.license ?? '?'})`;
}

/**
 * Every group of the dictionary, its words normalised with `normalizeText`. Words marked
 * "never expand" (expandControl 2) are dropped; words marked "not a trigger" (expandControl 1,
 * e.g. シニア, 開業) and misspellings (間違い表記) are kept, since those are exactly what citizens
 * type. Empty and repeated words go, and groups left with fewer than two words.
 */
export function loadSudachiGroups(): SynonymGroups {
  const file = path.join(packageDir(), `${PACKAGE}.json`);
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${file}: expected an array of synonym groups`);
  const groups: string[][] = [];
  for (const group of raw) {
    if (!isSudachiGroup(group)) throw new Error(`${file}: unexpected group ${JSON.stringify(group).slice(0, 200)}`);
    const words = new Set<string>();
    for (const item of group.items) {
      if (item.expandControl === 2) continue;
      const word = normalizeText(item.midashi);
      if (word !== '') words.add(word);
    }
    if (words.size >= 2) groups.push([...words]);
  }
  return groups;
}

/**
 * What corpus/synonyms.sudachi.json should hold for a corpus (its `corpusText()`): the dictionary
 * groups with a word in it, and the file's text. `npm run synonyms:build` writes the text;
 * `npm run corpus:check` compares it with the file on disk.
 */
export function deriveSudachiSynonyms(corpusText: string): { readonly groups: SynonymGroups; readonly text: string } {
  const groups = restrictGroups(loadSudachiGroups(), corpusText);
  return { groups, text: formatSudachiSynonymsFile(sudachiSource(), groups) };
}
