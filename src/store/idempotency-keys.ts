import { dialectOf } from './dialects/dialect-of.js';
import type { Db, IdempotencyKeysTable } from './tables.js';

export { LEGACY_IDEMPOTENCY_CALLER } from './migrations/0006-sign-in-limits-and-idempotency-scope.js';

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
 * Claims the key for this transaction without waiting, so a second request with the key while the
 * first runs is told at once (on SQLite, BEGIN IMMEDIATE already lets only one request run).
 */
export function tryClaimIdempotencyKey(db: Db, scope: IdempotencyScope): Promise<boolean> {
  return dialectOf(db).tryAdvisoryLock(db, `${scope.partnerId}:${scope.caller}:${scope.key}`);
}

/** Forgets stored answers older than `before`; returns how many. */
export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
