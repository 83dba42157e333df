import { sql } from 'kysely';
import type { Invoice, InvoiceStatus } from '../domain/money/charge.js';
import type { InvoicePeriod } from '../domain/money/invoice-periods.js';
import { compiledOnce } from './compiled-once.js';
import { dialectOf } from './dialects/dialect-of.js';
import { inDueScope, type DueScope } from './due-scope.js';
import { keysetPage } from './keyset-page.js';
import type { Page } from './page.js';
import type { Db } from './tables.js';

/**
 * The customer's invoice of a billing period, made as a draft by its first charge. It is read
 * first (every later charge of the period finds it: a read, not a write) and locked until the
 * transaction ends on PostgreSQL, so issuing it (issueInvoice) waits for charges being written
 * into it and then sums them all; SQLite has one writer at a time. Answers its status: an issued
 * one takes no more charges.
 */
export async function openInvoice(
  db: Db,
  input: {
    id: string;
    partnerId: string;
    customerId: string;
    period: InvoicePeriod;
    currency: string;
    now: Date;
  },
): Promise<{ id: string; status: InvoiceStatus }> {
  const find = async () =>
    (await periodInvoice(db, input.partnerId, input.customerId, input.period.start))[0];
  const found = await find();
  if (found) return { id: found.id, status: found.status as InvoiceStatus };
  await db
    .insertInto('invoices')
    .values({
      id: input.id,
      partner_id: input.partnerId,
      customer_id: input.customerId,
      period_start: input.period.start,
      period_end: input.period.end,
      currency: input.currency,
      status: 'draft',
      number: null,
      total: null,
      cost: null,
      issued_at: null,
      created_at: input.now.toISOString(),
    })
    // Another transaction made it meanwhile (PostgreSQL): then it is that one, read again.
    .onConflict((oc) => oc.columns(['partner_id', 'customer_id', 'period_start']).doNothing())
    .execute();
  const made = await find();
  if (!made) throw new Error(`invoice of ${input.customerId} for ${input.period.start} vanished`);
  return { id: made.id, status: made.status as InvoiceStatus };
}

const periodInvoice = compiledOnce(
  (db: Db, partnerId: string, customerId: string, periodStart: string) =>
    dialectOf(db).lockForUpdate(
      db
        .selectFrom('invoices')
        .select(['id', 'status'])
        .where('partner_id', '=', partnerId)
        .where('customer_id', '=', customerId)
        .where('period_start', '=', periodStart),
    ),
);

export interface InvoiceQuery {
  customerId?: string;
  periodStart?: string;
  status?: InvoiceStatus;
  limit: number;
  cursor?: string;
}

/** The partner's invoices, oldest first, with a draft's totals as they stand. */
export async function listInvoices(
  db: Db,
  partnerId: string,
  query: InvoiceQuery,
): Promise<Page<Invoice> | null> {
  let select = invoicesWithTotals(db).where('i.partner_id', '=', partnerId);
  if (query.customerId !== undefined) select = select.where('i.customer_id', '=', query.customerId);
  if (query.periodStart !== undefined)
    select = select.where('i.period_start', '=', query.periodStart);
  if (query.status !== undefined) select = select.where('i.status', '=', query.status);
  const page = await keysetPage(select, { column: 'id', ref: 'i.id', holds: 'uuid' }, query);
  return page && { items: page.rows.map(toInvoice), nextCursor: page.nextCursor };
}

export async function findInvoice(
  db: Db,
  partnerId: string,
  where: { id: string } | { customerId: string; periodStart: string },
): Promise<Invoice | undefined> {
  let select = invoicesWithTotals(db).where('i.partner_id', '=', partnerId);
  select =
    'id' in where
      ? select.where('i.id', '=', where.id)
      : select
          .where('i.customer_id', '=', where.customerId)
          .where('i.period_start', '=', where.periodStart);
  const row = await select.executeTakeFirst();
  return row && toInvoice(row);
}

/** Drafts whose period has ended by `today`, for the scheduler to issue. */
export async function dueInvoiceIds(
  db: Db,
  scope: DueScope,
  today: string,
  page: { limit: number; afterId?: string },
): Promise<string[]> {
  let select = db
    .selectFrom('invoices as i')
    .select('i.id')
    .where('i.status', '=', 'draft')
    .where('i.period_end', '<', today);
  select = select.where(inDueScope(scope, 'i.partner_id'));
  if (page.afterId !== undefined) select = select.where('i.id', '>', page.afterId);
  const rows = await select.orderBy('i.id').limit(page.limit).execute();
  return rows.map((r) => r.id);
}

