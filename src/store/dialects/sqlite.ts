import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { DatabaseTarget } from '../database-url.js';
import type { Database } from '../tables.js';
import { rememberDialect } from './dialect-of.js';
import { GroupCommitSqliteDialect, type WalDurability } from './sqlite-driver.js';
import { WalCheckpointer } from './wal-checkpointer.js';
import type { StoreDialect } from './store-dialect.js';
import { WalSync } from './wal-sync.js';

type SqliteTarget = Extract<DatabaseTarget, { dialect: 'sqlite' }>;

/**
 * WAL pages after which the server's connection checkpoints by itself, in the event loop: only
 * when the checkpointer thread has fallen this far behind (SQLite's default is 1,000).
 */
const OWN_CHECKPOINT_PAGES = 20_000;

const UNIQUE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/**
 * better-sqlite3: one connection, WAL, durable commits. SQLite has no row locks and needs none:
 * every write transaction begins IMMEDIATE and so holds the database's one write lock, which is
 * why locking queries are left as they are and every advisory lock is free.
 */
export const sqlite: StoreDialect<SqliteTarget> = {
  name: 'sqlite',
  columnTypes: { id: 'text', instant: 'text', date: 'text', json: 'text', flag: 'integer' },
  open({ path }, options) {
    if (options.readOnly) {
      const dialect = new GroupCommitSqliteDialect(readConnection(path), undefined);
      return rememberDialect(new Kysely<Database>({ dialect }), sqlite);
    }
    const { dialect, wal } = connect(path);
    return rememberDialect(
      new Kysely<Database>({ dialect }),
      sqlite,
      wal && (() => wal.sync.settled()),
    );
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
  const journal = database.pragma('journal_mode = WAL', { simple: true });
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const wal = durability(database, journal === 'wal');
  const dialect = new GroupCommitSqliteDialect(
    database,
    wal,
    wal ? readConnection(path) : undefined,
  );
  return { dialect, wal };
}

/** A connection for reads outside transactions; it may not write (`query_only`). */
function readConnection(path: string): SqliteDatabase.Database {
  const reads = new SqliteDatabase(path);
  reads.pragma('busy_timeout = 5000');
  reads.pragma('query_only = ON');
  return reads;
}

/**
 * Commits are durable before they are acknowledged, also across power loss. In WAL mode that is
 * group commit: SQLite writes each commit to the WAL without syncing it (NORMAL, which still
 * syncs around checkpoints), and WalSync syncs the WAL once for all the commits waiting; the
 * checkpoints run on a thread of their own (WalCheckpointer). Where there is no WAL (an in-memory
 * database), SQLite syncs every commit itself (FULL).
 */
function durability(database: SqliteDatabase.Database, wal: boolean): WalDurability | undefined {
  if (!wal) {
    database.pragma('synchronous = FULL');
    return undefined;
  }
  database.pragma('synchronous = NORMAL');
  database.pragma(`wal_autocheckpoint = ${OWN_CHECKPOINT_PAGES}`);
  const path = resolve(database.name);
  return {
    sync: new WalSync(`${path}-wal`),
    checkpointer: new WalCheckpointer(path, (message) =>
      process.emitWarning(`SQLite checkpoint of ${path} failed: ${message}`),
    ),
  };
}
