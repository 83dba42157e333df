import { INSTANCES, type Instance } from './domain/partner.js';
import { DEFAULT_TIMEOUTS, type ServerTimeouts } from './http/timeouts.js';
import { MIN_PASSWORD_LENGTH } from './domain/user.js';
import { parseDatabaseUrl, type DatabaseTarget } from './store/database-url.js';
import { DEMO_CATALOG_PATH } from './store/catalog-files.js';
import { isIP } from 'node:net';
import {
  ATTEMPT_TIMEOUT_MS,
  DEFAULT_RETRY_DELAYS_MS,
  parseRetryDelays,
} from './domain/webhooks/retry-schedule.js';
import { parseSecretKey } from './services/webhooks/secret-box.js';
import { fileURLToPath } from 'node:url';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** The database URL as given, for messages; never logged with a password. */
  databaseUrl: string;
  catalogPath: string;
  /** The built portal served at `/` (`vite build web` writes web/dist). */
  portalDir: string;
  logLevel: LogLevel;
  instance: Instance;
  bootstrapToken: string | undefined;
  bootstrapPassword: string | undefined;
  /** Where the lifecycle scheduler runs: inside the server, or only in `psc worker` processes. */
  scheduler: 'inline' | 'off';
  schedulerIntervalMs: number;
  /**
   * Which proxies in front of the server to believe about the client (X-Forwarded-For) and the
   * protocol (X-Forwarded-Proto): none, all, the nearest N, or these addresses.
   */
  trustProxy: boolean | number | string[];
  /** How long a client may take to send its headers and its whole request, and stay silent. */
  timeouts: ServerTimeouts;
  webhooks: WebhookConfig;
  /**
   * The key that encrypts secrets psc keeps (webhook signing secrets), and older keys that still
   * open what they sealed during a key rotation. Unset on SQLite: a key file beside the database.
   */
  secretKey: Buffer | undefined;
  previousSecretKeys: Buffer[];
  metrics: MetricsConfig;
  /** Threads that answer the subscription lists' pages beside the event loop; 0 for none. */
  readWorkers: number;
}

/** Who may read `/metrics`: a scraper with the token on the public port, or a port of its own. */
export interface MetricsConfig {
  /** Required as a bearer token on the public port; without it, /metrics is not found there. */
  token: string | undefined;
  /** A listener of its own for /metrics, without a token; none when unset. */
  port: number | undefined;
  host: string;
}

export interface WebhookConfig {
  /** Whether endpoints may be http or on loopback, private and link-local addresses. */
  allowPrivate: boolean;
  /** The waits between a delivery's attempts. */
  retryDelaysMs: readonly number[];
  /** Connections at once to one endpoint, from each process. */
  concurrencyPerEndpoint: number;
  /** How often a dispatcher looks for due deliveries when it has nothing to do. */
  pollIntervalMs: number;
  /** How long one attempt may take before it counts as failed. */
  timeoutMs: number;
}

/** A configuration value that cannot be used; the message is one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The built portal (`vite build web`), the same from src/ and from dist/. */
export const DEFAULT_PORTAL_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url));

export const MIN_BOOTSTRAP_TOKEN_LENGTH = 32;
export const MIN_METRICS_TOKEN_LENGTH = 16;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL ?? 'sqlite:./data/psc.sqlite';
  const database = parseDatabaseUrl(databaseUrl);
  if (!database) {
    throw new ConfigError(
      'DATABASE_URL must be sqlite:<path> (e.g. sqlite:./data/psc.sqlite) or postgres://user@host:5432/db',
    );
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    database,
    databaseUrl: redactPassword(databaseUrl),
    catalogPath: env.CATALOG_PATH ?? DEMO_CATALOG_PATH,
    portalDir: withTrailingSlash(env.PSC_PORTAL_DIR || DEFAULT_PORTAL_DIR),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    instance: oneOf(env, 'PSC_INSTANCE', INSTANCES, 'global'),
    bootstrapToken: bearerToken(env, 'PSC_BOOTSTRAP_TOKEN', MIN_BOOTSTRAP_TOKEN_LENGTH),
    bootstrapPassword: bootstrapPassword(env),
    scheduler: oneOf(env, 'PSC_SCHEDULER', ['inline', 'off'] as const, 'inline'),
    schedulerIntervalMs: integer(env, 'PSC_SCHEDULER_INTERVAL_MS', 10_000, 100, 3_600_000),
    trustProxy: trustProxy(env.PSC_TRUST_PROXY),
    timeouts: timeouts(env),
    webhooks: {
      allowPrivate: flag(env, 'PSC_WEBHOOK_ALLOW_PRIVATE'),
      retryDelaysMs: retryDelays(env.PSC_WEBHOOK_RETRY_DELAYS),
      concurrencyPerEndpoint: integer(env, 'PSC_WEBHOOK_CONCURRENCY', 8, 1, 256),
      pollIntervalMs: integer(env, 'PSC_WEBHOOK_POLL_MS', 250, 10, 60_000),
      timeoutMs: integer(env, 'PSC_WEBHOOK_TIMEOUT_MS', ATTEMPT_TIMEOUT_MS, 100, 60_000),
    },
    secretKey: secretKeys(env, 'PSC_SECRET_KEY')[0],
    previousSecretKeys: secretKeys(env, 'PSC_SECRET_KEY_PREVIOUS'),
    readWorkers: readWorkers(env, database),
    metrics: {
      token: bearerToken(env, 'PSC_METRICS_TOKEN', MIN_METRICS_TOKEN_LENGTH),
      port: env.PSC_METRICS_PORT ? integer(env, 'PSC_METRICS_PORT', 0, 1, 65535) : undefined,
      host: env.PSC_METRICS_HOST || '127.0.0.1',
    },
  };
}

