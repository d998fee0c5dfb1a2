/**
 * The Dockerfile's steps without a Docker engine: build with the full install, then install the
 * production dependencies only into a clean directory, start `node dist/main.js` there, and ask.
 * A runtime module left in devDependencies, or a file the build forgets, fails here.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startBotProcess } from '../support/bot-process.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let dir: string | undefined;

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
    await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    // CMD node dist/main.js
    const bot = await startBotProcess({ NODE_ENV: 'production', DATA_DIR: path.join(dir, 'data') }, 30_000, {
      cwd: dir,
      args: ['dist/main.js'],
    });
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      const res = await fetch(`${bot.url}/api/ask?q=${encodeURIComponent('ふるさと納税は？')}`);
      const body = (await res.json()) as { answered: boolean; hits: { text: string }[] };
      expect(body.answered).toBe(true);
      expect(body.hits[0]?.text).toContain('50.5倍');
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  }, 240_000);
});
