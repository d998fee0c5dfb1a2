import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCorpusHandle, createCorpusReloader } from '../../src/bot/corpus-reloader.js';
import { createEngineRef } from '../../src/bot/engine-ref.js';
import { bundledCorpusDir, readCorpus, readSudachiSynonyms } from '../../src/corpus/read-corpus.js';
import { createLogger } from '../../src/logger.js';
import { startBotServer, type BotServer } from '../support/bot-server.js';
import { realTokenizer } from '../support/tokenizer.js';

const adminToken = 'reload-test-admin-token-0123';
let dir: string;
let bot: BotServer;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'corpus-'));
  await cp(bundledCorpusDir, dir, { recursive: true });
  const engines = createEngineRef();
  const reloader = createCorpusReloader({
    dir,
    tokenize: await realTokenizer(),
    engines,
    logger: createLogger('silent', new Writable({ write: (_c, _e, done) => done() })),
    readCorpus,
    readSynonyms: readSudachiSynonyms,
  });
  await reloader.reload();
  const corpus = createCorpusHandle();
  corpus.attach(reloader);
  bot = await startBotServer({ adminToken, corpus, engines });
});

afterEach(async () => {
  await bot.close();
  await rm(dir, { recursive: true, force: true });
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
    const ask = (await (await fetch(`${bot.url}/api/ask?q=${encodeURIComponent('ふるさと納税は？')}`)).json()) as { answered: boolean };
    expect(ask.answered).toBe(true);
  });
});
