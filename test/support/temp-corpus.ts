/**
 * A writable copy of the bundled corpus in a temporary directory, served through a real corpus
 * reloader, for tests of live updates.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createCorpusReloader, type CorpusReloader } from '../../src/bot/corpus-reloader.js';
import { createEngineRef, type EngineRef } from '../../src/bot/engine-ref.js';
import { bundledCorpusDir, readCorpus, readSudachiSynonyms } from '../../src/corpus/read-corpus.js';
import { createLogger } from '../../src/logger.js';
import { realTokenizer } from './tokenizer.js';

export interface TempCorpus {
  readonly dir: string;
  readonly engines: EngineRef;
  readonly reloader: CorpusReloader;
  remove(): Promise<void>;
}

/** Copy the bundled corpus, load it through a reloader (not yet watching), and return both. */
export async function loadTempCorpus(options: { debounceMs?: number } = {}): Promise<TempCorpus> {
  const dir = await mkdtemp(path.join(tmpdir(), 'corpus-'));
  await cp(bundledCorpusDir, dir, { recursive: true });
  const engines = createEngineRef();
  const reloader = createCorpusReloader({
    dir,
    tokenize: await realTokenizer(),
    engines,
    logger: createLogger('silent', new Writable({ write: (_c, _e, done) => done() })),
    readCorpus,
    readSynonyms: readSudachiSynonyms,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
  });
  await reloader.reload();
  return { dir, engines, reloader, remove: () => rm(dir, { recursive: true, force: true }) };
}
