/**
 * Configuration, read and validated once at the edge from the environment. Fails fast with a
 * message naming the variable; no other module reads process.env.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { bundledCorpusDir } from './corpus/read-corpus.js';

export const officialLineApiBaseUrl = 'https://api.line.me';
/** The host of LINE's content endpoints (rich menu images), which the SDK's blob client calls. */
export const officialLineDataApiBaseUrl = 'https://api-data.line.me';

export interface LineChannelConfig {
  readonly channelSecret: string;
  readonly channelAccessToken: string;
  readonly apiBaseUrl: string;
}

/**
 * Express's `trust proxy` (TRUST_PROXY): false; the number of proxies in front (1 for one load
 * balancer); or the addresses of the proxies (IPs, CIDR ranges, loopback, linklocal, uniquelocal).
 * Never `true`, which would believe any X-Forwarded-For a client makes up.
 */
export type TrustProxy = false | number | readonly string[];

export interface Config {
  readonly port: number;
  /** undefined in local mode: no credentials, the webhook answers 503 and /api/ask serves staff. */
  readonly line: LineChannelConfig | undefined;
  readonly corpusDir: string;
  readonly logLevel: string;
  /** Redis shared by replicas for event de-duplication; undefined: each process remembers on its own. */
  readonly redisUrl: string | undefined;
  /** DATA_DIR (default ./data), absolute: where the SQLite analytics database lives without DATABASE_URL. */
  readonly dataDir: string;
  /**
   * DATABASE_URL (postgres://…): the analytics store in PostgreSQL, shared by every instance;
   * undefined: SQLite in DATA_DIR, one file per instance.
   */
  readonly databaseUrl: string | undefined;
  /** HASH_SALT for hashing LINE user ids; undefined: a random salt per process (counts reset on restart). */
  readonly hashSalt: string | undefined;
  /** ADMIN_TOKEN (at least 16 characters); undefined: /admin is disabled (403). */
  readonly adminToken: string | undefined;
  /** ANALYTICS_RETENTION_DAYS (default 365): questions and votes older than this are deleted. */
  readonly analyticsRetentionDays: number;
  /** TRUST_PROXY (default false): whose X-Forwarded-For and X-Forwarded-Proto the server believes. */
  readonly trustProxy: TrustProxy;
  /** PUSH_FALLBACK: answers whose reply token died first go out as push messages (they count against the plan). */
  readonly pushFallback: boolean;
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

/** A variable set to blanks counts as unset, as shells and .env files easily leave them. */
function trimmed(value: unknown): unknown {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** An optional environment variable: trimmed, absent when blank. */
const variable = <T extends z.ZodType>(schema: T) => z.preprocess(trimmed, schema.optional());

/** The problem as the operator reads it (in Japanese, like every message for staff), quoting what was set. */
const expected = (what: string) => ({
  error: (issue: { input?: unknown }) => `${what}を指定してください（'${String(issue.input)}' が指定されています）`,
});

const wholeNumber = (min: number, max: number, what: string) =>
  z
    .string()
    .refine((raw) => /^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max, expected(what))
    .transform(Number);

const httpUrl = z
  .url({ protocol: /^https?$/, ...expected('http:// か https:// の URL ') })
  .transform((raw) => raw.replace(/\/+$/, ''));

/** A secret that must be long enough not to be guessed. */
const secret = z.string().min(16, {
  // zod reports too_small on a string schema with the string itself as input.
  error: (issue) =>
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- see above
    `16 文字以上にしてください（今は ${String(issue.input).length} 文字）。例: openssl rand -hex 32 で作れます`,
});

const onOff = z
  .string()
  .refine((raw) => /^(true|false)$/i.test(raw), expected('true or false'))
  .transform((raw) => raw.toLowerCase() === 'true');

const proxyNames = ['loopback', 'linklocal', 'uniquelocal'];
const trustProxyExpected =
  "前にあるプロキシの数（例: 1）、そのアドレス（例: 10.0.0.0/8,loopback）か false を指定してください（'true' は不可: どんな X-Forwarded-For でも信じてしまいます）";

/** TRUST_PROXY: false, a number of hops, or a comma-separated list of proxy addresses. */
const trustProxy = z.string().transform((raw, context): TrustProxy => {
  if (/^(false|0)$/i.test(raw)) return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const parts = raw.split(',').map((p) => p.trim());
  const valid = (p: string) => {
    const [address, bits, ...rest] = p.split('/');
    if (proxyNames.includes(p)) return true;
    const version = isIP(address ?? '');
    const maxBits = version === 4 ? 32 : 128;
    return (
      version !== 0 && rest.length === 0 && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits))
    );
  };
  if (parts.every(valid)) return parts;
  context.addIssue({ code: 'custom', message: `${trustProxyExpected}。'${raw}' が指定されています` });
  return z.NEVER;
});

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every variable either command reads, in the order problems are reported. */
const variables = {
  PORT: variable(wholeNumber(0, 65535, '0 から 65535 までのポート番号')),
  LINE_API_BASE_URL: variable(httpUrl),
  LINE_API_DATA_BASE_URL: variable(httpUrl),
  LINE_CHANNEL_SECRET: variable(
    z
      .string()
      .regex(/^[0-9a-f]{32}$/i, 'LINE Developers コンソールに表示される 32 文字の英数字（16進数）を指定してください'),
  ),
  LINE_CHANNEL_ACCESS_TOKEN: variable(z.string()),
  LOG_LEVEL: variable(z.enum(LOG_LEVELS, expected(`${LOG_LEVELS.join(', ')} のどれか`))),
  CORPUS_DIR: variable(z.string().transform((dir) => path.resolve(dir))),
  REDIS_URL: variable(z.string().regex(/^rediss?:\/\/[^\s]+$/, expected('redis:// か rediss:// の URL '))),
  // Never quoted back: the URL may hold the database's password.
  DATABASE_URL: variable(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/[^\s]+$/,
        'postgres:// または postgresql:// で始まる URL を指定してください（値はパスワードを含みうるため表示しません）',
      ),
  ),
  HASH_SALT: variable(secret),
  ADMIN_TOKEN: variable(secret),
  ANALYTICS_RETENTION_DAYS: variable(wholeNumber(1, 36_500, '1 から 36500 までの日数')),
  TRUST_PROXY: variable(trustProxy),
  PUSH_FALLBACK: variable(onOff),
};

