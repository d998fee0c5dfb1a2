/**
 * The composition root: read the configuration, build the tokenizer, the corpus index and the
 * LINE clients once, wire them into the app, listen, and shut down cleanly on SIGTERM.
 */
import type { Server } from 'node:http';
import { createCorpusHandle, createCorpusReloader, type CorpusReloader } from './bot/corpus-reloader.js';
import { createEngineRef, type EngineRef } from './bot/engine-ref.js';
import { ConfigError, parseConfig, type Config } from './config.js';
import { readCorpus, readSudachiSynonyms } from './corpus/read-corpus.js';
import { createLineReplyClient } from './line/reply-client.js';
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

function shutdownOn(signal: NodeJS.Signals, server: Server, dispatcher: WebhookDispatcher | undefined, logger: Logger) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down: no new requests, finishing replies in flight');
    const force = setTimeout(() => process.exit(1), 9000);
    force.unref();
    server.close();
    server.closeIdleConnections();
    void (dispatcher?.idle() ?? Promise.resolve()).then(() => process.exit(0));
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const engines = createEngineRef();
  const dispatcher = config.line
    ? createWebhookDispatcher({
        engines,
        deduplicator: config.redisUrl ? createRedisDeduplicator({ url: config.redisUrl, logger }) : createMemoryDeduplicator(),
        replies: createLineReplyClient({ channelAccessToken: config.line.channelAccessToken, baseUrl: config.line.apiBaseUrl }),
        logger,
      })
    : undefined;
  const corpus = createCorpusHandle();
  const app = createApp({
    engines,
    logger,
    corpus,
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
  shutdownOn('SIGTERM', server, dispatcher, logger);
  shutdownOn('SIGINT', server, dispatcher, logger);
  try {
    corpus.attach(await startEngine(config, engines, logger));
  } catch (err) {
    logger.fatal({ error: (err as Error).message }, 'could not build the search engine');
    process.exit(1);
  }
}

void main();
