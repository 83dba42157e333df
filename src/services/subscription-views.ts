import { addOnOffersOf } from '../domain/availability.js';
import { availableActions } from '../domain/subscription-lifecycle.js';
import type { Subscription, SubscriptionAction } from '../domain/subscription.js';
import { suspensionPreview, type SuspensionPreview } from '../domain/suspension-preview.js';
import type { Customer } from '../domain/customer.js';
import { findCustomersByIds } from '../store/customers.js';
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
  /** What suspending it now would set; null unless `actions` has `suspend`. */
  suspensionPreview: SuspensionPreview | null;
}

/**
 * Subscriptions with their actions, assigned licenses and suspension preview; the bases of
 * add-ons are read in one query, the assigned counts in another, and the customers in a third.
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
  const customers = await customersOf(ctx, subscriptions);
  const now = ctx.clock.now();
  return subscriptions.map((subscription) => {
    const offer = offerOf(ctx, subscription);
    const base =
      subscription.parentSubscriptionId === null
        ? undefined
        : known.get(subscription.parentSubscriptionId);
    const actions = availableActions(subscription, offer, now, {
      ...(base ? { base } : {}),
      hasAddOnOffers: addOnOffersOf(ctx.catalog.offers, offer.id).length > 0,
    });
    const customer = customers.get(subscription.customerId);
    if (!customer) throw new Error(`customer of subscription ${subscription.id} is missing`);
    return {
      subscription,
      actions,
      assignedLicenses: assigned.get(subscription.id) ?? 0,
      suspensionPreview: suspensionPreview(actions, offer.policies, customer, now),
    };
  });
}

function customersOf(
  ctx: CallerContext,
  subscriptions: readonly Subscription[],
): Promise<Map<string, Customer>> {
  return findCustomersByIds(ctx.db, ctx.partner.id, [
    ...new Set(subscriptions.map((s) => s.customerId)),
  ]);
}

export async function withActionsOne(
  ctx: CallerContext,
  subscription: Subscription,
): Promise<SubscriptionView> {
  const [view] = await withActions(ctx, [subscription]);
  if (!view) throw new Error('unreachable: one subscription in, one view out');
  return view;
}
