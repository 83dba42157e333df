import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import type { FifoLock } from './fifo-lock.js';
import type { SqliteBatchConnection } from './sqlite-batch-connection.js';
import {
  StatementCache,
  type PreparedStatement,
  type SchemaChanges,
} from './sqlite-statement-cache.js';

/**
 * What Kysely holds for one query or transaction. A lone read runs at once on the read
 * connection, which sees what is committed and nothing of an open batch, without queueing for the
 * batch connection; everything else takes its turn there.
 */
export class CallerConnection implements DatabaseConnection {
  readonly #lock: FifoLock;
  readonly #main: SqliteBatchConnection;
  readonly #reads: ReadConnection | undefined;
  #locked = false;
  #read = false;

  constructor(lock: FifoLock, main: SqliteBatchConnection, reads: ReadConnection | undefined) {
    this.#lock = lock;
    this.#main = main;
    this.#reads = reads;
  }

  /** It holds the batch connection: it began a transaction or ran a write. */
  get locked(): boolean {
    return this.#locked;
  }

  /** It read on the read connection. */
  get read(): boolean {
    return this.#read;
  }

  async lock(): Promise<void> {
    if (this.#locked) return;
    await this.#lock.acquire();
    this.#locked = true;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const read = this.#locked ? undefined : this.#reads?.readOnly(compiledQuery.sql);
    if (read) {
      this.#read = true;
      return { rows: read.all(compiledQuery.parameters) as R[] };
    }
    await this.lock();
    return this.#main.executeQuery(compiledQuery);
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const read = this.#locked ? undefined : this.#reads?.readOnly(compiledQuery.sql);
    if (read) {
      this.#read = true;
      for (const row of read.iterate(compiledQuery.parameters)) yield { rows: [row as R] };
      return;
    }
    await this.lock();
    yield* this.#main.streamQuery<R>(compiledQuery);
  }
}

export function callerOf(connection: DatabaseConnection): CallerConnection {
  if (connection instanceof CallerConnection) return connection;
  throw new Error('not a connection of this driver');
}

/** A second connection to the same file, for reads outside transactions. */
export class ReadConnection {
  readonly #database: BetterSqlite3.Database;
  readonly #statements: StatementCache;

  constructor(database: BetterSqlite3.Database, schema: SchemaChanges) {
    this.#database = database;
    this.#statements = new StatementCache(database, schema);
  }

  /** The statement, prepared here, when it only reads; a write (or what fails to prepare) is not. */
  readOnly(sql: string): PreparedStatement | undefined {
    let statement: PreparedStatement;
    try {
      statement = this.#statements.prepare(sql);
    } catch {
      // A table that a transaction on the batch connection has just created, say: not ours.
      return undefined;
    }
    return statement.readonly && statement.reader ? statement : undefined;
  }

  close(): void {
    this.#database.close();
  }
}
