/**
 * npm run corpus -- import FILE.csv [--corpus DIR]
 * npm run corpus -- export FILE.csv [--corpus DIR] [--encoding sjis]
 *
 * Spreadsheets for staff: export every entry of the corpus (the bundled corpus/ by default) to a
 * CSV file Excel opens, and import one back, adding new entries and updating existing ones in
 * the YAML files. The I/O shell around csv.ts, csv-entries.ts, detect-encoding.ts and
 * write-entries.ts: it reads, validates everything, and only then writes, each file atomically.
 */
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, formatProblem, type CorpusProblem } from '../../corpus/corpus-problem.js';
import { entriesFromCsv, entriesToCsv } from '../../corpus/csv-entries.js';
import { CsvSyntaxError, csvSizeProblem, parseCsv, stringifyCsv } from '../../corpus/csv.js';
import {
  charactersNotInCp932,
  decodeText,
  encodeText,
  TextEncodingError,
  type TextEncodingName,
} from '../../corpus/detect-encoding.js';
import { parseCorpus, type SourceFile } from '../../corpus/parse-corpus.js';
import { bundledCorpusDir, readCorpus, readTextIfPresent, synonymFileName } from '../../corpus/read-corpus.js';
import { writeEntries } from '../../corpus/write-entries.js';
import { cp932Problem } from '../../corpus/check-messages.js';
import { commonText, corpusText } from '../messages.js';

/** Where entries that are not in the corpus yet are written, in a corpus directory. */
const newEntriesFile = path.join('entries', '90-imported.yaml');

const usage = corpusText.usage;

/** A problem the user must fix; printed without a stack trace. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface Args {
  readonly command: 'import' | 'export';
  readonly file: string;
  readonly corpusDir: string;
  readonly encoding: TextEncodingName;
}

/** npm runs scripts in the package directory; relative paths are the user's, from where they typed. */
const userDir = process.env.INIT_CWD ?? process.cwd();

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  let corpusDir = bundledCorpusDir;
  let encoding: TextEncodingName = 'utf-8';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--corpus' || arg === '--encoding') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${corpusText.needsValue(arg)}\n${usage}`);
      if (arg === '--corpus') corpusDir = path.resolve(userDir, value);
      else if (/^(sjis|shift_?jis|cp932)$/i.test(value)) encoding = 'cp932';
      else if (/^utf-?8$/i.test(value)) encoding = 'utf-8';
      else throw new UsageError(corpusText.badEncoding(value));
    } else if (arg.startsWith('--')) {
      throw new UsageError(`${corpusText.unknownOption(arg)}\n${usage}`);
    } else {
      positional.push(arg);
    }
  }
  const [command, file, ...rest] = positional;
  if ((command !== 'import' && command !== 'export') || file === undefined || rest.length > 0)
    throw new UsageError(usage);
  return { command, file: path.resolve(userDir, file), corpusDir, encoding };
}

/** A path as shown to the user. */
function shown(file: string): string {
  return path.relative(userDir, file) || file;
}

