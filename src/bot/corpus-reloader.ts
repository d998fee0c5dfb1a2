/**
 * Live corpus updates: when staff change the corpus directory, the change is validated and
 * indexed off the request path and swapped in at once; an invalid change keeps the last good
 * corpus serving, and its problems (file:line field) are kept for the preview page and the logs.
 *
 * Changes are seen two ways. chokidar watches the directory (it follows a file replaced by a
 * rename, as editors and `git checkout` do, where Node's own fs.watch keeps watching the old
 * file); and, as a safety net, a content hash of the corpus files is compared every few seconds
 * with the hash of the corpus last loaded, so a change no event reported is still picked up.
 */
import path from 'node:path';
import { watch as watchFiles } from 'chokidar';
import { CorpusError, formatProblem, type CorpusProblem } from '../corpus/corpus-problem.js';
import type { Corpus } from '../corpus/entry.js';
import type { Logger } from '../logger.js';
import type { Tokenize } from '../analyze/japanese-tokenizer.js';
import type { SynonymGroups } from '../corpus/entry.js';
import { hashCorpus, isCorpusFile } from './corpus-hash.js';
import { buildEngineInSlices } from './engine.js';
import type { EngineRef } from './engine-ref.js';

/** What the last load of the corpus gave, for staff. It names files relative to the corpus directory, never a path of the server. */
export interface CorpusStatus {
  /** The content hash of the corpus serving (corpus-hash.ts); undefined before the first load. */
  readonly hash: string | undefined;
  /** When the serving corpus was loaded (ISO 8601), and how many entries it has. */
  readonly loadedAt: string | undefined;
  readonly entries: number;
  /** The problems of the last attempt when it failed (the previous corpus still serves), else empty. */
  readonly problems: readonly string[];
  readonly failedAt: string | undefined;
  /** Why the last attempt failed, for staff (in Japanese); undefined when it succeeded. */
  readonly error: string | undefined;
}

export interface CorpusReloaderDeps {
  readonly dir: string;
  readonly tokenize: Tokenize;
  readonly engines: EngineRef;
  readonly logger: Logger;
  readonly readCorpus: (dir: string) => Promise<Corpus>;
  readonly readSynonyms: (dir: string) => Promise<SynonymGroups>;
  /** Quiet time after the last file event before reloading (editors write files in several steps). */
  readonly debounceMs?: number;
  /** How often the corpus files' hash is compared with the serving one (default 10 s; 0: never). */
  readonly pollMs?: number;
  readonly hashCorpus?: (dir: string) => Promise<string>;
  readonly now?: () => Date;
}

/** A running watch of the corpus directory. */
export interface CorpusWatch {
  /** Resolves once the watcher has scanned the directory (a change before then is seen by the hash). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface CorpusReloader {
  /** Load the corpus now; resolves with the status after the attempt. Concurrent calls share one load. */
  reload(): Promise<CorpusStatus>;
  status(): CorpusStatus;
  /** Watch the directory (unless `files` is false) and compare its hash every `pollMs`; reload on a change. */
  watch(options?: { readonly files?: boolean }): CorpusWatch;
  /** Call `listener` after every load attempt, with its status; returns a function that unsubscribes. */
  onReload(listener: (status: CorpusStatus) => void): () => void;
}

/** Default of `pollMs`. */
export const corpusPollMs = 10_000;

const keepsServing = '前回の正しい内容で回答を続けています。';

/** The Japanese for staff of a file system error code. */
function fileErrorText(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'ファイルまたはフォルダが見つかりません';
    case 'EACCES':
    case 'EPERM':
      return '読み取りの権限がありません';
    case 'EISDIR':
      return 'ファイルの場所にフォルダがあります';
    default:
      return `読み込めませんでした（${code ?? '不明なエラー'}）`;
  }
}

