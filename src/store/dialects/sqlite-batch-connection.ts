import type BetterSqlite3 from 'better-sqlite3';
import {
  SelectQueryNode,
  type CompiledQuery,
  type DatabaseConnection,
  type QueryResult,
} from 'kysely';
import { CommitBatch } from './commit-batch.js';
import {
  StatementCache,
  type PreparedStatement,
  type SchemaChanges,
} from './sqlite-statement-cache.js';

const MEMBER = 'psc_batch_member';

/** The one connection that writes: transactions run on it in batches (CommitBatch). */
export class SqliteBatchConnection implements DatabaseConnection {
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
