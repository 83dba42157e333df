import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrate.js';
import { listPartnerSubscriptions } from '../../src/store/partner-subscriptions.js';
import { emptyStore } from '../helpers/empty-store.js';
import { DIALECTS } from '../helpers/stores.js';

const PARTNER = '0190d1a2-0000-7000-8000-0000000000a1';
const AT = '2026-03-01T00:00:00.000Z';

describe.each(DIALECTS)(
  'subscriptions from before they kept their customer’s name, on %s',
  (dialect) => {
    it('take their customer’s name key, and list by it', async () => {
      const { store, drop } = await emptyStore(dialect);
      try {
        await migrateUpTo(store, '0010-subscription-list-indexes');
        await sql`insert into partners (id, name, instance, billing_day, is_sandbox, created_at)
        values (${PARTNER}, 'Old', 'global', 1, 0, ${AT})`.execute(store.db);
        const customer = (n: number, name: string) => sql`insert into customers (id, partner_id,
          company_name, company_name_key, domain, country, segment, billing_first_name,
          billing_last_name, billing_email, billing_line1, billing_city, billing_postal_code,
          billing_country, account_opened_at, first_billing_period_start, created_at)
        values (${`0190d1a2-0000-7000-8000-0000000000c${n}`}, ${PARTNER}, ${name},
          ${name.toLowerCase()}, ${`c${n}.example`}, 'US', 'commercial', 'A', 'B', 'a@x.example',
          '1 St', 'X', '1', 'US', ${AT}, '2026-03-01', ${AT})`;
        await customer(1, 'Zed Co').execute(store.db);
        await customer(2, 'ACME Corp').execute(store.db);
        const subscription = (n: number, customerN: number) => sql`
        insert into subscriptions (id, partner_id, customer_id, offer_id, offer_name,
          friendly_name, quantity, unit_type, parent_subscription_id, order_id, status,
          billing_cycle, term_duration, auto_renew_enabled, is_trial, trial_end_date,
          creation_date, effective_start_date, commitment_end_date, cancellation_allowed_until,
          quantity_decrease_allowed_until, suspension_reasons, suspended_at, expires_at,
          deleted_at, unit_price, unit_cost, currency, next_charge_date, version,
          expiring_soon_warned_for)
        values (${`0190d1a2-0000-7000-8000-0000000000e${n}`}, ${PARTNER},
          ${`0190d1a2-0000-7000-8000-0000000000c${customerN}`}, 'mail-basic', 'Mail', 'Mail', 3,
          'licenses', null, ${`0190d1a2-0000-7000-8000-0000000000d${customerN}`}, 'active',
          'monthly', 'P1M', 1, 0, null, ${AT}, '2026-03-01', '2026-03-31', null, null, '[]',
          null, null, null, '4.00', '4.00', 'USD', '2026-04-01', 1, null)`;
        for (const n of [1, 2]) {
          await sql`insert into orders (id, partner_id, customer_id, billing_cycle, status,
            created_at, currency)
          values (${`0190d1a2-0000-7000-8000-0000000000d${n}`}, ${PARTNER},
            ${`0190d1a2-0000-7000-8000-0000000000c${n}`}, 'monthly', 'completed', ${AT},
            'USD')`.execute(store.db);
        }
        await subscription(1, 1).execute(store.db);
        await subscription(2, 2).execute(store.db);
        await subscription(3, 1).execute(store.db);

        await migrateToLatest(store);

        const rows = await store.db
          .selectFrom('subscriptions')
          .select(['id', 'customer_name_key'])
          .orderBy('id')
          .execute();
        expect(rows.map((row) => row.customer_name_key)).toEqual(['zed co', 'acme corp', 'zed co']);
        const page = await listPartnerSubscriptions(store.db, PARTNER, {
          sort: 'customerName',
          descending: false,
          limit: 10,
        });
        expect(
          page?.items.map((item) => [item.customerName, item.subscription.id.slice(-2)]),
        ).toEqual([
          ['ACME Corp', 'e2'],
          ['Zed Co', 'e1'],
          ['Zed Co', 'e3'],
        ]);
      } finally {
        await drop();
      }
    });
  },
);
