import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/** Partners, their API tokens, customers and the append-only events table. */
export function foundation(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('partners')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('instance', 'text', (c) => c.notNull())
        .addColumn('billing_day', 'integer', (c) => c.notNull())
        .addColumn('is_sandbox', t.flag, (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('token_prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('revoked_at', t.instant)
        .addColumn('last_used_at', t.instant)
        .execute();
      await db.schema
        .createIndex('api_tokens_partner')
        .on('api_tokens')
        .columns(['partner_id', 'id'])
        .execute();

      await db.schema
        .createTable('customers')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('company_name', 'text', (c) => c.notNull())
        .addColumn('company_name_key', 'text', (c) => c.notNull())
        .addColumn('domain', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('segment', 'text', (c) => c.notNull())
        .addColumn('billing_first_name', 'text', (c) => c.notNull())
        .addColumn('billing_last_name', 'text', (c) => c.notNull())
        .addColumn('billing_email', 'text', (c) => c.notNull())
        .addColumn('billing_line1', 'text', (c) => c.notNull())
        .addColumn('billing_city', 'text', (c) => c.notNull())
        .addColumn('billing_postal_code', 'text', (c) => c.notNull())
        .addColumn('billing_country', 'text', (c) => c.notNull())
        .addColumn('account_opened_at', t.instant, (c) => c.notNull())
        .addColumn('first_billing_period_start', t.date, (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addUniqueConstraint('customers_partner_domain', ['partner_id', 'domain'])
        .execute();
      await db.schema
        .createIndex('customers_partner_name')
        .on('customers')
        .columns(['partner_id', 'company_name_key', 'id'])
        .execute();

      await db.schema
        .createTable('events')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('occurred_at', t.instant, (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('customer_id', t.id)
        .addColumn('subscription_id', t.id)
        .addColumn('order_id', t.id)
        .addColumn('reason', 'text')
        .addColumn('data', t.json, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('events_partner')
        .on('events')
        .columns(['partner_id', 'id'])
        .execute();
      await db.schema
        .createIndex('events_customer')
        .on('events')
        .columns(['partner_id', 'customer_id', 'id'])
        .execute();
      await db.schema
        .createIndex('events_subscription')
        .on('events')
        .columns(['partner_id', 'subscription_id', 'id'])
        .execute();
    },
  };
}
