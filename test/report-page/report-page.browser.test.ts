/**
 * The staff report page (GET /admin/report in a browser) against the real bot app on loopback:
 * first how it is served (content negotiation, CSP, Chart.js from node_modules, the login
 * redirect), then in chromium: a week of citizens' questions (the past days written to the real
 * SQLite store, today's sent as signed webhooks through the whole pipeline) drawn as a chart with
 * its legend, the tables of unanswered questions and 役に立たなかった votes, and the empty state.
 * Screenshots: test-artifacts/report.png, test-artifacts/report-empty.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { partialAnswerReason, type AnalyticsStore, type QuestionRecord } from '../../src/analytics/analytics-store.js';
import { analyticsDbFile, openSqliteAnalyticsStore } from '../../src/analytics/sqlite-analytics-store.js';
import { reportPageContentSecurityPolicy } from '../../src/report-page/report-page-routes.js';
import { bundledEngine, postEvents, startBotServer, type BotServer } from '../support/bot-server.js';
import { collectPageProblems, launchBrowser, skipWithoutBrowser } from '../support/browser.js';
import { startFakeLineApi, type FakeLineApi } from '../support/fake-line-api.js';
import { postbackEvent, textEvent, userIdLike } from '../support/webhook-fixtures.js';

const adminToken = 'report-page-admin-token-0123456789';
const root = path.resolve(import.meta.dirname, '../..');
const artifacts = path.join(root, 'test-artifacts');
const dayMs = 24 * 60 * 60 * 1000;
/** Not in the bundled corpus: the bot declines (no-match). */
const bulkyWaste = '粗大ごみの出し方を教えて';
const weather = '明日の天気予報は？';
/** What a browser sends when it opens an address. */
const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const skipBrowser = skipWithoutBrowser('report page browser tests');

let dir: string;
let store: AnalyticsStore;
let fake: FakeLineApi;
let bot: BotServer;
/** A bot whose analytics store has nothing in it. */
let quiet: BotServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'report-page-'));
  store = openSqliteAnalyticsStore(analyticsDbFile(dir));
  fake = await startFakeLineApi();
  const engine = await bundledEngine();
  [bot, quiet] = await Promise.all([
    startBotServer({ lineApiBaseUrl: fake.baseUrl, engine, analytics: store, adminToken }),
    startBotServer({ engine, adminToken }),
  ]);
});

afterAll(async () => {
  /* eslint-disable @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed */
  await bot?.close();
  await quiet?.close();
  await fake?.close();
  await store?.close();
  /* eslint-enable @typescript-eslint/no-unnecessary-condition */
  rmSync(dir, { recursive: true, force: true });
});

