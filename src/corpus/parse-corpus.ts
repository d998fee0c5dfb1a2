/**
 * Parse and validate the staff-edited YAML corpus (pure: file names and texts in, a corpus or
 * located problems out). Every problem is reported, with its file, line and field.
 */
import { CorpusError, type CorpusProblem } from './corpus-problem.js';
import { CorpusMeta, Entry, EntryFile, type Corpus } from './entry.js';
import { corpusIssueMessage, corpusMessages } from './check-messages.js';
import { issuesToProblems, parseYaml, type SourceFile } from './parse-yaml.js';
import { parseEnglishFile, parseStaffSynonymFile } from './synonym-file.js';
import { pledgeLinkProblems, type LocatedEntry } from './pledge-links.js';
import { runAtOnce, runInSlices } from '../time-slices.js';

export type { SourceFile };

/** Validate corpus/meta.yaml. */
export function parseMeta(file: SourceFile, problems: CorpusProblem[]): CorpusMeta | undefined {
  const parsed = parseYaml(file, problems);
  if (!parsed) return undefined;
  const result = CorpusMeta.safeParse(parsed.doc.toJS(), { error: corpusIssueMessage });
  if (!result.success) {
    problems.push(...issuesToProblems(file, parsed, [], result.error));
    return undefined;
  }
  return result.data;
}

/** Validate one entry file; valid entries are kept even when others in the file are not. */
export function parseEntryFile(file: SourceFile, problems: CorpusProblem[]): LocatedEntry[] {
  const parsed = parseYaml(file, problems);
  if (!parsed) return [];
  const shape = EntryFile.safeParse(parsed.doc.toJS(), { error: corpusIssueMessage });
  if (!shape.success) {
    problems.push(...issuesToProblems(file, parsed, [], shape.error));
    return [];
  }
  const located: LocatedEntry[] = [];
  shape.data.entries.forEach((raw, i) => {
    const result = Entry.safeParse(raw, { error: corpusIssueMessage });
    if (result.success) {
      located.push({
        entry: result.data,
        file: file.name,
        line: parsed.lineOf(['entries', i]),
        lineOf: (path) => parsed.lineOf(['entries', i, ...path]),
        path: ['entries', i],
      });
    } else {
      problems.push(...issuesToProblems(file, parsed, ['entries', i], result.error));
    }
  });
  return located;
}

/** The parsing of a whole corpus, one file between two yields (time-slices.ts). */
function* parsing(
  meta: SourceFile,
  entryFiles: readonly SourceFile[],
  synonymFile?: SourceFile,
  englishFile?: SourceFile,
): Generator<void, Corpus, void> {
  const problems: CorpusProblem[] = [];
  const parsedMeta = parseMeta(meta, problems);
  const located: LocatedEntry[] = [];
  for (const file of entryFiles) {
    yield;
    located.push(...parseEntryFile(file, problems));
  }
  yield;
  const firstById = new Map<string, LocatedEntry>();
  for (const item of located) {
    const first = firstById.get(item.entry.id);
    if (first) {
      problems.push({
        file: item.file,
        line: item.line,
        field: 'id',
        message: corpusMessages.duplicateId(item.entry.id, `${first.file}:${first.line}`),
      });
    } else {
      firstById.set(item.entry.id, item);
    }
    if (parsedMeta && !parsedMeta.pillars.some((p) => p.number === item.entry.pillar)) {
      problems.push({
        file: item.file,
        line: item.line,
        field: 'pillar',
        message: corpusMessages.pillarNotDefined(item.entry.pillar, meta.name),
      });
    }
  }
  problems.push(...pledgeLinkProblems(located));
  if (located.length === 0 && problems.length === 0) {
    problems.push({ file: meta.name, line: 0, field: '', message: corpusMessages.noEntries });
  }
  const staff = synonymFile ? parseStaffSynonymFile(synonymFile, problems) : { groups: [], notFromDictionary: [] };
  yield;
  const english = englishFile ? parseEnglishFile(englishFile, problems) : [];
  if (problems.length > 0 || !parsedMeta || !staff || !english) throw new CorpusError(problems);
  const { groups: synonyms, notFromDictionary } = staff;
  return { meta: parsedMeta, entries: located.map((l) => l.entry), synonyms, english, notFromDictionary };
}

/**
 * Parse a whole corpus: meta plus entry files, and the staff's synonym and English files when there are.
 * Cross-entry rules too: ids are unique, every pillar an entry names exists, and every id a
 * pledge lists in `results` names a result (pledge-links.ts). Throws
 * CorpusError with every problem when anything is wrong.
 */
export function parseCorpus(
  meta: SourceFile,
  entryFiles: readonly SourceFile[],
  synonymFile?: SourceFile,
  englishFile?: SourceFile,
): Corpus {
  return runAtOnce(parsing(meta, entryFiles, synonymFile, englishFile));
}

/** parseCorpus with the event loop free between files, for a server reloading its corpus. */
export function parseCorpusInSlices(
  meta: SourceFile,
  entryFiles: readonly SourceFile[],
  synonymFile?: SourceFile,
  englishFile?: SourceFile,
): Promise<Corpus> {
  return runInSlices(parsing(meta, entryFiles, synonymFile, englishFile));
}
