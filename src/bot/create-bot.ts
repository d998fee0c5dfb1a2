/**
 * The composition root: from the configuration to the whole bot — the engine holder and the
 * corpus reloader that fills it, analytics, de-duplication, the LINE reply client, the webhook
 * dispatcher and the express app. `main.ts` listens and handles signals; tests and benchmarks
 * build the same bot, swapping in only what they must (a shared engine, an in-memory store).
 */
import type { Express } from 'express';
import type { AnalyticsStore } from '../analytics/analytics-store.js';
import { createEventRecorder } from '../analytics/record-event.js';
import { createPostgresAnalyticsStore, describeDatabaseUrl } from '../analytics/postgres-analytics-store.js';
import { analyticsDbFile, openSqliteAnalyticsStore } from '../analytics/sqlite-analytics-store.js';
import { randomSalt } from '../analytics/user-hash.js';
import { createJapaneseTokenizer, type Tokenize } from '../analyze/japanese-tokenizer.js';
import type { Config } from '../config.js';
import { readCorpus, readSudachiSynonyms } from '../corpus/read-corpus.js';
import { createMemoryDeduplicator, type EventDeduplicator } from '../line/event-deduplicator.js';
import { createRedisDeduplicator } from '../line/redis-deduplicator.js';
import { createLineReplyClient } from '../line/reply-client.js';
import type { ReplyPolicyOptions } from '../line/retrying-reply-client.js';
import { createWebhookDispatcher, type WebhookDispatcher } from '../line/webhook-dispatcher.js';
import type { Logger } from '../logger.js';
import { createApp } from '../server/create-app.js';
import { monitorEventLoop } from '../server/event-loop-delay.js';
import {
  createCorpusHandle,
  createCorpusReloader,
  type CorpusHandle,
  type CorpusReloader,
  type CorpusStatus,
} from './corpus-reloader.js';
import type { Engine } from './engine.js';
import { createEngineRef, type EngineRef } from './engine-ref.js';

/** What a caller may bring instead of what the configuration would build. */
export interface BotParts {
  /** Serve this engine and never load the corpus (tests share one engine per worker). */
  readonly engine?: Engine;
  /** The engine holder and the live corpus behind /api/status, when the caller runs its own reloader. */
  readonly engines?: EngineRef;
  readonly corpus?: CorpusHandle;
  /** Used instead of the store the configuration names (PostgreSQL, or SQLite in DATA_DIR). */
  readonly analytics?: AnalyticsStore;
  /** A tokenizer already built (kuromoji takes about a second). */
  readonly tokenize?: Tokenize;
  readonly replyPolicy?: ReplyPolicyOptions;
  readonly loadingAfterMs?: number;
}

export interface Bot {
  readonly app: Express;
  readonly engines: EngineRef;
  readonly corpus: CorpusHandle;
  /** Absent in local mode (no LINE credentials). */
  readonly dispatcher: WebhookDispatcher | undefined;
  readonly analytics: AnalyticsStore | undefined;
  /**
   * Build the tokenizer, load and index the corpus, then watch it; resolves with the first load's
   * status, whose problems are fatal at start-up (there is no last good corpus yet). Resolves at
   * once when an engine was given.
   */
  start(): Promise<CorpusStatus | undefined>;
  /** Stop watching, then close the stores the bot opened (pending analytics records are written). */
  close(): Promise<void>;
}

/**
 * The analytics store when there is something to record (the webhook) or someone to read it
 * (ADMIN_TOKEN): PostgreSQL with DATABASE_URL, shared by the instances (it opens without waiting
 * for the database), else SQLite in DATA_DIR. If SQLite cannot be opened the bot still answers
 * citizens: the error is logged and /admin/report answers 503.
 */
