/**
 * The synonym files of a corpus directory (pure: texts in, groups or located problems out).
 * - synonyms.yaml: groups the staff write by hand, `groups: [[残業, 超過勤務, 時間外勤務], ...]`.
 * - synonyms.sudachi.json: the groups of the Sudachi dictionary that matter for this corpus,
 *   derived by `npm run synonyms:build`; never edited by hand.
 */
import { z } from 'zod';
import { normalizeText } from '../normalize/normalize.js';
import type { SynonymGroups } from './entry.js';
import { formatPath, type CorpusProblem } from './corpus-problem.js';
import { issuesToProblems, parseYaml, type ParsedYaml, type SourceFile } from './parse-yaml.js';
import { corpusIssueMessage, corpusMessages, schemaMessages } from './check-messages.js';

function wordError(input: unknown): string {
  if (input === undefined || input === null) return schemaMessages.missingWord;
  if (typeof input === 'number' || typeof input === 'boolean') return schemaMessages.wordInQuotes(String(input));
  return schemaMessages.notAWord;
}

const Word = z
  .string({ error: (issue) => wordError(issue.input) })
  .trim()
  .refine((word) => normalizeText(word) !== '', schemaMessages.notEmpty);

/** One group of the staff file: at least two words, none of them twice. */
export const SynonymGroup = z
  .array(Word, { error: schemaMessages.wordList })
  .min(2, schemaMessages.groupTooSmall)
  .superRefine((words, ctx) => {
    const firstIndex = new Map<string, number>();
    words.forEach((word, i) => {
      const key = normalizeText(word);
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, i);
      else ctx.addIssue({ code: 'custom', path: [i], message: schemaMessages.wordRepeated(word, words[first] as string, first + 1) });
    });
  });

const SynonymFileShape = z
  .object({ groups: z.array(z.unknown()), notFromDictionary: z.array(Word, { error: schemaMessages.wordList }).optional() })
  .strict();

/**
 * Validate the staff's synonyms.yaml. Problems (bad shapes, a word twice in a group, a word in
 * two groups) are added to `problems` at file:line with the field path; the groups, their words
 * normalised with `normalizeText`, are returned only when the file has none.
 */
export function parseSynonymFile(file: SourceFile, problems: CorpusProblem[]): string[][] | undefined {
  return readSynonymFile(file, problems)?.groups;
}

/** The staff's synonyms.yaml read once: its groups and the words kept out of the dictionary's. */
export interface StaffSynonyms {
  readonly groups: string[][];
  /** The words the dictionary's groups must leave out (`notFromDictionary: [バス]`), normalised. */
  readonly notFromDictionary: string[];
}

/** parseSynonymFile with the file's `notFromDictionary` list too; undefined when the file has problems. */
export function parseStaffSynonymFile(file: SourceFile, problems: CorpusProblem[]): StaffSynonyms | undefined {
  const read = readSynonymFile(file, problems);
  return read && { groups: read.groups, notFromDictionary: read.notFromDictionary };
}

function readSynonymFile(
  file: SourceFile,
  problems: CorpusProblem[],
): (StaffSynonyms & { readonly parsed: ParsedYaml }) | undefined {
  const before = problems.length;
  const parsed = parseYaml(file, problems);
  if (!parsed) return undefined;
  const shape = SynonymFileShape.safeParse(parsed.doc.toJS(), { error: corpusIssueMessage });
  if (!shape.success) {
    problems.push(...issuesToProblems(file, parsed, [], shape.error));
    return undefined;
  }
  const groups: string[][] = [];
  const firstGroupOf = new Map<string, { readonly index: number; readonly line: number }>();
  shape.data.groups.forEach((raw, g) => {
    const result = SynonymGroup.safeParse(raw, { error: corpusIssueMessage });
    if (!result.success) {
      problems.push(...issuesToProblems(file, parsed, ['groups', g], result.error));
      return;
    }
    const words = result.data.map(normalizeText);
    words.forEach((word, w) => {
      const first = firstGroupOf.get(word);
      if (first) {
        const path = ['groups', g, w];
        problems.push({
          file: file.name,
          line: parsed.lineOf(path),
          field: formatPath(path),
          message: corpusMessages.wordInTwoGroups(result.data[w] as string, first.line, first.index),
        });
      } else {
        firstGroupOf.set(word, { index: g, line: parsed.lineOf(['groups', g]) });
      }
    });
    groups.push(words);
  });
  const notFromDictionary = (shape.data.notFromDictionary ?? []).map(normalizeText);
  return problems.length === before ? { groups, notFromDictionary, parsed } : undefined;
}

/** Latin letters, digits, spaces, hyphens and apostrophes: what an English word is written with. */
const LATIN_WORD = /^[a-z0-9][a-z0-9 '’-]*$/u;
const HAS_JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Validate the staff's synonyms.en.yaml: groups like [超過勤務, overtime, overtime work], the
 * corpus's Japanese word first, then the English words (lower case after normalising) that stand
 * for it. Same shape and rules as synonyms.yaml, plus which word goes where.
 */
export function parseEnglishFile(file: SourceFile, problems: CorpusProblem[]): string[][] | undefined {
  const before = problems.length;
  const read = readSynonymFile(file, problems);
  if (!read) return undefined;
  const { groups, parsed } = read;
  if (read.notFromDictionary.length > 0) {
    const path = ['notFromDictionary'];
    problems.push({ file: file.name, line: parsed.lineOf(path), field: formatPath(path), message: corpusMessages.notFromDictionaryInEnglish });
    return undefined;
  }
  groups.forEach(([japanese, ...english], g) => {
    const at = (w: number, message: string) => {
      const path = ['groups', g, w];
      problems.push({ file: file.name, line: parsed.lineOf(path), field: formatPath(path), message });
    };
    if (japanese === undefined || !HAS_JAPANESE.test(japanese)) {
      at(0, corpusMessages.englishFirstWord(japanese ?? ''));
    }
    english.forEach((word, w) => {
      if (!LATIN_WORD.test(word)) at(w + 1, corpusMessages.notEnglishWord(word));
    });
  });
  return problems.length === before ? groups : undefined;
}

/** corpus/synonyms.sudachi.json: the dictionary groups restricted to one corpus, and their source. */
export const SudachiSynonymsFile = z
  .object({
    source: z.string().min(1),
    groups: z.array(z.array(z.string().min(1)).min(2)),
  })
  .strict();
export type SudachiSynonymsFile = z.infer<typeof SudachiSynonymsFile>;

/**
 * The text of synonyms.sudachi.json: compact, one group per line, so that a rebuild after a
 * corpus edit shows in a diff as the groups it adds or removes.
 */
export function formatSudachiSynonymsFile(source: string, groups: SynonymGroups): string {
  const lines = groups.map((group) => `    ${JSON.stringify(group)}`);
  const list = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `{\n  "source": ${JSON.stringify(source)},\n  "groups": ${list}\n}\n`;
}
