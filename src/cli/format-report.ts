/**
 * The staff report as plain-text tables for `npm run report`: columns aligned by display width
 * (a kanji takes two columns in a terminal), long questions shortened, times in Japan time. The
 * titles and column names are report-wording.ts's, shared with the CSV.
 */
import { dailyVolumeCells, type AnalyticsReport } from '../analytics/report.js';
import { reportColumns, reportEmpty, reportTitles } from '../analytics/report-wording.js';

const maxQuestionWidth = 48;

/** Terminal columns of one character: East Asian wide and full-width forms take two. */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (/\p{Mn}|\p{Me}|\p{Cf}/u.test(ch)) return 0;
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    code >= 0x20000
    ? 2
    : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  if (displayWidth(oneLine) <= max) return oneLine;
  let out = '';
  for (const ch of oneLine) {
    if (displayWidth(out) + charWidth(ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** YYYY-MM-DD HH:MM in Japan time. */
function japanTime(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 60 * 60 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

type Align = 'left' | 'right';

function table(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  align: readonly Align[],
): string[] {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat((widths[i] ?? 0) - displayWidth(text));
    return align[i] === 'right' ? fill + text : text + fill;
  };
  const line = (r: readonly string[]) => `  ${r.map(pad).join('  ')}`.trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)];
}

export function formatReport(report: AnalyticsReport): string {
  const out: string[] = [];
  const u = reportColumns.unanswered;
  const f = reportColumns.negativeFeedback;
  const e = reportColumns.topEntries;
  out.push(reportTitles.heading(report.days, japanTime(report.since)), '');

  out.push(reportTitles.unanswered);
  if (report.unanswered.length === 0) out.push(`  ${reportEmpty.unanswered}`);
  else
    out.push(
      ...table(
        [u.count, u.users, u.lastAskedAt, u.question],
        report.unanswered.map((q) => [
          q.count,
          q.users,
          japanTime(q.lastAskedAt),
          shorten(q.question, maxQuestionWidth),
        ]),
        ['right', 'right', 'left', 'left'],
      ),
    );
  out.push('');

  out.push(reportTitles.negativeFeedback);
  if (report.negativeFeedback.length === 0) out.push(`  ${reportEmpty.negativeFeedback}`);
  else
    out.push(
      ...table(
        [f.down, f.up, f.lastDownAt, f.entryId],
        report.negativeFeedback.map((n) => [n.down, n.up, japanTime(n.lastDownAt), n.entryId]),
        ['right', 'right', 'left', 'left'],
      ),
    );
  out.push('');

  out.push(reportTitles.dailyVolume);
  out.push(
    ...table(reportColumns.dailyVolume, report.dailyVolume.map(dailyVolumeCells), [
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
    ]),
  );
  out.push('');

  out.push(reportTitles.topEntries);
  if (report.topEntries.length === 0) out.push(`  ${reportEmpty.topEntries}`);
  else
    out.push(
      ...table(
        [e.hits, e.lastShownAt, e.entryId],
        report.topEntries.map((t) => [t.hits, japanTime(t.lastShownAt), t.entryId]),
        ['right', 'left', 'left'],
      ),
    );
  return out.join('\n');
}
