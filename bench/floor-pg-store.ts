import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { FloorOrderRequest } from './floor-app.js';
import { orderLines, type FloorCatalog } from './floor-offers.js';
import { invoicePeriod, orderRows, type OrderRows } from './floor-rows.js';

/** The service's pool size on PostgreSQL (src/store/dialects/postgres.ts). */
const POOL_SIZE = 10;

/**
 * The PostgreSQL floor: bare `pg` with named (prepared) statements and a pool as large as the
 * service's. An order is what place-order does to the database on PostgreSQL, in one transaction:
 * lock the customer row (`FOR UPDATE`), read its subscriptions of the ordered offers, find its
 * draft invoice of the billing period (locked) and make it for the period's first charge
 * (`ON CONFLICT DO NOTHING`, then read again), then one multi-row INSERT each for the order, the
 * subscriptions, the line items, the charges and the events. The price book is read once per
 * partner, as the service keeps it in memory. No availability rules, no validation, and no read of
 * webhook endpoints (the bench has none).
 */
export class FloorPgStore {
  readonly #pool: pg.Pool;
  readonly #markups = new Map<string, string>();

  constructor(
    connectionString: string,
    private readonly catalog: FloorCatalog,
  ) {
    this.#pool = new pg.Pool({ connectionString, max: POOL_SIZE, options: '-c TimeZone=UTC' });
    this.#pool.on('error', () => undefined);
  }

  /** The rows written, or null when the customer does not exist. Throws on an unknown offer. */
  async placeOrder(customerId: string, request: FloorOrderRequest): Promise<OrderRows | null> {
    const lines = orderLines(this.catalog, request.lineItems);
    const client = await this.#pool.connect();
    try {
      await client.query('begin');
      const rows = await this.#write(client, customerId, request.billingCycle, lines);
      await client.query(rows ? 'commit' : 'rollback');
      return rows;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.#pool.end();
  }

  async #write(
    client: pg.PoolClient,
    customerId: string,
    billingCycle: string,
    lines: ReturnType<typeof orderLines>,
  ): Promise<OrderRows | null> {
    const customer = await one<{ partner_id: string; country: string; company_name_key: string }>(
      client,
      {
        name: 'floor-lock-customer',
        text: 'select * from customers where id = $1 for update',
        values: [customerId],
      },
    );
    if (!customer) return null;
    const offerIds = [...new Set(lines.map((l) => l.offer.id))];
    await client.query({
      name: `floor-subscriptions-${offerIds.length}`,
      text: `select * from subscriptions where partner_id = $1 and customer_id = $2 and offer_id in (${offerIds.map((_, i) => `$${i + 3}`).join(', ')}) order by id`,
      values: [customer.partner_id, customerId, ...offerIds],
    });
    const now = new Date();
    const currency = this.catalog.currencyByCountry.get(customer.country) ?? '';
    const rows = orderRows({
      partnerId: customer.partner_id,
      customerId,
      customerNameKey: customer.company_name_key,
      currency,
      billingCycle,
      lines,
      now,
      markupPercent: await this.#markupOf(client, customer.partner_id),
      invoiceId: await openInvoice(client, customer.partner_id, customerId, currency, now),
    });
    await insertRows(client, 'orders', [rows.order]);
    await insertRows(client, 'subscriptions', rows.subscriptions);
    await insertRows(client, 'order_line_items', rows.lineItems);
    await insertRows(client, 'charges', rows.charges);
    await insertRows(client, 'events', rows.events);
    return rows;
  }

  /** The partner's default markup, read once: the price book does not change during a bench. */
  async #markupOf(client: pg.PoolClient, partnerId: string): Promise<string> {
    let markup = this.#markups.get(partnerId);
    if (markup === undefined) {
      const book = await one<{ default_markup_percent: string }>(client, {
        name: 'floor-price-book',
        text: 'select * from price_books where partner_id = $1',
        values: [partnerId],
      });
      markup = book?.default_markup_percent ?? '0';
      this.#markups.set(partnerId, markup);
    }
    return markup;
  }
}

/**
 * The customer's draft invoice of the billing period holding `now`, as the service opens it on
 * PostgreSQL: a locked read, and for the period's first charge an insert that yields to one made
 * meanwhile, then the locked read again.
 */
async function openInvoice(
  client: pg.PoolClient,
  partnerId: string,
  customerId: string,
  currency: string,
  now: Date,
): Promise<string> {
  const period = invoicePeriod(now);
  const find = () =>
    one<{ id: string; status: string }>(client, {
      name: 'floor-find-invoice',
      text: 'select id, status from invoices where partner_id = $1 and customer_id = $2 and period_start = $3 for update',
      values: [partnerId, customerId, period.start],
    });
  let invoice = await find();
  if (!invoice) {
    await client.query({
      name: 'floor-insert-invoice',
      text: `insert into invoices (id, partner_id, customer_id, period_start, period_end, currency, status, number, total, cost, issued_at, created_at)
             values ($1, $2, $3, $4, $5, $6, 'draft', null, null, null, null, $7)
             on conflict (partner_id, customer_id, period_start) do nothing`,
      values: [
        uuidv7(),
        partnerId,
        customerId,
        period.start,
        period.end,
        currency,
        now.toISOString(),
      ],
    });
    invoice = await find();
  }
  // The bench issues no invoice, so the draft is always open; the service would take the next.
  if (invoice?.status !== 'draft') throw new Error(`no draft invoice for ${customerId}`);
  return invoice.id;
}

/** One multi-row INSERT, as Kysely's `.values([...])` makes it; named per table and row count. */
async function insertRows(client: pg.PoolClient, table: string, rows: readonly object[]) {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const tuples = rows.map(
    (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
  );
  await client.query({
    name: `floor-insert-${table}-${rows.length}`,
    text: `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`,
    values: rows.flatMap((row) => columns.map((c) => (row as Record<string, unknown>)[c])),
  });
}

async function one<Row extends pg.QueryResultRow>(
  client: pg.PoolClient,
  query: pg.QueryConfig,
): Promise<Row | undefined> {
  return (await client.query<Row>(query)).rows[0];
}
