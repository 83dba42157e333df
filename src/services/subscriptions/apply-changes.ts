import { DomainError } from '../../domain/errors.js';
import type { DomainEvent } from '../../domain/event.js';
import type { Subscription } from '../../domain/subscription.js';
import type { Change, ChangeEvent } from '../../domain/verbs/change.js';
import { appendEvents } from '../../store/events.js';
import { updateSubscription } from '../../store/subscriptions.js';
import type { Db } from '../../store/tables.js';
import { decideLedger, recordCharges } from '../billing/ledger-writer.js';
import type { CallerContext } from '../context.js';
import { callerEvent } from '../events.js';

/** Whose changes these are and when: the ledger dates charges and picks invoices by them. */
export interface ChangeContext {
  partnerId: string;
  billingDay: number;
  /** The partner's time (a sandbox partner's own clock). */
  now: Date;
  stamp: (event: ChangeEvent) => DomainEvent;
}

/**
 * The one writer of subscriptions. Writes what the verbs decided, in the caller's transaction:
 * each subscription once (several steps of one request on one subscription make one new version),
 * only if nobody changed it since it was read (else `etag_mismatch`: a caller reads it again, a job
 * tries again on its next pass), the charges the change costs (the ledger), and the events in the
 * order the verbs gave them, then the charges'. This is where the webhook outbox joins the change.
 */
export async function applyChanges(
  trx: Db,
  changes: readonly Change[],
  context: ChangeContext,
): Promise<Map<string, Subscription>> {
  const merged = new Map<string, { before: Subscription; next: Subscription; visible: boolean }>();
  const events: DomainEvent[] = [];
  for (const change of changes.flatMap((c) => [c, ...c.followers])) {
    const earlier = merged.get(change.before.id);
    merged.set(change.before.id, {
      before: earlier?.before ?? change.before,
      next: change.next,
      visible: (earlier?.visible ?? false) || change.visible,
    });
    events.push(...change.events.map(context.stamp));
  }
  const moved = [...merged.values()].filter(({ before, next }) => next !== before);
  const ledger = await decideLedger(
    trx,
    moved.map(({ before, next }) => ({
      before,
      next,
      cancelled: events.some(
        (e) => e.type === 'subscription.cancelled' && e.subscriptionId === next.id,
      ),
    })),
    context.now,
  );
  const written = new Map<string, Subscription>();
  for (const { before, next, visible } of moved) {
    const entry = ledger.get(next.id);
    const version = before.version + (visible ? 1 : 0);
    const nextChargeDate = entry ? entry.nextChargeDate : next.nextChargeDate;
    const row = { ...next, nextChargeDate, version };
    if (!(await updateSubscription(trx, row, before.version, before))) {
      throw new DomainError(
        'etag_mismatch',
        `Subscription ${before.id} changed meanwhile; read it again and retry.`,
      );
    }
    written.set(row.id, row);
  }
  const { events: chargeEvents } = await recordCharges(
    trx,
    [...ledger.values()].flatMap((entry) => entry.charges),
    context,
  );
  await appendEvents(trx, [...events, ...chargeEvents]);
  return written;
}

/** The context of a caller's changes, made now by the caller's clock. */
export function callerChanges(ctx: CallerContext, now = ctx.clock.now()): ChangeContext {
  return {
    partnerId: ctx.partner.id,
    billingDay: ctx.partner.billingDay,
    now,
    stamp: (event) => callerEvent(ctx, now, event),
  };
}
