/**
 * CSV as Excel writes and reads it (pure, no I/O), through csv-parse and csv-stringify: records
 * end in CRLF (CRLF, LF or CR are read), quoted cells may hold commas, quotes and line breaks,
 * kept exactly as written so that stringify → parse gives back the same rows. Cells a spreadsheet
 * would run as a formula are written with a leading ' (OWASP's advice), which parsing removes.
 * Reading stops at {@link csvLimits}: an import holds every row in memory several times over.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { csvMessages } from './check-messages.js';

/** A CSV file that cannot be read; `reason` is for staff, in Japanese. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    /** 1-based line of the file where the record that cannot be read starts. */
    readonly line: number,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${line}行目: ${reason}`, options);
  }
}

/**
 * The largest file and the most records (the header included) an import reads. The corpus is a
 * few hundred entries; a stray 170,000-row sheet once took 2.7 GB of memory to import.
 */
export const csvLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 10_000 } as const;

/** The problem with a file of this many bytes, in Japanese; undefined when it may be read. */
export function csvSizeProblem(bytes: number): string | undefined {
  if (bytes <= csvLimits.maxBytes) return undefined;
  const mb = (n: number) => Math.ceil(n / (1024 * 1024));
  return csvMessages.tooLarge(mb(bytes), mb(csvLimits.maxBytes));
}

/** The first characters csv-stringify's escape_formulas guards (full-width ones included). */
const escapedFormula = /^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/u;

/**
 * Parse CSV text into rows of cells. A leading byte order mark is skipped and an empty line is a
 * row with one empty cell. A stray quote (5"2, or text after a closing quote) is kept as text
 * rather than refused. Throws CsvSyntaxError, naming the line, on a quoted cell never closed and
 * on more than `maxRows` records (default {@link csvLimits}), where it stops reading.
 */
export function parseCsv(text: string, options: { readonly maxRows?: number } = {}): string[][] {
  const maxRows = options.maxRows ?? csvLimits.maxRows;
  const bytes = Buffer.from(text);
  let readBytes = 0;
  const lineAt = (byte: number) => bytes.subarray(0, byte).toString().split(/\r\n|\r|\n/u).length;
  let rows: string[][];
  try {
    rows = parse(bytes, {
      // One record more than allowed, to tell that there are too many without reading them all.
      to: maxRows + 1,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      cast: (cell) => cell.replace(escapedFormula, ''),
      // Where the last whole record ends: csv-parse's own line count is off inside quoted cells.
      on_record: (record: string[], info) => {
        if (info.records <= maxRows) readBytes = info.bytes;
        return record;
      },
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = lineAt(readBytes);
    const reason =
      err.code === 'CSV_QUOTE_NOT_CLOSED' ? csvMessages.quoteNotClosed : csvMessages.unreadableCsv(err.message);
    throw new CsvSyntaxError(line, reason, { cause: err });
  }
  if (rows.length > maxRows) {
    // readBytes ends the last record allowed: the one too many starts on the line after it.
    throw new CsvSyntaxError(
      lineAt(readBytes) + (/[\r\n]$/u.test(bytes.subarray(0, readBytes).toString()) ? 0 : 1),
      csvMessages.tooManyRows(maxRows),
    );
  }
  return rows;
}

/**
 * Rows as CSV text, each record ending in CRLF. Cells are quoted when they need it, and when they
 * start or end with white space (or a BOM) that a spreadsheet would otherwise trim. A cell starting
 * with =, +, -, @, a tab or CR gets a leading ', numbers excepted, so that -5 stays a number.
 */
export function stringifyCsv(rows: readonly (readonly (string | number)[])[]): string {
  return stringify(rows as (string | number)[][], {
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    quoted_match: /^\s|\s$/u,
    escape_formulas: true,
  });
}