const serverEnv = z
  .object(variables)
  .omit({ LINE_API_DATA_BASE_URL: true })
  .superRefine((env, context) => {
    // The webhook needs both credentials, local mode neither.
    for (const [set, missing] of [
      ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN'],
      ['LINE_CHANNEL_ACCESS_TOKEN', 'LINE_CHANNEL_SECRET'],
    ] as const) {
      if (env[set] !== undefined && env[missing] === undefined) {
        const message = `${set} が設定されているのに、これがありません: 両方を設定するか、ローカルモードならどちらも設定しないでください`;
        context.addIssue({ code: 'custom', path: [missing], message });
      }
    }
    // Instances sharing one database must hash a citizen alike, or the report counts one as several.
    if (env.DATABASE_URL !== undefined && env.HASH_SALT === undefined) {
      const message =
        'DATABASE_URL を使うときは必須です。すべてのインスタンスに同じ値を設定してください（例: openssl rand -hex 32）。インスタンスごとに違うと、同じ市民がレポートで別人として数えられます';
      context.addIssue({ code: 'custom', path: ['HASH_SALT'], message });
    }
  });

const lineSetupEnv = z.object(variables).pick({
  LINE_CHANNEL_ACCESS_TOKEN: true,
  LINE_API_BASE_URL: true,
  LINE_API_DATA_BASE_URL: true,
  CORPUS_DIR: true,
});

/** The environment through a schema; throws ConfigError naming the first bad variable. */
function parseEnv<T extends z.ZodType>(schema: T, env: Env): z.output<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new ConfigError(String(issue?.path[0]), issue?.message ?? 'invalid');
}

/**
 * DATABASE_URL as `npm run report` reads it (the same check as the bot's); undefined when unset.
 * Throws ConfigError naming it when it is not a postgres:// URL.
 */
export function parseDatabaseUrl(env: Env): string | undefined {
  return parseEnv(z.object(variables).pick({ DATABASE_URL: true }), env).DATABASE_URL;
}

/** DATA_DIR as an absolute path (default ./data); `npm run report` reads it the same way. */
export function parseDataDir(env: Env): string {
  const dataDir = trimmed(env.DATA_DIR);
  return path.resolve(typeof dataDir === 'string' ? dataDir : 'data');
}

/** Parse the environment into a Config; throws ConfigError naming the first bad variable. */
export function parseConfig(env: Env): Config {
  const parsed = parseEnv(serverEnv, env);
  const { LINE_CHANNEL_SECRET: channelSecret, LINE_CHANNEL_ACCESS_TOKEN: channelAccessToken } = parsed;
  const apiBaseUrl = parsed.LINE_API_BASE_URL ?? officialLineApiBaseUrl;
  return {
    port: parsed.PORT ?? 3000,
    line: channelSecret && channelAccessToken ? { channelSecret, channelAccessToken, apiBaseUrl } : undefined,
    corpusDir: parsed.CORPUS_DIR ?? bundledCorpusDir,
    logLevel: parsed.LOG_LEVEL ?? 'info',
    redisUrl: parsed.REDIS_URL,
    dataDir: parseDataDir(env),
    databaseUrl: parsed.DATABASE_URL,
    hashSalt: parsed.HASH_SALT,
    adminToken: parsed.ADMIN_TOKEN,
    analyticsRetentionDays: parsed.ANALYTICS_RETENTION_DAYS ?? 365,
    trustProxy: parsed.TRUST_PROXY ?? false,
    pushFallback: parsed.PUSH_FALLBACK ?? false,
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
  const parsed = parseEnv(lineSetupEnv, env);
  return {
    channelAccessToken: parsed.LINE_CHANNEL_ACCESS_TOKEN,
    apiBaseUrl: parsed.LINE_API_BASE_URL ?? officialLineApiBaseUrl,
    dataApiBaseUrl: parsed.LINE_API_DATA_BASE_URL ?? officialLineDataApiBaseUrl,
    corpusDir: parsed.CORPUS_DIR ?? bundledCorpusDir,
  };
}
