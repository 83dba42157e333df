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
import { termEndsAt } from '../../domain/due-transitions.js';
import type { Subscription } from '../../domain/subscription.js';
import { findCustomer } from '../../store/customers.js';
import { findPartner } from '../../store/partners.js';
import { findPriceBook } from '../../store/price-books.js';
import type { Db } from '../../store/tables.js';
import { repricerFor } from '../billing/pricing.js';

export type DueOutcome =
  'deprovisioned' | 'renewed' | 'expired' | 'warned' | 'charged' | 'nothing' | 'busy';

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
      const partner = await findPartner(trx, sub.partnerId);
      if (!partner)
        throw new Error(`partner ${sub.partnerId} of subscription ${sub.id} is missing`);
      const change = dueChange(sub, {
        offer: offerOf(ctx, sub),
        base,
        addOns: addOns.map((addOn) => ({ sub: addOn, offer: offerOf(ctx, addOn) })),
        now,
        reprice: await repricerAt(trx, ctx, sub, now),
      });
      if (!change) return ['nothing'];
      await applyChanges(trx, [change], {
        partnerId: partner.id,
        billingDay: partner.billingDay,
        now,
        stamp: (event) => systemEvent(sub.partnerId, now, event),
      });
      // One outcome per subscription changed: the base's and each add-on's that followed it.
      return [change, ...change.followers].map(outcomeOf);
    });
  } catch (error) {
    // Changed by someone else between the lock and the write: the next pass tries again.
    if (error instanceof DomainError && error.code === 'etag_mismatch') return ['busy'];
    throw error;
  }
}

/**
 * Prices for a renewal (from the price book and catalog of the day), read only when the term has
 * ended: most due work is a period charge or a warning, which keeps the price.
 */
async function repricerAt(trx: Db, ctx: AppContext, sub: Subscription, now: Date) {
  if (now.getTime() < termEndsAt(sub).getTime()) return () => undefined;
  const customer = await findCustomer(trx, sub.partnerId, sub.customerId);
  if (!customer) return () => undefined;
  return repricerFor(ctx.catalog, await findPriceBook(trx, sub.partnerId), customer);
}

/** What a change did, as the pass counts it. */
export function outcomeOf(change: Change): DueOutcome {
  if (change.events.length === 0) return 'charged';
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
