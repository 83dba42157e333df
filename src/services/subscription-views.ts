import { addOnOffersOf } from '../domain/availability.js';
import { availableActions } from '../domain/subscription-lifecycle.js';
import type { Subscription, SubscriptionAction } from '../domain/subscription.js';
import { assignedCounts } from '../store/license-assignments.js';
import { subscriptionsByIds } from '../store/subscriptions.js';
import type { CallerContext } from './context.js';
import { offerOf } from './offer-of.js';

export interface SubscriptionView {
  subscription: Subscription;
  /** What may be done to it now, decided by the domain; the portal offers exactly these. */
  actions: SubscriptionAction[];
  /** How many of its licenses are assigned to customer users (`quantity` is how many were bought). */
  assignedLicenses: number;
}

/**
 * Subscriptions with their actions and assigned licenses; the bases of add-ons are read in one
 * query, the assigned counts in another.
 */
export async function withActions(
  ctx: CallerContext,
  subscriptions: readonly Subscription[],
): Promise<SubscriptionView[]> {
  const known = new Map(subscriptions.map((s) => [s.id, s]));
  const missingParents = [
    ...new Set(subscriptions.flatMap((s) => s.parentSubscriptionId ?? [])),
  ].filter((id) => !known.has(id));
  for (const parent of await subscriptionsByIds(ctx.db, ctx.partner.id, missingParents)) {
    known.set(parent.id, parent);
  }
  const assigned = await assignedCounts(
    ctx.db,
    ctx.partner.id,
    subscriptions.map((s) => s.id),
  );
  const now = ctx.clock.now();
  return subscriptions.map((subscription) => {
    const offer = offerOf(ctx, subscription);
    const base =
      subscription.parentSubscriptionId === null
        ? undefined
        : known.get(subscription.parentSubscriptionId);
    return {
      subscription,
      actions: availableActions(subscription, offer, now, {
        ...(base ? { base } : {}),
        hasAddOnOffers: addOnOffersOf(ctx.catalog.offers, offer.id).length > 0,
      }),
      assignedLicenses: assigned.get(subscription.id) ?? 0,
    };
  });
}

export async function withActionsOne(
  ctx: CallerContext,
  subscription: Subscription,
): Promise<SubscriptionView> {
  const [view] = await withActions(ctx, [subscription]);
  if (!view) throw new Error('unreachable: one subscription in, one view out');
  return view;
}
