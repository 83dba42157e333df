import { sql, type Kysely, type Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/** The caller of an answer stored before answers had one: it is never replayed to anyone. */
export const LEGACY_IDEMPOTENCY_CALLER = 'legacy';

/**
 * Sign-in attempts counted in the database, so that every node shares one limit; and stored
 * idempotent answers scoped to the caller as well as the partner, so that nobody replays another
 * caller's answer. The answers stored before are kept under LEGACY_IDEMPOTENCY_CALLER: their
 * caller is unknown, so they are not replayed, but a retry with their key is still refused
 * rather than acted on twice (they go with the rest after 24 hours).
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

      await db.schema.dropIndex('idempotency_keys_created').execute();
      await db.schema.alterTable('idempotency_keys').renameTo('idempotency_keys_v1').execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('caller', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('response_status', 'integer', (c) => c.notNull())
        .addColumn('response_body', 'text', (c) => c.notNull())
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_caller_pk', ['partner_id', 'caller', 'key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_created')
        .on('idempotency_keys')
        .columns(['created_at'])
        .execute();
      await sql`
        insert into idempotency_keys
          (partner_id, caller, key, request_hash, response_status, response_body, created_at)
        select partner_id, ${LEGACY_IDEMPOTENCY_CALLER}, key, request_hash, response_status,
          response_body, created_at
        from idempotency_keys_v1
      `.execute(db);
      await db.schema.dropTable('idempotency_keys_v1').execute();
    },
  };
}
