import { addInstantDays, utcDateOf } from '../domain/calendar.js';
import { EXPIRING_SOON_DAYS } from '../domain/due-transitions.js';
import { inDueScope, type DueScope } from './due-scope.js';
import type { Db } from './tables.js';
import type { Subscription } from '../domain/subscription.js';
import { dialectOf } from './dialects/dialect-of.js';
import { findSubscriptionById, toSubscription } from './subscriptions.js';

export type { DueScope };

/**
 * Subscriptions that may have due work at `now`, after `afterId`, found by indexed time ranges
 * only: suspended ones whose retention ends within the warning window, active ones whose term
 * ends within it, and billed ones whose next period has begun. Which of them has work, and which
 * work, the domain decides (verbs/due.ts), with the offer as the catalog has it today.
 */
export async function dueCandidates(
  db: Db,
  scope: DueScope,
  now: Date,
  options: { afterId?: string; limit: number },
): Promise<Subscription[]> {
  const horizon = addInstantDays(now, EXPIRING_SOON_DAYS);
  let select = db
    .selectFrom('subscriptions as s')
    .selectAll('s')
    .where((eb) =>
      eb.or([
        eb.and([eb('s.status', '=', 'suspended'), eb('s.expires_at', '<=', horizon.toISOString())]),
        eb.and([
          eb('s.status', '=', 'active'),
          eb('s.commitment_end_date', '<', utcDateOf(horizon)),
        ]),
        eb.and([
          eb('s.next_charge_date', '<=', utcDateOf(now)),
          eb('s.next_charge_date', '<=', eb.ref('s.commitment_end_date')),
          eb('s.status', 'in', ['active', 'suspended']),
        ]),
      ]),
    );
  select = select.where(inDueScope(scope, 's.partner_id'));
  if (options.afterId !== undefined) select = select.where('s.id', '>', options.afterId);
  const rows = await select.orderBy('s.id').limit(options.limit).execute();
  return rows.map(toSubscription);
}

/**
 * The subscription, locked for this transaction; undefined when another worker holds it (it is
 * being processed there) or it is gone. SQLite has one writer at a time, so it needs no lock.
 */
export async function lockSubscriptionForWork(db: Db, id: string) {
  return findSubscriptionById(db, id, 'skip_locked');
}

/**
 * Claims a batch for this transaction: the subscriptions with these ids, locked, leaving out those
 * another worker holds (they are being processed there) and those gone. One query for the batch.
 */
export async function claimForWork(db: Db, ids: readonly string[]): Promise<Subscription[]> {
  if (ids.length === 0) return [];
  const select = db
    .selectFrom('subscriptions')
    .selectAll()
    .where('id', 'in', [...ids]);
  const rows = await dialectOf(db).skipLocked(select).orderBy('id').execute();
  return rows.map(toSubscription);
}

/** The subscriptions with these ids, across partners, unlocked: a batch's bases, in one query. */
export async function subscriptionsWithIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, Subscription>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('subscriptions')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, toSubscription(row)]));
}
