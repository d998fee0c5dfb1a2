/**
 * A real PostgreSQL server (Debian's package) in a temporary directory, on a free loopback port,
 * for the analytics tests and `npm run bench -- --postgres`. initdb makes a fresh cluster, the
 * server's unix socket stays in that directory, and it can be stopped and started again on the
 * same port and data (the outage tests). PostgreSQL refuses to run as root: as root the cluster
 * belongs to the `postgres` user and the binaries run as that user (setpriv). .ci/run installs the
 * package when missing.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './server-process.js';

const debianRoot = '/usr/lib/postgresql';
/** The kernel's clock ticks per second, the unit of /proc/<pid>/stat's times. */
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** The newest of Debian's PostgreSQL binaries (/usr/lib/postgresql/<version>/bin), if installed. */
function postgresBinDir(): string | undefined {
  if (!existsSync(debianRoot)) return undefined;
  const versions = readdirSync(debianRoot)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(debianRoot, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(debianRoot, versions[0], 'bin');
}

export const postgresBin = postgresBinDir();
export const hasPostgresServer = postgresBin !== undefined;

/** The user the server runs as: `postgres` when we are root (it refuses root), else ourselves. */
function serverUser(): { uid: number; gid: number; name: string } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g'), name: 'postgres' };
}

/** The temporary directory, or /tmp when the server's user could not reach it (a TMPDIR under /root). */
function reachableTmpdir(): string {
  const dir = tmpdir();
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return '/tmp';
  }
  return dir;
}

// A server left running by a test or a bench that failed midway is stopped when the process exits.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGINT');
});

export interface PostgresServer {
  /** postgres://…@127.0.0.1:<port>/postgres, for a superuser without a password (trust on loopback). */
  readonly url: string;
  readonly port: number;
  /** A URL of another database on this server (created by {@link createDatabase}). */
  urlOf(database: string): string;
  /** CREATE DATABASE; resolves with its URL. */
  createDatabase(database: string): Promise<string>;
  /** Fast shutdown (clients are disconnected); the data stays for {@link start}. */
  stop(): Promise<void>;
  /** Starts the stopped server again, on the same port and data (nothing if it runs). */
  start(): Promise<void>;
  /**
   * CPU time (user + system, ms) of the server and of its ended connections' processes, read from
   * /proc/<pid>/stat; 0 when it is not running. For the bench: what the database itself cost.
   */
  cpuMs(): number;
  /** Stops the server and removes its directory. */
  destroy(): Promise<void>;
}

/** Runs a binary of the server's as its user, waiting for it to exit. */
function run(file: string, args: readonly string[], user: ReturnType<typeof serverUser>): Promise<string> {
  const [command, argv] = user
    ? ['setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--init-groups', file, ...args]]
    : [file, [...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(file)} exited ${String(code)}:\n${output}`)),
    );
  });
}

/**
 * initdb into a fresh temporary directory and start the server on a free loopback port. Durability
 * is traded for speed (fsync off): the data is a test's. Throws when PostgreSQL is not installed.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBin;
  if (bin === undefined) throw new Error(`PostgreSQL is not installed (no ${debianRoot}/<version>/bin/postgres)`);
  const user = serverUser();
  const dir = mkdtempSync(path.join(user ? reachableTmpdir() : tmpdir(), 'postgres-server-'));
  const dataDir = path.join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  const superuser = user?.name ?? userInfo().username;
  await run(
    path.join(bin, 'initdb'),
    ['-D', dataDir, '-U', superuser, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
    user,
  );
  // Settings for a test server: loopback and its own socket directory only, no fsync, few connections.
  const conf = [
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    'max_connections = 60',
    'shared_buffers = 32MB',
    "log_min_messages = 'warning'",
  ].join('\n');
  writeFileSync(path.join(dataDir, 'postgresql.auto.conf'), `${conf}\n`);
  if (user) chownSync(path.join(dataDir, 'postgresql.auto.conf'), user.uid, user.gid);

  const port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const url = (database: string) => `postgres://${superuser}@127.0.0.1:${port}/${database}`;

  const isRunning = () => child?.exitCode === null && child.signalCode === null;
  const start = async () => {
    if (isRunning()) return;
    const postgres = path.join(bin, 'postgres');
    const args = ['-D', dataDir, '-p', String(port)];
    const [command, argv] = user
      ? ['setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--init-groups', postgres, ...args]]
      : [postgres, args];
    const server = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    child = server;
    running.add(server);
    let output = '';
    exited = new Promise((resolve) =>
      server.once('exit', () => {
        running.delete(server);
        resolve();
      }),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`postgres did not start in 60 s:\n${output}`)), 60_000);
      const onData = (d: Buffer) => {
        output += d.toString();
        if (output.includes('ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`postgres exited ${String(code)} before it was ready:\n${output}`));
      });
    });
  };
  const stop = async () => {
    const server = child;
    child = undefined;
    if (server?.exitCode !== null || server.signalCode !== null) return;
    // SIGINT is PostgreSQL's fast shutdown: open connections are ended, as when a database goes down.
    server.kill('SIGINT');
    await exited;
  };

  await start();
  return {
    url: url('postgres'),
    port,
    urlOf: url,
    async createDatabase(database) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
      return url(database);
    },
    stop,
    start,
    cpuMs() {
      const pid = child?.pid;
      if (pid === undefined || !isRunning()) return 0;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // utime, stime, cutime, cstime: fields 14–17, after the command name in parentheses.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
        return (ticks * 1000) / clockTicks;
      } catch {
        return 0;
      }
    },
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
