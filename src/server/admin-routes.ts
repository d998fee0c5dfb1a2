/**
 * Staff routes under /admin (mounted behind adminAuth in create-app): GET /admin/report, the
 * "what citizens asked" report as a page for browsers (src/report-page/), JSON or CSV;
 * /admin/assets/*, the page's files; and POST /admin/reload, the corpus reloaded now.
 */
import express from 'express';
import type { AnalyticsStore } from '../analytics/analytics-store.js';
import type { CorpusHandle } from '../bot/corpus-reloader.js';
import { csvBom, reportToCsv } from '../analytics/report-csv.js';
import { codeOf } from '../analytics/record-queue.js';
import {
  buildReport,
  maxReportDays,
  maxReportLimit,
  parseReportNumber,
  type AnalyticsReport,
} from '../analytics/report.js';
import type { Logger } from '../logger.js';
import { reportPage } from '../report-page/report-page-routes.js';
import { adminMessages } from './staff-messages.js';

/** When the store cannot be read (the shared database is down); what waits is not lost. */
export const reportUnavailableMessage =
  '集計データベースに接続できないため、レポートを作れません。市民への返信と質問の記録は続いています（記録はデータベースが戻りしだい書き込まれます）。しばらくしてからもう一度お試しください。';

export interface AdminRouteDeps {
  readonly logger: Logger;
  /** Directory of the report page's files (tests); defaults to src/report-page/public. */
  readonly reportPublicDir?: string;
  /** Absent when analytics is off: the report then answers 503. */
  readonly analytics?: AnalyticsStore;
  /** Clock for the report window (tests). */
  readonly now?: () => Date;
  /** The live corpus; absent: reload answers 503. */
  readonly corpus?: CorpusHandle;
}

/**
 * `GET /report[?days=N][&limit=N][&format=csv]`: the last N days (default 30, at most 366), at
 * most `limit` rows per list (default 20, at most 500). JSON shape: {@link AnalyticsReport} in
 * src/analytics/report.ts (unanswered, negativeFeedback, dailyVolume, topEntries). With
 * `format=csv`, a UTF-8 CSV (with BOM, for Excel) of the same four tables as a download.
 * Same-origin pages (the preview page, the report page) fetch it with the admin session cookie.
 * Without `format`, a client that prefers HTML to JSON (a browser opening the address) gets the
 * report page, which fetches the JSON itself; scripts accept any type or ask for JSON, and get it.
 */
export function adminRoutes(deps: AdminRouteDeps): express.Router {
  const router = express.Router();
  const page = reportPage({
    logger: deps.logger,
    ...(deps.reportPublicDir !== undefined ? { publicDir: deps.reportPublicDir } : {}),
  });
  router.use('/assets', page.assets);

  router.get('/report', async (req, res, next) => {
    res.vary('Accept');
    if (req.query.format === undefined && req.accepts(['json', 'html']) === 'html') {
      page.send(res, next);
      return;
    }
    if (!deps.analytics) {
      res.status(503).json({ message: adminMessages.analyticsUnavailable });
      return;
    }
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'csv') {
      // express's simple query parser gives a string or strings (a repeated ?format=), never an object.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- see above
      res.status(400).json({ message: adminMessages.badFormat(String(format)) });
      return;
    }
    let days: number | undefined;
    let limit: number | undefined;
    try {
      days = parseReportNumber(req.query.days, 'days', maxReportDays);
      limit = parseReportNumber(req.query.limit, 'limit', maxReportLimit);
    } catch (err) {
      res.status(400).json({ message: (err as Error).message });
      return;
    }
    let report: AnalyticsReport;
    try {
      report = await buildReport(deps.analytics, {
        ...(days !== undefined ? { days } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(deps.now ? { now: deps.now() } : {}),
      });
    } catch (err) {
      // The database went away (PostgreSQL down): staff are told to try again, the log says why.
      deps.logger.error(
        { code: codeOf(err as Error), error: (err as Error).message },
        'admin report: the analytics store could not be read',
      );
      res.status(503).json({ message: reportUnavailableMessage });
      return;
    }
    if (format === 'csv') {
      const day = report.dailyVolume.at(-1)?.day ?? 'report';
      res
        .type('text/csv; charset=utf-8')
        .attachment(`komoro-bot-report-${day}.csv`)
        .send(csvBom + reportToCsv(report));
      return;
    }
    res.json(report);
  });

  /**
   * `POST /reload`: validate and index the corpus directory now (as the watcher does on a change).
   * 200 with the status when the new corpus serves; 422 with its problems (file:line field) when it
   * was rejected and the previous corpus keeps serving; 503 while starting.
   */
  router.post('/reload', async (_req, res) => {
    const status = await deps.corpus?.reload();
    if (!status) {
      res.status(503).json({ message: adminMessages.reloadStarting });
      return;
    }
    res.status(status.problems.length > 0 ? 422 : 200).json(status);
  });

  return router;
}