export function createCorpusReloader(deps: CorpusReloaderDeps): CorpusReloader {
  const now = deps.now ?? (() => new Date());
  const hashOf = deps.hashCorpus ?? hashCorpus;
  let status: CorpusStatus = {
    hash: undefined,
    loadedAt: undefined,
    entries: 0,
    problems: [],
    failedAt: undefined,
    error: undefined,
  };
  /** The hash of the files the last attempt read, whether it succeeded or not; undefined: try again. */
  let attemptedHash: string | undefined;
  let running: Promise<CorpusStatus> | undefined;
  let again = false;
  const listeners = new Set<(status: CorpusStatus) => void>();

  /** A file as staff name it: relative to the corpus directory (problems name files relative to the cwd). */
  function shownName(file: string): string {
    const absolute = path.resolve(file);
    const relative = path.relative(deps.dir, absolute);
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
      ? path.basename(absolute)
      : relative.split(path.sep).join('/');
  }

  function problemsOf(err: unknown): string[] {
    if (err instanceof CorpusError) {
      return err.problems.map((p: CorpusProblem) => formatProblem({ ...p, file: shownName(p.file) }));
    }
    const { code, path: file } = err as NodeJS.ErrnoException;
    return [`${file ? shownName(file) : 'コーパス'}: ${fileErrorText(code)}`];
  }

  const hashNow = () => hashOf(deps.dir).catch(() => undefined);

  async function loadOnce(): Promise<CorpusStatus> {
    const started = performance.now();
    // Hashed before reading: a change made while loading then differs from the hash kept.
    const hash = await hashNow();
    try {
      const [corpus, synonyms] = await Promise.all([deps.readCorpus(deps.dir), deps.readSynonyms(deps.dir)]);
      // Indexed in short slices, requests answered between them by the engine serving until now.
      deps.engines.set(await buildEngineInSlices(corpus, deps.tokenize, synonyms));
      status = {
        hash,
        loadedAt: now().toISOString(),
        entries: corpus.entries.length,
        problems: [],
        failedAt: undefined,
        error: undefined,
      };
      deps.logger.info(
        { entries: corpus.entries.length, hash, ms: Math.round(performance.now() - started) },
        'corpus loaded',
      );
    } catch (err) {
      const problems = problemsOf(err);
      const error =
        err instanceof CorpusError
          ? `コーパスの変更に${problems.length}件の問題があります。${keepsServing}`
          : `コーパスを読み込めませんでした。${keepsServing}`;
      status = { ...status, problems, failedAt: now().toISOString(), error };
      deps.logger.error(
        { problems, error: err instanceof CorpusError ? undefined : (err as Error).message },
        'corpus change rejected; the previous corpus keeps serving',
      );
    }
    // Files that moved while they were read may have been read half-written: compare them again later.
    attemptedHash = hash !== undefined && (await hashNow()) === hash ? hash : undefined;
    for (const listener of listeners) {
      try {
        listener(status);
      } catch (err) {
        deps.logger.error({ error: (err as Error).message }, 'a corpus reload listener failed');
      }
    }
    return status;
  }

  function reload(): Promise<CorpusStatus> {
    if (running) {
      // A change arrived while loading: load once more afterwards, so the last change always wins.
      again = true;
      return running;
    }
    running = (async () => {
      let result = await loadOnce();
      while (again) {
        again = false;
        result = await loadOnce();
      }
      running = undefined;
      return result;
    })();
    return running;
  }

  /** Reload when the files differ from those last read (a change no file event reported). */
  async function compareHash(): Promise<void> {
    if (running) return;
    const hash = await hashNow();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a reload may have started during the await
    if (hash === undefined || hash === attemptedHash || running) return;
    deps.logger.info({ hash, served: status.hash }, 'the corpus files changed; reloading');
    await reload();
  }

  function watch(options: { readonly files?: boolean } = {}): CorpusWatch {
    let timer: NodeJS.Timeout | undefined;
    const pollMs = deps.pollMs ?? corpusPollMs;
    const poll = pollMs > 0 ? setInterval(() => void compareHash(), pollMs) : undefined;
    poll?.unref();
    if (options.files === false) {
      return { ready: Promise.resolve(), close: async () => clearInterval(poll) };
    }
    const watcher = watchFiles(deps.dir, {
      ignoreInitial: true,
      // A file replaced by a rename (write a temporary file, rename it over) is one change.
      atomic: true,
      ignored: (file, stats) => stats?.isFile() === true && !isCorpusFile(file),
    });
    const ready = new Promise<void>((resolve) => watcher.once('ready', resolve));
    watcher.on('all', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), deps.debounceMs ?? 300);
    });
    watcher.on('error', (err) =>
      deps.logger.error(
        { error: (err as Error).message },
        'corpus watch failed; changes are still seen by comparing the files every few seconds',
      ),
    );
    return {
      ready,
      async close() {
        clearTimeout(timer);
        clearInterval(poll);
        await watcher.close();
      },
    };
  }

  return {
    reload,
    status: () => status,
    watch,
    onReload(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The reloader as the HTTP layer sees it, bound once start-up has built it: the server listens
 * (and answers /healthz) before the tokenizer is ready.
 */
export interface CorpusHandle {
  status(): CorpusStatus | undefined;
  /** undefined while starting. */
  reload(): Promise<CorpusStatus | undefined>;
  attach(reloader: CorpusReloader): void;
}

export function createCorpusHandle(): CorpusHandle {
  let reloader: CorpusReloader | undefined;
  return {
    status: () => reloader?.status(),
    reload: async () => reloader?.reload(),
    attach(r) {
      reloader = r;
    },
  };
}
