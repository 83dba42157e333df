import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
} from 'kysely';
import { CommitBatch } from './commit-batch.js';
import { FifoLock } from './fifo-lock.js';
import { SchemaChanges, StatementCache, type PreparedStatement } from './sqlite-statement-cache.js';
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

  constructor(
    database: BetterSqlite3.Database,
    wal: WalDurability | undefined,
    reads?: BetterSqlite3.Database,
  ) {
    super({ database });
    this.#driver = new GroupCommitSqliteDriver(database, wal, reads);
  }

  override createDriver(): Driver {
    return this.#driver;
  }
}

/** A batch commits once this many callers have run in it, or once it is this old. */
const BATCH_LIMITS = { members: 64, ageMs: 25 };

/**
 * Kysely's driver for the one better-sqlite3 connection, with three differences from Kysely's
 * own: statements prepared once per SQL text; writers take the write lock when their batch
 * begins (`BEGIN IMMEDIATE`: a deferred `BEGIN` takes it at the first write, and when another
 * process such as a `psc worker` has written in between, SQLite answers SQLITE_BUSY at once
 * instead of waiting out the busy timeout); and group commit. Callers that queue for the
 * connection while a transaction runs share it: each transaction is a savepoint in one SQLite
 * transaction (a CommitBatch), committed when no one is left waiting (or the batch is full), and
 * in WAL mode synced once for the batch. Every caller that ran in a batch returns when the batch
 * is committed and durable, or fails with it; a reader outside any batch returns once what it
 * could have read is durable.
 */
export class GroupCommitSqliteDriver implements Driver {
  readonly #database: BetterSqlite3.Database;
  readonly #connection: SqliteConnection;
  readonly #reads: ReadConnection | undefined;
  readonly #lock = new FifoLock();
  readonly #wal: WalDurability | undefined;

  constructor(
    database: BetterSqlite3.Database,
    wal: WalDurability | undefined,
    reads?: BetterSqlite3.Database,
  ) {
    this.#database = database;
    this.#wal = wal;
    const schema = new SchemaChanges();
    this.#connection = new SqliteConnection(database, schema);
    this.#reads = reads && new ReadConnection(reads, schema);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(new CallerConnection(this.#lock, this.#connection, this.#reads));
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await callerOf(connection).lock();
    this.#connection.beginMember();
  }

  async commitTransaction(): Promise<void> {
    this.#connection.releaseMember();
    return Promise.resolve();
  }

  async rollbackTransaction(): Promise<void> {
    this.#connection.rollbackMember();
    return Promise.resolve();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const caller = callerOf(connection);
    if (!caller.locked) {
      if (caller.read) await this.#wal?.sync.settled();
      return;
    }
    const batch = this.#connection.takeCallersBatch();
    if (!batch) {
      this.#lock.release();
      await this.#wal?.sync.settled();
      return;
    }
    batch.join();
    if (this.#connection.isOpen(batch) && this.#lock.contended && !batch.full(BATCH_LIMITS)) {
      this.#lock.release();
      return batch.outcome;
    }
    this.#commit(batch);
    this.#lock.release();
    return batch.outcome;
  }

  /** Commits the batch, with the lock held: a commit is counted before anyone else reads. */
  #commit(batch: CommitBatch): void {
    if (!this.#connection.isOpen(batch)) return;
    try {
      this.#connection.commitBatch();
    } catch (error) {
      batch.fail(error);
      return;
    }
    const wal = this.#wal;
    if (!wal) {
      batch.succeed();
      return;
    }
    // What its members read of earlier batches has to be durable too, even when it wrote nothing.
    if (batch.wrote) {
      wal.sync.noteCommit();
      wal.checkpointer.committed();
    }
    const durable = batch.wrote ? wal.sync.sync() : wal.sync.settled();
    durable.then(
      () => batch.succeed(),
      (error: unknown) => batch.fail(error),
    );
  }

  async destroy(): Promise<void> {
    // The checkpointer's connection first: the last one to close checkpoints and removes the WAL.
    await this.#wal?.checkpointer.close();
    this.#wal?.sync.close();
    this.#reads?.close();
    this.#database.close();
  }
}

/**
 * What Kysely holds for one query or transaction. A lone read runs at once on the read
 * connection, which sees what is committed and nothing of an open batch, without queueing for the
 * batch connection; everything else takes its turn there.
 */
