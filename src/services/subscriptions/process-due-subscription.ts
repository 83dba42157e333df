import { DomainError } from '../../domain/errors.js';
import type { Change } from '../../domain/verbs/change.js';
import { dueChange } from '../../domain/verbs/due.js';
import { lockSubscriptionForWork } from '../../store/due-subscriptions.js';
import { addOnsOf, findSubscriptionById } from '../../store/subscriptions.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { systemEvent } from '../events.js';
import { offerOf } from '../offer-of.js';
import { applyChanges } from './apply-changes.js';

export type DueOutcome = 'deprovisioned' | 'renewed' | 'expired' | 'warned' | 'nothing' | 'busy';

/**
 * Does what time has made due at `now` (its partner's clock) for one subscription and the add-ons
 * that follow it, in its own transaction. The row is locked and the domain asked again under the
 * lock, with the offer as the catalog has it now, so a second worker, a second run or a crash and
 * retry never does it twice.
 */
export async function processDueSubscription(
  ctx: AppContext,
  subscriptionId: string,
  now: Date,
): Promise<DueOutcome[]> {
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const sub = await lockSubscriptionForWork(trx, subscriptionId);
      if (!sub) return ['busy'];
      const base =
        sub.parentSubscriptionId === null
          ? undefined
          : await findSubscriptionById(trx, sub.parentSubscriptionId);
      const addOns =
        sub.parentSubscriptionId === null
          ? await addOnsOf(trx, sub.partnerId, sub.id, { forUpdate: true })
          : [];
      const change = dueChange(sub, {
        offer: offerOf(ctx, sub),
        base,
        addOns: addOns.map((addOn) => ({ sub: addOn, offer: offerOf(ctx, addOn) })),
        now,
      });
      if (!change) return ['nothing'];
      await applyChanges(trx, [change], (event) => systemEvent(sub.partnerId, now, event));
      // One outcome per subscription changed: the base's and each add-on's that followed it.
      return [change, ...change.followers].map(outcomeOf);
    });
  } catch (error) {
    // Changed by someone else between the lock and the write: the next pass tries again.
    if (error instanceof DomainError && error.code === 'etag_mismatch') return ['busy'];
    throw error;
  }
}

function outcomeOf(change: Change): DueOutcome {
  switch (change.events[0]?.type) {
    case 'subscription.deprovisioned':
      return 'deprovisioned';
    case 'subscription.renewed':
      return 'renewed';
    case 'subscription.expired':
      return 'expired';
    default:
      return 'warned';
  }
}
