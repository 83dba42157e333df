import { v7 as uuidv7 } from 'uuid';
import { firstBillingPeriodStart } from '../src/domain/billing.js';
import type { DatabaseTarget } from '../src/store/database-url.js';
import { openStore } from '../src/store/db.js';
import { customerNameKey } from '../src/store/customer-name-key.js';
import { migrateToLatest } from '../src/store/migrate.js';
import type { CustomersTable, EventsTable } from '../src/store/tables.js';
import { chunks } from './chunks.js';
import { benchCustomer } from './customers.js';

/**
 * Makes a floor server's database (a SQLite file, or an empty PostgreSQL database): the project's
 * own migrations, then a partner and `count` bench customers with their `customer.created` events,
 * written directly with the values create-customer would write. Returns the customer ids.
 */
export async function prepareFloorDatabase(
  target: DatabaseTarget,
  count: number,
): Promise<string[]> {
  const store = openStore(target);
  try {
    await migrateToLatest(store);
    const now = new Date();
    const partnerId = uuidv7();
    const customers = Array.from({ length: count }, (_, i) => customerRow(i, partnerId, now));
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('partners')
        .values({
          id: partnerId,
          name: 'Floor Partner',
          instance: 'global',
          billing_day: 1,
          is_sandbox: 0,
          created_at: now.toISOString(),
          price_book_version: 0,
        })
        .execute();
      for (const batch of chunks(customers)) {
        await trx.insertInto('customers').values(batch).execute();
        await trx.insertInto('events').values(batch.map(createdEvent)).execute();
      }
    });
    return customers.map((c) => c.id);
  } finally {
    await store.close();
  }
}

function customerRow(i: number, partnerId: string, now: Date): CustomersTable {
  const input = benchCustomer(i);
  const { billingProfile: bp } = input;
  return {
    id: uuidv7(),
    partner_id: partnerId,
    company_name: input.companyName,
    company_name_key: customerNameKey(input.companyName),
    domain: input.domain,
    country: input.country,
    segment: input.segment,
    billing_first_name: bp.firstName,
    billing_last_name: bp.lastName,
    billing_email: bp.email,
    billing_line1: bp.address.line1,
    billing_city: bp.address.city,
    billing_postal_code: bp.address.postalCode,
    billing_country: bp.address.country,
    account_opened_at: now.toISOString(),
    first_billing_period_start: firstBillingPeriodStart(now, 1),
    created_at: now.toISOString(),
  };
}

function createdEvent(customer: CustomersTable): EventsTable {
  return {
    id: uuidv7(),
    partner_id: customer.partner_id,
    type: 'customer.created',
    occurred_at: customer.created_at,
    actor_type: 'system',
    actor_id: 'system',
    actor_name: 'System',
    customer_id: customer.id,
    subscription_id: null,
    order_id: null,
    reason: null,
    data: JSON.stringify({
      companyName: customer.company_name,
      domain: customer.domain,
      country: customer.country,
      segment: customer.segment,
    }),
  };
}
