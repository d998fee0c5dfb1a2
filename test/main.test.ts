import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Start the real entry point (as npm start does) with the given environment. */
function startMain(env: Record<string, string>, untilStdout?: RegExp): Promise<Run & { kill: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out; stdout: ${stdout} stderr: ${stderr}`));
    }, 60_000); // a bound for a process that hangs: starting takes seconds on a busy machine
    const done = (code: number | null) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, kill: () => child.kill('SIGTERM') });
    };
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (untilStdout?.test(stdout)) done(null);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => done(code));
  });
}

describe('the server process', () => {
  it('refuses to start with only one LINE credential, naming the missing variable', async () => {
    const run = await startMain({ LINE_CHANNEL_SECRET: '0123456789abcdef0123456789abcdef' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('LINE_CHANNEL_ACCESS_TOKEN');
  });

  it('refuses to start with a port that is not a number', async () => {
    const run = await startMain({ PORT: 'abc' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/PORT/);
  });

  it('starts in local mode without credentials, says the webhook is disabled, and answers /api/ask', async () => {
    const run = await startMain({ PORT: '0' }, /"msg":"ready: /);
    try {
      expect(run.stdout).toContain('webhook');
      expect(run.stdout).toMatch(/"msg":"ready: [^"]*\/preview"/);
      const port = /localhost:(\d+)/.exec(run.stdout)?.[1];
      expect(port).toBeDefined();
      const res = await fetch(`http://127.0.0.1:${port as string}/api/ask?q=${encodeURIComponent('ふるさと納税は？')}`);
      const body = (await res.json()) as { answered: boolean };
      expect(body.answered).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port as string}/webhook`, { method: 'POST' })).status).toBe(503);
    } finally {
      run.kill();
    }
  });
});
