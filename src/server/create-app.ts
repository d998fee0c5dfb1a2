/**
 * The HTTP surface of the bot, as an express app that does not listen (tests call it in process):
 * POST /webhook for LINE, GET /healthz for the platform, GET /metrics (reply counters, JSON),
 * GET /api/ask for staff tools. The staff API and the admin login are rate-limited per client
 * (abuse-limits.ts).
 */
import { JSONParseError, middleware as lineSignature, SignatureValidationFailed } from '@line/bot-sdk';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { maxQuestionLength } from '../ask.js';
import { askResult, askResultFrom } from '../bot/ask-result.js';
import type { CorpusHandle } from '../bot/corpus-reloader.js';
import type { Engine } from '../bot/engine.js';
import type { EngineRef } from '../bot/engine-ref.js';
import { replyToPostback } from '../bot/reply-for-event.js';
import { explainJson } from '../decide/explain.js';
import type { AnalyticsStore } from '../analytics/analytics-store.js';
import { storeStatusMessage } from '../analytics/store-status-message.js';
import type { TrustProxy } from '../config.js';
import type { Logger } from '../logger.js';
import { previewRoutes } from '../preview/preview-routes.js';
import {
  clientKey,
  cpuBudgetSpentMessage,
  createCpuBudget,
  defaultAbuseLimits,
  questionTooLongMessage,
  staffApiRateLimit,
  type AbuseLimits,
} from './abuse-limits.js';
import { adminAuth } from './admin-auth.js';
import { adminRoutes } from './admin-routes.js';
import { metricsSnapshot } from '../line/metrics.js';
import type { WebhookDispatcher } from '../line/webhook-dispatcher.js';
import type { EventLoopDelay } from './event-loop-delay.js';
import { apiMessages } from './staff-messages.js';

export interface AppDeps {
  readonly engines: EngineRef;
  readonly logger: Logger;
  /** The live corpus: its load status (problems of a rejected change) and reloading on demand. */
  readonly corpus?: CorpusHandle;
  /** Absent in local mode: the webhook then answers 503. */
  readonly webhook?: { readonly channelSecret: string; readonly dispatcher: WebhookDispatcher };
  /** What citizens asked, for GET /admin/report; absent: the report answers 503. */
  readonly analytics?: AnalyticsStore;
  /** ADMIN_TOKEN; absent: everything under /admin answers 403 (admin disabled). */
  readonly adminToken?: string;
  /** TRUST_PROXY, express's `trust proxy`: whose X-Forwarded-For and -Proto to believe. Default false. */
  readonly trustProxy?: TrustProxy;
  /** Per-client limits; each one left out is {@link defaultAbuseLimits}'. */
  readonly limits?: Partial<AbuseLimits>;
  /** The event loop's delay since the last GET /metrics, reported there; absent: not reported. */
  readonly eventLoop?: EventLoopDelay;
}

/** Largest webhook body accepted; LINE's own requests stay far below, its limit is 2 MB. */
export const maxWebhookBodyBytes = 1024 * 1024;
const maxTop = 10;

/** An object with an events array; each event's own shape is the dispatcher's to check (one bad event must not lose the others). */
function isCallbackBody(body: unknown): body is { events: unknown[] } {
  if (typeof body !== 'object' || body === null) return false;
  return Array.isArray((body as { events?: unknown }).events);
}

function webhookRoutes(deps: AppDeps): RequestHandler[] {
  const hook = deps.webhook;
  if (!hook) {
    return [
      (_req, res) => {
        res.status(503).json({
          message:
            'The webhook is disabled: LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN are not set (local mode).',
        });
      },
    ];
  }
  return [
    // The raw body (never a JSON parser) reaches the SDK middleware, which checks the signature over it.
    express.raw({ type: () => true, limit: maxWebhookBodyBytes }),
    lineSignature({ channelSecret: hook.channelSecret }),
    (req, res) => {
      if (!isCallbackBody(req.body)) {
        res.status(400).json({ message: 'expected a webhook body with an events array' });
        return;
      }
      if (hook.dispatcher.draining) {
        // Shutting down: refuse rather than take events we may not finish; LINE redelivers them
        // (when webhook redelivery is on) to an instance that has the token's whole minute.
        hook.dispatcher.metrics.events.refusedWhileDraining += req.body.events.length;
        deps.logger.warn({ events: req.body.events.length }, 'webhook refused: shutting down');
        res.status(503).set('connection', 'close').json({ message: 'shutting down; retry on another instance' });
        return;
      }
      // Acknowledge once per request, before any event is handled.
      res.status(200).json({});
      hook.dispatcher.dispatch(req.body.events);
    },
  ];
}

