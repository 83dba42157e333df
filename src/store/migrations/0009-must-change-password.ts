import { sql, type Kysely, type Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/**
 * Users who must choose a new password at their next sign-in: set with every temporary password
 * (an invite's or a reset's). Users who exist already chose theirs, so they start with 0.
 */
export function mustChangePassword(t: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('users')
        .addColumn('must_change_password', t.flag, (c) => c.notNull().defaultTo(sql.lit(0)))
        .execute();
    },
  };
}
