import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { adminAuth, adminCookieName, adminSessionMaxAgeSeconds, secretsEqual } from '../../src/server/admin-auth.js';
import { startBotServer, type BotServer } from '../support/bot-server.js';

const token = 'admin-token-for-tests-0123456789';

let bot: BotServer | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** The real app in local mode, with ADMIN_TOKEN set (or unset with `{ disabled: true }`). */
async function adminBot(options: { disabled?: boolean } = {}): Promise<BotServer> {
  bot = await startBotServer(options.disabled ? {} : { adminToken: token });
  return bot;
}

/** Log in through the form as a browser would; returns the response (redirects not followed). */
function login(url: string, tokenTyped: string, next?: string): Promise<Response> {
  const form = new URLSearchParams({ token: tokenTyped, ...(next ? { next } : {}) });
  return fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
}

/** The `name=value` part of the Set-Cookie header, as a browser would send it back. */
function cookieFrom(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  return header.split(';')[0] ?? '';
}

describe('admin access', () => {
  it('serves the report to a request with the right bearer token', async () => {
    const { url } = await adminBot();
    const res = await fetch(`${url}/admin/report`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['unanswered', 'negativeFeedback', 'dailyVolume', 'topEntries']),
    );
  });

  it('answers 401 to a wrong bearer token and to no token at all', async () => {
    const { url } = await adminBot();
    const wrong = await fetch(`${url}/admin/report`, { headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
    expect(((await wrong.json()) as { message: string }).message).toContain('/admin/login');
    expect((await fetch(`${url}/admin/report`)).status).toBe(401);
    expect((await fetch(`${url}/admin/report`, { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('shows a login form that posts the token to /admin/login', async () => {
    const { url } = await adminBot();
    const res = await fetch(`${url}/admin/login`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/admin/login">');
    expect(html).toContain('type="password" name="token"');
  });

  it('logs in through the form with an HttpOnly, SameSite=Strict cookie that opens the report', async () => {
    const { url } = await adminBot();
    const res = await login(url, token);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/report');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${adminCookieName}=`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/admin');
    expect(setCookie).not.toContain(token); // the cookie is a signature, never the token itself

    const report = await fetch(`${url}/admin/report`, { headers: { cookie: cookieFrom(res) } });
    expect(report.status).toBe(200);
  });

  it('goes back to a same-site page after login, never to another site', async () => {
    const { url } = await adminBot();
    expect((await login(url, token, '/preview')).headers.get('location')).toBe('/preview');
    expect((await login(url, token, '//evil.example/')).headers.get('location')).toBe('/admin/report');
    expect((await login(url, token, 'https://evil.example/')).headers.get('location')).toBe('/admin/report');
  });

  it('answers a wrong token in the form with 401, the form again and no cookie', async () => {
    const { url, logs } = await adminBot();
    const res = await login(url, 'not-the-admin-token-at-all');
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toContain('name="token"');
    expect(logs.join('\n')).not.toContain('not-the-admin-token-at-all');
  });

  it('refuses a forged or tampered session cookie with 401', async () => {
    const { url } = await adminBot();
    const cookie = cookieFrom(await login(url, token));
    const tampered = cookie.replace(/\.(\d+)\./, (_m, t: string) => `.${Number(t) + 1}.`);
    for (const forged of [tampered, `${adminCookieName}=${token}`, `${adminCookieName}=v1.1.${'A'.repeat(43)}`]) {
      expect((await fetch(`${url}/admin/report`, { headers: { cookie: forged } })).status).toBe(401);
    }
  });

  it('clears the cookie on logout', async () => {
    const { url } = await adminBot();
    const res = await fetch(`${url}/admin/logout`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^${adminCookieName}=;.*Max-Age=0`));
  });

  it('is disabled when ADMIN_TOKEN is unset: every /admin path answers 403 saying so', async () => {
    const { url } = await adminBot({ disabled: true });
    for (const res of [
      await fetch(`${url}/admin/report`),
      await fetch(`${url}/admin/report`, { headers: { authorization: 'Bearer anything-at-all-here' } }),
      await fetch(`${url}/admin/login`),
      await login(url, 'anything-at-all-here'),
    ]) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { message: string }).message).toMatch(/管理機能は無効です.*ADMIN_TOKEN/);
    }
  });
});

describe('the admin session', () => {
  it('expires 12 hours after login', async () => {
    let now = Date.parse('2025-03-01T00:00:00Z');
    const app = express();
    app.use('/admin', adminAuth({ token, logger: createLogger('silent'), now: () => now }), (_req, res) => {
      res.json({ ok: true });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const cookie = cookieFrom(await login(url, token));
      now += adminSessionMaxAgeSeconds * 1000 - 1000;
      expect((await fetch(`${url}/admin/anything`, { headers: { cookie } })).status).toBe(200);
      now += 2000;
      expect((await fetch(`${url}/admin/anything`, { headers: { cookie } })).status).toBe(401);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('secretsEqual', () => {
  it('compares secrets of any length', () => {
    expect(secretsEqual(token, token)).toBe(true);
    expect(secretsEqual(token, `${token}0`)).toBe(false);
    expect(secretsEqual('', token)).toBe(false);
  });
});
