/**
 * npm run report                 what citizens asked: unanswered questions, 役に立たなかった entries,
 *                                daily volume and top entries, as tables (from DATA_DIR/analytics.sqlite)
 * Options: --data DIR (instead of DATA_DIR, default ./data), --days N (window, default 30),
 * --limit N (rows per list, default 20), --csv FILE (write CSV for Excel) or --csv (CSV to stdout).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { csvBom, reportToCsv } from '../src/analytics/report-csv.js';
import { buildReport, maxReportDays, maxReportLimit, parseReportNumber } from '../src/analytics/report.js';
import { analyticsDbFile, openSqliteAnalyticsStore } from '../src/analytics/sqlite-analytics-store.js';
import { formatReport } from '../src/cli/format-report.js';
import { parseDataDir } from '../src/config.js';

const usage = 'usage: npm run report -- [--data DIR] [--days N] [--limit N] [--csv [FILE]]';

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
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

let days: number | undefined;
let limit: number | undefined;
try {
  days = parseReportNumber(values.days, '--days', maxReportDays);
  limit = parseReportNumber(values.limit, '--limit', maxReportLimit);
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}

const dataDir = values.data !== undefined ? path.resolve(values.data) : parseDataDir(process.env);
const file = analyticsDbFile(dataDir);
if (!existsSync(file)) {
  console.log(
    `No analytics yet: there is no database at ${file}.\n` +
      'The bot creates it when it starts with LINE credentials (or ADMIN_TOKEN), and fills it as citizens ask.\n' +
      'If the bot keeps its data elsewhere, pass --data DIR or set DATA_DIR.',
  );
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
    console.log(`Wrote ${path.resolve(csvTarget)} (UTF-8 CSV, opens in Excel).`);
  } else {
    console.log(formatReport(report));
  }
} finally {
  await store.close();
}
