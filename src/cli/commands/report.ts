/**
 * npm run report                 what citizens asked: unanswered questions, 役に立たなかった entries,
 *                                daily volume and top entries, as tables: from the PostgreSQL database
 *                                every instance shares when DATABASE_URL is set, else from
 *                                DATA_DIR/analytics.sqlite
 * Options: --data DIR (this SQLite directory, even with DATABASE_URL; default DATA_DIR or ./data),
 * --days N (window, default 30), --limit N (rows per list, default 20), --csv FILE (write CSV for
 * Excel) or --csv (CSV to stdout).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { csvBom, reportToCsv } from '../../analytics/report-csv.js';
import { buildReport, maxReportDays, maxReportLimit, parseReportNumber } from '../../analytics/report.js';
import type { AnalyticsStore } from '../../analytics/analytics-store.js';
import { createPostgresAnalyticsStore, describeDatabaseUrl } from '../../analytics/postgres-analytics-store.js';
import { codeOf } from '../../analytics/record-queue.js';
import { analyticsDbFile, openSqliteAnalyticsStore } from '../../analytics/sqlite-analytics-store.js';
import { formatReport } from '../format-report.js';
import { commonText, reportText } from '../messages.js';
import { ConfigError, parseDatabaseUrl, parseDataDir } from '../../config.js';

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

let databaseUrl: string | undefined;
try {
  databaseUrl = values.data === undefined ? parseDatabaseUrl(process.env) : undefined;
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`設定の誤り: ${err.message}`);
  process.exit(2);
}

/** The shared database (DATABASE_URL), or the SQLite file of DATA_DIR / --data; exits when there is none yet. */
function openStore(): AnalyticsStore {
  // The report writes nothing: close() has nothing to retry.
  if (databaseUrl !== undefined)
    return createPostgresAnalyticsStore({ connectionString: databaseUrl, closeRetryMs: 0 });
  const dataDir = values.data !== undefined ? path.resolve(values.data) : parseDataDir(process.env);
  const file = analyticsDbFile(dataDir);
  if (!existsSync(file)) {
    console.log(reportText.noDatabase(file));
    process.exit(0);
  }
  return openSqliteAnalyticsStore(file);
}

const store = openStore();
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
} catch (err) {
  if (databaseUrl === undefined) throw err;
  const error = err as Error;
  const code = codeOf(error);
  console.error(
    `集計データベース（${describeDatabaseUrl(databaseUrl)}）を読めませんでした${code ? `（${code}）` : ''}: ${error.message}\n` +
      'DATABASE_URL と、データベースが動いていることをご確認ください。',
  );
  process.exitCode = 1;
} finally {
  await store.close();
}
