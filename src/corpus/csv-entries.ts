/**
 * Spreadsheet rows ↔ corpus entries (pure). Import turns each CSV row into an Entry through the
 * zod schema, every problem located at its row (as Excel numbers rows: the header is row 1) and
 * column; export writes each entry as one row, in a form that imports back to the same entry.
 *
 * Columns, in export order: id, pillar, kind, title, short_title, text, keywords, phrasings,
 * results, period, source_section, source_line, figures. `text` is the entry's body; `keywords`
 * and a pledge's `results` are joined by 「、」 (`results` is 「なし」 when the report lists no
 * result for the pledge), `phrasings` one per line of the cell; `figures` is the entry's figures
 * as a JSON array (empty when it has none).
 */
import { formatPath, type CorpusProblem } from './corpus-problem.js';
import { Entry, entryKinds, type EntryKind } from './entry.js';
import { corpusIssueMessage, csvMessages, quoted } from './check-messages.js';

/** The columns of a corpus spreadsheet, in the order export writes them. */
export const csvColumns = [
  'id',
  'pillar',
  'kind',
  'title',
  'short_title',
  'text',
  'keywords',
  'phrasings',
  'results',
  'period',
  'source_section',
  'source_line',
  'figures',
] as const;
export type CsvColumn = (typeof csvColumns)[number];

/** Columns every imported file must have; the others keep an entry's value when they are absent. */
export const requiredCsvColumns: readonly CsvColumn[] = ['id', 'title', 'text', 'keywords'];

/** Japanese header names accepted on import (besides the column names themselves). */
export const japaneseCsvColumns: Readonly<Record<CsvColumn, readonly string[]>> = {
  id: ['ID', '識別子'],
  pillar: ['柱'],
  kind: ['種類', '種別'],
  title: ['タイトル', '見出し'],
  short_title: ['短いタイトル', '短い見出し'],
  text: ['本文'],
  keywords: ['キーワード'],
  phrasings: ['よくある言い方', '言い換え'],
  results: ['実績', '公約の実績'],
  period: ['時期'],
  source_section: ['出典の節', '出典'],
  source_line: ['出典の行'],
  figures: ['数値'],
};

/** What a new entry gets when its row leaves pillar, kind or source empty (or has no such column). */
export const newEntryDefaults = {
  pillar: 0,
  /** A question and its answer, as staff write them; kinds only order the cards of a pillar. */
  kind: 'faq' satisfies EntryKind,
  /** Shown to citizens under the answer, in brackets after the report's title. */
  sourceSection: '職員による追加',
  // source_line defaults to the row number in the spreadsheet.
} as const;

/** Separators of keywords inside a cell: 「、」 「,」 「，」 「;」 「；」 and line breaks. */
const keywordSeparators = /[、,，;；\n]/u;

/** A results cell saying the report lists no result for the pledge (`results: []`). */
const noResults = 'なし';

/** The example shown when a figures cell is not a JSON array of figures. */
const figuresExample = '[{"label":"寄付額","before":6790000,"after":343000000,"unit":"円","period":"就任前→R2.1"}]';

const headerAliases: ReadonlyMap<string, CsvColumn> = new Map([
  ...csvColumns.map((c) => [c, c] as const),
  ['body', 'text'],
  ['keyword', 'keywords'],
  ...csvColumns.flatMap((c) => japaneseCsvColumns[c].map((name) => [normalizeHeader(name), c] as const)),
]);

function normalizeHeader(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/gu, '_');
}

/** The cells of one row, as parseCsv gives them. */
type CsvRow = readonly string[];

/** A row that became an entry. */
export interface CsvEntryRow {
  /** The row in the spreadsheet (the header is row 1). */
  readonly row: number;
  readonly entry: Entry;
}

export interface EntriesFromCsv {
  readonly rows: readonly CsvEntryRow[];
  /** Every problem of every row; when there is any, nothing should be written. */
  readonly problems: readonly CorpusProblem[];
}

export interface EntriesFromCsvOptions {
  /** The file as shown in problems, e.g. staff.csv */
  readonly file: string;
  /** The corpus's entries by id: a row with one of these ids updates it, keeping what the row leaves out. */
  readonly existing: ReadonlyMap<string, Entry>;
  /** The pillar numbers meta.yaml defines; a row naming another one is a problem. */
  readonly pillars?: ReadonlySet<number>;
}

interface Header {
  /** Each present column: its index in the row and the name the file gives it. */
  readonly columns: ReadonlyMap<CsvColumn, { readonly index: number; readonly label: string }>;
}

/**
 * The entries a spreadsheet describes: one per non-blank row after the header. A row whose id
 * is in `existing` updates that entry: columns the file does not have, and empty pillar, kind
 * and source cells, keep the entry's values. A new entry gets `newEntryDefaults`.
 */