class CallerConnection implements DatabaseConnection {
  readonly #lock: FifoLock;
  readonly #main: SqliteConnection;
  readonly #reads: ReadConnection | undefined;
  #locked = false;
  #read = false;

  constructor(lock: FifoLock, main: SqliteConnection, reads: ReadConnection | undefined) {
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

function callerOf(connection: DatabaseConnection): CallerConnection {
  if (connection instanceof CallerConnection) return connection;
  throw new Error('not a connection of this driver');
}

/** A second connection to the same file, for reads outside transactions. */
class ReadConnection {
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

const MEMBER = 'psc_batch_member';

class SqliteConnection implements DatabaseConnection {
  readonly #database: BetterSqlite3.Database;
  readonly #statements: StatementCache;
  /** The open SQLite transaction that callers share; none between batches. */
  #batch: CommitBatch | undefined;
  /** The batch that the caller holding the connection has run something in, if any. */
  #callersBatch: CommitBatch | undefined;
  /** Whether the batch had writes when the running member's savepoint began. */
  #wroteBeforeMember = false;

  constructor(database: BetterSqlite3.Database, schema: SchemaChanges) {
    this.#database = database;
    this.#statements = new StatementCache(database, schema);
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#statements.prepare(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    // A write outside a transaction runs in a batch too: it is committed and synced with it.
    if (!statement.readonly) this.#openBatch();
    this.#callersBatch ??= this.#batch;
    const result: QueryResult<R> = this.#guarded(() =>
      statement.reader
        ? { rows: statement.all(parameters) as R[] }
        : this.#run(statement, parameters),
    );
    if (!statement.readonly) this.#batch?.noteWrite();
    return Promise.resolve(result);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- Kysely's interface is async; SQLite answers at once
  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) {
      throw new Error('SQLite streams only select queries');
    }
    this.#callersBatch ??= this.#batch;
    const statement = this.#statements.prepare(compiledQuery.sql);
    for (const row of statement.iterate(compiledQuery.parameters)) {
      yield { rows: [row as R] };
    }
  }

  beginMember(): void {
    this.#openBatch();
    this.#callersBatch ??= this.#batch;
    this.#wroteBeforeMember = this.#batch?.wrote ?? false;
    this.#execute(`savepoint ${MEMBER}`);
  }

  releaseMember(): void {
    this.#execute(`release ${MEMBER}`);
  }

  rollbackMember(): void {
    // A batch that SQLite itself rolled back (a full disk, an I/O error) took the savepoint along.
    if (!this.#batch) return;
    this.#execute(`rollback to ${MEMBER}`);
    this.#execute(`release ${MEMBER}`);
    this.#batch.rolledBackTo(this.#wroteBeforeMember);
  }

  /** The batch the caller ran in, if any, and forgets it for the next caller. */
  takeCallersBatch(): CommitBatch | undefined {
    const batch = this.#callersBatch;
    this.#callersBatch = undefined;
    return batch;
  }

  isOpen(batch: CommitBatch): boolean {
    return this.#batch === batch;
  }

  commitBatch(): void {
    this.#batch = undefined;
    try {
      this.#statements.prepare('commit').run([]);
    } catch (error) {
      // The batch is lost whatever the rollback says: its callers get the commit's error.
      try {
        if (this.#database.inTransaction) this.#database.exec('rollback');
      } catch {
        // The connection is then as SQLite left it; the next batch begins afresh or fails.
      }
      throw error;
    }
  }

  #openBatch(): void {
    if (this.#batch) return;
    this.#statements.prepare('begin immediate').run([]);
    this.#batch = new CommitBatch();
  }

  #execute(sql: string): void {
    this.#guarded(() => this.#statements.prepare(sql).run([]));
  }

  /** Runs a statement; when SQLite rolled the whole batch back on its error, the batch fails. */
  #guarded<T>(statement: () => T): T {
    try {
      return statement();
    } catch (error) {
      const batch = this.#batch;
      if (batch && !this.#database.inTransaction) {
        this.#batch = undefined;
        batch.fail(error);
      }
      throw error;
    }
  }

  #run<R>(statement: PreparedStatement, parameters: unknown[]): QueryResult<R> {
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }
}
