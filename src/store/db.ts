import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from './database-url.js';
import { ImmediateTransactionSqliteDialect } from './sqlite-dialect.js';
import type { Database } from './tables.js';

export type DialectName = DatabaseTarget['dialect'];

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where it points, to open another connection to the same database. */
  target: DatabaseTarget;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL pool size. */
  maxConnections?: number;
}

export function openStore(target: DatabaseTarget, options: StoreOptions = {}): Store {
  const db =
    target.dialect === 'sqlite'
      ? new Kysely<Database>({ dialect: sqliteDialect(target.path) })
      : new Kysely<Database>({ dialect: postgresDialect(target.connectionString, options) });
  return { db, dialect: target.dialect, target, close: () => db.destroy() };
}

function sqliteDialect(path: string) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  database.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before it is acknowledged, also across power loss.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new ImmediateTransactionSqliteDialect({ database });
}

const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_DATE = 1082;
const PG_JSONB = 3802;
const PG_INT8 = 20;

const builtinParser = pg.types.getTypeParser as (
  oid: number,
  format?: 'text' | 'binary',
) => (value: string) => unknown;

/** Makes PostgreSQL answer with the same representation as SQLite (see tables.ts). */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case PG_TIMESTAMPTZ:
      case PG_TIMESTAMP: {
        const parseDate = builtinParser(oid) as (value: string) => Date;
        return (value: string) => parseDate(value).toISOString();
      }
      case PG_DATE:
      case PG_JSONB:
        return (value: string) => value;
      case PG_INT8:
        return (value: string) => Number(value);
      default:
        return builtinParser(oid, format);
    }
  },
};

function postgresDialect(connectionString: string, options: StoreOptions) {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    types: pgTypes,
    options: '-c TimeZone=UTC',
  });
  // An idle client can lose its server (restart, failover); the pool drops it and reconnects.
  pool.on('error', () => undefined);
  return new PostgresDialect({ pool });
}
