import { indexCatalog, type CatalogIndex } from './domain/catalog-index.js';
import type { Clock } from './domain/clock.js';
import type { AppContext, WebhookSettings } from './services/context.js';
import { DEFAULT_RETRY_DELAYS_MS } from './domain/webhooks/retry-schedule.js';
import { PriceBookCache } from './services/billing/price-book-cache.js';
import { systemClock } from './services/system-clock.js';
import { DEMO_CATALOG_PATH, loadCatalog } from './store/catalog-files.js';
import type { DatabaseTarget } from './store/database-url.js';
import { openStore, type Store } from './store/db.js';
import { migrateToLatest } from './store/migrate.js';
import { noDatabase } from './store/no-database.js';

export interface ContextOptions {
  /**
   * Where `ctx.db` points: a database to open and migrate (closed by `close`), a store the caller
   * opened and keeps, or `'none'` for a context that never queries (the OpenAPI generator only
   * builds the app): its `db` refuses every query, and no file or server is touched.
   */
  database: DatabaseTarget | Store | 'none';
  /** A catalog folder, or a catalog already indexed; the demo catalog by default. */
  catalog?: string | CatalogIndex;
  /** The system clock by default. */
  clock?: Clock;
  /** Public receivers only, the default retry schedule, and no secret key by default. */
  webhooks?: Partial<WebhookSettings>;
  /**
   * Opens `database` only to read, beside the server that writes and migrates it (a page
   * worker): not migrated, on a read-only connection (see StoreOptions.readOnly).
   */
  readOnly?: boolean;
}

export type { DatabaseTarget };

export interface CreatedContext<S extends Store | undefined = Store> {
  ctx: AppContext;
  /** The database behind `ctx.db`; none for `database: 'none'`. */
  store: S;
  /** Closes the database if this call opened it. */
  close: () => Promise<void>;
}

/**
 * The one way the app context is built: by the server, the CLI and its worker, tests, benches and
 * the OpenAPI generator. The catalog is loaded first, so a bad one stops a start before the
 * database is touched.
 */
export function createContext(
  options: ContextOptions & { database: 'none' },
): Promise<CreatedContext<undefined>>;
export function createContext(
  options: ContextOptions & { database: DatabaseTarget | Store },
): Promise<CreatedContext>;
export async function createContext(
  options: ContextOptions,
): Promise<CreatedContext<Store | undefined>> {
  const catalog =
    typeof options.catalog === 'object'
      ? options.catalog
      : indexCatalog(loadCatalog(options.catalog ?? DEMO_CATALOG_PATH));
  const clock = options.clock ?? systemClock;
  const shared = {
    clock,
    catalog,
    priceBooks: new PriceBookCache(),
    webhooks: {
      allowPrivate: false,
      retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
      secrets: undefined,
      ...options.webhooks,
    },
  };
  const { database } = options;
  if (database === 'none') {
    const db = noDatabase('A context made with database: none');
    return {
      ctx: { db, ...shared },
      store: undefined,
      close: () => db.destroy(),
    };
  }
  if ('db' in database) {
    return {
      ctx: { db: database.db, ...shared },
      store: database,
      close: () => Promise.resolve(),
    };
  }
  const store = options.readOnly
    ? openStore(database, { readOnly: true, maxConnections: 2 })
    : await openMigrated(database);
  return {
    ctx: { db: store.db, ...shared },
    store,
    close: () => store.close(),
  };
}

async function openMigrated(target: DatabaseTarget): Promise<Store> {
  const store = openStore(target);
  try {
    await migrateToLatest(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
