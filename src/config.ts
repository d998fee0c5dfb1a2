/**
 * Configuration, read and validated once at the edge from the environment. Fails fast with a
 * message naming the variable; no other module reads process.env.
 */
import path from 'node:path';
import { bundledCorpusDir } from './corpus/read-corpus.js';

export const officialLineApiBaseUrl = 'https://api.line.me';

export interface LineChannelConfig {
  readonly channelSecret: string;
  readonly channelAccessToken: string;
  readonly apiBaseUrl: string;
}

export interface Config {
  readonly port: number;
  /** undefined in local mode: no credentials, the webhook answers 503 and /api/ask serves staff. */
  readonly line: LineChannelConfig | undefined;
  readonly corpusDir: string;
  readonly logLevel: string;
  /** Redis shared by replicas for event de-duplication; undefined: each process remembers on its own. */
  readonly redisUrl: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 3000;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError('PORT', `expected a port number from 0 to 65535, got '${raw}'`);
  }
  return Number(raw);
}

function parseBaseUrl(raw: string | undefined): string {
  if (raw === undefined) return officialLineApiBaseUrl;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('LINE_API_BASE_URL', `expected an http(s) URL, got '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('LINE_API_BASE_URL', `expected an http(s) URL, got '${raw}'`);
  }
  return raw.replace(/\/+$/, '');
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Parse the environment into a Config; throws ConfigError naming the first bad variable. */
export function parseConfig(env: Env): Config {
  const port = parsePort(nonEmpty(env, 'PORT'));
  const apiBaseUrl = parseBaseUrl(nonEmpty(env, 'LINE_API_BASE_URL'));
  const channelSecret = nonEmpty(env, 'LINE_CHANNEL_SECRET');
  const channelAccessToken = nonEmpty(env, 'LINE_CHANNEL_ACCESS_TOKEN');
  if (channelSecret && !channelAccessToken) {
    throw new ConfigError('LINE_CHANNEL_ACCESS_TOKEN', 'is missing while LINE_CHANNEL_SECRET is set: set both, or neither for local mode');
  }
  if (channelAccessToken && !channelSecret) {
    throw new ConfigError('LINE_CHANNEL_SECRET', 'is missing while LINE_CHANNEL_ACCESS_TOKEN is set: set both, or neither for local mode');
  }
  if (channelSecret && !/^[0-9a-f]{32}$/i.test(channelSecret)) {
    throw new ConfigError('LINE_CHANNEL_SECRET', 'expected the 32 hexadecimal characters shown in the LINE Developers console');
  }
  const logLevel = nonEmpty(env, 'LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got '${logLevel}'`);
  }
  const corpusDir = nonEmpty(env, 'CORPUS_DIR');
  const redisUrl = nonEmpty(env, 'REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', `expected a redis:// or rediss:// URL, got '${redisUrl}'`);
  }
  return {
    port,
    line: channelSecret && channelAccessToken ? { channelSecret, channelAccessToken, apiBaseUrl } : undefined,
    corpusDir: corpusDir ? path.resolve(corpusDir) : bundledCorpusDir,
    logLevel,
    redisUrl,
  };
}
