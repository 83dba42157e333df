import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrate.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedCustomer } from '../helpers/seed-customer.js';
import { emptyStore } from '../helpers/empty-store.js';
import { DIALECTS } from '../helpers/stores.js';

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
