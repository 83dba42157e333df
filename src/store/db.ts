import type { Kysely } from 'kysely';
import type { DatabaseTarget } from './database-url.js';
import { postgres } from './dialects/postgres.js';
import { sqlite } from './dialects/sqlite.js';
import type { StoreOptions } from './dialects/store-dialect.js';
import type { Database } from './tables.js';

export type DialectName = DatabaseTarget['dialect'];
export type { StoreOptions };

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where it points, to open another connection to the same database. */
  target: DatabaseTarget;
  close(): Promise<void>;
}

/** Opens the database of the target with its dialect: the one place that chooses between them. */
export function openStore(target: DatabaseTarget, options: StoreOptions = {}): Store {
  const db =
    target.dialect === 'sqlite' ? sqlite.open(target, options) : postgres.open(target, options);
  return { db, dialect: target.dialect, target, close: () => db.destroy() };
}
