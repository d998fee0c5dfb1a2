/**
 * A writable corpus in a temporary directory (a copy of the bundled one, or small files a test
 * gives), served through a real corpus reloader, for tests of live updates.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { hashCorpus } from '../../src/bot/corpus-hash.js';
import { createCorpusReloader, type CorpusReloader } from '../../src/bot/corpus-reloader.js';
import { createEngineRef, type EngineRef } from '../../src/bot/engine-ref.js';
import { bundledCorpusDir, readCorpus, readSudachiSynonyms } from '../../src/corpus/read-corpus.js';
import { createLogger } from '../../src/logger.js';
import { realTokenizer } from './tokenizer.js';

export interface TempCorpus {
  readonly dir: string;
  readonly engines: EngineRef;
  readonly reloader: CorpusReloader;
  /** Every log line the reloader wrote, as JSON text. */
  readonly logs: string[];
  /**
   * Resolves once `check` holds: now, or after a later load attempt. It waits for the reloader's
   * events, never for a fixed time; `timeoutMs` only bounds a test that is stuck.
   */
  until(check: () => boolean, timeoutMs?: number): Promise<void>;
  remove(): Promise<void>;
}

export interface TempCorpusOptions {
  /** The corpus files (path relative to the corpus directory → text); default: a copy of the bundled corpus. */
  readonly files?: Readonly<Record<string, string>>;
  readonly debounceMs?: number;
  /** Default 0: the hash is not compared, so a test of the watcher sees the watcher alone. */
  readonly pollMs?: number;
  /** Called each time the reloader hashes the corpus files (to count its comparisons). */
  readonly onHash?: () => void;
}

/** Write the corpus, load it through a reloader (not yet watching), and return both. */
export async function loadTempCorpus(options: TempCorpusOptions = {}): Promise<TempCorpus> {
  const dir = await mkdtemp(path.join(tmpdir(), 'corpus-'));
  if (options.files) {
    for (const [name, text] of Object.entries(options.files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
  } else {
    await cp(bundledCorpusDir, dir, { recursive: true });
  }
  const engines = createEngineRef();
  const logs: string[] = [];
  const reloader = createCorpusReloader({
    dir,
    tokenize: await realTokenizer(),
    engines,
    logger: createLogger(
      'info',
      new Writable({
        write: (chunk: Buffer, _encoding, done) => {
          logs.push(chunk.toString());
          done();
        },
      }),
    ),
    readCorpus,
    readSynonyms: readSudachiSynonyms,
    pollMs: options.pollMs ?? 0,
    hashCorpus: (location) => {
      options.onHash?.();
      return hashCorpus(location);
    },
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
  });
  await reloader.reload();
  const until = (check: () => boolean, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      if (check()) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`the corpus did not reload as expected within ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = reloader.onReload(() => {
        if (!check()) return;
        clearTimeout(timer);
        stop();
        resolve();
      });
    });
  return { dir, engines, reloader, logs, until, remove: () => rm(dir, { recursive: true, force: true }) };
}
