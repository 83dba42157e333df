import { sql, type Kysely, type Migration } from 'kysely';
import { addDays, utcDateOf } from '../../domain/calendar.js';
import { billingPeriodAt } from '../../domain/money/billing-periods.js';
import type { BillingCycle } from '../../domain/offer.js';
import type { ColumnTypes } from './column-types.js';

/**
 * Money: the partner's price book, the append-only ledger of charges, invoices with their gapless
 * numbers, and on each subscription its cost and the next day it is charged. Subscriptions bought
 * before keep the price they were sold at, which was the catalog's (their cost too); the period
 * they are in counts as charged outside psc, so the ledger starts with the next one.
 */
export function money(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('subscriptions')
        .addColumn('unit_cost', 'text', (c) => c.notNull().defaultTo('0'))
        .execute();
      await db.schema.alterTable('subscriptions').addColumn('next_charge_date', t.date).execute();
      await sql`update subscriptions set unit_cost = unit_price`.execute(db);
      await startLedgerOfExistingSubscriptions(db);
      // Every real partner's periods due (a sandbox partner's are few: its other indexes do).
      await db.schema
        .createIndex('subscriptions_due_charge')
        .on('subscriptions')
        .columns(['next_charge_date'])
        .execute();

      await db.schema
        .alterTable('orders')
        .addColumn('currency', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.alterTable('order_line_items').addColumn('unit_price', 'text').execute();
      await db.schema.alterTable('order_line_items').addColumn('amount', 'text').execute();
      await sql`
        update order_line_items set unit_price =
          (select s.unit_price from subscriptions s where s.id = order_line_items.subscription_id)
      `.execute(db);

      await db.schema
        .alterTable('partners')
        .addColumn('price_book_version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('price_books')
        .addColumn('partner_id', t.id, (c) => c.primaryKey().references('partners.id'))
        .addColumn('default_markup_percent', 'text', (c) => c.notNull())
        .addColumn('rules', t.json, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('invoices')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('customer_id', t.id, (c) => c.notNull().references('customers.id'))
        .addColumn('period_start', t.date, (c) => c.notNull())
        .addColumn('period_end', t.date, (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('number', 'text')
        .addColumn('total', 'bigint')
        .addColumn('cost', 'bigint')
        .addColumn('issued_at', t.instant)
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addUniqueConstraint('invoices_customer_period', [
          'partner_id',
          'customer_id',
          'period_start',
        ])
        .addUniqueConstraint('invoices_number', ['partner_id', 'number'])
        .execute();
      await db.schema
        .createIndex('invoices_due')
        .on('invoices')
        .columns(['status', 'period_end'])
        .execute();
      await db.schema
        .createIndex('invoices_partner_period')
        .on('invoices')
        .columns(['partner_id', 'period_start', 'id'])
        .execute();

      await db.schema
        .createTable('invoice_numbers')
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_number', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('invoice_numbers_pk', ['partner_id', 'year'])
        .execute();

      await db.schema
        .createTable('charges')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('customer_id', t.id, (c) => c.notNull().references('customers.id'))
        .addColumn('subscription_id', t.id, (c) => c.notNull().references('subscriptions.id'))
        .addColumn('invoice_id', t.id, (c) => c.notNull().references('invoices.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('date', t.date, (c) => c.notNull())
        .addColumn('period_start', t.date, (c) => c.notNull())
        .addColumn('period_end', t.date, (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('days', 'integer', (c) => c.notNull())
        .addColumn('period_days', 'integer', (c) => c.notNull())
        .addColumn('unit_price', 'bigint', (c) => c.notNull())
        .addColumn('unit_cost', 'bigint', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('cost', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('event_id', t.id, (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .execute();
      // An invoice's lines and totals, and a customer's charges (through its invoices).
      await db.schema
        .createIndex('charges_invoice')
        .on('charges')
        .columns(['invoice_id'])
        .execute();
      // What a period of a subscription has been charged so far (the proration's base).
      await db.schema
        .createIndex('charges_subscription_period')
        .on('charges')
        .columns(['subscription_id', 'period_start'])
        .execute();
    },
  };
}

interface LegacyRow {
  id: string;
  billing_cycle: string;
  effective_start_date: string;
  commitment_end_date: string;
}

async function startLedgerOfExistingSubscriptions(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<LegacyRow>`
    select id, billing_cycle, effective_start_date, commitment_end_date from subscriptions
    where is_trial = 0 and status in ('active', 'suspended')
  `.execute(db);
  const today = utcDateOf(new Date());
  for (const row of rows) {
    const sub = {
      effectiveStartDate: row.effective_start_date,
      commitmentEndDate: row.commitment_end_date,
      billingCycle: row.billing_cycle as BillingCycle,
    };
    const period = billingPeriodAt(
      sub,
      today < sub.effectiveStartDate ? sub.effectiveStartDate : today,
    );
    const next = period ? addDays(period.end, 1) : addDays(sub.commitmentEndDate, 1);
    await sql`update subscriptions set next_charge_date = ${next} where id = ${row.id}`.execute(db);
  }
}
