import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactPassword } from '../src/config.js';
import { DEMO_CATALOG_PATH } from '../src/store/catalog-files.js';

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has defaults for a first start', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      database: { dialect: 'sqlite', path: './data/psc.sqlite' },
      catalogPath: DEMO_CATALOG_PATH,
      logLevel: 'info',
      instance: 'global',
      bootstrapToken: undefined,
    });
  });

  it('reads every variable', () => {
    const token = 'a'.repeat(40);
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://psc:secret@db:5432/psc',
      CATALOG_PATH: '/etc/psc/catalog',
      LOG_LEVEL: 'debug',
      PSC_INSTANCE: 'usgov',
      PSC_BOOTSTRAP_TOKEN: token,
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      database: { dialect: 'postgres', connectionString: 'postgres://psc:secret@db:5432/psc' },
      databaseUrl: 'postgres://psc:***@db:5432/psc',
      catalogPath: '/etc/psc/catalog',
      logLevel: 'debug',
      instance: 'usgov',
      bootstrapToken: token,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number from 0 to 65535, not "abc"$/],
    [{ PORT: '70000' }, /^PORT must be/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must be sqlite:<path>/],
    [{ DATABASE_URL: 'sqlite:' }, /^DATABASE_URL must be/],
    [
      { LOG_LEVEL: 'loud' },
      /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"$/,
    ],
    [{ PSC_INSTANCE: 'china' }, /^PSC_INSTANCE must be one of global, usgov, not "china"$/],
    [{ PSC_BOOTSTRAP_TOKEN: 'short' }, /^PSC_BOOTSTRAP_TOKEN must be at least 32/],
    [{ PSC_TRUST_PROXY: 'yes' }, /^PSC_TRUST_PROXY must be true, false, a number/],
    [{ PSC_TRUST_PROXY: '10.0.0.0/33' }, /^PSC_TRUST_PROXY must be/],
    [{ PSC_TRUST_PROXY: '11' }, /^PSC_TRUST_PROXY must be/],
    [{ PSC_TRUST_PROXY: '10.0.0.1,proxy.example' }, /^PSC_TRUST_PROXY must be/],
    [{ PSC_HEADERS_TIMEOUT_MS: '0' }, /^PSC_HEADERS_TIMEOUT_MS must be a whole number from 1000/],
    [{ PSC_REQUEST_TIMEOUT_MS: '1.5' }, /^PSC_REQUEST_TIMEOUT_MS must be a whole number/],
    [{ PSC_IDLE_TIMEOUT_MS: '-1' }, /^PSC_IDLE_TIMEOUT_MS must be a whole number/],
    [
      { PSC_HEADERS_TIMEOUT_MS: '20000', PSC_REQUEST_TIMEOUT_MS: '10000' },
      /^PSC_HEADERS_TIMEOUT_MS \(20000\) must not be longer than PSC_REQUEST_TIMEOUT_MS \(10000\)$/,
    ],
  ])('refuses %o in one line naming the variable', (env, message) => {
    const text = refusal(env);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('answers list pages in one page worker on a SQLite file, none elsewhere, unless told', () => {
    expect(loadConfig({}).readWorkers).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).readWorkers).toBe(0);
    expect(loadConfig({ DATABASE_URL: 'postgres://psc@db/psc' }).readWorkers).toBe(0);
    expect(loadConfig({ PSC_READ_WORKERS: '0' }).readWorkers).toBe(0);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://psc@db/psc', PSC_READ_WORKERS: '3' }).readWorkers,
    ).toBe(3);
    expect(refusal({ PSC_READ_WORKERS: '17' })).toMatch(
      /^PSC_READ_WORKERS must be a whole number from 0 to 16/,
    );
    expect(refusal({ DATABASE_URL: 'sqlite::memory:', PSC_READ_WORKERS: '1' })).toBe(
      'PSC_READ_WORKERS must be 0 for an in-memory database (sqlite::memory:).',
    );
  });

  it('trusts no proxy unless told which', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ PSC_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ PSC_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ PSC_TRUST_PROXY: '10.0.0.0/8, loopback,::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      'loopback',
      '::1',
    ]);
  });

  it('gives clients bounded time to send a request, and takes other bounds', () => {
    expect(loadConfig({}).timeouts).toEqual({
      headersMs: 10_000,
      requestMs: 30_000,
      idleMs: 60_000,
    });
    expect(
      loadConfig({
        PSC_HEADERS_TIMEOUT_MS: '5000',
        PSC_REQUEST_TIMEOUT_MS: '120000',
        PSC_IDLE_TIMEOUT_MS: '90000',
      }).timeouts,
    ).toEqual({ headersMs: 5000, requestMs: 120_000, idleMs: 90_000 });
  });

  it('reads the webhook settings and the secret key, and refuses what they cannot be', () => {
    expect(loadConfig({}).webhooks).toEqual({
      allowPrivate: false,
      retryDelaysMs: [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000],
      concurrencyPerEndpoint: 8,
      pollIntervalMs: 250,
      timeoutMs: 15_000,
    });
    const key = Buffer.alloc(32, 7);
    const config = loadConfig({
      PSC_WEBHOOK_ALLOW_PRIVATE: 'true',
      PSC_WEBHOOK_RETRY_DELAYS: '1s, 500ms,2m',
      PSC_SECRET_KEY: key.toString('base64'),
      PSC_SECRET_KEY_PREVIOUS: `${Buffer.alloc(32, 1).toString('hex')},${Buffer.alloc(32, 2).toString('base64')}`,
    });
    expect(config.webhooks).toMatchObject({
      allowPrivate: true,
      retryDelaysMs: [1000, 500, 120_000],
    });
    expect(config.secretKey?.equals(key)).toBe(true);
    expect(config.previousSecretKeys).toHaveLength(2);

    expect(refusal({ PSC_WEBHOOK_RETRY_DELAYS: '1s,soon' })).toContain('PSC_WEBHOOK_RETRY_DELAYS');
    expect(refusal({ PSC_WEBHOOK_RETRY_DELAYS: '8d' })).toContain('7d');
    expect(refusal({ PSC_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toContain('PSC_WEBHOOK_ALLOW_PRIVATE');
    expect(refusal({ PSC_SECRET_KEY: 'short' })).toContain('openssl rand -base64 32');
    expect(refusal({ PSC_SECRET_KEY_PREVIOUS: `${'ab'.repeat(32)},nope` })).toContain(
      'PSC_SECRET_KEY_PREVIOUS',
    );
    expect(refusal({ PSC_WEBHOOK_TIMEOUT_MS: '10' })).toContain('PSC_WEBHOOK_TIMEOUT_MS');
  });

  it('serves metrics only when told how: a token, a port of their own, or both', () => {
    expect(loadConfig({}).metrics).toEqual({
      token: undefined,
      port: undefined,
      host: '127.0.0.1',
    });
    const token = 'm'.repeat(16);
    expect(
      loadConfig({ PSC_METRICS_TOKEN: token, PSC_METRICS_PORT: '9464', PSC_METRICS_HOST: '::' })
        .metrics,
    ).toEqual({ token, port: 9464, host: '::' });
    expect(refusal({ PSC_METRICS_TOKEN: 'short' })).toMatch(
      /^PSC_METRICS_TOKEN must be at least 16/,
    );
    expect(refusal({ PSC_METRICS_TOKEN: `${token} x` })).toContain('without spaces');
    expect(refusal({ PSC_METRICS_PORT: '0' })).toContain('PSC_METRICS_PORT');
  });

  it('never shows a database password', () => {
    expect(redactPassword('postgresql://u:p%40ss@h/db')).toBe('postgresql://u:***@h/db');
    expect(redactPassword('sqlite:./data/psc.sqlite')).toBe('sqlite:./data/psc.sqlite');
  });
});
