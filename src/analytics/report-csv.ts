/**
 * The staff report as CSV (RFC 4180, CRLF) for spreadsheets: four sections, each a title line,
 * a header line and its rows, separated by an empty line. Question texts come from citizens, so
 * a text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with ', and
 * Excel gets a UTF-8 byte order mark (csvBom) so Japanese is not garbled.
 */
import { dailyVolumeCells, type AnalyticsReport } from './report.js';

/** Prepend to a CSV file or download so Excel reads it as UTF-8. */
export const csvBom = '\uFEFF';

type Cell = string | number;

function csvCell(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function section(title: string, header: readonly string[], rows: readonly (readonly Cell[])[]): string[] {
  return [csvCell(title), header.join(','), ...rows.map((row) => row.map(csvCell).join(','))];
}

export function reportToCsv(report: AnalyticsReport): string {
  const lines = [
    ...section(
      `unanswered questions (答えられなかった質問), last ${report.days} days`,
      ['question', 'normalized', 'count', 'users', 'lastAskedAt'],
      report.unanswered.map((u) => [u.question, u.normalized, u.count, u.users, u.lastAskedAt]),
    ),
    '',
    ...section(
      'negative feedback (役に立たなかった)',
      ['entryId', 'down', 'up', 'lastDownAt'],
      report.negativeFeedback.map((f) => [f.entryId, f.down, f.up, f.lastDownAt]),
    ),
    '',
    ...section(
      'daily volume (日別, Japan time)',
      ['day', 'questions', 'answered', 'unanswered', 'smallTalk', 'feedbackUp', 'feedbackDown'],
      report.dailyVolume.map(dailyVolumeCells),
    ),
    '',
    ...section(
      'top entries (よく表示された項目)',
      ['entryId', 'hits', 'lastShownAt'],
      report.topEntries.map((e) => [e.entryId, e.hits, e.lastShownAt]),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
