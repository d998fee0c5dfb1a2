import { appendFile, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorpusWatch } from '../../src/bot/corpus-reloader.js';
import { loadTempCorpus, type TempCorpus } from '../support/temp-corpus.js';

let corpus: TempCorpus | undefined;
let watching: CorpusWatch | undefined;

afterEach(async () => {
  await watching?.close();
  await corpus?.remove();
  watching = undefined;
  corpus = undefined;
});

/** A corpus of two entries, quick to index: the tests of how changes are seen use it. */
const smallMeta = `source:
  title: テスト用の報告
  asOf: 2020年1月時点
pillars:
  - number: 1
    name: 市役所の改革と健全財政
    color: "#1E5AA8"
`;

/** The entries file, with the number of participants as the fact a change makes. */
const smallEntries = (participants: number) => `entries:
  - id: cycling-event
    pillar: 1
    kind: achievement
    title: サイクリング大会の開催
    body: 浅間山麓のサイクリング大会には${participants}人が参加しました。
    keywords: [自転車]
    source: { section: "test", line: 1 }
  - id: library-hours
    pillar: 1
    kind: policy
    title: 図書館の開館時間の延長
    body: 市立図書館の開館時間を夜8時まで延長しました。
    source: { section: "test", line: 2 }
`;

const smallCorpus = () =>
  loadTempCorpus({ files: { 'meta.yaml': smallMeta, 'entries/01.yaml': smallEntries(100) }, debounceMs: 50 });

/** Whether the bot's reply to a question about the event gives `participants`. */
const serves = (c: TempCorpus, participants: number) => () =>
  JSON.stringify(c.engines.current()?.reply('サイクリング大会の参加者は？').messages).includes(`${participants}人`);

describe('seeing changes to the corpus files', () => {
  it('serves an edit made in place after the file was replaced by a rename, 20 times out of 20', async () => {
    const c = (corpus = await smallCorpus());
    watching = c.reloader.watch();
    await watching.ready;
    const file = path.join(c.dir, 'entries/01.yaml');
    const temporary = path.join(c.dir, 'entries/.01.yaml.tmp');
    expect(serves(c, 100)()).toBe(true);
    for (let round = 1; round <= 20; round++) {
      // What an editor or git checkout does: write a new file beside it, rename it over the old one.
      const replaced = 1000 + round;
      await writeFile(temporary, smallEntries(replaced));
      await rename(temporary, file);
      await c.until(serves(c, replaced), 10_000);
      // Then an edit in place, to the file that now has a new inode.
      const edited = 2000 + round;
      const inode = (await stat(file)).ino;
      await writeFile(file, smallEntries(edited));
      expect((await stat(file)).ino).toBe(inode);
      await c.until(serves(c, edited), 10_000);
    }
    expect(c.reloader.status().problems).toEqual([]);
  }, 300_000);

  it('picks up a change no file event reported by comparing the files with the serving corpus', async () => {
    const c = (corpus = await loadTempCorpus({
      files: { 'meta.yaml': smallMeta, 'entries/01.yaml': smallEntries(100) },
      pollMs: 50,
    }));
    const before = c.reloader.status().hash;
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    watching = c.reloader.watch({ files: false });
    await writeFile(path.join(c.dir, 'entries/01.yaml'), smallEntries(321));
    await c.until(serves(c, 321));
    expect(c.reloader.status().hash).not.toBe(before);
  });

  it('does not reload an unchanged corpus, nor a rejected change again, when comparing the files', async () => {
    let hashes = 0;
    let onHashes = () => {};
    const c = (corpus = await loadTempCorpus({
      files: { 'meta.yaml': smallMeta, 'entries/01.yaml': smallEntries(100) },
      pollMs: 20,
      onHash: () => {
        hashes += 1;
        onHashes();
      },
    }));
    await writeFile(path.join(c.dir, 'entries/01.yaml'), 'entries:\n  - id: [broken\n');
    const attempts: string[] = [];
    c.reloader.onReload((status) => attempts.push(status.failedAt ?? 'loaded'));
    watching = c.reloader.watch({ files: false });
    await c.until(() => c.reloader.status().problems.length > 0);
    // Twenty more comparisons of the hash: none reloads.
    const lines = c.logs.length;
    const enough = hashes + 20;
    await new Promise<void>((resolve) => {
      onHashes = () => {
        if (hashes >= enough) resolve();
      };
    });
    expect(attempts).toHaveLength(1);
    expect(c.logs.length).toBe(lines);
  });

  it('keeps the last good corpus serving when a file breaks, and says so in Japanese, naming no path of the server', async () => {
    const c = (corpus = await smallCorpus());
    watching = c.reloader.watch();
    await watching.ready;
    const before = c.engines.current();
    const served = c.reloader.status().hash;
    await writeFile(path.join(c.dir, 'entries/01.yaml'), 'entries:\n  - id: [broken\n');
    await c.until(() => c.reloader.status().problems.length > 0);
    const status = c.reloader.status();
    expect(status.problems[0]).toMatch(/^entries\/01\.yaml:\d+: YAML の書き方に誤りがあります/);
    expect(status.error).toBe('コーパスの変更に1件の問題があります。前回の正しい内容で回答を続けています。');
    expect(status.hash).toBe(served);
    expect(c.engines.current()).toBe(before);
    expect(serves(c, 100)()).toBe(true);
    expect(c.logs.some((line) => line.includes('corpus change rejected'))).toBe(true);

    await rm(path.join(c.dir, 'meta.yaml'));
    await c.until(() => c.reloader.status().problems[0] !== status.problems[0]);
    expect(c.reloader.status().problems).toEqual(['meta.yaml: ファイルまたはフォルダが見つかりません']);
    expect(JSON.stringify(c.reloader.status())).not.toContain(path.dirname(c.dir));
    expect(c.engines.current()).toBe(before);

    await writeFile(path.join(c.dir, 'meta.yaml'), smallMeta);
    await writeFile(path.join(c.dir, 'entries/01.yaml'), smallEntries(555));
    await c.until(serves(c, 555));
    expect(c.reloader.status()).toMatchObject({ problems: [], error: undefined, failedAt: undefined });
  });
});

