import { sql } from 'kysely';
import { addInstantDays, utcDateOf } from '../domain/calendar.js';
import { EXPIRING_SOON_DAYS } from '../domain/due-transitions.js';
import type { Db } from './tables.js';
import type { Subscription } from '../domain/subscription.js';
import { findSubscriptionById, toSubscription } from './subscriptions.js';

export interface DueScope {
  /** One sandbox partner, at its own clock; else every real partner, at real time. */
  partnerId?: string;
}

/**
 * Subscriptions that may have due work at `now`, after `afterId`, found by indexed time ranges
 * only: suspended ones whose retention ends within the warning window, and active ones whose term
 * ends within it. Which of them has work, and which work, the domain decides (verbs/due.ts), with
 * the offer as the catalog has it today.
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
      ]),
    );
  if (scope.partnerId !== undefined) {
    select = select.where('s.partner_id', '=', scope.partnerId);
  } else {
    select = select.where((eb) =>
      eb.exists(
        eb
          .selectFrom('partners as p')
          .select(sql.lit(1).as('one'))
          .whereRef('p.id', '=', 's.partner_id')
          .where('p.sandbox_now', 'is', null),
      ),
    );
  }
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
