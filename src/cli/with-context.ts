import { loadConfig } from '../config.js';
import { createContext } from '../create-context.js';
import type { AppContext } from '../services/context.js';

/** Opens the configured database (migrated) for one command and closes it afterwards. */
export async function withContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { ctx, close } = await createContext({
    database: config.database,
    catalog: config.catalogPath,
  });
  try {
    return await work(ctx);
  } finally {
    await close();
  }
}
