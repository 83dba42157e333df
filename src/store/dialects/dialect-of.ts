import type { DialectAdapter, Kysely } from 'kysely';
import type { Database, Db } from '../tables.js';
import type { StoreDialect } from './store-dialect.js';

/** What a store knows of how it was opened. */
interface Opened {
  dialect: StoreDialect;
  /** Resolves once every commit made so far is durable; none where a commit is when it returns. */
  settled: (() => Promise<void>) | undefined;
}

// Keyed on the adapter: a Kysely instance's transactions and plugin copies are new instances, but
// they all share the adapter the dialect created when the database was opened.
const opened = new WeakMap<DialectAdapter, Opened>();

/**
 * Records that `dialect` opened `db` (for `dialectOf`) and, where commits become durable after
 * they return (SQLite's WAL sync), how to wait for them (for `commitsSettled`).
 */
export function rememberDialect(
  db: Kysely<Database>,
  dialect: StoreDialect,
  settled?: () => Promise<void>,
): Kysely<Database> {
  opened.set(db.getExecutor().adapter, { dialect, settled });
  return db;
}

function openedOf(db: Db): Opened {
  const found = opened.get(db.getExecutor().adapter);
  if (found === undefined) throw new Error('this database was not opened by openStore');
  return found;
}

/** The dialect of the database `db` works on, also when `db` is one of its transactions. */
export function dialectOf(db: Db): StoreDialect {
  return openedOf(db).dialect;
}

/**
 * Resolves once every commit made so far through `db`'s store is durable. A reader on a
 * connection of its own (a page worker) can see a SQLite commit before its WAL sync ends, and
 * its answer waits for this, as the store's own readers wait. At once where a commit is durable
 * when it returns (PostgreSQL, SQLite without WAL).
 */
export function commitsSettled(db: Db): Promise<void> {
  return openedOf(db).settled?.() ?? Promise.resolve();
}