describe('live updates of the bundled corpus', () => {
  const newEntry = `
  - id: staff-added-cycling-event
    pillar: 5
    kind: achievement
    title: サイクリングイベントの開催
    body: 浅間山麓でサイクリングイベントを開催しました。
    keywords: [自転車]
    source: { section: "staff", line: 1 }
`;
  const firstHitId = (c: TempCorpus, q: string) => c.engines.current()?.ask(q).decision.hits[0]?.entry.id;

  it('serves a new entry after its file changes, without a restart', async () => {
    const c = (corpus = await loadTempCorpus({ debounceMs: 50 }));
    watching = c.reloader.watch();
    await watching.ready;
    expect(firstHitId(c, 'サイクリングイベント')).not.toBe('staff-added-cycling-event');
    await appendFile(path.join(c.dir, 'entries/05-wakuwaku.yaml'), newEntry);
    await c.until(() => firstHitId(c, 'サイクリングイベント') === 'staff-added-cycling-event');
    expect(c.reloader.status().problems).toEqual([]);
  });

  it('keeps the last good corpus serving when a change is invalid, and reports where', async () => {
    const c = (corpus = await loadTempCorpus({ debounceMs: 50 }));
    watching = c.reloader.watch();
    await watching.ready;
    const before = c.engines.current();
    const file = path.join(c.dir, 'entries/01-shisei.yaml');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace(/^( {4}body: ).*$/m, '$1""'));
    await c.until(() => c.reloader.status().problems.length > 0);
    expect(c.reloader.status().problems[0]).toMatch(
      /^entries\/01-shisei\.yaml:\d+ entries\[0\]\.body: 空にはできません/,
    );
    expect(c.engines.current()).toBe(before);
    expect(c.engines.current()?.ask('ふるさと納税は？').decision.kind).toBe('answer');
    await writeFile(file, good);
    await c.until(() => c.reloader.status().problems.length === 0);
  });

  it('reloads on demand and reports a broken YAML file without dropping the engine', async () => {
    const c = (corpus = await loadTempCorpus());
    await writeFile(path.join(c.dir, 'entries/02-kizuna.yaml'), 'entries:\n  - id: [broken\n');
    const status = await c.reloader.reload();
    expect(status.problems[0]).toMatch(/^entries\/02-kizuna\.yaml:\d+: YAML の書き方に誤りがあります/);
    expect(c.engines.current()?.corpus.entries.length).toBe(status.entries);
  });
});
