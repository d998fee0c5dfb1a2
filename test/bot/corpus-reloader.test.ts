import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusReloader } from '../../src/bot/corpus-reloader.js';
import type { EngineRef } from '../../src/bot/engine-ref.js';
import { loadTempCorpus, type TempCorpus } from '../support/temp-corpus.js';

let corpus: TempCorpus;
let dir: string;
let engines: EngineRef;
let reloader: CorpusReloader;
let stopWatching: () => void = () => {};

const newEntry = `
  - id: staff-added-cycling-event
    pillar: 5
    kind: achievement
    title: サイクリングイベントの開催
    body: 浅間山麓でサイクリングイベントを開催しました。
    keywords: [自転車]
    source: { section: "staff", line: 1 }
`;

/** Waits until `check` holds; `timeoutMs` only bounds a test that is stuck (a reload takes seconds on a busy machine). */
async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the corpus to reload');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const firstHitId = (q: string) => engines.current()?.ask(q).decision.hits[0]?.entry.id;

beforeEach(async () => {
  corpus = await loadTempCorpus({ debounceMs: 50 });
  ({ dir, engines, reloader } = corpus);
});

afterEach(async () => {
  stopWatching();
  await corpus.remove();
});

describe('live corpus updates', () => {
  it('serves a new entry after its file changes, without a restart', async () => {
    stopWatching = reloader.watch();
    expect(firstHitId('サイクリングイベント')).not.toBe('staff-added-cycling-event');
    await appendFile(path.join(dir, 'entries/05-wakuwaku.yaml'), newEntry);
    await until(() => firstHitId('サイクリングイベント') === 'staff-added-cycling-event');
    expect(reloader.status().problems).toEqual([]);
  });

  it('keeps the last good corpus serving when a change is invalid, and reports where', async () => {
    stopWatching = reloader.watch();
    const before = engines.current();
    const file = path.join(dir, 'entries/01-shisei.yaml');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace(/^( {4}body: ).*$/m, '$1""'));
    await until(() => reloader.status().problems.length > 0);
    expect(reloader.status().problems[0]).toMatch(/01-shisei\.yaml:\d+ entries\[0\]\.body: must not be empty/);
    expect(engines.current()).toBe(before);
    expect(engines.current()?.ask('ふるさと納税は？').decision.kind).toBe('answer');
    await writeFile(file, good);
    await until(() => reloader.status().problems.length === 0);
  });

  it('reloads on demand and reports a broken YAML file without dropping the engine', async () => {
    await writeFile(path.join(dir, 'entries/02-kizuna.yaml'), 'entries:\n  - id: [broken\n');
    const status = await reloader.reload();
    expect(status.problems[0]).toMatch(/02-kizuna\.yaml:\d+: YAML syntax/);
    expect(engines.current()?.corpus.entries.length).toBe(status.entries);
  });
});
