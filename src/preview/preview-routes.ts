/**
 * The staff preview page: a phone-like LINE chat showing exactly the reply a citizen gets, next to
 * the ranked hits and why the bot answered. Static files only (no build step, no CDN); the page
 * talks to GET /api/ask?explain=1 and POST /api/postback, so it works without a LINE account.
 *
 * The assets live in `public/` next to this module: src/preview/public under tsx, and
 * dist/preview/public once `npm run build` has copied them there.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import type { Logger } from '../logger.js';
import { setStaffPageHeaders, staffPageContentSecurityPolicy } from '../server/staff-page-headers.js';

export interface PreviewDeps {
  readonly logger: Logger;
  /** Directory of index.html, preview.css and the scripts; defaults to `public/` beside this module. */
  readonly publicDir?: string;
}

/** Where the page's files are, whether this module runs from src/ (tsx) or dist/ (node). */
export const defaultPublicDir = fileURLToPath(new URL('./public/', import.meta.url));

/**
 * Scripts and styles only from this server, never inline; images may come from https because
 * Flex images are https URLs on other hosts, and LINE shows them to the citizen.
 */
export const previewContentSecurityPolicy = staffPageContentSecurityPolicy("'self' https: data:");

function setPreviewHeaders(res: ServerResponse): void {
  setStaffPageHeaders(res, previewContentSecurityPolicy);
}

/**
 * The preview page as a router: GET / is the page (`?q=...` asks on load), the other paths its
 * static files. The page refers to its files under /preview/, so the router can also be mounted
 * at / (local mode) and still find them.
 */
export function previewRoutes(deps: PreviewDeps): Router {
  const publicDir = deps.publicDir ?? defaultPublicDir;
  const indexFile = `${publicDir.replace(/\/$/u, '')}/index.html`;
  if (!existsSync(indexFile)) {
    deps.logger.warn(
      { publicDir },
      'preview page assets not found: /preview will answer 404 (did the build copy src/preview/public?)',
    );
  }
  const router = express.Router();
  router.get('/', (_req, res, next) => {
    setPreviewHeaders(res);
    res.type('html').sendFile(indexFile, (err) => {
      if (err) next(Object.assign(new Error('the preview page is not available on this server'), { status: 404 }));
    });
  });
  router.use(express.static(publicDir, { index: false, redirect: false, setHeaders: setPreviewHeaders }));
  return router;
}
