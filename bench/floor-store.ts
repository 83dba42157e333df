import Database, { type Statement } from 'better-sqlite3';
import type { FloorOrderRequest } from './floor-app.js';
import { orderLines, type FloorCatalog } from './floor-offers.js';
import { invoicePeriod, orderRows, type OrderRows } from './floor-rows.js';
import { v7 as uuidv7 } from 'uuid';

export type Synchronous = 'FULL' | 'NORMAL';

/**
 * The floor: bare better-sqlite3 with prepared statements and the project's pragmas. An order is
 * what place-order does to the database, in one BEGIN IMMEDIATE transaction: read the customer,
 * read its subscriptions of the ordered offers, find the customer's draft invoice of the billing
 * period (made by the period's first charge), insert the order, the subscriptions, the line items,
 * one charge per subscription and the events (a charge.created each among them). The price book
 * is read once per partner, as the service keeps it in memory. No availability rules, no
 * validation.
 */
export class FloorStore {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Statement>();
  readonly #markups = new Map<string, string>();
  readonly #placeOrder: Database.Transaction<
    (customerId: string, request: FloorOrderRequest) => OrderRows | null
  >;

  constructor(
    path: string,
    synchronous: Synchronous,
    private readonly catalog: FloorCatalog,
  ) {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    this.#db = db;
    this.#placeOrder = db.transaction((customerId: string, request: FloorOrderRequest) =>
      this.#write(customerId, request),
    );
  }

  /** The rows written, or null when the customer does not exist. Throws on an unknown offer. */
  placeOrder(customerId: string, request: FloorOrderRequest): OrderRows | null {
    return this.#placeOrder.immediate(customerId, request);
  }

  close(): void {
    this.#db.close();
  }

  #write(customerId: string, request: FloorOrderRequest): OrderRows | null {
    const customer = this.#statement('select * from customers where id = ?').get(customerId) as
      { partner_id: string; country: string; company_name_key: string } | undefined;
    if (!customer) return null;
    const lines = orderLines(this.catalog, request.lineItems);
    const offerIds = [...new Set(lines.map((l) => l.offer.id))];
    this.#statement(
      `select * from subscriptions where partner_id = ? and customer_id = ? and offer_id in (${offerIds.map(() => '?').join(', ')}) order by id`,
    ).all(customer.partner_id, customerId, ...offerIds);
    const now = new Date();
    const currency = this.catalog.currencyByCountry.get(customer.country) ?? '';
    const rows = orderRows({
      partnerId: customer.partner_id,
      customerId,
      customerNameKey: customer.company_name_key,
      currency,
      billingCycle: request.billingCycle,
      lines,
      now,
      markupPercent: this.#markupOf(customer.partner_id),
      invoiceId: this.#openInvoice(customer.partner_id, customerId, currency, now),
    });
    this.#insert('orders', rows.order);
    for (const row of rows.subscriptions) this.#insert('subscriptions', row);
    for (const row of rows.lineItems) this.#insert('order_line_items', row);
    for (const row of rows.charges) this.#insert('charges', row);
    for (const row of rows.events) this.#insert('events', row);
    return rows;
  }

  /** The partner's default markup, read once: the price book does not change during a bench. */
  #markupOf(partnerId: string): string {
    let markup = this.#markups.get(partnerId);
    if (markup === undefined) {
      const book = this.#statement('select * from price_books where partner_id = ?').get(
        partnerId,
      ) as { default_markup_percent: string } | undefined;
      markup = book?.default_markup_percent ?? '0';
      this.#markups.set(partnerId, markup);
    }
    return markup;
  }

  /**
   * The customer's draft invoice of the billing period holding `now`: read, and made by the
   * period's first charge, as the service does.
   */
  #openInvoice(partnerId: string, customerId: string, currency: string, now: Date): string {
    const period = invoicePeriod(now);
    const find = this.#statement(
      'select id, status from invoices where partner_id = ? and customer_id = ? and period_start = ?',
    );
    let invoice = find.get(partnerId, customerId, period.start) as
      { id: string; status: string } | undefined;
    if (!invoice) {
      invoice = { id: uuidv7(), status: 'draft' };
      this.#statement(
        `insert into invoices (id, partner_id, customer_id, period_start, period_end, currency, status, number, total, cost, issued_at, created_at)
         values (?, ?, ?, ?, ?, ?, 'draft', null, null, null, null, ?)`,
      ).run(
        invoice.id,
        partnerId,
        customerId,
        period.start,
        period.end,
        currency,
        now.toISOString(),
      );
    }
    // The bench issues no invoice, so the draft is always open; the service would take the next.
    if (invoice.status !== 'draft') throw new Error(`invoice ${invoice.id} is already issued`);
    return invoice.id;
  }

  /** One row; the statement is prepared once per table from the row's columns. */
  #insert(table: string, row: object): void {
    const columns = Object.keys(row);
    this.#statement(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
    ).run(row);
  }

  #statement(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}
