import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/** Sandbox clocks, the once-only expiry warning, and the indexes the scheduler's queries use. */
export function lifecycleAutomation(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('partners').addColumn('sandbox_now', t.instant).execute();
      await db.schema
        .alterTable('subscriptions')
        .addColumn('expiring_soon_warned_for', t.instant)
        .execute();
      await db.schema
        .createIndex('subscriptions_due_retention')
        .on('subscriptions')
        .columns(['status', 'expires_at'])
        .execute();
      await db.schema
        .createIndex('subscriptions_due_term')
        .on('subscriptions')
        .columns(['status', 'commitment_end_date'])
        .execute();
      await db.schema
        .createIndex('subscriptions_partner_due_retention')
        .on('subscriptions')
        .columns(['partner_id', 'status', 'expires_at'])
        .execute();
      await db.schema
        .createIndex('subscriptions_partner_due_term')
        .on('subscriptions')
        .columns(['partner_id', 'status', 'commitment_end_date'])
        .execute();
    },
  };
}
