import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/** The customer's own users and the licenses of its subscriptions assigned to them. */
export function customerUsers(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('customer_users')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('customer_id', t.id, (c) => c.notNull().references('customers.id'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('is_admin', t.flag, (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .execute();
      // One user per email in a customer; also the order of the customer's user list.
      await db.schema
        .createIndex('customer_users_email')
        .unique()
        .on('customer_users')
        .columns(['partner_id', 'customer_id', 'email'])
        .execute();

      await db.schema
        .createTable('license_assignments')
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('subscription_id', t.id, (c) => c.notNull().references('subscriptions.id'))
        .addColumn('customer_user_id', t.id, (c) => c.notNull().references('customer_users.id'))
        .addColumn('assigned_at', t.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('license_assignments_pk', ['subscription_id', 'customer_user_id'])
        .execute();
      await db.schema
        .createIndex('license_assignments_user')
        .on('license_assignments')
        .columns(['partner_id', 'customer_user_id'])
        .execute();
    },
  };
}
