import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backgroundStdout } from '../src/log-destination.js';
import { createLogger } from '../src/logger.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function logFile() {
  const dir = mkdtempSync(path.join(tmpdir(), 'komoro-log-'));
  dirs.push(dir);
  const file = path.join(dir, 'out.log');
  // Left open: the destination's timer may still write to it after a test (as stdout lives on).
  return { file, fd: openSync(file, 'w') };
}

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { msg: string; n?: number });

/** Waits until `check` passes; `timeoutMs` bounds a test that is stuck (or states a promise, as "within a second"). */
async function eventually(check: () => void, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

describe('backgroundStdout', () => {
  it('writes a lone line within a second, although it fills no buffer', async () => {
    const { file, fd } = logFile();
    const logger = createLogger('info', backgroundStdout(fd));
    logger.info('listening');
    await eventually(() => expect(lines(file).map((l) => l.msg)).toEqual(['listening']), 1000);
  });

  it('loses no line of a burst and keeps their order', async () => {
    const { file, fd } = logFile();
    const logger = createLogger('info', backgroundStdout(fd));
    for (let n = 0; n < 2000; n++) logger.info({ n }, 'replied');
    await eventually(() => expect(lines(file)).toHaveLength(2000));
    expect(lines(file).map((l) => l.n)).toEqual(Array.from({ length: 2000 }, (_, n) => n));
  });

  it('writes what waits when the process exits right after logging', () => {
    const { file } = logFile();
    const script = [
      "import { openSync } from 'node:fs';",
      `import { backgroundStdout } from ${JSON.stringify(path.resolve('src/log-destination.ts'))};`,
      `import { createLogger } from ${JSON.stringify(path.resolve('src/logger.ts'))};`,
      `const logger = createLogger('info', backgroundStdout(openSync(${JSON.stringify(file)}, 'w')));`,
      "logger.error('out of time, exiting');",
      'process.exit(1);',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(1);
    expect(lines(file).map((l) => l.msg)).toEqual(['out of time, exiting']);
  });
});
