import { PostgresAdapter } from 'kysely';
import type { Db } from './tables.js';

/**
 * PostgreSQL locks rows with FOR UPDATE; SQLite has no row locks and needs none, because every
 * write transaction here begins IMMEDIATE and so already holds the database's one write lock.
 */
export function supportsRowLocks(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
