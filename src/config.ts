/**
 * Configuration, read and validated once at the edge from the environment. Fails fast with a
 * message naming the variable; no other module reads process.env.
 */
import path from 'node:path';
import { bundledCorpusDir } from './corpus/read-corpus.js';

export const officialLineApiBaseUrl = 'https://api.line.me';
/** The host of LINE's content endpoints (rich menu images), which the SDK's blob client calls. */
export const officialLineDataApiBaseUrl = 'https://api-data.line.me';

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
  /** DATA_DIR (default ./data), absolute: where the analytics database lives. */
  readonly dataDir: string;
  /** HASH_SALT for hashing LINE user ids; undefined: a random salt per process (counts reset on restart). */
  readonly hashSalt: string | undefined;
  /** ADMIN_TOKEN (at least 16 characters); undefined: /admin is disabled (403). */
  readonly adminToken: string | undefined;
  /** ANALYTICS_RETENTION_DAYS (default 365): questions and votes older than this are deleted. */
  readonly analyticsRetentionDays: number;
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

function parseBaseUrl(
  raw: string | undefined,
  variable = 'LINE_API_BASE_URL',
  fallback = officialLineApiBaseUrl,
): string {
  if (raw === undefined) return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `expected an http(s) URL, got '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(variable, `expected an http(s) URL, got '${raw}'`);
  }
  return raw.replace(/\/+$/, '');
}

/** DATA_DIR as an absolute path (default ./data); `npm run report` reads it the same way. */
export function parseDataDir(env: Env): string {
  return path.resolve(nonEmpty(env, 'DATA_DIR') ?? 'data');
}

/** A secret that must be long enough not to be guessed, or absent. */
function optionalSecret(env: Env, name: string, minLength: number): string | undefined {
  const value = nonEmpty(env, name);
  if (value !== undefined && value.length < minLength) {
    throw new ConfigError(
      name,
      `must be at least ${minLength} characters (got ${value.length}); e.g. openssl rand -hex 32`,
    );
  }
  return value;
}

/** Whole days, from 1 to 36,500 (a hundred years); `fallback` when unset. */
function parseDays(env: Env, name: string, fallback: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 36_500) {
    throw new ConfigError(name, `expected a whole number of days from 1 to 36500, got '${raw}'`);
  }
  return Number(raw);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Parse the environment into a Config; throws ConfigError naming the first bad variable. */
export function parseConfig(env: Env): Config {
  const port = parsePort(nonEmpty(env, 'PORT'));
  const apiBaseUrl = parseBaseUrl(nonEmpty(env, 'LINE_API_BASE_URL'));
  const channelSecret = nonEmpty(env, 'LINE_CHANNEL_SECRET');
  const channelAccessToken = nonEmpty(env, 'LINE_CHANNEL_ACCESS_TOKEN');
  if (channelSecret && !channelAccessToken) {
    throw new ConfigError(
      'LINE_CHANNEL_ACCESS_TOKEN',
      'is missing while LINE_CHANNEL_SECRET is set: set both, or neither for local mode',
    );
  }
  if (channelAccessToken && !channelSecret) {
    throw new ConfigError(
      'LINE_CHANNEL_SECRET',
      'is missing while LINE_CHANNEL_ACCESS_TOKEN is set: set both, or neither for local mode',
    );
  }
  if (channelSecret && !/^[0-9a-f]{32}$/i.test(channelSecret)) {
    throw new ConfigError(
      'LINE_CHANNEL_SECRET',
      'expected the 32 hexadecimal characters shown in the LINE Developers console',
    );
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
    dataDir: parseDataDir(env),
    hashSalt: optionalSecret(env, 'HASH_SALT', 16),
    adminToken: optionalSecret(env, 'ADMIN_TOKEN', 16),
    analyticsRetentionDays: parseDays(env, 'ANALYTICS_RETENTION_DAYS', 365),
  };
}

/** What `npm run line:setup` needs: the access token (not the secret) and both API hosts. */
export interface LineSetupConfig {
  /** undefined when LINE_CHANNEL_ACCESS_TOKEN is not set (enough for --dry-run). */
  readonly channelAccessToken: string | undefined;
  readonly apiBaseUrl: string;
  /** LINE_API_DATA_BASE_URL, default https://api-data.line.me (rich menu image upload). */
  readonly dataApiBaseUrl: string;
  readonly corpusDir: string;
}

/** Parse the environment for `npm run line:setup`; throws ConfigError naming the first bad variable. */
export function parseLineSetupConfig(env: Env): LineSetupConfig {
  const corpusDir = nonEmpty(env, 'CORPUS_DIR');
  return {
    channelAccessToken: nonEmpty(env, 'LINE_CHANNEL_ACCESS_TOKEN'),
    apiBaseUrl: parseBaseUrl(nonEmpty(env, 'LINE_API_BASE_URL')),
    dataApiBaseUrl: parseBaseUrl(
      nonEmpty(env, 'LINE_API_DATA_BASE_URL'),
      'LINE_API_DATA_BASE_URL',
      officialLineDataApiBaseUrl,
    ),
    corpusDir: corpusDir ? path.resolve(corpusDir) : bundledCorpusDir,
  };
}
