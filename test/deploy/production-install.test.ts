/**
 * The Dockerfile's steps without a Docker engine: build with the full install, then install the
 * production dependencies only into a clean directory, start `node dist/main.js` there, and ask;
 * then run the staff commands as the image names them (the Dockerfile's `npm pkg set` line).
 * A runtime module left in devDependencies, or a file the build forgets, fails here; so does a
 * build-time one (the Sudachi dictionary) that slips back into dependencies.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const adminToken = 'production-install-admin-token';
let dir: string | undefined;

/**
 * A directory holding better-sqlite3's native module as prebuild-install looks for a local
 * prebuild, made from the one already built in the repository's node_modules. Without it, npm ci
 * compiles SQLite from source (no prebuilt binary can be downloaded here): 85 s of CPU, several
 * minutes on a busy machine, that prove nothing about the image. The install script still runs.
 */
async function localPrebuilds(into: string): Promise<{ env: Record<string, string>; name: string }> {
  const pkgDir = path.join(root, 'node_modules/better-sqlite3');
  const { version } = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await mkdir(into, { recursive: true });
  await run('tar', ['-czf', path.join(into, name), '-C', pkgDir, 'build/Release/better_sqlite3.node']);
  return { env: { npm_config_better_sqlite3_local_prebuilds: into }, name };
}

/** The Dockerfile's `RUN npm pkg set ...` line, which names the staff commands in the image. */
async function imageScriptsCommand(): Promise<string> {
  const dockerfile = await readFile(path.join(root, 'Dockerfile'), 'utf8');
  const line = /^RUN (npm pkg set .+)$/mu.exec(dockerfile)?.[1];
  if (line === undefined) throw new Error('the Dockerfile has no RUN npm pkg set line');
  return line;
}

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the production image steps', () => {
  it('builds, installs production dependencies only, starts and answers', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'komoro-image-'));
    // COPY package.json package-lock.json tsconfig*.json src corpus
    for (const item of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'corpus']) {
      await cp(path.join(root, item), path.join(dir, item), { recursive: true });
    }
    // RUN npm run build (with the full install: the repo's node_modules stand in for npm ci)
    await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    await run('npm', ['run', 'build'], { cwd: dir });
    await unlink(path.join(dir, 'node_modules'));
    // RUN npm prune --omit=dev: here a fresh production-only install from the lock file
    const prebuilds = await localPrebuilds(path.join(dir, '.prebuilds'));
    const install = await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production', ...prebuilds.env },
    });
    // package.json's allowScripts covers every install script (better-sqlite3's, esbuild's).
    expect(install.stderr).not.toContain('allowScripts');
    // The 14 MB Sudachi dictionary is for npm run synonyms:build only: the bot reads the groups
    // derived from it (corpus/synonyms.sudachi.json), so the image does not carry it.
    expect(existsSync(path.join(dir, 'node_modules/sudachi-synonyms-dictionary'))).toBe(false);
    expect(
      existsSync(path.join(dir, 'node_modules/better-sqlite3/build/Release/obj.target')),
      `better-sqlite3 was compiled, not unpacked from ${prebuilds.name}: the prebuild's name is out of date`,
    ).toBe(false);
    // CMD node dist/main.js
    const bot = await startServerProcess({
      env: { NODE_ENV: 'production', DATA_DIR: path.join(dir, 'data'), ADMIN_TOKEN: adminToken },
      cwd: dir,
      args: ['dist/main.js'],
    });
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      const res = await fetch(`${bot.url}/api/ask?q=${encodeURIComponent('ふるさと納税は？')}`);
      const body = (await res.json()) as { answered: boolean; hits: { text: string }[] };
      expect(body.answered).toBe(true);
      expect(body.hits[0]?.text).toContain('50.5倍');
      // The report page and Chart.js, which it serves from node_modules: a production dependency.
      const staff = { authorization: `Bearer ${adminToken}` };
      const page = await fetch(`${bot.url}/admin/report`, { headers: { ...staff, accept: 'text/html' } });
      expect(await page.text()).toContain('市民の質問レポート');
      for (const asset of ['chart.umd.js', 'report-page.js', 'report-page.css']) {
        expect((await fetch(`${bot.url}/admin/assets/${asset}`, { headers: staff })).status, asset).toBe(200);
      }
    } finally {
      expect(await bot.stop()).toBe(0);
    }

    // The staff commands, compiled, as staff run them in the container (npm run ... in /app).
    await run('sh', ['-c', await imageScriptsCommand()], { cwd: dir });
    const npmRun = (...args: string[]) =>
      run('npm', ['run', '--silent', ...args], { cwd: dir, env: { ...process.env, NODE_ENV: 'production' } });
    const check = await npmRun('corpus:check');
    expect(check.stdout).toContain('コーパスに問題はありません');
    // The dictionary is a dev dependency: corpus:check says what it could not check.
    expect(check.stderr).toContain('この環境にないため');
    const csv = path.join(dir, 'corpus.csv');
    expect((await npmRun('corpus', '--', 'export', csv)).stdout).toContain('書き出しました');
    expect(existsSync(csv)).toBe(true);
    const report = await npmRun('report', '--', '--data', path.join(dir, 'no-data'));
    expect(report.stdout).toContain('まだ集計データがありません');
    expect((await npmRun('ask', '--', 'ふるさと納税は？')).stdout).toContain('50.5倍');
  }, 240_000);
});
