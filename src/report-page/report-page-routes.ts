/**
 * The staff report page: the week at a glance. `GET /admin/report` opened in a browser shows the
 * daily questions as a chart (回答 / 関連する情報 / 回答できず, drawn by Chart.js), the most asked
 * unanswered questions and the entries voted 役に立たなかった; scripts asking for JSON or CSV get
 * the report as before. Static files only: the page fetches the JSON itself with the session cookie.
 *
 * The page's files live in `public/` beside this module (src/report-page/public under tsx,
 * dist/report-page/public once `npm run build` has copied them). Chart.js is served from its npm
 * package (a production dependency), never copied into the repository.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Response, type Router } from 'express';
import type { Logger } from '../logger.js';
import { setStaffPageHeaders, staffPageContentSecurityPolicy } from '../server/staff-page-headers.js';

export interface ReportPageDeps {
  readonly logger: Logger;
  /** Directory of report.html and its script and style; defaults to `public/` beside this module. */
  readonly publicDir?: string;
}

/** Where the page's files are, whether this module runs from src/ (tsx) or dist/ (node). */
export const defaultReportPublicDir = fileURLToPath(new URL('./public/', import.meta.url));

/** Chart.js's browser build (UMD: it defines `window.Chart`), from node_modules. */
export const chartLibraryFile = path.join(
  path.dirname(createRequire(import.meta.url).resolve('chart.js')),
  'chart.umd.js',
);

/** The URL path, under /admin/assets, the page loads Chart.js from. */
export const chartLibraryAsset = 'chart.umd.js';

/**
 * Everything from this server, no inline script or style, no eval: Chart.js draws on a canvas
 * and needs none of them. The page makes no request to another host; data: images are its empty
 * icon (no request for /favicon.ico).
 */
export const reportPageContentSecurityPolicy = staffPageContentSecurityPolicy("'self' data:");

function setPageHeaders(res: ServerResponse): void {
  setStaffPageHeaders(res, reportPageContentSecurityPolicy);
}

export interface ReportPage {
  /** The page's script, style and Chart.js, to mount at /admin/assets (behind the admin login). */
  readonly assets: Router;
  /** Send the page itself. */
  send(res: Response, next: NextFunction): void;
}

export function reportPage(deps: ReportPageDeps): ReportPage {
  const publicDir = deps.publicDir ?? defaultReportPublicDir;
  const pageFile = path.join(publicDir, 'report.html');
  for (const file of [pageFile, chartLibraryFile]) {
    if (!existsSync(file)) {
      deps.logger.warn(
        { file },
        'report page file not found: the report page will not work (did the build copy src/report-page/public, is chart.js installed?)',
      );
    }
  }
  const notAvailable = () =>
    Object.assign(
      new Error(
        'レポート画面のファイルがありません（npm run build で src/report-page/public がコピーされたかご確認ください）',
      ),
      { status: 404 },
    );

  const assets = express.Router();
  assets.get(`/${chartLibraryAsset}`, (_req, res, next) => {
    setPageHeaders(res);
    res.type('text/javascript').sendFile(chartLibraryFile, (err) => {
      if (err) next(notAvailable());
    });
  });
  assets.use(express.static(publicDir, { index: false, redirect: false, setHeaders: setPageHeaders }));

  return {
    assets,
    send(res, next) {
      setPageHeaders(res);
      res.type('html').sendFile(pageFile, (err) => {
        if (err) next(notAvailable());
      });
    },
  };
}
