/**
 * The questions the benchmark asks: the development questions (../shared/eval/dev-questions.jsonl)
 * and the citizen question set (test/eval/citizen-questions.jsonl), as plain texts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const questionFiles = [
  path.resolve(repoRoot, '../shared/eval/dev-questions.jsonl'),
  path.resolve(repoRoot, 'test/eval/citizen-questions.jsonl'),
];

/** The texts of every question file that exists (`q` of each JSON line), in file order. */
export function readQuestions(files: readonly string[] = questionFiles): { files: string[]; questions: string[] } {
  const present = files.filter((file) => existsSync(file));
  const questions = present.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { q: string }).q),
  );
  if (questions.length === 0) throw new Error(`no questions found in ${files.join(', ')}`);
  return { files: present, questions };
}
