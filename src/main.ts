/**
 * The composition root: read the configuration, build the tokenizer, the corpus index and the
 * LINE clients once, wire them into the app, listen, and shut down cleanly on SIGTERM.
 */
import type { Server } from 'node:http';
import type { AnalyticsStore } from './analytics/analytics-store.js';
import { createEventRecorder } from './analytics/record-event.js';
import { analyticsDbFile, openSqliteAnalyticsStore } from './analytics/sqlite-analytics-store.js';
import { randomSalt } from './analytics/user-hash.js';
import { createCorpusHandle, createCorpusReloader, type CorpusReloader } from './bot/corpus-reloader.js';
import { createEngineRef, type EngineRef } from './bot/engine-ref.js';
import { ConfigError, parseConfig, type Config } from './config.js';
import { readCorpus, readSudachiSynonyms } from './corpus/read-corpus.js';
import { createLineReplyClient } from './line/reply-client.js';
import { backgroundStdout } from './log-destination.js';
import { createLogger, type Logger } from './logger.js';
import { createJapaneseTokenizer } from './search/japanese-tokenizer.js';
import { createApp } from './server/create-app.js';
import { createMemoryDeduplicator } from './server/event-deduplicator.js';
import { createRedisDeduplicator } from './server/redis-deduplicator.js';
import { createWebhookDispatcher, type WebhookDispatcher } from './server/webhook-dispatcher.js';

function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
}

/**
 * Build the tokenizer, then load and index the corpus through the reloader, which from then on
 * watches the corpus directory. Start-up fails on an invalid corpus: there is no last good one yet.
 */
async function startEngine(config: Config, engines: EngineRef, logger: Logger): Promise<CorpusReloader> {
  const started = performance.now();
  const reloader = createCorpusReloader({
    dir: config.corpusDir,
    tokenize: await createJapaneseTokenizer(),
    engines,
    logger,
    readCorpus,
    readSynonyms: readSudachiSynonyms,
  });
  const status = await reloader.reload();
  if (status.problems.length > 0) {
    logger.fatal({ problems: status.problems }, 'the corpus is invalid; fix it (npm run corpus:check) and restart');
    process.exit(1);
  }
  logger.info(
    { entries: status.entries, corpusDir: config.corpusDir, ms: Math.round(performance.now() - started) },
    'tokenizer and index ready',
  );
  reloader.watch();
  return reloader;
}

/**
 * Open the analytics store when there is something to record (the webhook) or someone to read it
 * (ADMIN_TOKEN). If it cannot be opened the bot still answers citizens: the error is logged and
 * /admin/report answers 503.
 */
async function openAnalytics(config: Config, logger: Logger): Promise<AnalyticsStore | undefined> {
  if (!config.line && !config.adminToken) return undefined;
  const file = analyticsDbFile(config.dataDir);
  try {
    const store = openSqliteAnalyticsStore(file, { retentionDays: config.analyticsRetentionDays, logger });
    logger.info({ file, retentionDays: config.analyticsRetentionDays }, 'analytics: recording questions and votes');
    return store;
  } catch (err) {
    logger.error(
      { file, error: (err as Error).message },
      'analytics disabled: could not open the database in DATA_DIR; replies are not affected',
    );
    return undefined;
  }
}

/** Shutdown budget from the signal (ms): replies stop retrying, the drain ends, the process is forced out. */
const shutdownBudget = { repliesBy: 8000, waitUntil: 8800, forceExit: 9500 };
let shuttingDown = false;

/**
 * On the signal: refuse new webhooks (503, LINE redelivers them), stop accepting connections,
 * finish the replies in flight (their retries cut at 8 s), close the stores, exit 0; at 9.5 s exit 1
 * whatever is left, logging how many events were unfinished.
 */
function shutdownOn(
  signal: NodeJS.Signals,
  server: Server,
  dispatcher: WebhookDispatcher | undefined,
  logger: Logger,
  ...stores: ({ close(): Promise<void> | void } | undefined)[]
) {
  process.once(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    const started = Date.now();
    logger.info(
      { signal, inFlight: dispatcher?.inFlight ?? 0 },
      'shutting down: no new requests, finishing replies in flight',
    );
    const force = setTimeout(() => {
      logger.error({ unfinished: dispatcher?.inFlight ?? 0 }, 'shutdown: out of time, exiting with events unfinished');
      process.exit(1);
    }, shutdownBudget.forceExit);
    force.unref();
    const drained = dispatcher?.drain({
      repliesBy: started + shutdownBudget.repliesBy,
      waitUntil: started + shutdownBudget.waitUntil,
    });
    server.close();
    server.closeIdleConnections();
    void (async () => {
      const { unfinished } = (await drained) ?? { unfinished: 0 };
      if (unfinished > 0) logger.error({ unfinished }, 'shutdown: events still unfinished after the drain');
      const closed = await Promise.allSettled(stores.map(async (store) => store?.close()));
      for (const result of closed) {
        if (result.status === 'rejected')
          logger.error({ error: (result.reason as Error).message }, 'shutdown: a store did not close');
      }
      logger.info({ unfinished, ms: Date.now() - started }, 'shut down');
      process.exit(unfinished > 0 ? 1 : 0);
    })();
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, backgroundStdout());
  const engines = createEngineRef();
  const analytics = await openAnalytics(config, logger);
  if (analytics && config.line && !config.hashSalt) {
    logger.warn(
      'HASH_SALT is not set: user ids are hashed with a random salt for this process, so distinct-user counts are not stable across restarts',
    );
  }
  const hashSalt = config.hashSalt ?? randomSalt();
  const redisDeduplicator =
    config.line && config.redisUrl ? createRedisDeduplicator({ url: config.redisUrl, logger }) : undefined;
  const dispatcher = config.line
    ? createWebhookDispatcher({
        engines,
        deduplicator: redisDeduplicator ?? createMemoryDeduplicator(),
        replies: createLineReplyClient({
          channelAccessToken: config.line.channelAccessToken,
          baseUrl: config.line.apiBaseUrl,
        }),
        logger,
        ...(analytics ? { recordEvent: createEventRecorder({ store: analytics, salt: hashSalt, logger }) } : {}),
      })
    : undefined;
  const corpus = createCorpusHandle();
  const app = createApp({
    engines,
    logger,
    corpus,
    analytics,
    adminToken: config.adminToken,
    ...(config.line && dispatcher ? { webhook: { channelSecret: config.line.channelSecret, dispatcher } } : {}),
  });
  const server = app.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ port }, `listening on http://localhost:${port}`);
    if (!config.line) {
      logger.warn('local mode: LINE credentials are not set, so POST /webhook answers 503; ask at /api/ask?q=...');
    }
  });
  shutdownOn('SIGTERM', server, dispatcher, logger, analytics, redisDeduplicator);
  shutdownOn('SIGINT', server, dispatcher, logger, analytics, redisDeduplicator);
  try {
    corpus.attach(await startEngine(config, engines, logger));
  } catch (err) {
    logger.fatal({ error: (err as Error).message }, 'could not build the search engine');
    process.exit(1);
  }
}

void main();
