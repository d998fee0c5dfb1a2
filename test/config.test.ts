import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, officialLineApiBaseUrl, parseConfig } from '../src/config.js';

const secret = '8c570fa6dd201bb328f1c1eac23a96d8';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('starts in local mode on port 3000 with no variables set', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.line).toBeUndefined();
  });

  it('enables the webhook with both credentials, against the official API by default', () => {
    const config = parseConfig({ LINE_CHANNEL_SECRET: secret, LINE_CHANNEL_ACCESS_TOKEN: 'token', PORT: '8080' });
    expect(config.port).toBe(8080);
    expect(config.line).toEqual({
      channelSecret: secret,
      channelAccessToken: 'token',
      apiBaseUrl: officialLineApiBaseUrl,
    });
  });

  it('refuses one credential without the other, naming the missing variable', () => {
    expect(errorOf({ LINE_CHANNEL_SECRET: secret }).variable).toBe('LINE_CHANNEL_ACCESS_TOKEN');
    expect(errorOf({ LINE_CHANNEL_ACCESS_TOKEN: 'token' }).variable).toBe('LINE_CHANNEL_SECRET');
  });

  it('refuses a port that is not a number and a base URL that is not a URL', () => {
    expect(errorOf({ PORT: 'eighty' }).message).toMatch(/^PORT: .*'eighty'/);
    expect(errorOf({ LINE_API_BASE_URL: 'not a url' }).variable).toBe('LINE_API_BASE_URL');
    expect(errorOf({ LINE_API_BASE_URL: 'ftp://example.test' }).variable).toBe('LINE_API_BASE_URL');
  });

  it('takes a blank variable as unset and trims the others', () => {
    const config = parseConfig({ PORT: ' 8080 ', LOG_LEVEL: '  ', LINE_API_BASE_URL: 'http://127.0.0.1:9/' });
    expect(config.port).toBe(8080);
    expect(config.logLevel).toBe('info');
    expect(
      parseConfig({
        LINE_CHANNEL_SECRET: secret,
        LINE_CHANNEL_ACCESS_TOKEN: 'token',
        LINE_API_BASE_URL: 'http://127.0.0.1:9/',
      }).line?.apiBaseUrl,
    ).toBe('http://127.0.0.1:9');
  });

  it('refuses a log level or a Redis URL it does not know, quoting it', () => {
    expect(errorOf({ LOG_LEVEL: 'loud' }).message).toBe(
      "LOG_LEVEL: fatal, error, warn, info, debug, trace, silent のどれかを指定してください（'loud' が指定されています）",
    );
    expect(errorOf({ REDIS_URL: 'http://cache' }).message).toBe(
      "REDIS_URL: redis:// か rediss:// の URL を指定してください（'http://cache' が指定されています）",
    );
  });

  it('refuses a channel secret that is not the 32 hex characters LINE issues', () => {
    expect(errorOf({ LINE_CHANNEL_SECRET: 'secret', LINE_CHANNEL_ACCESS_TOKEN: 'token' }).variable).toBe(
      'LINE_CHANNEL_SECRET',
    );
  });
});

describe('parseConfig for analytics and admin', () => {
  it('keeps analytics in ./data with no salt and admin disabled when nothing is set', () => {
    const config = parseConfig({});
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.hashSalt).toBeUndefined();
    expect(config.adminToken).toBeUndefined();
  });

  it('reads DATA_DIR, HASH_SALT and ADMIN_TOKEN', () => {
    const config = parseConfig({
      DATA_DIR: '/var/lib/bot',
      HASH_SALT: 'salt-0123456789abcdef',
      ADMIN_TOKEN: 'admin-0123456789abcdef',
    });
    expect(config.dataDir).toBe('/var/lib/bot');
    expect(config.hashSalt).toBe('salt-0123456789abcdef');
    expect(config.adminToken).toBe('admin-0123456789abcdef');
  });

  it('keeps questions and votes 365 days unless ANALYTICS_RETENTION_DAYS says otherwise', () => {
    expect(parseConfig({}).analyticsRetentionDays).toBe(365);
    expect(parseConfig({ ANALYTICS_RETENTION_DAYS: '90' }).analyticsRetentionDays).toBe(90);
    for (const bad of ['0', '-5', '1.5', 'forever', '36501']) {
      expect(errorOf({ ANALYTICS_RETENTION_DAYS: bad }).message).toMatch(
        /^ANALYTICS_RETENTION_DAYS: 1 から 36500 までの日数を指定してください/,
      );
    }
  });

  it('keeps analytics in SQLite unless DATABASE_URL names a PostgreSQL database', () => {
    expect(parseConfig({}).databaseUrl).toBeUndefined();
    const url = 'postgres://bot:pw@db.internal:5432/komoro';
    expect(parseConfig({ DATABASE_URL: url, HASH_SALT: 'salt-0123456789abcdef' }).databaseUrl).toBe(url);
  });

  it('refuses a DATABASE_URL that is not postgres://, without quoting it (it may hold a password)', () => {
    const error = errorOf({ DATABASE_URL: 'mysql://bot:s3cret@db/komoro', HASH_SALT: 'salt-0123456789abcdef' });
    expect(error.variable).toBe('DATABASE_URL');
    expect(error.message).toContain('postgres://');
    expect(error.message).not.toContain('s3cret');
  });

  it('refuses PostgreSQL without HASH_SALT: instances sharing the report must hash a citizen alike', () => {
    const error = errorOf({ DATABASE_URL: 'postgres://db/komoro' });
    expect(error.variable).toBe('HASH_SALT');
    expect(error.message).toMatch(/^HASH_SALT: DATABASE_URL を使うときは必須です/);
  });

  it('refuses an ADMIN_TOKEN or HASH_SALT shorter than 16 characters, naming the variable', () => {
    expect(errorOf({ ADMIN_TOKEN: 'short' }).message).toMatch(/^ADMIN_TOKEN: 16 文字以上にしてください/);
    expect(errorOf({ HASH_SALT: 'short' }).variable).toBe('HASH_SALT');
  });
});

describe('parseConfig for TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('reads a number of proxies, or their addresses and ranges', () => {
    expect(parseConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
  });

  it("refuses 'true', which would believe any X-Forwarded-For, and what is not an address", () => {
    for (const bad of ['true', 'proxy.example.com', '10.0.0.0/33', '1.2.3']) {
      expect(errorOf({ TRUST_PROXY: bad }).message).toMatch(/^TRUST_PROXY: 前にあるプロキシの数/);
    }
  });
});
