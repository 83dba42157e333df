import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrate.js';
import { emptyStore } from '../helpers/empty-store.js';
import { DIALECTS } from '../helpers/stores.js';

const PARTNER = '0190d1a2-0000-7000-8000-0000000000a1';
const CUSTOMER = '0190d1a2-0000-7000-8000-0000000000c1';
const ORDER = '0190d1a2-0000-7000-8000-0000000000d1';
const PAID = '0190d1a2-0000-7000-8000-0000000000e1';
const TRIAL = '0190d1a2-0000-7000-8000-0000000000e2';

/** The first day of this UTC month and of the next (the test's own arithmetic). */
function thisAndNextMonth(): [string, string] {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return [first.toISOString().slice(0, 10), next.toISOString().slice(0, 10)];
}

describe.each(DIALECTS)('subscriptions sold before money was kept, on %s', (dialect) => {
  it('keep their price as their cost and start the ledger with their next period', async () => {
    const { store, drop } = await emptyStore(dialect);
    try {
      await migrateUpTo(store, '0006-sign-in-limits-and-idempotency-scope');
      const [start, nextMonth] = thisAndNextMonth();
      const at = `${start}T00:00:00.000Z`;
      await sql`insert into partners (id, name, instance, billing_day, is_sandbox, created_at)
        values (${PARTNER}, 'Old', 'global', 1, 0, ${at})`.execute(store.db);
      await sql`insert into customers (id, partner_id, company_name, company_name_key, domain,
          country, segment, billing_first_name, billing_last_name, billing_email, billing_line1,
          billing_city, billing_postal_code, billing_country, account_opened_at,
          first_billing_period_start, created_at)
        values (${CUSTOMER}, ${PARTNER}, 'Old Co', 'old co', 'old.example', 'US', 'commercial',
          'A', 'B', 'a@old.example', '1 St', 'X', '1', 'US', ${at}, ${start}, ${at})`.execute(
        store.db,
      );
      await sql`insert into orders (id, partner_id, customer_id, billing_cycle, status, created_at)
        values (${ORDER}, ${PARTNER}, ${CUSTOMER}, 'monthly', 'completed', ${at})`.execute(
        store.db,
      );
      const subscription = (id: string, isTrial: number, term: string, end: string) => sql`
        insert into subscriptions (id, partner_id, customer_id, offer_id, offer_name,
          friendly_name, quantity, unit_type, parent_subscription_id, order_id, status,
          billing_cycle, term_duration, auto_renew_enabled, is_trial, trial_end_date,
          creation_date, effective_start_date, commitment_end_date, cancellation_allowed_until,
          quantity_decrease_allowed_until, suspension_reasons, suspended_at, expires_at,
          deleted_at, unit_price, currency, version, expiring_soon_warned_for)
        values (${id}, ${PARTNER}, ${CUSTOMER}, 'mail-basic', 'Mail', 'Mail', 3, 'licenses', null,
          ${ORDER}, 'active', 'monthly', ${term}, 1, ${isTrial}, null, ${at}, ${start}, ${end},
          null, null, '[]', null, null, null, '4.00', 'USD', 1, null)`;
      const yearEnd = new Date(Date.parse(at) + 364 * 86_400_000).toISOString().slice(0, 10);
      await subscription(PAID, 0, 'P1Y', yearEnd).execute(store.db);
      await subscription(TRIAL, 1, 'P1M', yearEnd).execute(store.db);
      await sql`insert into order_line_items (order_id, line_item_number, partner_id, offer_id,
          quantity, term_duration, friendly_name, parent_subscription_id, subscription_id)
        values (${ORDER}, 0, ${PARTNER}, 'mail-basic', 3, 'P1Y', 'Mail', null, ${PAID})`.execute(
        store.db,
      );

      await migrateToLatest(store);

      const rows = await store.db
        .selectFrom('subscriptions')
        .select(['id', 'unit_price', 'unit_cost', 'next_charge_date'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: PAID, unit_price: '4.00', unit_cost: '4.00', next_charge_date: nextMonth },
        { id: TRIAL, unit_price: '4.00', unit_cost: '4.00', next_charge_date: null },
      ]);
      const line = await store.db.selectFrom('order_line_items').selectAll().executeTakeFirst();
      expect(line).toMatchObject({ unit_price: '4.00', amount: null });
      expect(await store.db.selectFrom('charges').selectAll().execute()).toEqual([]);
    } finally {
      await drop();
    }
  });
});