export function entriesFromCsv(records: readonly CsvRow[], options: EntriesFromCsvOptions): EntriesFromCsv {
  const problems: CorpusProblem[] = [];
  const [headerRecord, ...body] = records;
  if (!headerRecord) {
    return { rows: [], problems: [{ file: options.file, line: 0, field: '', message: csvMessages.emptyFile(csvColumns) }] };
  }
  const header = readHeader(headerRecord, options.file, problems);
  if (!header) return { rows: [], problems };

  const rows: CsvEntryRow[] = [];
  const rowOfId = new Map<string, number>();
  body.forEach((record, i) => {
    const row = i + 2;
    if (record.every((f) => f.trim() === '')) return;
    const rowProblems: CorpusProblem[] = [];
    const entry = entryFromRecord(record, row, header, options, rowProblems);
    if (entry) {
      const first = rowOfId.get(entry.id);
      if (first !== undefined) {
        rowProblems.push(located(options.file, row, label(header, 'id'), csvMessages.duplicateId(entry.id, first)));
      } else {
        rowOfId.set(entry.id, row);
      }
      if (options.pillars && !options.pillars.has(entry.pillar)) {
        rowProblems.push(located(options.file, row, label(header, 'pillar'), csvMessages.pillarNotDefined(entry.pillar)));
      }
    }
    problems.push(...rowProblems);
    if (entry && rowProblems.length === 0) rows.push({ row, entry });
  });
  return { rows, problems };
}

function readHeader(record: CsvRow, file: string, problems: CorpusProblem[]): Header | undefined {
  const columns = new Map<CsvColumn, { index: number; label: string }>();
  const before = problems.length;
  record.forEach((name, index) => {
    const label = name.trim();
    if (label === '') return;
    const column = headerAliases.get(normalizeHeader(name));
    if (!column) {
      problems.push(located(file, 1, label, csvMessages.unknownColumn(csvColumns)));
    } else if (columns.has(column)) {
      problems.push(located(file, 1, label, csvMessages.columnTwice(column, columns.get(column)?.label ?? '')));
    } else {
      columns.set(column, { index, label });
    }
  });
  for (const column of requiredCsvColumns) {
    if (!columns.has(column)) {
      problems.push(located(file, 1, '', csvMessages.missingColumn(column, japaneseCsvColumns[column], requiredCsvColumns)));
    }
  }
  return problems.length > before ? undefined : { columns };
}

function label(header: Header, column: CsvColumn): string {
  return header.columns.get(column)?.label ?? column;
}

function located(file: string, line: number, field: string, message: string): CorpusProblem {
  return { file, line, field, message };
}

/** The row as an entry, or undefined with its problems pushed. */
function entryFromRecord(
  record: CsvRow,
  row: number,
  header: Header,
  options: EntriesFromCsvOptions,
  problems: CorpusProblem[],
): Entry | undefined {
  const before = problems.length;
  const reported = new Set<CsvColumn>();
  const problem = (column: CsvColumn, message: string, sub = '') => {
    reported.add(column);
    problems.push(located(options.file, row, label(header, column) + sub, message));
  };
  /** The cell, line breaks as \n; undefined when the file has no such column. */
  const cell = (column: CsvColumn): string | undefined => {
    const at = header.columns.get(column);
    if (!at) return undefined;
    return (record[at.index] ?? '').replace(/\r\n?/gu, '\n');
  };
  const filled = (column: CsvColumn): string | undefined => {
    const value = cell(column);
    return value === undefined || value.trim() === '' ? undefined : value;
  };

  const named = new Set([...header.columns.values()].map((c) => c.index));
  record.forEach((value, index) => {
    if (!named.has(index) && value.trim() !== '') {
      problems.push(located(options.file, row, csvMessages.unnamedColumn(index + 1), csvMessages.cellWithoutHeader(quoteCell(value))));
    }
  });

  const id = (cell('id') ?? '').trim();
  const existing = options.existing.get(id);

  const pillarCell = filled('pillar');
  let pillar: number | undefined = existing?.pillar ?? newEntryDefaults.pillar;
  if (pillarCell !== undefined) {
    pillar = wholeNumber(pillarCell, 0, 6);
    if (pillar === undefined) problem('pillar', csvMessages.pillarNumber(quoteCell(pillarCell)));
  }

  const kindCell = filled('kind')?.trim();
  if (kindCell !== undefined && !(entryKinds as readonly string[]).includes(kindCell)) {
    problem('kind', csvMessages.kind(entryKinds, quoteCell(kindCell)));
  }
  const kind = kindCell ?? existing?.kind ?? newEntryDefaults.kind;

  const periodCell = cell('period');
  const period = periodCell === undefined ? existing?.period : periodCell.trim() === '' ? undefined : periodCell;

  const section = filled('source_section') ?? existing?.source.section ?? newEntryDefaults.sourceSection;
  const lineCell = filled('source_line');
  let sourceLine: number | undefined = existing?.source.line ?? row;
  if (lineCell !== undefined) {
    sourceLine = wholeNumber(lineCell, 1, Number.MAX_SAFE_INTEGER);
    if (sourceLine === undefined) problem('source_line', csvMessages.sourceLine(quoteCell(lineCell)));
  }

  // A phrasing is a sentence and may hold 「、」: one per line of the cell.
  const phrasingsCell = cell('phrasings');
  const phrasings =
    phrasingsCell === undefined
      ? (existing?.phrasings ?? [])
      : phrasingsCell
          .split('\n')
          .map((p) => p.trim())
          .filter((p) => p !== '');

  // Empty: not linked yet; なし: the report lists no result for the pledge.
  const resultsCell = cell('results');
  const results =
    resultsCell === undefined
      ? existing?.results
      : resultsCell.trim() === ''
        ? undefined
        : resultsCell.trim() === noResults
          ? []
          : resultsCell
              .split(keywordSeparators)
              .map((r) => r.trim())
              .filter((r) => r !== '');

  const shortTitleCell = cell('short_title');
  const shortTitle =
    shortTitleCell === undefined ? existing?.shortTitle : shortTitleCell.trim() === '' ? undefined : shortTitleCell;

  const figuresCell = cell('figures');
  let figures: unknown = figuresCell === undefined ? (existing?.figures ?? []) : [];
  if (figuresCell !== undefined && figuresCell.trim() !== '') {
    try {
      figures = JSON.parse(figuresCell);
      if (!Array.isArray(figures)) throw new Error(csvMessages.notAnArray(quoteCell(figuresCell)));
    } catch (err) {
      problem('figures', csvMessages.figures(figuresExample, (err as Error).message));
    }
  }

  const candidate = {
    id,
    pillar,
    kind,
    title: cell('title') ?? '',
    ...(shortTitle === undefined ? {} : { shortTitle }),
    body: cell('text') ?? '',
    figures,
    ...(period === undefined ? {} : { period }),
    keywords: (cell('keywords') ?? '').split(keywordSeparators).map((k) => k.trim()).filter((k) => k !== ''),
    phrasings,
    ...(results === undefined ? {} : { results }),
    source: { section, line: sourceLine },
  };
  // The schema's checks too, but only for columns whose cells could be read.
  const result = Entry.safeParse(candidate, { error: corpusIssueMessage });
  if (result.success) return problems.length > before ? undefined : result.data;
  for (const issue of result.error.issues) {
    const [key, ...rest] = issue.path;
    const column = columnOfField(key, rest[0]);
    if (reported.has(column)) continue;
    const sub = column === 'source_section' || column === 'source_line' ? rest.slice(1) : rest;
    const got = column === 'id' ? csvMessages.got(quoteCell(candidate[column])) : '';
    problem(column, `${issue.message}${got}`, sub.length > 0 ? formatPath(['', ...sub]) : '');
  }
  return undefined;
}

