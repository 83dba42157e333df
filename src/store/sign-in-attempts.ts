import { sql } from 'kysely';
import type { Db } from './tables.js';

/**
 * Counts one attempt for `key` in the window and returns the window's count with it. One
 * statement, so parallel attempts on any node each count: none overwrites another.
 */
export async function countSignInAttempt(db: Db, key: string, windowStart: Date): Promise<number> {
  const row = await db
    .insertInto('sign_in_attempts')
    .values({ key, window_start: windowStart.toISOString(), attempts: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['key', 'window_start'])
        .doUpdateSet({ attempts: sql<number>`sign_in_attempts.attempts + 1` }),
    )
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts;
}

/** Gives an attempt back (after a successful sign-in). */
export async function refundSignInAttempt(db: Db, key: string, windowStart: Date): Promise<void> {
  await db
    .updateTable('sign_in_attempts')
    .set({ attempts: sql<number>`attempts - 1` })
    .where('key', '=', key)
    .where('window_start', '=', windowStart.toISOString())
    .where('attempts', '>', 0)
    .execute();
}

/** Forgets the windows that ended before `before`; returns how many. */
export async function deleteSignInAttemptsBefore(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('sign_in_attempts')
    .where('window_start', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
