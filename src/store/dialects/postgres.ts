import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../database-url.js';
import { rememberPool } from '../pool-stats.js';
import type { Database } from '../tables.js';
import { rememberDialect } from './dialect-of.js';
import { sameValuesAsSqlite } from './postgres-types.js';
import type { StoreDialect, StoreOptions } from './store-dialect.js';

type PostgresTarget = Extract<DatabaseTarget, { dialect: 'postgres' }>;

const UNIQUE_VIOLATION = '23505';

/** pg: a pool of connections, row locks (`FOR UPDATE`) and transaction-scoped advisory locks. */
export const postgres: StoreDialect<PostgresTarget> = {
  name: 'postgres',
  columnTypes: {
    id: 'uuid',
    instant: 'timestamptz',
    date: 'date',
    json: 'jsonb',
    flag: 'smallint',
  },
  open({ connectionString }, options) {
    const connections = pool(connectionString, options);
    const dialect = new PostgresDialect({ pool: connections });
    const db = rememberDialect(new Kysely<Database>({ dialect }), postgres);
    return rememberPool(db, () => ({
      total: connections.totalCount,
      idle: connections.idleCount,
      waiting: connections.waitingCount,
    }));
  },
  lockForUpdate: (query) => query.forUpdate(),
  skipLocked: (query) => query.forUpdate().skipLocked(),
  async tryAdvisoryLock(db, name) {
    const { rows } = await sql<{ claimed: boolean }>`
      select pg_try_advisory_xact_lock(hashtextextended(${name}, 0)) as claimed
    `.execute(db);
    return rows[0]?.claimed === true;
  },
  isUniqueViolation: (error) =>
    error instanceof pg.DatabaseError && error.code === UNIQUE_VIOLATION,
};

function pool(connectionString: string, options: StoreOptions) {
  const connections = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    types: sameValuesAsSqlite,
    options: '-c TimeZone=UTC',
  });
  // An idle client can lose its server (restart, failover); the pool drops it and reconnects.
  connections.on('error', () => undefined);
  return connections;
}
