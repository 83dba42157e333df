import pg from 'pg';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openStore, type DialectName, type Store } from '../../src/store/db.js';

/** A new, empty database of the dialect: an older release's, once migrated part of the way. */
export async function emptyStore(
  dialect: DialectName,
): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const path = join(mkdtempSync(join(tmpdir(), 'psc-upgrade-')), 'psc.sqlite');
    const store = openStore({ dialect: 'sqlite', path });
    return { store, drop: () => store.close() };
  }
  const admin = new URL(inject('pgUrl'));
  const name = `psc_upgrade_${Math.random().toString(36).slice(2, 10)}`;
  const query = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const store = openStore({ dialect: 'postgres', connectionString: url.toString() });
  return {
    store,
    drop: async () => {
      await store.close();
      await query(`drop database if exists ${name} with (force)`);
    },
  };
}
