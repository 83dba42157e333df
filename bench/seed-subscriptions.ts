import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { dialectOf } from '../src/store/dialects/dialect-of.js';
import type { Store } from '../src/store/db.js';
import type { OrdersTable, SubscriptionsTable } from '../src/store/tables.js';
import { chunks } from './chunks.js';

export interface SubscriptionSeed {
  customerIds: readonly string[];
  /** The customer whose list is read: gets `readCustomerCount` of the new subscriptions. */
  readCustomerId: string;
  readCustomerCount: number;
  /** Subscriptions in the database when done, counting those already there. */
  total: number;
}

/** Rows per transaction: one commit per 20,000 rows keeps the seed fast on both databases. */
const ROWS_PER_TRANSACTION = 20_000;

/**
 * Tops the subscriptions table up to `total` rows with direct multi-row INSERTs. Each new row is a
 * copy of a subscription the order load created through the API (so every column holds what
 * place-order writes: status active, version 1, suspension_reasons '[]', term dates, prices),
 * with a new id and customer, under one new order per customer. Returns the rows in the table.
 */
export async function seedSubscriptions(store: Store, seed: SubscriptionSeed): Promise<number> {
  const { db } = store;
  const templates = await db
    .selectFrom('subscriptions')
    .selectAll()
    .orderBy('id')
    .limit(2)
    .execute();
  const orderTemplate =
    templates[0] &&
    (await db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', templates[0].order_id)
      .executeTakeFirst());
  if (!orderTemplate) throw new Error('no order to copy: the order load created none');

  const missing = seed.total - (await countSubscriptions(store));
  const others = seed.customerIds.filter((id) => id !== seed.readCustomerId);
  const owners = Array.from({ length: Math.max(0, missing) }, (_, i) =>
    i < seed.readCustomerCount ? seed.readCustomerId : (others[i % others.length] as string),
  );
  const nameKeys = await customerNameKeys(store);
  const orders = new Map<string, OrdersTable>();
  const subscriptions = owners.map((customerId, i): SubscriptionsTable => {
    let order = orders.get(customerId);
    if (!order) {
      order = { ...orderTemplate, id: uuidv7(), customer_id: customerId };
      orders.set(customerId, order);
    }
    const template = templates[i % templates.length] as SubscriptionsTable;
    return {
      ...template,
      id: uuidv7(),
      customer_id: customerId,
      customer_name_key: nameKeys.get(customerId) ?? '',
      order_id: order.id,
    };
  });

  await db.transaction().execute(async (trx) => {
    for (const batch of chunks([...orders.values()])) {
      await trx.insertInto('orders').values(batch).execute();
    }
  });
  for (const slice of chunks(subscriptions, ROWS_PER_TRANSACTION)) {
    await db.transaction().execute(async (trx) => {
      for (const batch of chunks(slice))
        await trx.insertInto('subscriptions').values(batch).execute();
    });
  }
  await refreshPlannerStatistics(store);
  return countSubscriptions(store);
}

/** Each customer's name key, as the product copies it to the customer's subscriptions. */
async function customerNameKeys(store: Store): Promise<Map<string, string>> {
  const rows = await store.db.selectFrom('customers').select(['id', 'company_name_key']).execute();
  return new Map(rows.map((row) => [row.id, row.company_name_key]));
}

/**
 * PostgreSQL plans from table statistics, which autovacuum refreshes about a minute after a
 * bulk insert like this one: until then it planned every list page as a scan and sort of all
 * 200,000 rows. A server in service has them, so the bench takes them now, as autovacuum would.
 */
async function refreshPlannerStatistics(store: Store): Promise<void> {
  if (dialectOf(store.db).name === 'postgres') {
    await sql`analyze subscriptions, customers, orders`.execute(store.db);
  }
}

async function countSubscriptions(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}
