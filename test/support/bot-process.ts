/**
 * The real bot as a separate process (`node --import tsx src/main.ts`, what npm start runs),
 * for tests of what only a process shows: start-up, signals, several replicas.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface BotProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout so far (JSON log lines). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Where and how to start: by default `node --import tsx src/main.ts` in the repository. */
export interface BotProcessOptions {
  readonly cwd?: string;
  readonly args?: readonly string[];
}

/**
 * Start the bot with `env` (PORT=0 is added, and a fresh DATA_DIR removed on exit unless `env`
 * has one, so no test writes the repository's ./data) and resolve once its tokenizer and index are ready.
 * `timeoutMs` bounds a start that hangs: about 3 s when idle, several times that with both cores busy.
 */
export function startBotProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
  options: BotProcessOptions = {},
): Promise<BotProcess> {
  const dataDir = env.DATA_DIR === undefined ? mkdtempSync(path.join(tmpdir(), 'bot-process-data-')) : undefined;
  const child = spawn(process.execPath, [...(options.args ?? ['--import', 'tsx', 'src/main.ts'])], {
    cwd: options.cwd ?? root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...(dataDir ? { DATA_DIR: dataDir } : {}), ...env },
  });
  if (dataDir) child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot did not become ready; stdout: ${stdout} stderr: ${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const port = /localhost:(\d+)/.exec(stdout)?.[1];
      if (port && stdout.includes('tokenizer and index ready')) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${port}`,
          child,
          output: () => stdout,
          stop: (signal = 'SIGTERM') => {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${String(code)}; stderr: ${stderr}`));
    });
  });
}
