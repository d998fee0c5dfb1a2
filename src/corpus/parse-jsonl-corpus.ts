/**
 * A plain FAQ corpus: one JSON object per line, {"id", "title", "text"}. Lets the same engine
 * answer from any municipality's FAQ (the question as title, the answer as text).
 */
import { z } from 'zod';
import { CorpusError, type CorpusProblem } from './corpus-problem.js';
import type { Corpus, Entry } from './entry.js';
import { corpusIssueMessage, corpusMessages, schemaMessages } from './check-messages.js';

const FaqLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  title: z.string().min(1),
  text: z.string().min(1, schemaMessages.notEmpty),
});

/** Parse a JSONL FAQ (pure). Every bad line is reported with its number. */
export function parseJsonlCorpus(name: string, text: string): Corpus {
  const problems: CorpusProblem[] = [];
  const entries: Entry[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      problems.push({ file: name, line, field: '', message: corpusMessages.notJson((err as Error).message) });
      return;
    }
    const result = FaqLine.safeParse(value, { error: corpusIssueMessage });
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file: name, line, field: issue.path.join('.'), message: issue.message });
      }
      return;
    }
    const { id, title, text: body } = result.data;
    if (seen.has(id)) {
      problems.push({ file: name, line, field: 'id', message: corpusMessages.duplicateIdEarlier(id) });
      return;
    }
    seen.add(id);
    entries.push({ id, pillar: 0, kind: 'faq', title, body, figures: [], keywords: [], phrasings: [], source: { section: name, line } });
  });
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ file: name, line: 0, field: '', message: corpusMessages.noEntries });
  }
  if (problems.length > 0) throw new CorpusError(problems);
  return {
    meta: {
      source: { title: name, asOf: '' },
      pillars: [{ number: 0, name: 'FAQ', color: '#4A4A4A' }],
    },
    entries,
    synonyms: [],
    english: [],
  };
}
