import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
} from 'kysely';
import { FifoLock } from './fifo-lock.js';
import { StatementCache, type PreparedStatement } from './sqlite-statement-cache.js';
import type { WalCheckpointer } from './wal-checkpointer.js';
import type { WalSync } from './wal-sync.js';

/** How a database in WAL mode gets its commits durable and its WAL back into the database. */
export interface WalDurability {
  sync: WalSync;
  checkpointer: WalCheckpointer;
}

/** Kysely's SQLite dialect on one better-sqlite3 connection, with the driver below. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #driver: GroupCommitSqliteDriver;

  constructor(database: BetterSqlite3.Database, wal: WalDurability | undefined) {
    super({ database });
    this.#driver = new GroupCommitSqliteDriver(database, wal);
  }

  override createDriver(): Driver {
    return this.#driver;
  }
}

/**
 * Kysely's driver for the one better-sqlite3 connection, with three differences from Kysely's
 * own: statements prepared once per SQL text; writers take the write lock when their transaction
 * begins (`BEGIN IMMEDIATE`: a deferred `BEGIN` takes it at the first write, and when another
 * process such as a `psc worker` has written in between, SQLite answers SQLITE_BUSY at once
 * instead of waiting out the busy timeout); and group commit. In WAL mode, a caller's
 * transaction (or lone write) returns only when its commit is durable, but the connection is
 * handed to the next caller first, so the next transactions run while the WAL is synced. A
 * reader returns once what it could have read is durable too.
 */
export class GroupCommitSqliteDriver implements Driver {
  readonly #database: BetterSqlite3.Database;
  readonly #connection: SqliteConnection;
  readonly #lock = new FifoLock();
  readonly #wal: WalDurability | undefined;

  constructor(database: BetterSqlite3.Database, wal: WalDurability | undefined) {
    this.#database = database;
    this.#wal = wal;
    this.#connection = new SqliteConnection(database);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.acquire();
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    // It takes the write lock but writes nothing: a transaction that only reads waits for no sync.
    this.#connection.forgetWrites();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.#connection.forgetWrites();
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const committed = this.#connection.takeCommitted();
    if (committed) this.#wal?.sync.noteCommit();
    this.#lock.release();
    if (!this.#wal) return;
    if (!committed) {
      await this.#wal.sync.settled();
      return;
    }
    this.#wal.checkpointer.committed();
    await this.#wal.sync.sync();
  }

  async destroy(): Promise<void> {
    // The checkpointer's connection first: the last one to close checkpoints and removes the WAL.
    await this.#wal?.checkpointer.close();
    this.#wal?.sync.close();
    this.#database.close();
  }
}

class SqliteConnection implements DatabaseConnection {
  readonly #database: BetterSqlite3.Database;
  readonly #statements: StatementCache;
  /** A statement has written since the last commit or rollback. */
  #wrote = false;
  /** Something was committed since the connection was acquired. */
  #committed = false;

  constructor(database: BetterSqlite3.Database) {
    this.#database = database;
    this.#statements = new StatementCache(database);
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#statements.prepare(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (!statement.readonly) this.#wrote = true;
    const result: QueryResult<R> = statement.reader
      ? { rows: statement.all(parameters) as R[] }
      : this.#run(statement, parameters);
    // Outside a transaction again after a write: a commit, or a write that committed on its own.
    if (this.#wrote && !this.#database.inTransaction) {
      this.#wrote = false;
      this.#committed = true;
    }
    return Promise.resolve(result);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- Kysely's interface is async; SQLite answers at once
  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) {
      throw new Error('SQLite streams only select queries');
    }
    const statement = this.#statements.prepare(compiledQuery.sql);
    for (const row of statement.iterate(compiledQuery.parameters)) {
      yield { rows: [row as R] };
    }
  }

  forgetWrites(): void {
    this.#wrote = false;
  }

  takeCommitted(): boolean {
    const committed = this.#committed;
    this.#committed = false;
    return committed;
  }

  #run<R>(statement: PreparedStatement, parameters: unknown[]): QueryResult<R> {
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }
}
