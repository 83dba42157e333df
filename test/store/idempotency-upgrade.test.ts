import { sql } from 'kysely';
import pg from 'pg';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openStore, type DialectName, type Store } from '../../src/store/db.js';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrate.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

/** A new, empty database of the dialect: an older release's, once migrated part of the way. */
async function emptyStore(
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

describe.each(DIALECTS)('idempotency keys stored before they had a caller, on %s', (dialect) => {
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.close();
  });

  it('keeps them through the upgrade', async () => {
    const { store, drop } = await emptyStore(dialect);
    try {
      await migrateUpTo(store, '0005-customer-users');
      const partnerId = '0190d1a2-0000-7000-8000-00000000abcd';
      await sql`insert into partners (id, name, instance, billing_day, is_sandbox, created_at)
        values (${partnerId}, 'Old', 'global', 1, 0, '2026-03-01T00:00:00.000Z')`.execute(store.db);
      await sql`insert into idempotency_keys
          (partner_id, key, request_hash, response_status, response_body, created_at)
        values (${partnerId}, 'old-key', 'hash', 201, '{}', '2026-03-01T00:00:00.000Z')`.execute(
        store.db,
      );
      await migrateToLatest(store);
      const rows = await store.db.selectFrom('idempotency_keys').selectAll().execute();
      expect(rows).toEqual([
        expect.objectContaining({ partner_id: partnerId, caller: 'legacy', key: 'old-key' }),
      ]);
    } finally {
      await drop();
    }
  });

  it('refuses a retry with such a key: neither replayed to anyone nor made again', async () => {
    const app = await createTestApp(dialect);
    t = app;
    const { partner, api, base } = await seedCustomer(app);
    await app.store.db
      .insertInto('idempotency_keys')
      .values({
        partner_id: partner.id,
        caller: 'legacy',
        key: 'before-upgrade',
        request_hash: 'whatever it was',
        response_status: 201,
        response_body: JSON.stringify({ secret: 'never shown again' }),
        created_at: app.ctx.clock.now().toISOString(),
      })
      .execute();
    const order = { billingCycle: 'monthly', lineItems: [{ offerId: 'mail-basic', quantity: 1 }] };
    const retry = await api.post(`${base}/orders`, order, { 'idempotency-key': 'before-upgrade' });
    expect(retry.statusCode).toBe(422);
    expect(retry.json().code).toBe('idempotency_key_reused');
    expect(retry.body).not.toContain('never shown again');
    expect((await api.get(`${base}/orders`)).json().items).toEqual([]);
    const fresh = await api.post(`${base}/orders`, order, { 'idempotency-key': 'after-upgrade' });
    expect(fresh.statusCode).toBe(201);
  });
});
