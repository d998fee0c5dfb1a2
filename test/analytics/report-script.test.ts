import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyticsDbFile, openSqliteAnalyticsStore } from '../../src/analytics/sqlite-analytics-store.js';
import { partialAnswerReason } from '../../src/analytics/analytics-store.js';
import { freePort } from '../support/server-process.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run report -- ARGS`, as the script runs under tsx; DATA_DIR and DATABASE_URL are never inherited. */
function report(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/commands/report.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'report-script-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function fill(): Promise<void> {
  const store = openSqliteAnalyticsStore(analyticsDbFile(dir));
  const now = new Date();
  await store.recordQuestion({
    at: now,
    userHash: 'h1',
    question: '粗大ごみの出し方を教えて',
    answered: false,
    reason: 'no-match',
    entryIds: [],
  });
  await store.recordQuestion({
    at: now,
    userHash: 'h2',
    question: '粗大ごみの出し方を教えて？',
    answered: false,
    reason: 'no-match',
    entryIds: [],
  });
  await store.recordQuestion({
    at: now,
    userHash: 'h1',
    question: 'ふるさと納税は？',
    answered: true,
    entryIds: ['furusato-nozei-growth'],
  });
  await store.recordQuestion({
    at: now,
    userHash: 'h3',
    question: 'ふるさと納税の返礼品は？',
    answered: true,
    reason: partialAnswerReason,
    entryIds: ['furusato-nozei-growth'],
  });
  await store.recordFeedback({ at: now, userHash: 'h1', entryId: 'furusato-nozei-growth', vote: 'down' });
  await store.close();
}

describe('npm run report', () => {
  it('prints the unanswered questions, the negative feedback and the daily volume as tables', async () => {
    await fill();
    const run = await report(['--data', dir, '--days', '7']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('直近 7 日');
    expect(run.stdout).toMatch(/ 2 +2 +\d{4}-\d\d-\d\d \d\d:\d\d +粗大ごみの出し方を教えて/);
    expect(run.stdout).toMatch(/ 1 +0 +\d{4}-\d\d-\d\d \d\d:\d\d +furusato-nozei-growth/);
    expect(run.stdout).toContain('日ごとの件数');
    expect(run.stdout.split('\n').filter((l) => /^ {2}\d{4}-\d\d-\d\d /.test(l))).toHaveLength(7);
    // Today: 4 questions, 2 answered of which 1 with related information only, 2 not answered.
    expect(run.stdout).toContain('うち関連する情報');
    expect(run.stdout).toMatch(/^ {2}\d{4}-\d\d-\d\d +4 +2 +1 +2 +0 +0 +1$/m);
  });

  it('exports the report as CSV to stdout or, with a BOM for Excel, to a file', async () => {
    await fill();
    const toStdout = await report(['--data', dir, '--csv']);
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout).toMatch(/^粗大ごみの出し方を教えて.*,2,2,/m);
    expect(toStdout.stdout).toContain(
      '日付,質問,回答,うち関連する情報,回答できず,あいさつ等,役に立った,役に立たなかった',
    );
    expect(toStdout.stdout).toMatch(/^\d{4}-\d\d-\d\d,4,2,1,2,0,0,1$/m);

    const file = path.join(dir, 'report.csv');
    const toFile = await report(['--data', dir, '--csv', file]);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toContain('report.csv');
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('furusato-nozei-growth,1,0,');
  });

  it('says kindly that there is no database yet, and creates none', async () => {
    const run = await report(['--data', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('まだ集計データがありません');
    expect(run.stdout).toContain(analyticsDbFile(dir));
    expect(existsSync(analyticsDbFile(dir))).toBe(false);
  });

  it('refuses a number of days that is not a whole number', async () => {
    const run = await report(['--data', dir, '--days', 'week']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--days');
  });

  it('reads PostgreSQL with DATABASE_URL, and says in Japanese when it cannot, without the password', async () => {
    const port = await freePort(); // nothing listens there
    const run = await report([], { DATABASE_URL: `postgres://bot:s3cret@127.0.0.1:${port}/komoro` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`集計データベース（127.0.0.1:${port}/komoro）を読めませんでした（ECONNREFUSED）`);
    expect(run.stderr).not.toContain('s3cret');
  });

  it('refuses a DATABASE_URL that is not postgres://', async () => {
    const run = await report([], { DATABASE_URL: 'mysql://db/komoro' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DATABASE_URL');
  });
});
