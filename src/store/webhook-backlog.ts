import { sql } from 'kysely';
import type { Db } from './tables.js';

export interface WebhookBacklog {
  /** Deliveries not yet delivered nor failed: due, waiting for a retry, or being attempted. */
  pending: number;
  /** Of those, the ones a dispatcher could claim at `now`: new ones and retries whose time came. */
  due: number;
}

/** The webhook deliveries waiting, through the pending deliveries' own index. */
export async function webhookBacklog(db: Db, now: Date): Promise<WebhookBacklog> {
  // A held delivery's next_attempt_at is its lease, in the future: in flight, not due.
  const row = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('pending'),
      sql<
        number | string | null
      >`sum(case when ${eb.ref('next_attempt_at')} is null or ${eb.ref('next_attempt_at')} <= ${now.toISOString()} then 1 else 0 end)`.as(
        'due',
      ),
    ])
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), due: Number(row.due ?? 0) };
}