/** Write through a temporary file in the same directory, so a reader never sees half a file. */
async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const mode = await stat(file).then(
    (s) => s.mode & 0o777,
    () => undefined,
  );
  try {
    await writeFile(temp, data, mode === undefined ? {} : { mode });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

async function importCsv(args: Args): Promise<void> {
  const csvName = shown(args.file);
  // The size before reading: a file too large is never held in memory.
  const tooLarge = csvSizeProblem((await stat(args.file)).size);
  if (tooLarge !== undefined) throw new CorpusError([{ file: csvName, line: 0, field: '', message: tooLarge }]);
  let decoded;
  let records;
  try {
    decoded = decodeText(await readFile(args.file));
    records = parseCsv(decoded.text);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError) && !(err instanceof TextEncodingError)) throw err;
    throw new CorpusError([{ file: csvName, line: err.line, field: '', message: err.reason }]);
  }

  // The corpus as it is: it must be valid before anything is imported into it.
  const entriesDir = path.join(args.corpusDir, 'entries');
  const names = (await readdir(entriesDir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const pathOf = new Map<string, string>();
  const source = async (file: string): Promise<SourceFile> => {
    const name = shown(file);
    pathOf.set(name, file);
    return { name, text: await readFile(file, 'utf8') };
  };
  const meta = await source(path.join(args.corpusDir, 'meta.yaml'));
  const files = await Promise.all(names.map((n) => source(path.join(entriesDir, n))));
  const synonymsPath = path.join(args.corpusDir, synonymFileName);
  const synonymsText = await readTextIfPresent(synonymsPath);
  const synonyms = synonymsText === undefined ? undefined : { name: shown(synonymsPath), text: synonymsText };
  let corpus;
  try {
    corpus = parseCorpus(meta, files, synonyms);
  } catch (err) {
    if (err instanceof CorpusError) console.error(corpusText.corpusHasProblems(shown(args.corpusDir)));
    throw err;
  }

  const imported = entriesFromCsv(records, {
    file: csvName,
    existing: new Map(corpus.entries.map((e) => [e.id, e])),
    pillars: new Set(corpus.meta.pillars.map((p) => p.number)),
  });
  if (imported.problems.length > 0) throw new CorpusError(imported.problems);

  const newFile = path.join(args.corpusDir, newEntriesFile);
  const newName = shown(newFile);
  pathOf.set(newName, newFile);
  const writes = writeEntries(
    files,
    imported.rows.map((r) => r.entry),
    newName,
  );

  // The whole corpus as it will be, validated before anything is written.
  const after = new Map(files.map((f) => [f.name, f]));
  for (const f of writes.files) after.set(f.name, f);
  parseCorpus(meta, [...after.values()], synonyms);

  for (const f of writes.files) await writeAtomically(pathOf.get(f.name) as string, f.text);
  const { encodings } = corpusText;
  console.log(
    corpusText.imported(
      csvName,
      decoded.encoding === 'cp932' ? encodings.sjis : decoded.bom ? encodings.utf8Bom : encodings.utf8,
      writes.added.length,
      writes.updated.length,
      writes.unchanged.length,
    ),
  );
  for (const f of writes.files) console.log(corpusText.wrote(f.name));
  if (writes.files.length > 0) console.log(corpusText.checkAfterImport);
}

async function exportCsv(args: Args): Promise<void> {
  const csvName = shown(args.file);
  const corpus = await readCorpus(args.corpusDir);
  const { rows, problems } = entriesToCsv(corpus.entries, csvName);
  const cellProblems: CorpusProblem[] = [...problems];
  if (args.encoding === 'cp932') {
    // One problem per column and set of characters, located at its first row.
    const header = rows[0] ?? [];
    const byColumn = new Map<string, { row: number; field: string; missing: string[]; rows: number }>();
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const missing = charactersNotInCp932(cell);
        if (missing.length === 0) return;
        const field = header[c] ?? `${c + 1}列目`;
        const key = `${field}\u0000${missing.join('')}`;
        const seen = byColumn.get(key);
        if (seen) seen.rows++;
        else byColumn.set(key, { row: r + 1, field, missing, rows: 1 });
      }),
    );
    for (const { row, field, missing, rows: count } of byColumn.values()) {
      cellProblems.push({ file: csvName, line: row, field, message: cp932Problem(missing, count) });
    }
  }
  if (cellProblems.length > 0) throw new CorpusError(cellProblems);
  await writeAtomically(args.file, encodeText(stringifyCsv(rows), args.encoding));
  const { encodings } = corpusText;
  console.log(
    corpusText.exported(corpus.entries.length, csvName, args.encoding === 'cp932' ? encodings.sjis : encodings.utf8Bom),
  );
}

try {
  const args = parseArgs(process.argv.slice(2));
  await (args.command === 'import' ? importCsv(args) : exportCsv(args));
} catch (err) {
  if (err instanceof CorpusError) {
    for (const p of err.problems) console.error(formatProblem(p));
    console.error(corpusText.nothingWritten(err.problems.length));
    process.exitCode = 1;
  } else if (err instanceof UsageError) {
    console.error(err.message);
    process.exitCode = 2;
  } else if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(commonText.noSuchFile(shown((err as NodeJS.ErrnoException).path ?? '')));
    process.exitCode = 1;
  } else {
    throw err;
  }
}
