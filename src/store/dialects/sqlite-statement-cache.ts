import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared; an `in (…)` of another length is another text. */
const CAPACITY = 500;

/**
 * The database as Kysely's SQLite driver sees it, with each SQL text prepared once: preparing is
 * about a fifth of the CPU of a short query, and the same few dozen texts run all day. A statement
 * still being iterated (a streamed select) is busy; a second use of its text gets a fresh one.
 */
export function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = database.prepare(sql);
      if (cached) return statement;
      if (statements.size >= CAPACITY) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
