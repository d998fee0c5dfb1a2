/**
 * The links from each pledge (a ● 具体的政策, kind: policy) to the results the report lists for it
 * (its `results`), checked across the corpus: every id names an entry, a result and not the
 * pledge itself, once. A broken link is a problem like a duplicate id, so a reload that has one
 * keeps the last good corpus rather than show a tracker with a hole in it.
 */
import type { CorpusProblem } from './corpus-problem.js';
import { formatPath } from './corpus-problem.js';
import type { CorpusWarning } from './corpus-warning.js';
import { resultKinds, type Entry } from './entry.js';

/** An entry with where it is written, as parse-corpus.ts reads it. */
export interface LocatedEntry {
  readonly entry: Entry;
  readonly file: string;
  readonly line: number;
  /** The line of a field of the entry (['results', 2]); the entry's line when unknown. */
  readonly lineOf?: (path: readonly PropertyKey[]) => number;
  /** The entry's path in its file (['entries', 3]), to name fields as staff read them. */
  readonly path?: readonly PropertyKey[];
}

/** Every problem of the pledges' `results` links, located at the id that is wrong. */
export function pledgeLinkProblems(located: readonly LocatedEntry[]): CorpusProblem[] {
  const byId = new Map<string, Entry>();
  for (const { entry } of located) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  const problems: CorpusProblem[] = [];
  for (const item of located) {
    const results = item.entry.results ?? [];
    const seen = new Set<string>();
    results.forEach((id, i) => {
      const fieldPath = ['results', i];
      const problem = (message: string) =>
        problems.push({
          file: item.file,
          line: item.lineOf?.(fieldPath) ?? item.line,
          field: formatPath([...(item.path ?? []), ...fieldPath]),
          message,
        });
      const target = byId.get(id);
      if (id === item.entry.id) {
        problem(`公約が自分自身（'${id}'）を実績に挙げています。報告にある実績の項目の id を書いてください`);
      } else if (target === undefined) {
        problem(`'${id}' という id の項目はありません。実績の項目の id を書いてください（打ち間違いではありませんか）`);
      } else if (!resultKinds.includes(target.kind)) {
        problem(
          `'${id}' は種類 ${target.kind} の項目です。実績に挙げられるのは ${resultKinds.join('・')} の項目です`,
        );
      } else if (seen.has(id)) {
        problem(`'${id}' が2回書かれています。1回にしてください`);
      }
      seen.add(id);
    });
  }
  return problems;
}

/** The pledges of a corpus: its ● 具体的政策 (kind: policy). */
export function pledgesOf(entries: readonly Entry[]): Entry[] {
  return entries.filter((e) => e.kind === 'policy');
}

/** A warning for each pledge whose results nobody has linked yet (no `results` field at all). */
export function unlinkedPledgeWarnings(entries: readonly Entry[]): CorpusWarning[] {
  return pledgesOf(entries)
    .filter((pledge) => pledge.results === undefined)
    .map((pledge) => ({
      entryId: pledge.id,
      field: 'results',
      message:
        'この公約（具体的政策）に報告の実績が結び付けられていません。公約の進み具合に実績が出るよう、' +
        '実績の項目の id を results: [id, id] に書いてください（報告に実績の記載がなければ results: []）',
    }));
}