/**
 * One page worker by default on a SQLite file: its reads then use the core the event loop leaves
 * idle. None on PostgreSQL, whose server is often on the same machine and busy with the same
 * reads, and none possible in memory, where another connection would open another database.
 */
function readWorkers(env: NodeJS.ProcessEnv, database: DatabaseTarget): number {
  const inMemory = database.dialect === 'sqlite' && database.path === ':memory:';
  const workers = integer(
    env,
    'PSC_READ_WORKERS',
    database.dialect === 'sqlite' && !inMemory ? 1 : 0,
    0,
    16,
  );
  if (inMemory && workers > 0) {
    throw new ConfigError(
      'PSC_READ_WORKERS must be 0 for an in-memory database (sqlite::memory:).',
    );
  }
  return workers;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  return oneOf(env, name, ['true', 'false'] as const, 'false') === 'true';
}

function retryDelays(raw: string | undefined): readonly number[] {
  if (raw === undefined || raw === '') return DEFAULT_RETRY_DELAYS_MS;
  const delays = parseRetryDelays(raw);
  if (!delays) {
    throw new ConfigError(
      `PSC_WEBHOOK_RETRY_DELAYS must be 1 to 20 comma-separated durations of 1ms to 7d (e.g. 5s,5m,30m,2h), not "${raw}"`,
    );
  }
  return delays;
}

function secretKeys(env: NodeJS.ProcessEnv, name: string): Buffer[] {
  const raw = env[name];
  if (raw === undefined || raw === '') return [];
  const texts = name === 'PSC_SECRET_KEY' ? [raw] : raw.split(',');
  return texts.map((text) => {
    const key = parseSecretKey(text);
    if (!key) {
      throw new ConfigError(
        `${name} must be 32 random bytes written as base64 or hex (e.g. openssl rand -base64 32)`,
      );
    }
    return key;
  });
}

function timeouts(env: NodeJS.ProcessEnv): ServerTimeouts {
  const { headersMs, requestMs, idleMs } = DEFAULT_TIMEOUTS;
  const result = {
    headersMs: integer(env, 'PSC_HEADERS_TIMEOUT_MS', headersMs, 1000, 600_000),
    requestMs: integer(env, 'PSC_REQUEST_TIMEOUT_MS', requestMs, 1000, 3_600_000),
    idleMs: integer(env, 'PSC_IDLE_TIMEOUT_MS', idleMs, 1000, 3_600_000),
  };
  // Node refuses to start a server whose headers may take longer than the whole request.
  if (result.headersMs > result.requestMs) {
    throw new ConfigError(
      `PSC_HEADERS_TIMEOUT_MS (${result.headersMs}) must not be longer than PSC_REQUEST_TIMEOUT_MS (${result.requestMs})`,
    );
  }
  return result;
}

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, not "${raw}"`);
  }
  return raw as T;
}

/** Names proxy-addr knows for address ranges, besides addresses and CIDR ranges. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function trustProxy(raw: string | undefined): boolean | number | string[] {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 10) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  const valid = (entry: string) => {
    const [address = '', bits, ...rest] = entry.split('/');
    const version = isIP(address);
    if (
      rest.length > 0 ||
      (version === 0 && !(bits === undefined && PROXY_RANGES.includes(address)))
    ) {
      return false;
    }
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
  };
  if (entries.every(valid)) return entries;
  throw new ConfigError(
    `PSC_TRUST_PROXY must be true, false, a number of proxies from 1 to 10, or addresses and CIDR ranges separated by commas (e.g. 10.0.0.0/8,loopback), not "${raw}"`,
  );
}

/** A secret to be sent as a bearer token: long enough, and printable without spaces. */
function bearerToken(env: NodeJS.ProcessEnv, name: string, minLength: number): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < minLength || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new ConfigError(
      `${name} must be at least ${minLength} printable characters without spaces (e.g. openssl rand -hex 32)`,
    );
  }
  return raw;
}

function bootstrapPassword(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.PSC_BOOTSTRAP_PASSWORD;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError(
      `PSC_BOOTSTRAP_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  return raw;
}

export function redactPassword(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}
