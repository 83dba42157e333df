import { sql } from 'kysely';
import type { BillingCycle } from '../domain/offer.js';
import type { PeriodTotal } from '../domain/money/overview-periods.js';
import type { RecurringLine } from '../domain/money/recurring.js';
import type { Db } from './tables.js';

/**
 * The partner's active paid subscriptions as recurring lines, one per price: the quantities of
 * subscriptions at the same price, cost and billing cycle are summed in SQL (exact integers), so
 * the answer stays small however many subscriptions there are.
 */
export async function activeRecurringLines(db: Db, partnerId: string): Promise<RecurringLine[]> {
  const rows = await db
    .selectFrom('subscriptions')
    .select((eb) => [
      'currency',
      'billing_cycle',
      'unit_price',
      'unit_cost',
      eb.fn.sum<string | number>('quantity').as('quantity'),
    ])
    .where('partner_id', '=', partnerId)
    .where('status', '=', 'active')
    .where('is_trial', '=', 0)
    .groupBy(['currency', 'billing_cycle', 'unit_price', 'unit_cost'])
    .execute();
  return rows.map((r) => ({
    currency: r.currency,
    billingCycle: r.billing_cycle as BillingCycle,
    quantity: Number(r.quantity),
    unitPrice: r.unit_price,
    unitCost: r.unit_cost,
  }));
}

/**
 * What the partner's invoices of the billing periods starting from `from` to `to` add up to, per
 * period and currency: an issued invoice's frozen totals, a draft's charges so far.
 */
export async function invoiceTotalsByPeriod(
  db: Db,
  partnerId: string,
  range: { from: string; to: string },
): Promise<PeriodTotal[]> {
  const inRange = db
    .selectFrom('invoices as i')
    .where('i.partner_id', '=', partnerId)
    .where('i.period_start', '>=', range.from)
    .where('i.period_start', '<=', range.to);
  const issued = await inRange
    .where('i.status', '=', 'issued')
    .select((eb) => [
      'i.period_start',
      'i.currency',
      eb.fn.coalesce(eb.fn.sum<string | number>('i.total'), sql<number>`0`).as('invoiced'),
      eb.fn.coalesce(eb.fn.sum<string | number>('i.cost'), sql<number>`0`).as('cost'),
    ])
    .groupBy(['i.period_start', 'i.currency'])
    .execute();
  const drafts = await inRange
    .innerJoin('charges as ch', 'ch.invoice_id', 'i.id')
    .where('i.status', '=', 'draft')
    .select((eb) => [
      'i.period_start',
      'i.currency',
      eb.fn.sum<string | number>('ch.amount').as('invoiced'),
      eb.fn.sum<string | number>('ch.cost').as('cost'),
    ])
    .groupBy(['i.period_start', 'i.currency'])
    .execute();
  return [...issued, ...drafts].map((r) => ({
    periodStart: r.period_start,
    currency: r.currency,
    invoiced: BigInt(r.invoiced),
    cost: BigInt(r.cost),
  }));
}

/** The countries of the partner's customers: the currencies it bills in come from them. */
export async function customerCountries(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('customers')
    .select('country')
    .distinct()
    .where('partner_id', '=', partnerId)
    .execute();
  return rows.map((r) => r.country);
}
