import type { DialectAdapter, Kysely } from 'kysely';
import type { Database, Db } from '../tables.js';

// Keyed on the adapter, as dialect-of.ts: a store's transactions share it.
const settledOf = new WeakMap<DialectAdapter, () => Promise<void>>();

/** Records how `db` tells when every commit made so far is durable (SQLite's WAL sync). */
export function rememberSettled(db: Kysely<Database>, settled: () => Promise<void>): void {
  settledOf.set(db.getExecutor().adapter, settled);
}

/**
 * Resolves once every commit made so far through `db`'s store is durable. A reader on a
 * connection of its own (a page worker) can see a SQLite commit before its WAL sync ends, and
 * its answer waits for this, as the store's own readers wait. At once where a commit is durable
 * when it returns (PostgreSQL, SQLite without WAL).
 */
export function commitsSettled(db: Db): Promise<void> {
  return settledOf.get(db.getExecutor().adapter)?.() ?? Promise.resolve();
}
