import { sql } from 'kysely';
import { supportsRowLocks } from './row-locks.js';
import type { Db, IdempotencyKeysTable } from './tables.js';

/** A key as its caller sent it: partner, caller (`token:<id>` or `user:<id>`) and the key. */
export interface IdempotencyScope {
  partnerId: string;
  caller: string;
  key: string;
}

export async function findIdempotencyKey(
  db: Db,
  scope: IdempotencyScope,
): Promise<IdempotencyKeysTable | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('partner_id', '=', scope.partnerId)
    .where('caller', '=', scope.caller)
    .where('key', '=', scope.key)
    .executeTakeFirst();
}

export async function saveIdempotencyKey(db: Db, row: IdempotencyKeysTable): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('partner_id', '=', row.partner_id)
    .where('caller', '=', row.caller)
    .where('key', '=', row.key)
    .execute();
  await db.insertInto('idempotency_keys').values(row).execute();
}

/**
 * Claims the key for this transaction. PostgreSQL: a transaction-scoped advisory lock, taken
 * without waiting, so a second request with the key while the first runs is told at once.
 * SQLite: the write lock of BEGIN IMMEDIATE already lets only one request run.
 */
export async function tryClaimIdempotencyKey(db: Db, scope: IdempotencyScope): Promise<boolean> {
  if (!supportsRowLocks(db)) return true;
  const lockName = `${scope.partnerId}:${scope.caller}:${scope.key}`;
  const { rows } = await sql<{ claimed: boolean }>`
    select pg_try_advisory_xact_lock(hashtextextended(${lockName}, 0)) as claimed
  `.execute(db);
  return rows[0]?.claimed === true;
}

/** Forgets stored answers older than `before`; returns how many. */
export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
