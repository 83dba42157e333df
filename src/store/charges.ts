import type { Charge } from '../domain/money/charge.js';
import type { ChargeType } from '../domain/money/ledger.js';
import { insertRows } from './insert-rows.js';
import { keysetPage } from './keyset-page.js';
import type { Page } from './page.js';
import type { ChargesTable, Db } from './tables.js';

/** Appends charges; the ledger is never updated or deleted. */
export async function insertCharges(db: Db, charges: readonly Charge[]): Promise<void> {
  if (charges.length === 0) return;
  await insertRows(db, 'charges', charges.map(toRow));
}

/** Units × days already charged in one billing period of a subscription (the proration's base). */
export async function chargedUnitDays(
  db: Db,
  subscriptionId: string,
  periodStart: string,
): Promise<bigint> {
  const rows = await db
    .selectFrom('charges')
    .select(['quantity', 'days'])
    .where('subscription_id', '=', subscriptionId)
    .where('period_start', '=', periodStart)
    .execute();
  return rows.reduce((sum, row) => sum + BigInt(row.quantity) * BigInt(row.days), 0n);
}

export interface ChargeQuery {
  customerId?: string;
  subscriptionId?: string;
  invoiceId?: string;
  /** Inclusive bounds of the charge's date. */
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/** The partner's charges in the order they were made. Null when the cursor is not this list's. */
export async function listCharges(
  db: Db,
  partnerId: string,
  query: ChargeQuery,
): Promise<Page<Charge> | null> {
  let select = db.selectFrom('charges').selectAll().where('partner_id', '=', partnerId);
  if (query.customerId !== undefined) {
    const { customerId } = query;
    // Through the customer's invoices: charges have no index of their own by customer, which
    // would cost every order one more write.
    select = select
      .where('customer_id', '=', customerId)
      .where('invoice_id', 'in', (eb) =>
        eb
          .selectFrom('invoices')
          .select('id')
          .where('partner_id', '=', partnerId)
          .where('customer_id', '=', customerId),
      );
  }
  if (query.subscriptionId !== undefined)
    select = select.where('subscription_id', '=', query.subscriptionId);
  if (query.invoiceId !== undefined) select = select.where('invoice_id', '=', query.invoiceId);
  if (query.from !== undefined) select = select.where('date', '>=', query.from);
  if (query.to !== undefined) select = select.where('date', '<=', query.to);
  const page = await keysetPage(select, { column: 'id', holds: 'uuid' }, query);
  return page && { items: page.rows.map(toCharge), nextCursor: page.nextCursor };
}

/** Every charge of the invoices given, oldest first (an invoice's lines). */
export async function chargesOfInvoices(db: Db, invoiceIds: readonly string[]): Promise<Charge[]> {
  if (invoiceIds.length === 0) return [];
  const rows = await db
    .selectFrom('charges')
    .selectAll()
    .where('invoice_id', 'in', [...invoiceIds])
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map(toCharge);
}

function toRow(c: Charge): ChargesTable {
  return {
    id: c.id,
    partner_id: c.partnerId,
    customer_id: c.customerId,
    subscription_id: c.subscriptionId,
    invoice_id: c.invoiceId,
    type: c.type,
    date: c.date,
    period_start: c.periodStart,
    period_end: c.periodEnd,
    quantity: c.quantity,
    days: c.days,
    period_days: c.periodDays,
    unit_price: Number(c.unitPrice),
    unit_cost: Number(c.unitCost),
    amount: Number(c.amount),
    cost: Number(c.cost),
    currency: c.currency,
    event_id: c.eventId,
    created_at: c.createdAt.toISOString(),
  };
}

function toCharge(row: ChargesTable): Charge {
  return {
    id: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    invoiceId: row.invoice_id,
    type: row.type as ChargeType,
    date: row.date,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    quantity: row.quantity,
    days: row.days,
    periodDays: row.period_days,
    unitPrice: BigInt(row.unit_price),
    unitCost: BigInt(row.unit_cost),
    amount: BigInt(row.amount),
    cost: BigInt(row.cost),
    currency: row.currency,
    eventId: row.event_id,
    createdAt: new Date(row.created_at),
  };
}

/** A charge with what a reconciliation row shows beside it. */
export interface ReconciliationRow {
  charge: Charge;
  invoiceNumber: string | null;
  invoiceStatus: string;
  customerName: string;
  offerId: string;
  offerName: string;
  subscriptionName: string;
}

/** The charges of the partner's invoices of one billing period, a batch after `afterId`. */
export async function reconciliationRows(
  db: Db,
  partnerId: string,
  periodStart: string,
  page: { limit: number; afterId?: string },
): Promise<ReconciliationRow[]> {
  let select = db
    .selectFrom('charges as ch')
    .innerJoin('invoices as i', 'i.id', 'ch.invoice_id')
    .innerJoin('customers as c', 'c.id', 'ch.customer_id')
    .innerJoin('subscriptions as s', 's.id', 'ch.subscription_id')
    .selectAll('ch')
    .select([
      'i.number as invoice_number',
      'i.status as invoice_status',
      'c.company_name as customer_name',
      's.offer_id as offer_id',
      's.offer_name as offer_name',
      's.friendly_name as subscription_name',
    ])
    .where('ch.partner_id', '=', partnerId)
    .where('i.partner_id', '=', partnerId)
    .where('i.period_start', '=', periodStart);
  if (page.afterId !== undefined) select = select.where('ch.id', '>', page.afterId);
  const rows = await select.orderBy('ch.id').limit(page.limit).execute();
  return rows.map((row) => ({
    charge: toCharge(row),
    invoiceNumber: row.invoice_number,
    invoiceStatus: row.invoice_status,
    customerName: row.customer_name,
    offerId: row.offer_id,
    offerName: row.offer_name,
    subscriptionName: row.subscription_name,
  }));
}
