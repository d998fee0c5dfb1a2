/**
 * A server as a child process, for what only a process shows (start-up, signals, replicas,
 * memory) in tests and in npm run bench: by default the real bot (`node --import tsx
 * src/main.ts`, what npm start runs). Started on a free loopback port, ready at the first 200
 * of GET /healthz (timed from spawn), its resident memory read from /proc/<pid>/status, stopped
 * with SIGTERM as the platform stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** From spawn to the first 200 of /healthz, ms. */
  readonly readyMs: number;
  /** VmRSS when /healthz first answered 200, bytes. */
  readonly rssAtReady: number;
  /** VmRSS now, bytes (0 once the process is gone). */
  rss(): number;
  /** What the process wrote to stdout so far (JSON log lines), or to `logFile`. */
  output(): string;
  /** Signals the process (SIGKILL after 12 s) and resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ServerProcessOptions {
  /** PORT is added, and a fresh DATA_DIR removed on exit unless given, so nothing writes ./data. */
  readonly env: Readonly<Record<string, string>>;
  /** Node arguments; by default `--import tsx src/main.ts`. */
  readonly args?: readonly string[];
  /** By default the repository. */
  readonly cwd?: string;
  /** Where stdout and stderr go (a load test keeps them out of its own process); by default memory. */
  readonly logFile?: string;
  /** Bounds a start that hangs: about 3 s when idle, several times that with both cores busy. */
  readonly timeoutMs?: number;
}

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** VmRSS of a process in bytes, 0 when it cannot be read. */
export function readRss(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

function healthStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${url}/healthz`, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns `node ...args` and resolves once /healthz answers 200. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const { env, logFile, timeoutMs = 60_000 } = options;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = env.DATA_DIR === undefined ? mkdtempSync(path.join(tmpdir(), 'server-process-data-')) : undefined;
  const log = logFile === undefined ? 'pipe' : openSync(logFile, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.args ?? ['--import', 'tsx', 'src/main.ts'])], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH ?? '', ...(dataDir ? { DATA_DIR: dataDir } : {}), ...env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  if (typeof log === 'number') closeSync(log);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const output = () => (logFile === undefined ? stdout : readFileSync(logFile, 'utf8'));
  const tail = () => `${output()}${stderr}`.trimEnd().split('\n').slice(-20).join('\n');
  const deadline = started + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const name = path.basename(options.args?.at(-1) ?? 'src/main.ts');
      throw new Error(`${name} exited (${String(child.exitCode ?? child.signalCode)}) before it was ready:\n${tail()}`);
    }
    if ((await healthStatus(url)) === 200) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`not ready within ${timeoutMs} ms:\n${tail()}`);
    }
    await sleep(10);
  }
  const readyMs = performance.now() - started;
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    child,
    readyMs,
    rssAtReady: readRss(pid),
    rss: () => readRss(pid),
    output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
