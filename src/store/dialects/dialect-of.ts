import type { DialectAdapter, Kysely } from 'kysely';
import type { Database, Db } from '../tables.js';
import type { StoreDialect } from './store-dialect.js';

// Keyed on the adapter: a Kysely instance's transactions and plugin copies are new instances, but
// they all share the adapter the dialect created when the database was opened.
const dialects = new WeakMap<DialectAdapter, StoreDialect>();

/** Records that `dialect` opened `db`, for `dialectOf`. */
export function rememberDialect(db: Kysely<Database>, dialect: StoreDialect): Kysely<Database> {
  dialects.set(db.getExecutor().adapter, dialect);
  return db;
}

/** The dialect of the database `db` works on, also when `db` is one of its transactions. */
export function dialectOf(db: Db): StoreDialect {
  const dialect = dialects.get(db.getExecutor().adapter);
  if (dialect === undefined) throw new Error('this database was not opened by openStore');
  return dialect;
}
