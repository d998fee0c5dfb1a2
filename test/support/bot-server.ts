/**
 * Runs the real bot on loopback for integration tests, built by the production composition root
 * (createBot): the real engine on the bundled corpus, the real reply client pointed at a fake
 * Messaging API, an in-memory analytics store, logs captured in memory.
 */
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { createMemoryAnalyticsStore, type AnalyticsStore } from '../../src/analytics/analytics-store.js';
import { createBot } from '../../src/bot/create-bot.js';
import type { CorpusHandle } from '../../src/bot/corpus-reloader.js';
import { createEngine, type Engine } from '../../src/bot/engine.js';
import type { EngineRef } from '../../src/bot/engine-ref.js';
import type { Config } from '../../src/config.js';
import { bundledCorpusDir, readCorpus, readSudachiSynonyms } from '../../src/corpus/read-corpus.js';
import type { ReplyPolicyOptions } from '../../src/line/retrying-reply-client.js';
import type { WebhookDispatcher } from '../../src/line/webhook-dispatcher.js';
import { createLogger } from '../../src/logger.js';
import type { webhook } from '@line/bot-sdk';
import { fakeChannelAccessToken } from './fake-line-api.js';
import { callbackBody, sign } from './webhook-fixtures.js';
import { realTokenizer } from './tokenizer.js';

export const testChannelSecret = '0123456789abcdef0123456789abcdef';

let sharedEngine: Promise<Engine> | undefined;
/**
 * The engine on the bundled corpus, as `loadEngine()` builds it, but on the worker's shared
 * tokenizer (see tokenizer.ts): built once per test worker, not once per file.
 */
export function bundledEngine(): Promise<Engine> {
  sharedEngine ??= Promise.all([
    realTokenizer(),
    readCorpus(bundledCorpusDir),
    readSudachiSynonyms(bundledCorpusDir),
  ]).then(([tokenize, corpus, synonyms]) => createEngine(corpus, tokenize, synonyms));
  return sharedEngine;
}

export interface BotServer {
  readonly url: string;
  readonly engines: EngineRef;
  readonly dispatcher: WebhookDispatcher | undefined;
  /** The analytics store the webhook records into and /admin/report reads. */
  readonly analytics: AnalyticsStore;
  /** Every log line written so far, as JSON text. */
  readonly logs: string[];
  close(): Promise<void>;
}

export interface BotServerOptions {
  /** Base URL of the fake Messaging API; omit for local mode (no credentials). */
  readonly lineApiBaseUrl?: string;
  /** The engine to serve; omit to start with none (not ready yet). */
  readonly engine?: Engine;
  /** Defaults to a fresh in-memory store. */
  readonly analytics?: AnalyticsStore;
  /** ADMIN_TOKEN; omit to disable /admin. */
  readonly adminToken?: string;
  /** HASH_SALT; defaults to a fixed test salt. */
  readonly hashSalt?: string;
  /** Reply timeout, attempts and backoff; defaults to production's. Fault tests shorten them. */
  readonly replyPolicy?: ReplyPolicyOptions;
  /** When a 1:1 chat waiting for a retry sees the loading animation; defaults to production's 1 s. */
  readonly loadingAfterMs?: number;
  /** The live corpus behind /api/status and POST /admin/reload; omit for none. */
  readonly corpus?: CorpusHandle;
  /** The engine holder to serve from (a corpus reloader's); defaults to one holding `engine`. */
  readonly engines?: EngineRef;
  /** PUSH_FALLBACK; default false. */
  readonly pushFallback?: boolean;
}

export const testHashSalt = 'test-hash-salt-0123456789';

/** POSTs `events` as one webhook signed with the test channel secret; resolves with the status once answered. */
export async function postEvents(botUrl: string, events: readonly webhook.Event[]): Promise<number> {
  const body = JSON.stringify(callbackBody(events));
  const res = await fetch(`${botUrl}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': sign(body, testChannelSecret) },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  const config: Config = {
    port: 0,
    line: options.lineApiBaseUrl
      ? {
          channelSecret: testChannelSecret,
          channelAccessToken: fakeChannelAccessToken,
          apiBaseUrl: options.lineApiBaseUrl,
        }
      : undefined,
    corpusDir: bundledCorpusDir,
    logLevel: 'debug',
    redisUrl: undefined,
    dataDir: tmpdir(),
    databaseUrl: undefined,
    hashSalt: options.hashSalt ?? testHashSalt,
    adminToken: options.adminToken,
    analyticsRetentionDays: 365,
    trustProxy: false,
    pushFallback: options.pushFallback ?? false,
  };
  const analytics = options.analytics ?? createMemoryAnalyticsStore();
  const bot = createBot(config, createLogger('debug', sink), {
    analytics,
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.engines ? { engines: options.engines } : {}),
    ...(options.corpus ? { corpus: options.corpus } : {}),
    ...(options.replyPolicy ? { replyPolicy: options.replyPolicy } : {}),
    ...(options.loadingAfterMs === undefined ? {} : { loadingAfterMs: options.loadingAfterMs }),
  });
  const server = bot.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    engines: bot.engines,
    dispatcher: bot.dispatcher,
    analytics,
    logs,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      await bot.close();
    },
  };
}
