import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/**
 * Sign-in attempts counted in the database, so that every node shares one limit; and stored
 * idempotent answers scoped to the caller as well as the partner, so that nobody replays another
 * caller's answer. The old answers are dropped rather than guessed a caller: they were kept for
 * retries within 24 hours only.
 */
export function signInLimitsAndIdempotencyScope(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sign_in_attempts')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('window_start', t.instant, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('sign_in_attempts_pk', ['key', 'window_start'])
        .execute();
      await db.schema
        .createIndex('sign_in_attempts_window')
        .on('sign_in_attempts')
        .columns(['window_start'])
        .execute();

      await db.schema.dropTable('idempotency_keys').execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('caller', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('response_status', 'integer', (c) => c.notNull())
        .addColumn('response_body', 'text', (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['partner_id', 'caller', 'key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_created')
        .on('idempotency_keys')
        .columns(['created_at'])
        .execute();
    },
  };
}
