/**
 * The staff report as CSV for spreadsheets: four sections, each a title line, a header line and
 * its rows, separated by an empty line. Question texts come from citizens, so stringifyCsv guards
 * against cells a spreadsheet would run as formulas, and Excel gets a UTF-8 byte order mark
 * (csvBom) so Japanese is not garbled.
 */
import { stringifyCsv } from '../corpus/csv.js';
import { dailyVolumeCells, type AnalyticsReport } from './report.js';

/** Prepend to a CSV file or download so Excel reads it as UTF-8. */
export const csvBom = '\uFEFF';

type Row = readonly (string | number)[];

function section(title: string, header: Row, rows: readonly Row[]): Row[] {
  return [[title], header, ...rows];
}

export function reportToCsv(report: AnalyticsReport): string {
  return stringifyCsv([
    ...section(
      `unanswered questions (答えられなかった質問), last ${report.days} days`,
      ['question', 'normalized', 'count', 'users', 'lastAskedAt'],
      report.unanswered.map((u) => [u.question, u.normalized, u.count, u.users, u.lastAskedAt]),
    ),
    [],
    ...section(
      'negative feedback (役に立たなかった)',
      ['entryId', 'down', 'up', 'lastDownAt'],
      report.negativeFeedback.map((f) => [f.entryId, f.down, f.up, f.lastDownAt]),
    ),
    [],
    ...section(
      'daily volume (日別, Japan time)',
      ['day', 'questions', 'answered', 'unanswered', 'smallTalk', 'feedbackUp', 'feedbackDown'],
      report.dailyVolume.map(dailyVolumeCells),
    ),
    [],
    ...section(
      'top entries (よく表示された項目)',
      ['entryId', 'hits', 'lastShownAt'],
      report.topEntries.map((e) => [e.entryId, e.hits, e.lastShownAt]),
    ),
  ]);
}
