import { sql } from 'kysely';
import { addInstantDays, utcDateOf } from '../domain/calendar.js';
import { EXPIRING_SOON_DAYS } from '../domain/due-transitions.js';
import { supportsRowLocks } from './row-locks.js';
import type { Db } from './tables.js';
import { findSubscriptionById } from './subscriptions.js';

export interface DueScope {
  /** One sandbox partner, at its own clock; else every real partner, at real time. */
  partnerId?: string;
}

/**
 * Ids of subscriptions that may have due work at `now`, after `afterId`, by indexed range scans:
 * suspended ones whose retention ends within the warning window (deletion or a warning), and
 * active ones whose term ends within it (renewal, expiry or a warning). Rows already warned about
 * and not yet due are left out, so they never crowd out due work.
 */
export async function dueSubscriptionIds(
  db: Db,
  scope: DueScope,
  now: Date,
  options: { afterId?: string; limit: number },
): Promise<string[]> {
  const horizon = addInstantDays(now, EXPIRING_SOON_DAYS);
  const nowText = now.toISOString();
  const today = utcDateOf(now);
  let select = db
    .selectFrom('subscriptions as s')
    .select('s.id')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('s.status', '=', 'suspended'),
          eb('s.expires_at', '<=', horizon.toISOString()),
          eb.or([
            eb('s.expires_at', '<=', nowText),
            eb('s.expiring_soon_warned_for', 'is', null),
            eb('s.expiring_soon_warned_for', '<>', eb.ref('s.expires_at')),
          ]),
        ]),
        eb.and([
          eb('s.status', '=', 'active'),
          eb('s.commitment_end_date', '<', utcDateOf(horizon)),
          eb.or([
            eb('s.commitment_end_date', '<', today),
            eb.and([
              eb('s.expiring_soon_warned_for', 'is', null),
              eb.or([eb('s.auto_renew_enabled', '=', 0), eb('s.is_trial', '=', 1)]),
            ]),
          ]),
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
  return rows.map((r) => r.id);
}

/**
 * The subscription, locked for this transaction; undefined when another worker holds it (it is
 * being processed there) or it is gone. SQLite has one writer at a time, so it needs no lock.
 */
export async function lockSubscriptionForWork(db: Db, id: string) {
  return findSubscriptionById(db, id, supportsRowLocks(db) ? 'skip_locked' : 'none');
}
