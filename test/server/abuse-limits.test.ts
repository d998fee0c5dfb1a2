import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { maxQuestionLength } from '../../src/ask.js';
import { createEngineRef } from '../../src/bot/engine-ref.js';
import { createApp, type AppDeps } from '../../src/server/create-app.js';
import { adminCookieName } from '../../src/server/admin-auth.js';
import { capturedLogger } from '../support/captured-logger.js';
import { bundledEngine } from '../support/bot-server.js';

const token = 'admin-token-for-tests-0123456789';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** The app on loopback with the given limits; returns its URL and the log lines. */
async function start(deps: Partial<AppDeps> = {}): Promise<{ url: string; lines: string[] }> {
  const { logger, lines } = capturedLogger();
  const app = createApp({ engines: createEngineRef(await bundledEngine()), logger, adminToken: token, ...deps });
  const listening = app.listen(0, '127.0.0.1');
  server = listening;
  await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
  return { url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}`, lines };
}

const ask = (url: string, q: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/ask?q=${encodeURIComponent(q)}`, { headers });

function login(url: string, typed: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ token: typed }).toString(),
    redirect: 'manual',
  });
}

describe('rate limits on the staff API', () => {
  it('answers 429 with a Japanese message once a client passes its requests per minute', async () => {
    const { url } = await start({ limits: { staffApiPerMinute: 2 } });
    expect((await ask(url, 'ふるさと納税')).status).toBe(200);
    expect((await ask(url, 'ふるさと納税')).status).toBe(200);
    const refused = await ask(url, 'ふるさと納税');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    const { message } = (await refused.json()) as { message: string };
    expect(message).toContain('リクエストが多すぎます');
    expect(message).toContain('2 回');
  });

  it("counts the preview page's postbacks in the same budget as its questions", async () => {
    const { url } = await start({ limits: { staffApiPerMinute: 2 } });
    const postback = () =>
      fetch(`${url}/api/postback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: 'pillar=1' }),
      });
    expect((await postback()).status).toBe(200);
    expect((await ask(url, 'ふるさと納税')).status).toBe(200);
    expect((await postback()).status).toBe(429);
    expect((await ask(url, 'ふるさと納税')).status).toBe(429);
  });

  it("counts each client behind a trusted proxy by X-Forwarded-For's address", async () => {
    const { url } = await start({ limits: { staffApiPerMinute: 1 }, trustProxy: ['loopback'] });
    expect((await ask(url, '小諸', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
    expect((await ask(url, '小諸', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    expect((await ask(url, '小諸', { 'x-forwarded-for': '198.51.100.20' })).status).toBe(200);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY, so a client cannot pose as many', async () => {
    const { url, lines } = await start({ limits: { staffApiPerMinute: 1 } });
    expect((await ask(url, '小諸', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
    expect((await ask(url, '小諸', { 'x-forwarded-for': '198.51.100.20' })).status).toBe(429);
    expect(lines.join('')).toContain('TRUST_PROXY');
  });
});

describe('question length and CPU budget on /api/ask', () => {
  it(`refuses a question longer than ${maxQuestionLength} characters with 413 and says how long it may be`, async () => {
    const { url } = await start();
    expect((await ask(url, 'あ'.repeat(maxQuestionLength))).status).toBe(200);
    const refused = await ask(url, 'あ'.repeat(maxQuestionLength + 1));
    expect(refused.status).toBe(413);
    const { message } = (await refused.json()) as { message: string };
    expect(message).toContain(`${maxQuestionLength} 文字`);
  });

  it("answers 429 once a client has spent its minute's engine time", async () => {
    const { url } = await start({ limits: { askCpuMsPerMinute: 0.001 } });
    expect((await ask(url, 'ふるさと納税はいくら集まりましたか')).status).toBe(200);
    const refused = await ask(url, 'ふるさと納税はいくら集まりましたか');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { message: string }).message).toContain('処理');
  });
});

describe('admin login', () => {
  it('locks a client out after N failed logins, logging why without the token typed', async () => {
    const { url, lines } = await start({ limits: { adminLoginFailures: 3 } });
    for (let i = 0; i < 3; i++) expect((await login(url, `wrong-token-typed-${i}`)).status).toBe(401);
    const locked = await login(url, token);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('set-cookie')).toBeNull();
    expect(await locked.text()).toContain('ログインの失敗が続いた');
    const lockout = lines.find((l) => l.includes('locked out'));
    expect(lockout).toBeDefined();
    expect(JSON.parse(lockout as string)).toMatchObject({ reason: 'too-many-failed-logins', failures: 3 });
    expect(lines.join('')).not.toContain('wrong-token-typed');
    expect(lines.join('')).not.toContain(token);
  });

  it('counts wrong Bearer tokens with failed logins and then refuses even the right one', async () => {
    const { url, lines } = await start({ limits: { adminLoginFailures: 3 } });
    const report = (typed: string) =>
      fetch(`${url}/admin/report?format=json`, { headers: { authorization: `Bearer ${typed}` } });
    // Let through (no analytics in this app: the report itself answers 503).
    expect((await report(token)).status).toBe(503);
    for (let i = 0; i < 2; i++) expect((await report(`wrong-bearer-typed-${i}`)).status).toBe(401);
    expect((await login(url, 'wrong-token-typed')).status).toBe(401);
    const locked = await report(token);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { message: string }).message).toContain('ログインの失敗が続いた');
    expect((await login(url, token)).status).toBe(429);
    expect(lines.filter((l) => l.includes('wrong token'))).toHaveLength(3);
    expect(lines.join('')).not.toContain('wrong-bearer-typed');
    expect(lines.join('')).not.toContain(token);
  });

  it('does not count successful logins towards the lockout', async () => {
    const { url } = await start({ limits: { adminLoginFailures: 2 } });
    for (let i = 0; i < 5; i++) expect((await login(url, token)).status).toBe(303);
  });

  it('sets Secure on the session cookie behind a TLS-terminating proxy it trusts (X-Forwarded-Proto)', async () => {
    const { url } = await start({ trustProxy: ['loopback'] });
    const res = await login(url, token, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${adminCookieName}=`));
    expect(cookie).toContain('; Secure');
  });

  it('leaves Secure off for plain http on loopback when no proxy is trusted (X-Forwarded-Proto ignored)', async () => {
    const { url } = await start();
    const res = await login(url, token, { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('set-cookie')).not.toContain('Secure');
  });
});
