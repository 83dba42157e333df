import { loadConfig } from '../config.js';
import { createContext } from '../create-context.js';
import type { AppContext } from '../services/context.js';
import { webhookSettings } from '../secret-keys.js';

/** Opens the configured database (migrated) for one command and closes it afterwards. */
export async function withContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { ctx, close } = await createContext({
    database: config.database,
    catalog: config.catalogPath,
    webhooks: webhookSettings(config, {
      warn: (message) => process.stderr.write(`psc: ${message}\n`),
    }),
  });
  try {
    return await work(ctx);
  } finally {
    await close();
  }
}
