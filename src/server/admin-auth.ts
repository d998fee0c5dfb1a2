/**
 * Guards everything under /admin with ADMIN_TOKEN. Scripts send `Authorization: Bearer <token>`;
 * staff in a browser log in once with a small form (GET/POST /admin/login), which sets an
 * HttpOnly, SameSite=Strict session cookie (an HMAC of the token and the login time, never the
 * token itself) valid for 12 hours; POST /admin/logout clears it. A browser opening an admin page
 * without a session is sent to the form, which comes back to that page. Tokens are compared in
 * constant time; a client that fails too many logins is locked out for a while (abuse-limits.ts).
 * The cookie is Secure on HTTPS, also behind a TLS-terminating proxy that TRUST_PROXY trusts
 * (req.secure then reads X-Forwarded-Proto). Without ADMIN_TOKEN, admin is disabled: every /admin
 * path answers 403.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from '../logger.js';
import { adminLoginRateLimit, defaultAbuseLimits, type AbuseLimits } from './abuse-limits.js';
import { adminMessages } from './staff-messages.js';

export interface AdminAuthOptions {
  /** ADMIN_TOKEN (at least 16 characters); undefined disables admin. */
  readonly token: string | undefined;
  readonly logger: Logger;
  /** Clock for session expiry (tests). */
  readonly now?: () => number;
  /** The failed-login lockout; defaults to {@link defaultAbuseLimits}'. */
  readonly limits?: Pick<AbuseLimits, 'adminLoginFailures' | 'adminLockoutMinutes'>;
}

export const adminCookieName = 'komoro_admin';
export const adminSessionMaxAgeSeconds = 12 * 60 * 60;
const defaultNext = '/admin/report';

/** Constant-time equality of two secrets of any length: both are hashed to 32 bytes first. */
export function secretsEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

function sessionSignature(token: string, issuedAt: number): string {
  return createHmac('sha256', token).update(`komoro-admin-session:${issuedAt}`).digest('base64url');
}

function sessionValue(token: string, issuedAt: number): string {
  return `v1.${issuedAt}.${sessionSignature(token, issuedAt)}`;
}

function validSession(value: string, token: string, now: number): boolean {
  const match = /^v1\.(\d{1,15})\.([\w-]{43})$/.exec(value);
  if (!match) return false;
  const issuedAt = Number(match[1]);
  if (issuedAt > now + 60_000 || now - issuedAt > adminSessionMaxAgeSeconds * 1000) return false;
  return secretsEqual(match[2] as string, sessionSignature(token, issuedAt));
}

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Secure everywhere except plain http on a loopback host (local development), where browsers
 * other than Chrome would drop a Secure cookie. Behind a proxy TRUST_PROXY trusts, req.secure is
 * X-Forwarded-Proto's https, so a proxy that calls the bot on 127.0.0.1 still gets Secure.
 */
function cookieAttributes(req: Request, maxAgeSeconds: number): string {
  const loopback = ['localhost', '127.0.0.1', '[::1]', '::1'].includes(req.hostname);
  const secure = req.secure || !loopback ? '; Secure' : '';
  return `Path=/admin; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

/** A same-site path to go to after login; anything else (//evil, https://...) falls back. */
function safeNext(raw: unknown): string {
  return typeof raw === 'string' && /^\/(?![/\\])[^\s\\]*$/.test(raw) ? raw : defaultNext;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(next: string, problem?: string): string {
  return `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${adminMessages.loginTitle} — こもろ政策ボット</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}
input,button{font-size:1rem;padding:.4rem}input{width:100%;box-sizing:border-box}p.problem{color:#b00020}</style></head>
<body>
<h1>${adminMessages.loginTitle}</h1>
${problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>\n` : ''}<form method="post" action="/admin/login">
<p><label>ADMIN_TOKEN<br><input type="password" name="token" autocomplete="current-password" required autofocus></label></p>
<input type="hidden" name="next" value="${escapeHtml(next)}">
<p><button type="submit">${adminMessages.loginButton}</button></p>
</form>
</body>
</html>
`;
}

function sendLoginPage(res: Response, status: number, next: string, problem?: string): void {
  res
    .status(status)
    .set(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    )
    .type('html')
    .send(loginPage(next, problem));
}

const unauthorized = { message: adminMessages.unauthorized };

/** The router to mount at /admin before the admin routes: login, logout, then the guard. */
export function adminAuth(options: AdminAuthOptions): express.Router {
  const router = express.Router();
  const now = options.now ?? Date.now;
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  const token = options.token;
  if (token === undefined) {
    router.use((_req, res) => {
      res.status(403).json({ message: adminMessages.disabled });
    });
    return router;
  }

  router.get('/login', (req, res) => sendLoginPage(res, 200, safeNext(req.query.next)));

  const limits = { ...defaultAbuseLimits, ...options.limits };
  const lockout = adminLoginRateLimit(limits, options.logger, (req, res, problem) => {
    if (req.headers.authorization === undefined) sendLoginPage(res, 429, defaultNext, problem);
    else res.status(429).json({ message: problem });
  });

  router.post('/login', lockout, express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    const body = (req.body ?? {}) as { token?: unknown; next?: unknown };
    const next = safeNext(body.next);
    if (typeof body.token !== 'string' || !secretsEqual(body.token, token)) {
      options.logger.warn({ reason: 'wrong-token' }, 'admin login refused: wrong token');
      sendLoginPage(res, 401, next, adminMessages.wrongToken);
      return;
    }
    res.set(
      'Set-Cookie',
      `${adminCookieName}=${sessionValue(token, now())}; ${cookieAttributes(req, adminSessionMaxAgeSeconds)}`,
    );
    res.redirect(303, next);
  });

  router.post('/logout', (req, res) => {
    res.set('Set-Cookie', `${adminCookieName}=; ${cookieAttributes(req, 0)}`);
    res.redirect(303, '/admin/login');
  });

  const checkBearer: RequestHandler = (req, res, next) => {
    const bearer = /^Bearer\s+(.+?)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined && secretsEqual(bearer, token)) {
      next();
      return;
    }
    options.logger.warn({ reason: 'wrong-token', via: 'authorization' }, 'admin request refused: wrong token');
    res.status(401).set('WWW-Authenticate', 'Bearer realm="admin"').json(unauthorized);
  };

  const guard: RequestHandler = (req, res, next) => {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      // Counted with the login form's failures: a wrong token is a guess either way.
      void lockout(req, res, () => {
        checkBearer(req, res, next);
      });
      return;
    }
    const session = cookieOf(req, adminCookieName);
    if (session !== undefined && validSession(session, token, now())) {
      next();
      return;
    }
    if (req.method === 'GET' && req.accepts(['json', 'html']) === 'html') {
      // A browser opening an admin page (the report) without a session: to the form, and back here.
      res.redirect(303, `/admin/login?${new URLSearchParams({ next: req.originalUrl }).toString()}`);
      return;
    }
    res.status(401).set('WWW-Authenticate', 'Bearer realm="admin"').json(unauthorized);
  };
  router.use(guard);
  return router;
}