/**
 * Issues a draft whose period has ended: takes the next number of the partner's year and freezes
 * the totals, in the caller's transaction (a rollback gives the number back, so numbers have no
 * gaps). Undefined when another worker holds it or it is no longer a draft.
 */
export async function issueInvoice(
  db: Db,
  id: string,
  input: { issuedAt: Date; year: number; number: (sequence: number) => string },
): Promise<Invoice | undefined> {
  const draft = await dialectOf(db)
    .skipLocked(
      db
        .selectFrom('invoices')
        .select(['id', 'partner_id', 'customer_id', 'period_end', 'status'])
        .where('id', '=', id),
    )
    .executeTakeFirst();
  if (draft?.status !== 'draft') return undefined;
  if (await hasPendingCharges(db, draft)) return undefined;
  const { last_number } = await db
    .insertInto('invoice_numbers')
    .values({ partner_id: draft.partner_id, year: input.year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['partner_id', 'year'])
        .doUpdateSet({ last_number: (eb) => eb('invoice_numbers.last_number', '+', 1) }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  const totals = await db
    .selectFrom('charges')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string | number>('amount'), sql<number>`0`).as('total'),
      eb.fn.coalesce(eb.fn.sum<string | number>('cost'), sql<number>`0`).as('cost'),
    ])
    .where('invoice_id', '=', id)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('invoices')
    .set({
      status: 'issued',
      number: input.number(last_number),
      total: Number(totals.total),
      cost: Number(totals.cost),
      issued_at: input.issuedAt.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  return findInvoice(db, draft.partner_id, { id });
}

/**
 * Whether one of the customer's subscriptions still owes a charge dated in the period: a period
 * begun but not charged yet, or a term that renews in it. Another worker (or this pass, later)
 * is about to write it, so the invoice waits for its next pass rather than lose the charge to the
 * next period.
 */
async function hasPendingCharges(
  db: Db,
  invoice: { partner_id: string; customer_id: string; period_end: string },
): Promise<boolean> {
  const pending = await db
    .selectFrom('subscriptions')
    .select('id')
    .where('partner_id', '=', invoice.partner_id)
    .where('customer_id', '=', invoice.customer_id)
    .where('status', 'in', ['active', 'suspended'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('next_charge_date', '<=', invoice.period_end),
          eb('next_charge_date', '<=', eb.ref('commitment_end_date')),
        ]),
        eb.and([
          eb('status', '=', 'active'),
          eb('auto_renew_enabled', '=', 1),
          eb('is_trial', '=', 0),
          eb('commitment_end_date', '<', invoice.period_end),
        ]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return pending !== undefined;
}

function invoicesWithTotals(db: Db) {
  return db
    .selectFrom('invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .selectAll('i')
    .select((eb) => [
      'c.company_name as customer_name',
      eb
        .selectFrom('charges as ch')
        .select((e) =>
          e.fn.coalesce(e.fn.sum<string | number>('ch.amount'), sql<number>`0`).as('s'),
        )
        .whereRef('ch.invoice_id', '=', 'i.id')
        .as('draft_total'),
      eb
        .selectFrom('charges as ch')
        .select((e) => e.fn.coalesce(e.fn.sum<string | number>('ch.cost'), sql<number>`0`).as('s'))
        .whereRef('ch.invoice_id', '=', 'i.id')
        .as('draft_cost'),
    ]);
}

type InvoiceRow = Awaited<
  ReturnType<ReturnType<typeof invoicesWithTotals>['executeTakeFirstOrThrow']>
>;

function toInvoice(row: InvoiceRow): Invoice {
  const issued = row.status === 'issued';
  return {
    id: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    currency: row.currency,
    status: row.status as InvoiceStatus,
    number: row.number,
    total: BigInt(issued ? (row.total ?? 0) : (row.draft_total ?? 0)),
    cost: BigInt(issued ? (row.cost ?? 0) : (row.draft_cost ?? 0)),
    issuedAt: row.issued_at === null ? null : new Date(row.issued_at),
    createdAt: new Date(row.created_at),
  };
}
