import { sql } from 'kysely';
import { startOfUtcDay, utcDateOf } from '../domain/calendar.js';
import { termEndsAt } from '../domain/due-transitions.js';
import { inDueScope } from './due-scope.js';
import type { Db } from './tables.js';

/**
 * When the longest-waiting work of the scheduler fell due, if any is waiting at `now`: a retention
 * that has ended, a term that has ended, or a billing period that has begun (the due candidates'
 * conditions of due-subscriptions.ts at `now`, not within the warning window), of real partners.
 * Each is the first row of an indexed range, so a scrape stays cheap at any size.
 */
export async function oldestDueAt(db: Db, now: Date): Promise<Date | undefined> {
  const today = utcDateOf(now);
  const realPartners = inDueScope({}, 's.partner_id');
  const [retention, term, charge] = await Promise.all([
    db
      .selectFrom('subscriptions as s')
      .select('s.expires_at as at')
      .where('s.status', '=', 'suspended')
      .where('s.expires_at', '<=', now.toISOString())
      .where(realPartners)
      .orderBy('s.expires_at')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('subscriptions as s')
      .select('s.commitment_end_date as day')
      .where('s.status', '=', 'active')
      .where('s.commitment_end_date', '<', today)
      .where(realPartners)
      .orderBy('s.commitment_end_date')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('subscriptions as s')
      .select('s.next_charge_date as day')
      .where('s.next_charge_date', '<=', today)
      .where((eb) => eb('s.next_charge_date', '<=', eb.ref('s.commitment_end_date')))
      // Not by the status index, which would sort every active subscription: walk the
      // next_charge_date index in its order and stop at the first row that qualifies.
      .where(sql<string>`${sql.ref('s.status')} || ''`, 'in', ['active', 'suspended'])
      .where(realPartners)
      .orderBy('s.next_charge_date')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const due = [
    retention?.at == null ? undefined : new Date(retention.at),
    term === undefined ? undefined : termEndsAt({ commitmentEndDate: term.day }),
    charge?.day == null ? undefined : startOfUtcDay(charge.day),
  ].filter((at) => at !== undefined);
  return due.length === 0 ? undefined : new Date(Math.min(...due.map((at) => at.getTime())));
}
