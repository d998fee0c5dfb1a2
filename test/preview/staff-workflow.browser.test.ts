/**
 * The staff loop end to end, as a staff member does it in chromium against the real server process
 * (`node --import tsx src/main.ts`, connected to a fake Messaging API, ADMIN_TOKEN set, its own
 * copy of the corpus and its own DATA_DIR):
 *   a. the preview answers 「ふるさと納税は？」 with the 50.5倍 bubble;
 *   b. a CSV import adds an entry, which the running server answers without a restart;
 *   c. a broken YAML file shows a red notice (file:line) in the staff panel while the previous
 *      corpus keeps answering, and the notice goes once the file is fixed;
 *   d. a citizen's unanswered question (a signed webhook) appears in the staff panel's report
 *      after logging in, and in `npm run report`; the staff's own preview questions do not.
 *   e. no English sentence on the preview, its staff panel, the login and report pages.
 * Screenshots: test-artifacts/staff-a.png, staff-c.png, staff-d.png, rich-menu.png (the menu's image).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsReport } from '../../src/analytics/report.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { testChannelSecret } from '../support/bot-server.js';
import { collectPageProblems, launchBrowser, skipWithoutBrowser } from '../support/browser.js';
import { fakeChannelAccessToken, startFakeLineApi, type FakeLineApi } from '../support/fake-line-api.js';
import { callbackBody, sign, textEvent } from '../support/webhook-fixtures.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const adminToken = `staff-${randomBytes(12).toString('hex')}`;
const corpusErrorNotice = 'コーパスの変更にエラーがあります。前回の正しい内容で回答を続けています。';
const newEntry = {
  id: 'komoro-jazz-festival',
  title: '小諸ジャズフェスティバルを懐古園で開催',
  question: '小諸ジャズフェスティバルはいつ？',
};
const unansweredQuestion = '粗大ごみの出し方';

const skipBrowser = skipWithoutBrowser('staff workflow browser test');

describe.skipIf(skipBrowser)('the staff loop in chromium: edit, preview, publish, report', () => {
  let workDir: string;
  let corpusDir: string;
  let dataDir: string;
  let fake: FakeLineApi;
  let bot: ServerProcess;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  /** Milliseconds each step took, printed at the end. */
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const started = performance.now();
    workDir = await mkdtemp(path.join(tmpdir(), 'staff-workflow-'));
    corpusDir = path.join(workDir, 'corpus');
    dataDir = path.join(workDir, 'data');
    await cp(path.join(root, 'corpus'), corpusDir, { recursive: true });
    fake = await startFakeLineApi();
    [bot, browser] = await Promise.all([
      startServerProcess({
        env: {
          LINE_CHANNEL_SECRET: testChannelSecret,
          LINE_CHANNEL_ACCESS_TOKEN: fakeChannelAccessToken,
          LINE_API_BASE_URL: fake.baseUrl,
          ADMIN_TOKEN: adminToken,
          HASH_SALT: 'staff-workflow-test-salt',
          CORPUS_DIR: corpusDir,
          DATA_DIR: dataDir,
        },
      }),
      launchBrowser(),
    ]);
    page = await browser.newPage({ viewport: { width: 1360, height: 940 }, locale: 'ja-JP' });
    problems = collectPageProblems(page);
    mkdirSync(path.join(root, 'test-artifacts'), { recursive: true });
    timings.start = performance.now() - started;
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
    await browser?.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
    await bot?.stop();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
    await fake?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
    console.info(
      `staff workflow timings (ms): ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])))}`,
    );
  });

  const botRows = () => page.locator('.chat-row-bot:not(.chat-typing)');
  const corpusCard = () => page.locator('#staff-panel .staff-corpus');
  const reportCard = () => page.locator('#staff-panel .staff-report');

  async function open(): Promise<void> {
    await page.goto(`${bot.url}/preview`);
    await page.locator('body[data-ready="true"]').waitFor();
  }

  /** Type a question and press Enter, as staff do; resolves with the text of the bot's reply. */
  async function ask(question: string): Promise<string> {
    const rows = await botRows().count();
    await page.locator('#question').fill(question);
    await page.locator('#question').press('Enter');
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('.chat-row-bot:not(.chat-typing)').length > n &&
        document.body.dataset.busy === 'false',
      rows,
    );
    return (await botRows().nth(rows).textContent()) ?? '';
  }

  /** The whole page, from the top (a full-page shot of a scrolled page draws the sticky header mid-page). */
  async function screenshot(name: string): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(root, 'test-artifacts', name), fullPage: true });
  }

  /** GET /api/status: how many entries the server now answers from. */
  async function status(): Promise<{ entries: number }> {
    return (await (await fetch(`${bot.url}/api/status`)).json()) as { entries: number };
  }

  async function adminReport(): Promise<AnalyticsReport> {
    const res = await fetch(`${bot.url}/admin/report`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as AnalyticsReport;
  }

  it('a. answers 「ふるさと納税は？」 in the preview with the 50.5倍 bubble, beside the corpus status', async () => {
    const started = performance.now();
    await open();
    expect(await ask('ふるさと納税は？')).toContain('50.5倍');
    expect(await page.locator('.chat .fx-bubble').first().textContent()).toContain('3億4300万円');

    const { entries } = await status();
    await expect.poll(() => corpusCard().getAttribute('data-state')).toBe('ok');
    expect(await corpusCard().textContent()).toContain(`${entries}件`);
    // Not logged in yet: the report offers the login.
    await expect.poll(() => reportCard().getAttribute('data-state')).toBe('login');
    expect(await reportCard().locator('a.staff-login').textContent()).toBe('管理者としてログイン');
    await screenshot('staff-a.png');
    timings.a = performance.now() - started;
  });

  it('b. answers a new entry imported from a CSV file without restarting the server', async () => {
    const started = performance.now();
    expect(await ask(newEntry.question)).not.toContain(newEntry.title);
    const before = (await status()).entries;

    // As Excel saves 「CSV UTF-8」: a BOM, CRLF line ends.
    const csv = path.join(workDir, 'staff.csv');
    await writeFile(
      csv,
      '\uFEFFid,title,text,keywords\r\n' +
        `${newEntry.id},${newEntry.title},小諸ジャズフェスティバルは、毎年9月の第2土曜日に懐古園の三の門広場で開かれる、市民による野外コンサートです。入場は無料です。,"ジャズ、ジャズフェスティバル、音楽祭、野外コンサート"\r\n`,
      'utf8',
    );
    const imported = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/commands/corpus.ts', 'import', csv, '--corpus', corpusDir],
      { cwd: root },
    );
    expect(imported.stdout).toContain('追加 1 件、更新 0 件、変更なし 0 件');
    const importedAt = performance.now();
    timings.bImport = importedAt - started;

    // The server watches the corpus directory and reloads by itself (within about 300 ms when
    // the machine is idle): wait until it serves the new corpus, then ask.
    await expect.poll(async () => (await status()).entries).toBe(before + 1);
    const reply = await ask(newEntry.question);
    expect(reply).toContain(newEntry.title);
    expect(reply).toContain('職員による追加');
    timings.bAnsweredAfterImport = performance.now() - importedAt;
    await expect.poll(() => corpusCard().textContent()).toContain(`${before + 1}件`);
    timings.b = performance.now() - started;
  });

  it('c. shows a red notice with the file and line of a broken YAML file, keeps answering, and clears it once fixed', async () => {
    const started = performance.now();
    const file = path.join(corpusDir, 'entries', '02-kizuna.yaml');
    const original = await readFile(file, 'utf8');
    const lines = original.split('\n');
    const at = lines.findIndex((line) => /^\s+pillar: 2$/u.test(line));
    expect(at).toBeGreaterThan(0);
    lines[at] = (lines[at] as string).replace('pillar: 2', 'pillar: "二"');
    await writeFile(file, lines.join('\n'), 'utf8');

    const alert = corpusCard().locator('.staff-alert');
    await alert.waitFor();
    timings.cNoticeShown = performance.now() - started;
    const notice = (await alert.textContent()) ?? '';
    expect(notice).toContain(corpusErrorNotice);
    expect(notice).toContain(`02-kizuna.yaml:${at + 1}`);
    expect(notice).toMatch(/entries\[0\]\.pillar/u);
    expect(await alert.locator('.staff-alert-title').evaluate((n) => getComputedStyle(n).color)).toBe(
      'rgb(179, 38, 30)',
    );
    expect(await corpusCard().getAttribute('data-state')).toBe('error');

    // The previous corpus (with the imported entry) keeps answering.
    expect(await ask('ふるさと納税は？')).toContain('50.5倍');
    await screenshot('staff-c.png');

    const fixedAt = performance.now();
    await writeFile(file, original, 'utf8');
    await expect.poll(() => corpusCard().getAttribute('data-state')).toBe('ok');
    expect(await alert.count()).toBe(0);
    timings.cNoticeGone = performance.now() - fixedAt;
    timings.c = performance.now() - started;
  });

  it('d. lists a citizen’s unanswered question in the staff panel after login, and in npm run report', async () => {
    const started = performance.now();
    // A citizen asks through LINE: a signed webhook, answered through the fake Messaging API.
    const body = JSON.stringify(callbackBody([textEvent(unansweredQuestion)]));
    const res = await fetch(`${bot.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': sign(body, testChannelSecret) },
      body,
    });
    expect(res.status).toBe(200);
    await fake.waitForReplies(1);
    expect(fake.invalidRequests).toEqual([]);
    // Recorded after the reply: wait until the report has it.
    await expect
      .poll(async () => (await adminReport()).unanswered.map((u) => [u.question, u.count]))
      .toEqual([[unansweredQuestion, 1]]);

    // Log in from the staff panel; the login comes back to the preview.
    await page.locator('#staff-panel a.staff-login').click();
    await page.waitForURL(/\/admin\/login\?/u);
    await page.locator('input[name="token"]').fill(adminToken);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/preview');
    await page.locator('body[data-ready="true"][data-busy="false"]').waitFor();
    await expect.poll(() => reportCard().getAttribute('data-state')).toBe('report');

    const row = reportCard().locator('.staff-question-row', { hasText: unansweredQuestion });
    expect(await row.count()).toBe(1);
    expect(await row.locator('.staff-count').textContent()).toBe('1回');
    expect(await reportCard().locator('.staff-daily tbody tr').count()).toBe(7);
    expect(await reportCard().locator('a.staff-csv').getAttribute('href')).toBe('/admin/report?format=csv');
    expect(await reportCard().locator('a.staff-report-page').getAttribute('href')).toBe('/admin/report');

    // A click asks it in the preview: the bot still cannot answer it, and the staff's try is not recorded.
    const rows = await botRows().count();
    await row.locator('button.staff-question').click();
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('.chat-row-bot:not(.chat-typing)').length > n &&
        document.body.dataset.busy === 'false',
      rows,
    );
    expect(await page.locator('.chat-row-user .chat-balloon').last().textContent()).toBe(unansweredQuestion);
    expect(await page.locator('.insight-summary').textContent()).toContain('回答せず');

    await reportCard().locator('button.staff-reload').click();
    await expect.poll(() => reportCard().locator('.staff-reload-result').textContent()).toContain('再読み込みしました');
    await reportCard().locator('button.staff-refresh').click();
    await expect
      .poll(() => reportCard().locator('.staff-question-row .staff-count').allTextContents())
      .toEqual(['1回']);
    await screenshot('staff-d.png');

    // Only the citizen's question was counted, not the ones staff asked in the preview.
    const report = await adminReport();
    expect(report.dailyVolume.reduce((sum, day) => sum + day.questions, 0)).toBe(1);

    const printed = await run(process.execPath, ['--import', 'tsx', 'src/cli/commands/report.ts', '--data', dataDir], {
      cwd: root,
    });
    expect(printed.stdout).toContain(unansweredQuestion);

    // Still logged in: the report page too, before logging out.
    await page.goto(`${bot.url}/admin/report`);
    await page.locator('body[data-state="ready"]').waitFor();
    expect(englishSentences(await page.locator('body').innerText()), '/admin/report').toEqual([]);
    await open();

    await reportCard().locator('button.staff-logout').click();
    await expect.poll(() => reportCard().getAttribute('data-state')).toBe('login');
    expect(problems).toEqual([]);
    timings.d = performance.now() - started;
  });

  it('e. speaks Japanese to staff: no English sentence on the preview, its staff panel or the login page; the rich menu shows its words', async () => {
    await open();
    expect(englishSentences(await page.locator('body').innerText()), '/preview').toEqual([]);
    await page.goto(`${bot.url}/admin/login`);
    await page.locator('input[name="token"]').waitFor();
    expect(englishSentences(await page.locator('body').innerText()), '/admin/login').toEqual([]);
    // The image citizens tap, as LINE shows it (corpus/rich-menu.png, made by npm run rich-menu:image).
    const png = await readFile(path.join(root, 'corpus/rich-menu.png'));
    await page.setViewportSize({ width: 1250, height: 843 });
    // A blank page: the bot's pages allow no data: images (their CSP).
    await page.goto('about:blank');
    await page.setContent(
      `<body style="margin:0"><img alt="" style="width:1250px" src="data:image/png;base64,${png.toString('base64')}"></body>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    expect(await page.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2500);
    await screenshot('rich-menu.png');
  });
});

/**
 * Runs of three or more Latin words: an English sentence a staff member would have to read.
 * Names staff type or see as such (ADMIN_TOKEN, CSV, LINE, a file name) stand alone and pass.
 */
function englishSentences(text: string): string[] {
  return text.match(/\b[A-Za-z][A-Za-z'’]+(?:[ ,]+[A-Za-z][A-Za-z'’]+){2,}/gu) ?? [];
}
