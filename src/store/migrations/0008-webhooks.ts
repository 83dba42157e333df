import { sql, type Kysely, type Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/**
 * Webhooks: the partner's endpoints (their signing secrets encrypted), one delivery per event and
 * endpoint, written in the event's own transaction, and the log of each delivery's attempts.
 */
export function webhooks(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webhook_endpoints')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('event_types', t.json, (c) => c.notNull())
        .addColumn('enabled', t.flag, (c) => c.notNull())
        .addColumn('disabled_reason', 'text')
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('previous_secret', 'text')
        .addColumn('previous_secret_expires_at', t.instant)
        .addColumn('failing_since', t.instant)
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('updated_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('webhook_endpoints_partner')
        .on('webhook_endpoints')
        .columns(['partner_id'])
        .execute();

      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('endpoint_id', t.id, (c) =>
          c.notNull().references('webhook_endpoints.id').onDelete('cascade'),
        )
        .addColumn('event_id', t.id, (c) => c.notNull().references('events.id'))
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        // Failed attempts since the schedule began: a redelivery starts a new schedule.
        .addColumn('schedule_failures', 'integer', (c) => c.notNull())
        .addColumn('attempt_count', 'integer', (c) => c.notNull())
        // Null while pending means due at once (a new or redelivered one): time is the clock's.
        .addColumn('next_attempt_at', t.instant)
        // Set while a dispatcher holds the delivery; its result counts only with this token.
        .addColumn('claim_token', 'text')
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addUniqueConstraint('webhook_deliveries_event', ['endpoint_id', 'event_id'])
        .execute();
      // Only pending deliveries are ever claimed: the index holds them alone, however long the log.
      await db.schema
        .createIndex('webhook_deliveries_due')
        .on('webhook_deliveries')
        .columns(['next_attempt_at', 'id'])
        .where(sql.ref('status'), '=', 'pending')
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_endpoint')
        .on('webhook_deliveries')
        .columns(['endpoint_id', 'id'])
        .execute();

      await db.schema
        .createTable('webhook_attempts')
        .addColumn('delivery_id', t.id, (c) =>
          c.notNull().references('webhook_deliveries.id').onDelete('cascade'),
        )
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('at', t.instant, (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('response_body', 'text')
        .addPrimaryKeyConstraint('webhook_attempts_pk', ['delivery_id', 'number'])
        .execute();
    },
  };
}
