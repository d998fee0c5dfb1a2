/**
 * CSV as RFC 4180 describes it and as Excel writes it (pure, no I/O): fields separated by commas,
 * records by CRLF, LF or CR; a field in double quotes may hold commas, line breaks and quotes
 * written twice (""). Cells are returned exactly as written: line breaks inside a cell are not
 * normalised here, so stringify → parse gives back the same rows.
 */

/** One record of a CSV file: its fields, and the line of the file it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A CSV file that cannot be read: an unclosed quote or text after a closing quote. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    /** 1-based line of the file where the problem is. */
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

const BOM = '\uFEFF';

/**
 * Parse CSV text into records. A leading byte order mark is skipped; a final line break does not
 * start another record; an empty line is a record with one empty field. A quote inside an
 * unquoted field is kept as it is (as Excel does). Throws CsvSyntaxError on a quoted field that
 * is never closed or is followed by anything but a comma or a line break.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.startsWith(BOM) ? 1 : 0;
  let line = 1;
  if (i >= text.length) return records;
  let fields: string[] = [];
  let recordLine = line;
  for (;;) {
    // One field starts at i.
    let field = '';
    if (text[i] === '"') {
      const openedOn = line;
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new CsvSyntaxError(openedOn, 'a quoted cell is never closed (a " is missing)');
        field += text.slice(i, quote);
        line += countLineBreaks(text, i, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(line, `unexpected text after a quoted cell: ${JSON.stringify(text.slice(i, i + 10))} (write a " inside a quoted cell as "")`);
      }
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '\r' && text[end] !== '\n') end++;
      field = text.slice(i, end);
      i = end;
    }
    fields.push(field);
    // After a field: a comma, a line break or the end of the text.
    const sep = text[i];
    if (sep === ',') {
      i++;
      continue;
    }
    records.push({ line: recordLine, fields });
    if (sep === undefined) return records;
    i += sep === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    if (i >= text.length) return records;
    fields = [];
    recordLine = line;
  }
}

/** Line breaks (CRLF, LF or CR, each counted once) in text[from, to). */
function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text[k];
    if (c === '\n' || (c === '\r' && text[k + 1] !== '\n')) n++;
  }
  return n;
}

export interface StringifyCsvOptions {
  /** Quote every field, or only those that need it (the default). */
  readonly quote?: 'always' | 'needed';
  /** The record separator; CRLF by default, as Excel writes it. */
  readonly newline?: string;
}

/**
 * Rows as CSV text, each record followed by the newline. Quoted when needed: a field with a
 * comma, a quote or a line break, with leading or trailing white space (or a BOM), and the single
 * empty field of a one-field row (an empty line would be ambiguous at the end of the file).
 */
export function stringifyCsv(rows: readonly (readonly string[])[], options: StringifyCsvOptions = {}): string {
  const newline = options.newline ?? '\r\n';
  const always = options.quote === 'always';
  let out = '';
  for (const row of rows) {
    out += row.map((field) => (always || needsQuotes(field, row.length) ? `"${field.replaceAll('"', '""')}"` : field)).join(',');
    out += newline;
  }
  return out;
}

function needsQuotes(field: string, fieldsInRow: number): boolean {
  if (field === '') return fieldsInRow === 1;
  return /[",\r\n]|^\s|\s$/u.test(field);
}
