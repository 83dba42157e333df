import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The list across customers, in its default order (by customer name, ties by id), read a page by
 * walking customers in name order and sorting each one's subscriptions: a partial sort of the
 * first customer's thousand rows for every page. With the customer's name key on the
 * subscription and an index in that order, a page is one range of the index. Every write of a
 * customer's name writes it to the customer's subscriptions too, in the same transaction.
 * The empty default only fills the rows that exist while the column is added; every insert gives
 * the key.
 */
export function subscriptionCustomerName(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('subscriptions')
        .addColumn('customer_name_key', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await sql`update subscriptions set customer_name_key = (
          select c.company_name_key from customers c where c.id = subscriptions.customer_id)`.execute(
        db,
      );
      await db.schema
        .createIndex('subscriptions_partner_customer_name')
        .on('subscriptions')
        .columns(['partner_id', 'customer_name_key', 'id'])
        .execute();
    },
  };
}
