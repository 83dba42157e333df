import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, type Config } from './config.js';
import type { WebhookSettings } from './services/context.js';
import { newSecretKey, parseSecretKey, SecretBox } from './services/webhooks/secret-box.js';

/**
 * The box that seals webhook secrets: PSC_SECRET_KEY when set. Without it, a SQLite database
 * file gets a key file beside it (`<database>.secret-key`, readable by its owner only), made on
 * the first start, so `npm start` works as it is; an in-memory database a key for the process.
 * On PostgreSQL, where several processes must share the key, there is none: webhook endpoints
 * cannot be made until PSC_SECRET_KEY is set.
 */
export function secretBoxFor(
  config: Config,
  logger: { warn: (message: string) => void },
): SecretBox | undefined {
  if (config.secretKey) return new SecretBox(config.secretKey, config.previousSecretKeys);
  const { database } = config;
  if (database.dialect === 'postgres') {
    logger.warn('PSC_SECRET_KEY is not set: webhook endpoints cannot be made until it is');
    return undefined;
  }
  if (database.path === ':memory:') return new SecretBox(Buffer.from(newSecretKey(), 'base64'));
  return new SecretBox(keyFileKey(`${database.path}.secret-key`), config.previousSecretKeys);
}

function keyFileKey(path: string): Buffer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${newSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(path, 0o600);
  const key = parseSecretKey(readFileSync(path, 'utf8'));
  if (!key) throw new ConfigError(`${path} does not hold a secret key (32 bytes in base64)`);
  return key;
}

/** The webhook settings of a process: the configuration's, with the secret box for it. */
export function webhookSettings(
  config: Config,
  logger: { warn: (message: string) => void },
): WebhookSettings {
  return {
    allowPrivate: config.webhooks.allowPrivate,
    retryDelaysMs: config.webhooks.retryDelaysMs,
    secrets: secretBoxFor(config, logger),
  };
}
