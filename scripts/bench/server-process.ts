/**
 * A server under test as a child process: started on a free loopback port with its output in a
 * log file, timed from spawn to the first 200 of GET /healthz, its resident memory read from
 * /proc/<pid>/status, stopped with SIGTERM as the platform stops it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { repoRoot } from './questions.js';

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
  /** The last lines of the process's output, for error messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export interface ServerCommand {
  /** Node arguments, e.g. ['dist/main.js'] or ['--import', 'tsx', 'src/main.ts']. */
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Where the output goes. */
  readonly logFile: string;
  readonly timeoutMs?: number;
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

/** Spawns `node ...args` in the repository and resolves once /healthz answers 200. */
export async function startServer(command: ServerCommand): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(command.logFile, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [...command.args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...command.env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const logTail = (lines = 20) => {
    try {
      return readFileSync(command.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  const deadline = started + (command.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${path.basename(command.args.at(-1) ?? 'server')} exited (${String(child.exitCode ?? child.signalCode)}) before it was ready:\n${logTail()}`,
      );
    }
    if ((await healthStatus(url)) === 200) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`not ready within ${command.timeoutMs ?? 30_000} ms:\n${logTail()}`);
    }
    await sleep(10);
  }
  const readyMs = performance.now() - started;
  const pid = child.pid ?? 0;
  const rssAtReady = readRss(pid);
  return {
    url,
    pid,
    child,
    readyMs,
    rssAtReady,
    rss: () => readRss(pid),
    logTail,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
