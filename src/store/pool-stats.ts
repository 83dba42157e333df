import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

/** A database's connections: open, idle, and queries waiting for one. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

const pools = new WeakMap<Kysely<Database>, () => PoolStats>();

/** Records how to read the pool behind `db` (PostgreSQL's pg.Pool), for `poolStatsOf`. */
export function rememberPool(db: Kysely<Database>, stats: () => PoolStats): Kysely<Database> {
  pools.set(db, stats);
  return db;
}

/**
 * The pool behind `db`, or undefined for a database without one: SQLite's one connection, on which
 * Kysely runs one query at a time.
 */
export function poolStatsOf(db: Kysely<Database>): PoolStats | undefined {
  return pools.get(db)?.();
}
