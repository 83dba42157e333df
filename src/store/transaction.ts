import type { Kysely, Transaction } from 'kysely';
import { commitObserved } from './commit-timings.js';
import type { Database } from './tables.js';

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` already is one, so that use
 * cases compose into one atomic unit (bootstrap creates a partner, a token and customers at once).
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- isTransaction says it is one
  if (db.isTransaction) return work(db as Transaction<Database>);
  let workDone = 0;
  return db
    .transaction()
    .execute(async (trx) => {
      const result = await work(trx);
      workDone = performance.now();
      return result;
    })
    .then((result) => {
      // The commit's wait alone (its fsync, a group commit's turn), not the work before it.
      commitObserved((performance.now() - workDone) / 1000);
      return result;
    });
}
