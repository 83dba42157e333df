import { loadConfig } from '../config.js';
import { openRuntime } from '../runtime.js';
import type { AppContext } from '../services/context.js';

/** Opens the configured database (migrated) for one command and closes it afterwards. */
export async function withRuntime<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const { ctx, store } = await openRuntime(loadConfig());
  try {
    return await work(ctx);
  } finally {
    await store.close();
  }
}
