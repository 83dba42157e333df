import type { Kysely } from 'kysely';
import type { DatabaseTarget } from '../database-url.js';
import type { ColumnTypes } from '../migrations/column-types.js';
import type { Database, Db } from '../tables.js';

export interface StoreOptions {
  /** PostgreSQL pool size. */
  maxConnections?: number;
  /**
   * Only to read, beside the process that writes (a page worker): on SQLite one `query_only`
   * connection, which neither syncs nor checkpoints the WAL (the writer's store does both).
   */
  readOnly?: boolean;
}

/** A query that can lock the rows it reads: Kysely's select builder. */
export interface LockableQuery<Query> {
  forUpdate(): Query;
  skipLocked(): Query;
}

/**
 * What differs between SQLite and PostgreSQL, each behind this one interface (sqlite.ts,
 * postgres.ts), so query modules and services never ask which database they are on. A dialect is
 * chosen once, when the store is opened; `dialectOf(db)` finds it again.
 *
 * `Target` is the kind of DATABASE_URL the dialect opens. A dialect known only as `StoreDialect`
 * cannot be given one (`never`): opening is for db.ts, which knows the target's kind.
 */
export interface StoreDialect<Target extends DatabaseTarget = never> {
  readonly name: DatabaseTarget['dialect'];
  /** The column type of each kind of value, for migrations. */
  readonly columnTypes: ColumnTypes;
  readonly open: (target: Target, options: StoreOptions) => Kysely<Database>;
  /** The query, made to lock the rows it reads until the transaction ends. */
  readonly lockForUpdate: <Query extends LockableQuery<Query>>(query: Query) => Query;
  /** The query, made to lock the rows it reads and to leave out rows another transaction holds. */
  readonly skipLocked: <Query extends LockableQuery<Query>>(query: Query) => Query;
  /**
   * Takes the lock called `name` until the transaction `db` ends, without waiting: false when
   * another transaction holds it.
   */
  readonly tryAdvisoryLock: (db: Db, name: string) => Promise<boolean>;
  /** True when the database refused a write because it would break a unique constraint. */
  readonly isUniqueViolation: (error: unknown) => boolean;
}
