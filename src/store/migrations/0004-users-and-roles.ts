import { sql, type Kysely, type Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/** Partner users with roles, their sessions and sign-in attempts; a role on every API token. */
export function usersAndRoles(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('api_tokens')
        .addColumn('role', 'text', (c) => c.notNull().defaultTo(sql.lit('global_admin')))
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled_at', t.instant)
        .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', t.instant)
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .execute();
      // An email signs in to one partner: it is unique across the whole installation.
      await db.schema.createIndex('users_email').unique().on('users').column('email').execute();
      await db.schema
        .createIndex('users_partner')
        .on('users')
        .columns(['partner_id', 'id'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', t.id, (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
        .addColumn('partner_id', t.id, (c) => c.notNull().references('partners.id'))
        .addColumn('created_at', t.instant, (c) => c.notNull())
        .addColumn('expires_at', t.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    },
  };
}