/** The column an Entry field comes from. */
function columnOfField(key: PropertyKey | undefined, subKey: PropertyKey | undefined): CsvColumn {
  switch (key) {
    case 'body':
      return 'text';
    case 'shortTitle':
      return 'short_title';
    case 'source':
      return subKey === 'line' ? 'source_line' : 'source_section';
    default:
      return csvColumns.find((c) => c === key) ?? 'id';
  }
}

/** A whole number written in ASCII or full-width digits, within [min, max]; undefined otherwise. */
function wholeNumber(cell: string, min: number, max: number): number | undefined {
  const digits = cell.normalize('NFKC').trim();
  if (!/^\d+$/u.test(digits)) return undefined;
  const n = Number(digits);
  return n >= min && n <= max ? n : undefined;
}

const quoteCell = quoted;

export interface CsvFromEntries {
  /** The header and one row per entry, in csvColumns order. */
  readonly rows: readonly (readonly string[])[];
  /** Entries that would not import back the same: a keyword with a separator in it. */
  readonly problems: readonly CorpusProblem[];
}

/**
 * The entries as spreadsheet rows, header first: keywords joined by 「、」, figures as a JSON
 * array, an absent period as an empty cell. Importing the rows gives back the same entries.
 */
export function entriesToCsv(entries: readonly Entry[], file: string): CsvFromEntries {
  const problems: CorpusProblem[] = [];
  const rows: string[][] = [[...csvColumns]];
  entries.forEach((entry, i) => {
    for (const keyword of entry.keywords) {
      if (keywordSeparators.test(keyword)) {
        problems.push(
          located(file, i + 2, 'keywords', csvMessages.keywordWithSeparator(keyword, entry.id)),
        );
      }
    }
    const cells: Record<CsvColumn, string> = {
      id: entry.id,
      pillar: String(entry.pillar),
      kind: entry.kind,
      title: entry.title,
      short_title: entry.shortTitle ?? '',
      text: entry.body,
      keywords: entry.keywords.join('、'),
      phrasings: entry.phrasings.join('\n'),
      results: entry.results === undefined ? '' : entry.results.length === 0 ? noResults : entry.results.join('、'),
      period: entry.period ?? '',
      source_section: entry.source.section,
      source_line: String(entry.source.line),
      figures: entry.figures.length > 0 ? JSON.stringify(entry.figures) : '',
    };
    rows.push(csvColumns.map((c) => cells[c]));
  });
  return { rows, problems };
}
