import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openStore, type DialectName, type Store } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migrate.js';

/** Every store and API test runs once per database. */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/**
 * A migrated database: a new SQLite file, or the run's PostgreSQL database; with `sameAs`, another
 * connection to that store's database (a second process, as far as the database can tell).
 */
export async function openTestStore(dialect: DialectName, sameAs?: Store): Promise<Store> {
  if (sameAs) return openStore(sameAs.target);
  const store =
    dialect === 'sqlite'
      ? openStore({
          dialect: 'sqlite',
          path: join(mkdtempSync(join(tmpdir(), 'psc-sqlite-')), 'psc.sqlite'),
        })
      : openStore({ dialect: 'postgres', connectionString: inject('pgUrl') });
  await migrateToLatest(store);
  return store;
}
