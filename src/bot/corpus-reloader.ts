/**
 * Live corpus updates: when staff change the corpus directory, the change is validated and
 * indexed off the request path and swapped in at once; an invalid change keeps the last good
 * corpus serving, and its problems (file:line field) are kept for the preview page and the logs.
 */
import { watch, type FSWatcher } from 'node:fs';
import { CorpusError, formatProblem } from '../corpus/corpus-problem.js';
import type { Corpus } from '../corpus/entry.js';
import type { Logger } from '../logger.js';
import type { Tokenize } from '../search/japanese-tokenizer.js';
import type { SynonymGroups } from '../search/synonyms.js';
import { createEngine } from './engine.js';
import type { EngineRef } from './engine-ref.js';

/** What the last load of the corpus gave, for staff. */
export interface CorpusStatus {
  /** When the serving corpus was loaded (ISO 8601), and how many entries it has. */
  readonly loadedAt: string | undefined;
  readonly entries: number;
  /** The problems of the last attempt when it failed (the previous corpus still serves), else empty. */
  readonly problems: readonly string[];
  readonly failedAt: string | undefined;
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
  readonly now?: () => Date;
}

export interface CorpusReloader {
  /** Load the corpus now; resolves with the status after the attempt. Concurrent calls share one load. */
  reload(): Promise<CorpusStatus>;
  status(): CorpusStatus;
  /** Watch the directory and reload on changes; returns a function that stops watching. */
  watch(): () => void;
}

export function createCorpusReloader(deps: CorpusReloaderDeps): CorpusReloader {
  const now = deps.now ?? (() => new Date());
  let status: CorpusStatus = { loadedAt: undefined, entries: 0, problems: [], failedAt: undefined };
  let running: Promise<CorpusStatus> | undefined;
  let again = false;

  async function loadOnce(): Promise<CorpusStatus> {
    const started = performance.now();
    try {
      const [corpus, synonyms] = await Promise.all([deps.readCorpus(deps.dir), deps.readSynonyms(deps.dir)]);
      // Let pending requests run before the synchronous index build.
      await new Promise((resolve) => setImmediate(resolve));
      deps.engines.set(createEngine(corpus, deps.tokenize, synonyms));
      status = { loadedAt: now().toISOString(), entries: corpus.entries.length, problems: [], failedAt: undefined };
      deps.logger.info(
        { entries: corpus.entries.length, ms: Math.round(performance.now() - started) },
        'corpus loaded',
      );
    } catch (err) {
      const problems =
        err instanceof CorpusError
          ? err.problems.map(formatProblem)
          : [`could not read the corpus: ${(err as Error).message}`];
      status = { ...status, problems, failedAt: now().toISOString() };
      deps.logger.error({ problems }, 'corpus change rejected; the previous corpus keeps serving');
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

  return {
    reload,
    status: () => status,
    watch() {
      let timer: NodeJS.Timeout | undefined;
      let watcher: FSWatcher | undefined;
      try {
        watcher = watch(deps.dir, { recursive: true }, (_event, file) => {
          if (file && !/\.(ya?ml|json)$/.test(String(file))) return;
          clearTimeout(timer);
          timer = setTimeout(() => void reload(), deps.debounceMs ?? 300);
        });
        watcher.on('error', (err) =>
          deps.logger.error({ error: err.message }, 'corpus watch failed; use POST /admin/reload'),
        );
      } catch (err) {
        deps.logger.error(
          { error: (err as Error).message },
          'cannot watch the corpus directory; use POST /admin/reload',
        );
      }
      return () => {
        clearTimeout(timer);
        watcher?.close();
      };
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
