import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { adminQuery } from './pg-admin.js';
import { openStore, type DialectName, type Store } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migrate.js';

/** Every store and API test runs once per database. */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/**
 * A migrated database: a new SQLite file, or the run's PostgreSQL database; with `sameAs`, another
 * connection to that store's database (a second process, as far as the database can tell).
 */
export async function openTestStore(
  dialect: DialectName,
  sameAs?: Store,
  options: { ownDatabase?: boolean } = {},
): Promise<Store> {
  if (sameAs) return openStore(sameAs.target);
  if (dialect === 'postgres' && options.ownDatabase === true) return openOwnPostgres();
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

/**
 * A PostgreSQL database of its own, dropped when the store closes: for tests whose processes work
 * across partners (webhook dispatchers, whose claims and signing keys must not meet another test
 * file's on the run's shared database).
 */
async function openOwnPostgres(): Promise<Store> {
  const shared = inject('pgUrl');
  const name = `psc_test_own_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(shared, `create database ${name}`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  const store = openStore({ dialect: 'postgres', connectionString: url.toString() });
  await migrateToLatest(store);
  return {
    ...store,
    async close() {
      await store.close();
      await adminQuery(shared, `drop database if exists ${name} with (force)`);
    },
  };
}
