import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/** Orders with their line items, subscriptions, and stored answers for idempotent retries. */
export function ordersAndSubscriptions(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('orders')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('customer_id', t.id, (c) => c.notNull().references('customers.id'))
        .addColumn('billing_cycle', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('orders_customer')
        .on('orders')
        .columns(['partner_id', 'customer_id', 'id'])
        .execute();

      await db.schema
        .createTable('subscriptions')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('customer_id', t.id, (c) => c.notNull().references('customers.id'))
        .addColumn('offer_id', 'text', (c) => c.notNull())
        .addColumn('offer_name', 'text', (c) => c.notNull())
        .addColumn('friendly_name', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('unit_type', 'text', (c) => c.notNull())
        .addColumn('parent_subscription_id', t.id, (c) => c.references('subscriptions.id'))
        .addColumn('order_id', t.id, (c) => c.notNull().references('orders.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('billing_cycle', 'text', (c) => c.notNull())
        .addColumn('term_duration', 'text', (c) => c.notNull())
        .addColumn('auto_renew_enabled', t.flag, (c) => c.notNull())
        .addColumn('is_trial', t.flag, (c) => c.notNull())
        .addColumn('trial_end_date', t.date)
        .addColumn('creation_date', t.instant, (c) => c.notNull())
        .addColumn('effective_start_date', t.date, (c) => c.notNull())
        .addColumn('commitment_end_date', t.date, (c) => c.notNull())
        .addColumn('cancellation_allowed_until', t.instant)
        .addColumn('quantity_decrease_allowed_until', t.instant)
        .addColumn('suspension_reasons', t.json, (c) => c.notNull())
        .addColumn('suspended_at', t.instant)
        .addColumn('expires_at', t.instant)
        .addColumn('deleted_at', t.instant)
        .addColumn('unit_price', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('subscriptions_customer')
        .on('subscriptions')
        .columns(['partner_id', 'customer_id', 'id'])
        .execute();
      await db.schema
        .createIndex('subscriptions_customer_offer')
        .on('subscriptions')
        .columns(['partner_id', 'customer_id', 'offer_id'])
        .execute();
      await db.schema
        .createIndex('subscriptions_parent')
        .on('subscriptions')
        .columns(['parent_subscription_id'])
        .execute();

      await db.schema
        .createTable('order_line_items')
        .addColumn('order_id', t.id, (c) => c.notNull().references('orders.id'))
        .addColumn('line_item_number', 'integer', (c) => c.notNull())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('offer_id', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('term_duration', 'text', (c) => c.notNull())
        .addColumn('friendly_name', 'text', (c) => c.notNull())
        .addColumn('parent_subscription_id', t.id)
        .addColumn('subscription_id', t.id, (c) => c.notNull().references('subscriptions.id'))
        .addPrimaryKeyConstraint('order_line_items_pk', ['order_id', 'line_item_number'])
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('response_status', 'integer', (c) => c.notNull())
        .addColumn('response_body', 'text', (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['partner_id', 'key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_created')
        .on('idempotency_keys')
        .columns(['created_at'])
        .execute();
    },
  };
}