function openAnalytics(config: Config, logger: Logger): AnalyticsStore | undefined {
  if (!config.line && !config.adminToken) return undefined;
  const retentionDays = config.analyticsRetentionDays;
  if (config.databaseUrl) {
    const database = describeDatabaseUrl(config.databaseUrl);
    const store = createPostgresAnalyticsStore({ connectionString: config.databaseUrl, retentionDays, logger });
    logger.info({ store: 'postgresql', database, retentionDays }, 'analytics: recording questions and votes');
    return store;
  }
  const file = analyticsDbFile(config.dataDir);
  try {
    const store = openSqliteAnalyticsStore(file, { retentionDays, logger });
    logger.info({ store: 'sqlite', file, retentionDays }, 'analytics: recording questions and votes');
    return store;
  } catch (err) {
    logger.error(
      { file, error: (err as Error).message },
      'analytics disabled: could not open the database in DATA_DIR; replies are not affected',
    );
    return undefined;
  }
}

export function createBot(config: Config, logger: Logger, parts: BotParts = {}): Bot {
  const engines = parts.engines ?? createEngineRef(parts.engine);
  // A store the caller brings is the caller's to close.
  const ownAnalytics = parts.analytics ? undefined : openAnalytics(config, logger);
  const analytics = parts.analytics ?? ownAnalytics;
  if (analytics && config.line && !config.hashSalt) {
    logger.warn(
      'HASH_SALT is not set: user ids are hashed with a random salt for this process, so distinct-user counts are not stable across restarts',
    );
  }
  const redis = config.line && config.redisUrl ? createRedisDeduplicator({ url: config.redisUrl, logger }) : undefined;
  const deduplicator: EventDeduplicator = redis ?? createMemoryDeduplicator();
  const replies = config.line
    ? createLineReplyClient({ channelAccessToken: config.line.channelAccessToken, baseUrl: config.line.apiBaseUrl })
    : undefined;
  const dispatcher = replies
    ? createWebhookDispatcher({
        engines,
        deduplicator,
        replies,
        logger,
        ...(analytics
          ? {
              recordEvent: createEventRecorder({
                store: analytics,
                salt: config.hashSalt ?? randomSalt(),
                logger,
                isKnownEntry: (id) => engines.current()?.index.entriesById.has(id) ?? false,
              }),
            }
          : {}),
        ...(parts.replyPolicy ? { replyPolicy: parts.replyPolicy } : {}),
        pushFallback: config.pushFallback,
        ...(parts.loadingAfterMs === undefined ? {} : { loadingAfterMs: parts.loadingAfterMs }),
      })
    : undefined;
  const corpus = parts.corpus ?? createCorpusHandle();
  const eventLoop = monitorEventLoop();
  const app = createApp({
    eventLoop,
    engines,
    logger,
    corpus,
    analytics,
    adminToken: config.adminToken,
    trustProxy: config.trustProxy,
    ...(config.line && dispatcher ? { webhook: { channelSecret: config.line.channelSecret, dispatcher } } : {}),
  });

  let reloader: CorpusReloader | undefined;
  let watch: { close(): Promise<void> } | undefined;
  return {
    app,
    engines,
    corpus,
    dispatcher,
    analytics,
    async start() {
      if (parts.engine || parts.engines) return undefined;
      reloader = createCorpusReloader({
        dir: config.corpusDir,
        tokenize: parts.tokenize ?? (await createJapaneseTokenizer()),
        engines,
        logger,
        readCorpus,
        readSynonyms: readSudachiSynonyms,
      });
      const status = await reloader.reload();
      if (status.problems.length === 0) {
        corpus.attach(reloader);
        watch = reloader.watch();
      }
      return status;
    },
    async close() {
      eventLoop.close();
      await watch?.close();
      replies?.close?.();
      const closed = await Promise.allSettled([ownAnalytics?.close(), redis?.close()]);
      for (const result of closed) {
        if (result.status === 'rejected')
          logger.error({ error: (result.reason as Error).message }, 'shutdown: a store did not close');
      }
    },
  };
}
