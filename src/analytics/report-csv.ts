/**
 * The staff report as CSV for spreadsheets: four sections, each a title line, a header line and
 * its rows, separated by an empty line. Question texts come from citizens, so stringifyCsv guards
 * against cells a spreadsheet would run as formulas, and Excel gets a UTF-8 byte order mark
 * (csvBom) so Japanese is not garbled. Titles and column names are report-wording.ts's.
 */
import { stringifyCsv } from '../corpus/csv.js';
import { dailyVolumeCells, type AnalyticsReport } from './report.js';
import { reportColumns, reportTitles } from './report-wording.js';

/** Prepend to a CSV file or download so Excel reads it as UTF-8. */
export const csvBom = '\uFEFF';

type Row = readonly (string | number)[];

function section(title: string, header: Row, rows: readonly Row[]): Row[] {
  return [[title], header, ...rows];
}

export function reportToCsv(report: AnalyticsReport): string {
  const u = reportColumns.unanswered;
  const f = reportColumns.negativeFeedback;
  const e = reportColumns.topEntries;
  // Times are ISO 8601 in UTC, as in the JSON: the column names say so.
  const utc = (name: string) => `${name}（UTC）`;
  return stringifyCsv([
    ...section(
      `${reportTitles.unanswered}、直近 ${report.days} 日`,
      [u.question, u.normalized, u.count, u.users, utc(u.lastAskedAt)],
      report.unanswered.map((q) => [q.question, q.normalized, q.count, q.users, q.lastAskedAt]),
    ),
    [],
    ...section(
      reportTitles.negativeFeedback,
      [f.entryId, f.down, f.up, utc(f.lastDownAt)],
      report.negativeFeedback.map((n) => [n.entryId, n.down, n.up, n.lastDownAt]),
    ),
    [],
    ...section(reportTitles.dailyVolume, reportColumns.dailyVolume, report.dailyVolume.map(dailyVolumeCells)),
    [],
    ...section(
      reportTitles.topEntries,
      [e.entryId, e.hits, utc(e.lastShownAt)],
      report.topEntries.map((t) => [t.entryId, t.hits, t.lastShownAt]),
    ),
  ]);
}
