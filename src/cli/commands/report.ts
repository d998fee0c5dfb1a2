/**
 * npm run report                 what citizens asked: unanswered questions, 役に立たなかった entries,
 *                                daily volume and top entries, as tables (from DATA_DIR/analytics.sqlite)
 * Options: --data DIR (instead of DATA_DIR, default ./data), --days N (window, default 30),
 * --limit N (rows per list, default 20), --csv FILE (write CSV for Excel) or --csv (CSV to stdout).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { csvBom, reportToCsv } from '../../analytics/report-csv.js';
import { buildReport, maxReportDays, maxReportLimit, parseReportNumber } from '../../analytics/report.js';
import { analyticsDbFile, openSqliteAnalyticsStore } from '../../analytics/sqlite-analytics-store.js';
import { formatReport } from '../format-report.js';
import { commonText, reportText } from '../messages.js';
import { parseDataDir } from '../../config.js';

// `--csv` alone means stdout: parseArgs has no optional values, so take it out first.
const argv = process.argv.slice(2);
const csvAt = argv.indexOf('--csv');
let csvTarget: string | undefined;
if (csvAt >= 0) {
  const next = argv[csvAt + 1];
  csvTarget = next !== undefined && !next.startsWith('--') ? next : '-';
  argv.splice(csvAt, next !== undefined && !next.startsWith('--') ? 2 : 1);
}

let values: { data?: string; days?: string; limit?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      days: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (err) {
  console.error(`${commonText.badArguments((err as Error).message)}\n${reportText.usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(reportText.help);
  process.exit(0);
}

let days: number | undefined;
let limit: number | undefined;
try {
  days = parseReportNumber(values.days, '--days', maxReportDays);
  limit = parseReportNumber(values.limit, '--limit', maxReportLimit);
} catch (err) {
  console.error(`${(err as Error).message}\n${reportText.usage}`);
  process.exit(2);
}

const dataDir = values.data !== undefined ? path.resolve(values.data) : parseDataDir(process.env);
const file = analyticsDbFile(dataDir);
if (!existsSync(file)) {
  console.log(reportText.noDatabase(file));
  process.exit(0);
}

const store = openSqliteAnalyticsStore(file);
try {
  const report = await buildReport(store, {
    ...(days !== undefined ? { days } : {}),
    ...(limit !== undefined ? { limit } : {}),
  });
  if (csvTarget === '-') {
    process.stdout.write(reportToCsv(report));
  } else if (csvTarget !== undefined) {
    writeFileSync(csvTarget, csvBom + reportToCsv(report));
    console.log(reportText.wroteCsv(path.resolve(csvTarget)));
  } else {
    console.log(formatReport(report));
  }
} finally {
  await store.close();
}
