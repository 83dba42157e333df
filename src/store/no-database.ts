import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
} from 'kysely';
import type { Database } from './tables.js';

/**
 * A Kysely that is connected to nothing: it builds queries, and running one fails loudly. For a
 * context that must never reach a database (the OpenAPI generator), so that a use of it is a bug
 * found at once instead of a file quietly created or an empty answer. Kysely's own DummyDriver
 * would answer every query with no rows, which would hide exactly that bug.
 */
export function noDatabase(purpose: string): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new RefusingDriver(purpose),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

class RefusingDriver extends DummyDriver {
  constructor(private readonly purpose: string) {
    super();
  }

  override acquireConnection(): Promise<DatabaseConnection> {
    return Promise.reject(new Error(`${this.purpose} has no database; nothing may query it.`));
  }
}
