/**
 * Debian's chromium (/usr/bin/chromium) driven through playwright-core, for the browser tests of
 * the preview page. In CI the browser suites must run (a missing chromium then fails them);
 * elsewhere they are skipped, saying why.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether to skip a browser suite: chromium is missing and this is not CI. Warns, naming the suite. */
export function skipWithoutBrowser(suite: string): boolean {
  const skip = !existsSync(chromiumPath) && !process.env.CI;
  if (skip) console.warn(`${suite} SKIPPED: ${chromiumPath} is missing (apt-get install chromium to run them).`);
  return skip;
}

/** A headless chromium with no network of its own (no updates, no sync, no QUIC). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * Collect the console errors and page errors of `page` (a test expects none). Chromium logs every
 * 4xx answer as "Failed to load resource"; the staff panel's GET /admin/report answering 401 (not
 * logged in) or 403 (admin disabled) is the page working as designed, so those two are ignored.
 */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const expectedAdminAnswer =
      /^Failed to load resource: the server responded with a status of 40[13]\b/u.test(msg.text()) &&
      new URL(msg.location().url || 'about:blank', 'http://x/').pathname === '/admin/report';
    if (!expectedAdminAnswer) problems.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return problems;
}
