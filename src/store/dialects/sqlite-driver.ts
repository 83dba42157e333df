import type BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';
import type { CommitBatch } from './commit-batch.js';
import { FifoLock } from './fifo-lock.js';
import { SqliteBatchConnection } from './sqlite-batch-connection.js';
import { CallerConnection, callerOf, ReadConnection } from './sqlite-caller-connection.js';
import { SchemaChanges } from './sqlite-statement-cache.js';
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
  readonly #connection: SqliteBatchConnection;
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
    this.#connection = new SqliteBatchConnection(database, schema);
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
