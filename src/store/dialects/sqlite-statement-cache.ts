import type BetterSqlite3 from 'better-sqlite3';

/** Distinct SQL texts kept prepared; an `in (…)` of another length is another text. */
const CAPACITY = 500;

/**
 * Each SQL text prepared once: preparing is about a fifth of the CPU of a short query, and the
 * same few dozen texts run all day. A statement still being iterated (a streamed select) is busy;
 * a second use of its text gets a fresh one.
 */
export class StatementCache {
  readonly #database: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(database: BetterSqlite3.Database) {
    this.#database = database;
  }

  prepare(sql: string): BetterSqlite3.Statement {
    const cached = this.#statements.get(sql);
    if (cached && !cached.busy) return cached;
    const statement = this.#database.prepare(sql);
    if (cached) return statement;
    if (this.#statements.size >= CAPACITY) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    this.#statements.set(sql, statement);
    return statement;
  }
}
