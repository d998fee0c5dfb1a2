/**
 * YAML parsing for staff-edited files, with every problem located at its file, line and field.
 * Shared by the entry files, meta.yaml and synonyms.yaml.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { formatPath, type CorpusProblem } from './corpus-problem.js';
import { corpusMessages } from './check-messages.js';

export interface SourceFile {
  /** Path as shown to staff, e.g. corpus/entries/01-shisei.yaml */
  readonly name: string;
  readonly text: string;
}

/** A YAML document with the line of any of its fields, for locating problems. */
export interface ParsedYaml {
  readonly doc: Document;
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

/** Parse one YAML file; syntax errors are reported (with their line) and give undefined. */
export function parseYaml(file: SourceFile, problems: CorpusProblem[]): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = lineCounter.linePos(err.pos[0]).line;
      problems.push({ file: file.name, line, field: '', message: corpusMessages.yamlSyntax(err.message.split('\n')[0] as string) });
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

/** Zod issues as located problems; `prefix` is the path of the validated value in the document. */
export function issuesToProblems(
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
