import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './tables.js';

/**
 * Runs one item of a batch all or nothing: in a transaction of its own, or, when `db` already is
 * a transaction (an idempotent request's, whose stored answer commits with its effects), under a
 * savepoint, so a refused item leaves nothing behind while the items before it stay.
 */
export async function inItemTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(work);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- isTransaction says it is one
  const trx = db as Transaction<Database>;
  // Items run one after another, each savepoint released before the next: one name serves all.
  const name = sql.id('batch_item');
  await sql`savepoint ${name}`.execute(trx);
  try {
    const result = await work(trx);
    await sql`release savepoint ${name}`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(trx);
    await sql`release savepoint ${name}`.execute(trx);
    throw error;
  }
}