describe('how the report page is served', () => {
  const bearer = { authorization: `Bearer ${adminToken}` };

  it('serves the page to a browser and the JSON to a script, at the same address', async () => {
    const page = await fetch(`${bot.url}/admin/report`, { headers: { ...bearer, accept: browserAccept } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/u);
    expect(page.headers.get('vary')).toContain('Accept');
    expect(page.headers.get('content-security-policy')).toBe(reportPageContentSecurityPolicy);
    const html = await page.text();
    expect(html).toContain('<h1>市民の質問レポート');
    for (const tag of html.match(/<script\b[^>]*>/gu) ?? []) expect(tag).toMatch(/\ssrc="\/admin\/assets\/[^"]+\.js"/u);
    expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/u);
    expect(html).not.toMatch(/\s(?:on[a-z]+|style)=/u);

    for (const headers of [bearer, { ...bearer, accept: 'application/json' }]) {
      const json = await fetch(`${bot.url}/admin/report`, { headers });
      expect(json.headers.get('content-type')).toMatch(/^application\/json/u);
    }
    const explicit = await fetch(`${bot.url}/admin/report?format=json`, {
      headers: { ...bearer, accept: browserAccept },
    });
    expect(explicit.headers.get('content-type')).toMatch(/^application\/json/u);
  });

  it('serves Chart.js from its npm package and the page’s own files, under the same policy, to staff only', async () => {
    const chart = await fetch(`${bot.url}/admin/assets/chart.umd.js`, { headers: bearer });
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toMatch(/^text\/javascript/u);
    expect(await chart.text()).toMatch(/^\/\*!\n \* Chart\.js v4\./u);
    for (const asset of ['report-page.js', 'report-page.css']) {
      const file = await fetch(`${bot.url}/admin/assets/${asset}`, { headers: bearer });
      expect(file.status, asset).toBe(200);
      expect(file.headers.get('content-security-policy')).toBe(reportPageContentSecurityPolicy);
    }
    expect((await fetch(`${bot.url}/admin/assets/missing.js`, { headers: bearer })).status).toBe(404);
    expect((await fetch(`${bot.url}/admin/assets/chart.umd.js`)).status).toBe(401);
  });

  it('sends a browser without a session to the login form, which comes back to the page', async () => {
    const res = await fetch(`${bot.url}/admin/report?days=30`, {
      headers: { accept: browserAccept },
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/login?next=${encodeURIComponent('/admin/report?days=30')}`);
  });
});

/** The past days of the week, written to the store as the bot would have recorded them. */
const history = [
  { daysAgo: 4, full: 6, partial: 1, declined: [bulkyWaste] },
  { daysAgo: 3, full: 5, partial: 0, declined: [bulkyWaste] },
  { daysAgo: 2, full: 4, partial: 1, declined: [bulkyWaste, weather] },
  { daysAgo: 1, full: 3, partial: 0, declined: [bulkyWaste] },
];

async function seedWeek(now: number): Promise<void> {
  const record = (daysAgo: number, question: string, outcome: Partial<QuestionRecord>) =>
    store.recordQuestion({
      at: new Date(now - daysAgo * dayMs),
      userHash: `citizen-${daysAgo}`,
      question,
      answered: false,
      reason: 'no-match',
      entryIds: [],
      ...outcome,
    });
  for (const day of history) {
    const answer = { answered: true, reason: undefined, entryIds: ['furusato-nozei-growth'] };
    for (let i = 0; i < day.full; i++) await record(day.daysAgo, 'ふるさと納税は？', answer);
    for (let i = 0; i < day.partial; i++)
      await record(day.daysAgo, 'ワインを飲みたい', { ...answer, reason: partialAnswerReason });
    for (const question of day.declined) await record(day.daysAgo, question, {});
    await record(day.daysAgo, 'こんにちは', { reason: 'greeting' });
  }
  // Today, through the whole pipeline: an answer, a related answer, a decline, a greeting, a vote.
  const citizen = { userId: userIdLike() };
  const status = await postEvents(bot.url, [
    textEvent('ふるさと納税は？', citizen),
    textEvent('ワインを飲みたい', citizen),
    textEvent(bulkyWaste, citizen),
    textEvent('こんにちは', citizen),
    postbackEvent('feedback=down&entry=furusato-nozei-growth', citizen),
  ]);
  expect(status).toBe(200);
  await bot.dispatcher?.idle();
  expect(fake.invalidRequests).toEqual([]);
}

/** What the page's Chart.js instance holds and drew, read in the page. */
interface DrawnChart {
  labels: string[];
  datasets: { label: string; data: number[]; bars: number[] }[];
  legend: string[];
  /** Pixels of each dataset's colour on the canvas, in dataset order. */
  pixels: number[];
}

async function readChart(page: Page): Promise<DrawnChart | undefined> {
  // Chart.js sizes a responsive canvas from its box once laid out (a resize observer): on a busy
  // machine the page may be ready before that has happened, and a 0-wide canvas has no pixels.
  await page.waitForFunction(() => {
    const canvas = document.getElementById('daily-chart') as HTMLCanvasElement | null;
    const { Chart } = window as unknown as { Chart?: { getChart(c: HTMLCanvasElement): unknown } };
    return !canvas || !Chart?.getChart(canvas) || (canvas.width > 0 && canvas.height > 0);
  });
  return page.evaluate(() => {
    interface ChartLike {
      data: { labels: string[]; datasets: { label: string; data: number[]; backgroundColor: string }[] };
      legend: { legendItems: { text: string }[] };
      getDatasetMeta(i: number): { data: { height: number }[] };
    }
    const canvas = document.getElementById('daily-chart') as HTMLCanvasElement;
    const { Chart } = window as unknown as { Chart?: { getChart(c: HTMLCanvasElement): ChartLike | undefined } };
    const chart = Chart?.getChart(canvas);
    if (!chart) return undefined;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const colours = chart.data.datasets.map((d) => rgb(d.backgroundColor));
    const pixels = colours.map(([r, g, b]) => {
      let count = 0;
      for (let p = 0; p < image.length; p += 4) {
        if (image[p] === r && image[p + 1] === g && image[p + 2] === b && image[p + 3] === 255) count += 1;
      }
      return count;
    });
    return {
      labels: chart.data.labels,
      datasets: chart.data.datasets.map((d, i) => ({
        label: d.label,
        data: d.data,
        bars: chart.getDatasetMeta(i).data.map((bar) => Math.round(bar.height)),
      })),
      legend: chart.legend.legendItems.map((item) => item.text),
      pixels,
    };
  });
}

describe.skipIf(skipBrowser)('the report page in chromium', () => {
  let browser: Browser;
  let page: Page;
  /** Console errors, page errors and CSP violations of the current test: there must be none. */
  let problems: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
    await browser?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1360, height: 940 }, locale: 'ja-JP' });
    problems = collectPageProblems(page);
  });

  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  /** Open the report as staff do: the address, the login form, back to the report. */
  async function logInAndOpen(url: string): Promise<void> {
    await page.goto(`${url}/admin/report`);
    await page.waitForURL(/\/admin\/login\?/u);
    await page.locator('input[name="token"]').fill(adminToken);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === '/admin/report');
    await page.locator('body[data-state="ready"]').waitFor();
  }

  const rowsOf = (table: string) =>
    page
      .locator(`#${table} tbody tr`)
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)));

  it('draws a week of answers, related answers and declines as a chart with its legend, and lists what to fix', async () => {
    await seedWeek(Date.now());
    await logInAndOpen(bot.url);

    expect(await page.locator('h1').textContent()).toContain('市民の質問レポート');
    expect(await page.locator('#period').textContent()).toMatch(
      /^期間：\d{4}年\d{1,2}月\d{1,2}日\(.\) 〜 \d{4}年\d{1,2}月\d{1,2}日\(.\)（7日間・日本時間）/u,
    );
    expect(await page.locator('.period-choice a[aria-current="page"]').textContent()).toBe('7日間');

    const chart = await readChart(page);
    expect(chart?.legend).toEqual(['回答', '関連する情報', '回答できず']);
    expect(chart?.labels).toHaveLength(7);
    expect(chart?.labels.at(-1)).toMatch(/^\d{1,2}\/\d{1,2}\(.\)$/u);
    // Six days ago and five days ago were quiet; today is the pipeline's one of each.
    expect(chart?.datasets.map((d) => [d.label, d.data])).toEqual([
      ['回答', [0, 0, 6, 5, 4, 3, 1]],
      ['関連する情報', [0, 0, 1, 0, 1, 0, 1]],
      ['回答できず', [0, 0, 1, 1, 2, 1, 1]],
    ]);
    // Drawn, not only configured: each day with questions has a bar, and each colour is on the canvas.
    expect(chart?.datasets[0]?.bars.map((h) => h > 0)).toEqual([false, false, true, true, true, true, true]);
    for (const [i, count] of (chart?.pixels ?? []).entries())
      expect(count, `pixels of dataset ${i}`).toBeGreaterThan(200);

    expect(await page.locator('#totals').innerText()).toMatch(
      /質問\s+33件[\s\S]*回答\s+19件[\s\S]*関連する情報\s+3件/u,
    );
    expect(await rowsOf('unanswered-table')).toEqual([
      [bulkyWaste, '5回', '5人', expect.stringMatching(/^\d{1,2}\/\d{1,2} \d{2}:\d{2}$/u)],
      [weather, '1回', '1人', expect.any(String)],
    ]);
    expect(await rowsOf('negative-table')).toEqual([
      ['furusato-nozei-growth', '1件', '0件', expect.stringMatching(/^\d{1,2}\/\d{1,2} \d{2}:\d{2}$/u)],
    ]);
    expect(await page.locator('#unanswered-empty').isVisible()).toBe(false);
    expect(await page.locator('#chart-empty').isVisible()).toBe(false);

    await page.screenshot({ path: path.join(artifacts, 'report.png'), fullPage: true });
    expect(existsSync(path.join(artifacts, 'report.png'))).toBe(true);

    // Another period: the chart has a bar slot per day, and the CSV is of that period.
    await page.locator('.period-choice a', { hasText: '30日間' }).click();
    await page.waitForURL((u) => u.searchParams.get('days') === '30');
    await page.locator('body[data-state="ready"]').waitFor();
    expect((await readChart(page))?.labels).toHaveLength(30);
    expect(await page.locator('#csv').getAttribute('href')).toBe('/admin/report?format=csv&days=30');
  });

  it('says in Japanese that there is nothing yet when no citizen has asked', async () => {
    await logInAndOpen(quiet.url);

    expect(await readChart(page)).toBeUndefined();
    expect(await page.locator('#chart-empty').textContent()).toBe('この期間の質問はまだありません。');
    expect(await page.locator('#chart-empty').isVisible()).toBe(true);
    expect(await page.locator('#unanswered-empty').textContent()).toBe('この期間に回答できなかった質問はありません。');
    expect(await page.locator('#negative-empty').textContent()).toBe(
      'この期間に「役に立たなかった」と評価された回答はありません。',
    );
    expect(await page.locator('#unanswered-table').isVisible()).toBe(false);
    expect(await page.locator('#totals').innerText()).toMatch(/質問\s+0件/u);
    expect(await page.locator('#period').textContent()).toMatch(/^期間：.*（7日間・日本時間）/u);

    await page.screenshot({ path: path.join(artifacts, 'report-empty.png'), fullPage: true });
  });
});
