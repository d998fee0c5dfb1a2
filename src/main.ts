/**
 * The process: read the configuration, build the bot (bot/create-bot.ts), listen at once (so
 * /healthz answers while the tokenizer and the index are built), and shut down cleanly on SIGTERM.
 * Two log lines tell the start apart from readiness: `listening` (the port is open; /healthz and
 * /api/ask answer 503 "starting") and, seconds later, `ready` (the engine answers). The log is
 * for engineers and stays English; a configuration error is printed for whoever starts the bot.
 */
import type { Server } from 'node:http';
import { createBot, type Bot } from './bot/create-bot.js';
import { ConfigError, parseConfig, type Config } from './config.js';
import { backgroundStdout } from './log-destination.js';
import { createLogger, type Logger } from './logger.js';

function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`設定の誤り (configuration error): ${err.message}`);
      process.exit(2);
    }
    throw err;
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
function shutdownOn(signal: NodeJS.Signals, server: Server, bot: Bot, logger: Logger) {
  const { dispatcher } = bot;
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
      await bot.close();
      logger.info({ unfinished, ms: Date.now() - started }, 'shut down');
      process.exit(unfinished > 0 ? 1 : 0);
    })();
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, backgroundStdout());
  const bot = createBot(config, logger);
  let url = `http://localhost:${config.port}`;
  const server = bot.app.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = `http://localhost:${port}`;
    logger.info({ port }, `listening on ${url}; starting: /healthz answers 503 until the "ready" line`);
    if (!config.line) {
      logger.warn('local mode: LINE credentials are not set, so POST /webhook answers 503; ask at /api/ask?q=...');
    }
  });
  shutdownOn('SIGTERM', server, bot, logger);
  shutdownOn('SIGINT', server, bot, logger);
  const started = performance.now();
  try {
    const status = await bot.start();
    if (status && status.problems.length > 0) {
      logger.fatal({ problems: status.problems }, 'the corpus is invalid; fix it (npm run corpus:check) and restart');
      process.exit(1);
    }
    logger.info(
      { entries: status?.entries, corpusDir: config.corpusDir, ms: Math.round(performance.now() - started) },
      `ready: tokenizer and index ready, answering; preview at ${url}/preview`,
    );
  } catch (err) {
    logger.fatal({ error: (err as Error).message }, 'could not build the search engine');
    process.exit(1);
  }
}

void main();
