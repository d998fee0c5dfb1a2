/**
 * Limits on what one client may ask of the server, so that a script cannot take the event loop
 * citizens share or guess ADMIN_TOKEN: requests per minute on the staff API (GET /api/ask and
 * POST /api/postback, the preview page's calls), engine time per minute on /api/ask, and a
 * lockout after failed admin logins. A client is its address (req.ip: X-Forwarded-For's only
 * when TRUST_PROXY trusts the proxy), an IPv6 address by its /56 (express-rate-limit's default key).
 * Counters live in each process's memory: N replicas allow N times the limits, which still
 * bounds each one's work. The wording staff read is staff-messages.ts's.
 */
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Logger } from '../logger.js';
import { adminMessages, limitMessages } from './staff-messages.js';

export interface AbuseLimits {
  /** Requests per client per minute to GET /api/ask and POST /api/postback together. */
  readonly staffApiPerMinute: number;
  /** Milliseconds of engine time per client per minute on GET /api/ask. */
  readonly askCpuMsPerMinute: number;
  /** Failed admin logins per client after which its logins are refused... */
  readonly adminLoginFailures: number;
  /** ...for this many minutes (counted from the first failure). */
  readonly adminLockoutMinutes: number;
}

/**
 * Generous for staff at a keyboard (the preview page asks once per message typed), small next
 * to what a script sends: at 30 ms a question, 60 questions a minute is 3% of a core.
 */
export const defaultAbuseLimits: AbuseLimits = {
  staffApiPerMinute: 60,
  askCpuMsPerMinute: 6_000,
  adminLoginFailures: 10,
  adminLockoutMinutes: 15,
};

const minuteMs = 60_000;

/** The key of a client: its address, an IPv6 one by its /56 (one household or server). */
export function clientKey(ip: string | undefined): string {
  return ip === undefined ? 'unknown' : ipKeyGenerator(ip);
}

/** 429 for the staff API: JSON with a message the preview page shows as it is. */
export function staffApiRateLimit(limits: AbuseLimits): RequestHandler {
  return rateLimit({
    windowMs: minuteMs,
    limit: limits.staffApiPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // create-app warns (once, in the log) about X-Forwarded-For without TRUST_PROXY.
    validate: { xForwardedForHeader: false },
    handler: (_req, res) => {
      res.status(429).json({
        message: limitMessages.tooManyRequests(limits.staffApiPerMinute),
      });
    },
  });
}

/**
 * The failed-login lockout for POST /admin/login and for requests with an Authorization header
 * (a script's Bearer token is guessed as easily as the form's): one count per client over both,
 * and only refusals (401) count, so staff who log in never use it up. Once locked, even
 * the right token is refused until the window ends.
 */
export function adminLoginRateLimit(
  limits: AbuseLimits,
  logger: Logger,
  refuse: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1], message: string) => void,
): RequestHandler {
  return rateLimit({
    windowMs: limits.adminLockoutMinutes * minuteMs,
    limit: limits.adminLoginFailures,
    skipSuccessfulRequests: true,
    // Only a refused token is a failure: an admin request let through may still fail (503, 500).
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    validate: { xForwardedForHeader: false },
    handler: (req, res) => {
      // The client's address, never what it typed.
      logger.warn(
        {
          reason: 'too-many-failed-logins',
          client: clientKey(req.ip),
          failures: limits.adminLoginFailures,
          lockoutMinutes: limits.adminLockoutMinutes,
        },
        'admin login refused: client locked out',
      );
      refuse(req, res, adminMessages.lockedOut(limits.adminLockoutMinutes));
    },
  });
}

/** Engine time per client in fixed one-minute windows; what a window counted is forgotten with it. */
export interface CpuBudget {
  /** Seconds until the client may ask again, or 0 when it still has time left. */
  retryAfterSeconds(key: string): number;
  spend(key: string, ms: number): void;
}

export function createCpuBudget(msPerMinute: number, now: () => number = () => performance.now()): CpuBudget {
  let windowStart = now();
  let spent = new Map<string, number>();
  const roll = () => {
    const t = now();
    if (t - windowStart >= minuteMs) {
      windowStart = t;
      spent = new Map();
    }
    return t;
  };
  return {
    retryAfterSeconds(key) {
      const t = roll();
      if ((spent.get(key) ?? 0) < msPerMinute) return 0;
      return Math.max(1, Math.ceil((windowStart + minuteMs - t) / 1000));
    },
    spend(key, ms) {
      roll();
      spent.set(key, (spent.get(key) ?? 0) + ms);
    },
  };
}

export const cpuBudgetSpentMessage = limitMessages.cpuBudgetSpent;

/** A question longer than the engine reads. */
export function questionTooLongMessage(length: number, max: number): string {
  return limitMessages.questionTooLong(length, max);
}
