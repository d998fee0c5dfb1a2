import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCorpusHandle } from '../../src/bot/corpus-reloader.js';
import { startBotServer, type BotServer } from '../support/bot-server.js';
import { loadTempCorpus, type TempCorpus } from '../support/temp-corpus.js';

const adminToken = 'reload-test-admin-token-0123';
let corpus: TempCorpus;
let dir: string;
let bot: BotServer;

beforeEach(async () => {
  corpus = await loadTempCorpus();
  dir = corpus.dir;
  const handle = createCorpusHandle();
  handle.attach(corpus.reloader);
  bot = await startBotServer({ adminToken, corpus: handle, engines: corpus.engines });
});

afterEach(async () => {
  await bot.close();
  await corpus.remove();
});

const reload = (token?: string) =>
  fetch(`${bot.url}/admin/reload`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('POST /admin/reload', () => {
  it('requires the admin token', async () => {
    expect((await reload()).status).toBe(401);
    expect((await reload('wrong-token-wrong-token')).status).toBe(401);
  });

  it('reloads the corpus on demand', async () => {
    const res = await reload(adminToken);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { entries: number }).entries).toBeGreaterThan(100);
  });

  it('rejects a broken change with its location, keeps the last good corpus and shows the problem in /api/status', async () => {
    const file = path.join(dir, 'entries/03-egao.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^( {4}pillar: )3$/m, '$1七'));
    const before = bot.engines.current();
    const res = await reload(adminToken);
    expect(res.status).toBe(422);
    const status = (await res.json()) as { problems: string[] };
    expect(status.problems[0]).toMatch(/03-egao\.yaml:\d+ entries\[\d+\]\.pillar:/);
    expect(bot.engines.current()).toBe(before);
    const shown = (await (await fetch(`${bot.url}/api/status`)).json()) as { corpus: { problems: string[] } };
    expect(shown.corpus.problems).toEqual(status.problems);
    const ask = (await (await fetch(`${bot.url}/api/ask?q=${encodeURIComponent('ふるさと納税は？')}`)).json()) as {
      answered: boolean;
    };
    expect(ask.answered).toBe(true);
  });

  it('shows in /api/status the hash and time of the corpus serving and the last error, naming no path of the server', async () => {
    const served = (await (await fetch(`${bot.url}/api/status`)).json()) as {
      corpus: { hash: string; loadedAt: string };
    };
    expect(served.corpus.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(Date.parse(served.corpus.loadedAt)).not.toBeNaN();

    await rm(path.join(dir, 'meta.yaml'));
    await writeFile(path.join(dir, 'entries/02-kizuna.yaml'), 'entries:\n  - id: [broken\n');
    expect((await reload(adminToken)).status).toBe(422);
    const text = await (await fetch(`${bot.url}/api/status`)).text();
    const shown = JSON.parse(text) as { corpus: { hash: string; problems: string[]; error: string } };
    expect(shown.corpus.hash).toBe(served.corpus.hash);
    expect(shown.corpus.error).toBe('コーパスを読み込めませんでした。前回の正しい内容で回答を続けています。');
    expect(shown.corpus.problems).toEqual(['meta.yaml: ファイルまたはフォルダが見つかりません']);
    for (const place of [dir, tmpdir(), process.cwd(), '../']) expect(text).not.toContain(place);
    // No absolute path of any kind: "/x/y" after a quote, a space or a parenthesis.
    expect(text).not.toMatch(/["'\s(]\/[^/\s"]+\//);
  });
});