/** The answer of GET /api/ask to question `q`, with `top` hits and, with explain=1, why. */
function answerAsked(engine: Engine, q: string, query: Request['query'], res: Response): void {
  const topParam = typeof query.top === 'string' ? Number(query.top) : 3;
  const top = Number.isInteger(topParam) && topParam > 0 ? Math.min(topParam, maxTop) : 3;
  if (query.explain !== '1') {
    res.json(askResult(engine, q, top));
    return;
  }
  // explain=1 (the preview page): the same result plus why each hit came and why the bot answered.
  const asked = engine.ask(q, { top: Math.max(top, 5) });
  res.json({ ...askResultFrom(engine, asked, top), explain: explainJson(engine.index, asked, top) });
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const trustProxy = deps.trustProxy ?? false;
  // An array, because express reads a string as one comma-separated list.
  app.set('trust proxy', typeof trustProxy === 'object' ? [...trustProxy] : trustProxy);
  const limits: AbuseLimits = { ...defaultAbuseLimits, ...deps.limits };
  if (trustProxy === false) {
    // Behind a proxy without TRUST_PROXY, every client has the proxy's address: one limit for all.
    let warned = false;
    app.use((req, _res, next) => {
      if (!warned && req.headers['x-forwarded-for'] !== undefined) {
        warned = true;
        deps.logger.warn(
          'X-Forwarded-For received but TRUST_PROXY is not set: behind a proxy, set TRUST_PROXY (e.g. 1) so that rate limits count each client, not the proxy',
        );
      }
      next();
    });
  }
  const staffApiLimit = staffApiRateLimit(limits);
  const cpuBudget = createCpuBudget(limits.askCpuMsPerMinute);

  app.get('/healthz', (_req, res) => {
    const engine = deps.engines.current();
    if (!engine) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    const inFlight = deps.webhook?.dispatcher.inFlight ?? 0;
    if (deps.webhook?.dispatcher.draining) {
      res.status(503).json({ status: 'draining', inFlight });
      return;
    }
    res.json({
      status: 'ok',
      entries: engine.corpus.entries.length,
      webhook: deps.webhook ? 'enabled' : 'disabled',
      inFlight,
      answersWaiting: deps.webhook?.dispatcher.answersWaiting ?? 0,
    });
  });

  // Counters of events and replies (no user data); see src/line/metrics.ts. The event loop's
  // longest delay is over the time since the previous read.
  app.get('/metrics', (_req, res) => {
    const dispatcher = deps.webhook?.dispatcher;
    const eventLoop = deps.eventLoop ? { eventLoopDelayMs: deps.eventLoop.read() } : {};
    res.json(
      dispatcher
        ? {
            ...metricsSnapshot(dispatcher.metrics),
            inFlight: dispatcher.inFlight,
            answersWaiting: dispatcher.answersWaiting,
            ...eventLoop,
          }
        : { webhook: 'disabled', ...eventLoop },
    );
  });

  app.post('/webhook', ...webhookRoutes(deps));

  // Public: whether the corpus serving is the last one staff saved (its hash and load time), and if
  // not, what is wrong with it. The status names files relative to the corpus directory only. And
  // where citizens' questions are recorded and whether they get there (counts, an error code and
  // a sentence for staff; never the database's address or a question).
  app.get('/api/status', (_req, res) => {
    const engine = deps.engines.current();
    const analytics = deps.analytics?.status();
    res.json({
      ready: engine !== undefined,
      entries: engine?.corpus.entries.length ?? 0,
      corpus: deps.corpus?.status() ?? null,
      analytics: analytics ? { ...analytics, message: storeStatusMessage(analytics) } : null,
    });
  });

  app.get('/api/ask', staffApiLimit, (req, res) => {
    const engine = deps.engines.current();
    if (!engine) {
      res.status(503).json({ message: apiMessages.starting });
      return;
    }
    const q = req.query.q;
    if (typeof q !== 'string' || q.trim() === '') {
      res.status(400).json({ message: apiMessages.missingQuestion });
      return;
    }
    if (q.length > maxQuestionLength) {
      res.status(413).json({ message: questionTooLongMessage(q.length, maxQuestionLength) });
      return;
    }
    const client = clientKey(req.ip);
    const retryAfter = cpuBudget.retryAfterSeconds(client);
    if (retryAfter > 0) {
      res.status(429).set('Retry-After', String(retryAfter)).json({ message: cpuBudgetSpentMessage });
      return;
    }
    const started = performance.now();
    try {
      answerAsked(engine, q, req.query, res);
    } finally {
      cpuBudget.spend(client, performance.now() - started);
    }
  });

  // The reply to a button or quick-reply postback, as the bot would send it. It only renders:
  // a feedback vote sent from here is never recorded as a citizen's feedback.
  app.post('/api/postback', staffApiLimit, express.json({ limit: '4kb' }), (req, res) => {
    const engine = deps.engines.current();
    if (!engine) {
      res.status(503).json({ message: apiMessages.starting });
      return;
    }
    const data = (req.body as { data?: unknown } | undefined)?.data;
    if (typeof data !== 'string' || data === '') {
      res.status(400).json({ message: apiMessages.missingPostbackData });
      return;
    }
    res.json({ messages: replyToPostback(data, engine).messages });
  });

  // Staff only: ADMIN_TOKEN as a bearer token or the session cookie of /admin/login.
  app.use(
    '/admin',
    adminAuth({ token: deps.adminToken, logger: deps.logger, limits }),
    adminRoutes({ logger: deps.logger, analytics: deps.analytics, corpus: deps.corpus }),
  );

  // The staff preview page; also at / in local mode, where there is no webhook to serve.
  const preview = previewRoutes(deps);
  app.use('/preview', preview);
  if (!deps.webhook) app.use('/', preview);

  const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    if (err instanceof SignatureValidationFailed) {
      deps.logger.warn({ path: req.path }, 'webhook signature rejected');
      res.status(401).json({ message: 'invalid or missing x-line-signature' });
      return;
    }
    // The SDK's (webhook) and express.json's (POST /api/postback) unreadable bodies alike.
    if (err instanceof JSONParseError || (err as { type?: unknown }).type === 'entity.parse.failed') {
      res.status(400).json({ message: apiMessages.badJson });
      return;
    }
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ message: (err as Error).message });
      return;
    }
    deps.logger.error({ path: req.path, error: (err as Error).message }, 'request failed');
    res.status(500).json({ message: apiMessages.internalError });
  };
  app.use(onError);
  return app;
}
