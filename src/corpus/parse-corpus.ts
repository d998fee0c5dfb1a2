/**
 * Parse and validate the staff-edited YAML corpus (pure: file names and texts in, a corpus or
 * located problems out). Every problem is reported, with its file, line and field.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { CorpusError, formatPath, type CorpusProblem } from './corpus-problem.js';
import { CorpusMeta, Entry, EntryFile, type Corpus } from './entry.js';

export interface SourceFile {
  /** Path as shown to staff, e.g. corpus/entries/01-shisei.yaml */
  readonly name: string;
  readonly text: string;
}

interface ParsedYaml {
  readonly doc: Document;
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

function parseYaml(file: SourceFile, problems: CorpusProblem[]): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = lineCounter.linePos(err.pos[0]).line;
      problems.push({ file: file.name, line, field: '', message: `YAML syntax: ${err.message.split('\n')[0]}` });
    }
    return undefined;
  }
  // The line of the deepest node that exists along the path (a missing field points at its parent).
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  return { doc, lineOf };
}

function issuesToProblems(
  file: SourceFile,
  parsed: ParsedYaml,
  prefix: readonly PropertyKey[],
  error: z.ZodError,
): CorpusProblem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    return { file: file.name, line: parsed.lineOf(path), field: formatPath(path), message: issue.message };
  });
}

/** Validate corpus/meta.yaml. */
export function parseMeta(file: SourceFile, problems: CorpusProblem[]): CorpusMeta | undefined {
  const parsed = parseYaml(file, problems);
  if (!parsed) return undefined;
  const result = CorpusMeta.safeParse(parsed.doc.toJS());
  if (!result.success) {
    problems.push(...issuesToProblems(file, parsed, [], result.error));
    return undefined;
  }
  return result.data;
}

interface LocatedEntry {
  readonly entry: Entry;
  readonly file: string;
  readonly line: number;
}

/** Validate one entry file; valid entries are kept even when others in the file are not. */
export function parseEntryFile(file: SourceFile, problems: CorpusProblem[]): LocatedEntry[] {
  const parsed = parseYaml(file, problems);
  if (!parsed) return [];
  const shape = EntryFile.safeParse(parsed.doc.toJS());
  if (!shape.success) {
    problems.push(...issuesToProblems(file, parsed, [], shape.error));
    return [];
  }
  const located: LocatedEntry[] = [];
  shape.data.entries.forEach((raw, i) => {
    const result = Entry.safeParse(raw);
    if (result.success) {
      located.push({ entry: result.data, file: file.name, line: parsed.lineOf(['entries', i]) });
    } else {
      problems.push(...issuesToProblems(file, parsed, ['entries', i], result.error));
    }
  });
  return located;
}

/**
 * Parse a whole corpus: meta plus entry files. Cross-entry rules too: ids are unique and every
 * pillar an entry names exists. Throws CorpusError with every problem when anything is wrong.
 */
export function parseCorpus(meta: SourceFile, entryFiles: readonly SourceFile[]): Corpus {
  const problems: CorpusProblem[] = [];
  const parsedMeta = parseMeta(meta, problems);
  const located = entryFiles.flatMap((f) => parseEntryFile(f, problems));
  const firstById = new Map<string, LocatedEntry>();
  for (const item of located) {
    const first = firstById.get(item.entry.id);
    if (first) {
      problems.push({
        file: item.file,
        line: item.line,
        field: 'id',
        message: `duplicate id '${item.entry.id}' (first defined at ${first.file}:${first.line})`,
      });
    } else {
      firstById.set(item.entry.id, item);
    }
    if (parsedMeta && !parsedMeta.pillars.some((p) => p.number === item.entry.pillar)) {
      problems.push({
        file: item.file,
        line: item.line,
        field: 'pillar',
        message: `pillar ${item.entry.pillar} is not defined in ${meta.name}`,
      });
    }
  }
  if (located.length === 0 && problems.length === 0) {
    problems.push({ file: meta.name, line: 0, field: '', message: 'the corpus has no entries' });
  }
  if (problems.length > 0 || !parsedMeta) throw new CorpusError(problems);
  return { meta: parsedMeta, entries: located.map((l) => l.entry) };
}
