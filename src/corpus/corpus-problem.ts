/**
 * Problems found in a corpus, located for the staff member who must fix them, as `file:line 項目: 問題`:
 * "corpus/entries/01-shisei.yaml:42 entries[3].figures[0].after: 数値を書いてください（'3億' は数値ではありません）".
 * The wording of the problems is check-messages.ts's.
 */

export interface CorpusProblem {
  readonly file: string;
  /** 1-based line in the file; 0 when the problem is about the corpus as a whole. */
  readonly line: number;
  /** The field, as a path (entries[3].figures[0].after), or '' for the file itself. */
  readonly field: string;
  readonly message: string;
}

export function formatProblem(p: CorpusProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${where} ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

/** Thrown when a corpus cannot be used; carries every problem found, not only the first. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
  constructor(readonly problems: readonly CorpusProblem[]) {
    super(`コーパスに問題が ${problems.length} 件あります:\n${problems.map(formatProblem).join('\n')}`);
  }
}

/** Render a zod issue path the way staff read it: entries[3].figures[0].after */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}
