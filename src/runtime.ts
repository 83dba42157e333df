import { indexCatalog } from './domain/catalog-index.js';
import type { Config } from './config.js';
import type { AppContext } from './services/context.js';
import { systemClock } from './services/system-clock.js';
import { loadCatalog } from './store/catalog-files.js';
import { openStore, type Store } from './store/db.js';
import { migrateToLatest } from './store/migrate.js';

export interface Runtime {
  ctx: AppContext;
  store: Store;
}

/** What the server, the worker and the CLI share: the catalog, a migrated database, the clock. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const catalog = indexCatalog(loadCatalog(config.catalogPath));
  const store = openStore(config.database);
  try {
    await migrateToLatest(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return { store, ctx: { db: store.db, clock: systemClock, catalog } };
}
