import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { DatabaseTarget } from '../database-url.js';
import type { Database } from '../tables.js';
import { rememberDialect } from './dialect-of.js';
import { ImmediateTransactionSqliteDialect } from './sqlite-immediate-transactions.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import type { StoreDialect } from './store-dialect.js';

type SqliteTarget = Extract<DatabaseTarget, { dialect: 'sqlite' }>;

const UNIQUE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/**
 * better-sqlite3: one connection, WAL, durable commits. SQLite has no row locks and needs none:
 * every write transaction begins IMMEDIATE and so holds the database's one write lock, which is
 * why locking queries are left as they are and every advisory lock is free.
 */
export const sqlite: StoreDialect<SqliteTarget> = {
  name: 'sqlite',
  columnTypes: { id: 'text', instant: 'text', date: 'text', json: 'text', flag: 'integer' },
  open({ path }) {
    return rememberDialect(new Kysely<Database>({ dialect: connect(path) }), sqlite);
  },
  lockForUpdate: (query) => query,
  skipLocked: (query) => query,
  tryAdvisoryLock: () => Promise.resolve(true),
  isUniqueViolation: (error) =>
    error instanceof SqliteDatabase.SqliteError && UNIQUE_VIOLATIONS.has(error.code),
};

function connect(path: string) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  database.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before it is acknowledged, also across power loss.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new ImmediateTransactionSqliteDialect({ database: withStatementCache(database) });
}
