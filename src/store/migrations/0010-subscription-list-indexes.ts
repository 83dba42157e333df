import type { Kysely, Migration } from 'kysely';

/**
 * The partner-wide subscription list reads a page in the order of a subscription's column, ties
 * by id: with an index in that order (either direction) a page reads its rows and stops, instead
 * of sorting every subscription of the partner. A nullable column's page reads its rows with a
 * value from the index, then its nulls (one equality range of the same index, in id order).
 */
const SORTED_COLUMNS = {
  subscriptions_partner_offer_name: 'offer_name',
  subscriptions_partner_commitment_end: 'commitment_end_date',
  subscriptions_partner_trial_end: 'trial_end_date',
  subscriptions_partner_expires: 'expires_at',
  subscriptions_partner_creation: 'creation_date',
  subscriptions_partner_quantity: 'quantity',
} as const;

export function subscriptionListIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const [name, column] of Object.entries(SORTED_COLUMNS)) {
        await db.schema
          .createIndex(name)
          .on('subscriptions')
          .columns(['partner_id', column, 'id'])
          .execute();
      }
      // A page's customers are read by partner and id; SQLite, without statistics, took the
      // (partner, domain) index for that and read every customer of the partner (2 ms for 50).
      await db.schema
        .createIndex('customers_partner_id')
        .on('customers')
        .columns(['partner_id', 'id'])
        .execute();
      // A page's assigned-license counts look its 50 subscriptions up by partner and id. SQLite,
      // without statistics, read them through the (partner, user) index instead: every
      // assignment of the partner, for each page.
      await db.schema
        .createIndex('license_assignments_subscription')
        .on('license_assignments')
        .columns(['partner_id', 'subscription_id'])
        .execute();
    },
  };
}
