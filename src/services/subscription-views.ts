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
 * add-ons are read in one query, the assigned counts in another, and the customers in a third
 * (neither when the caller has read them already: `known`). What depends only on the offer and
 * the customer is worked out once per page, not once per row.
 */
export async function withActions(
  ctx: CallerContext,
  subscriptions: readonly Subscription[],
  known: {
    customers?: readonly PreviewedCustomer[];
    assignedLicenses?: ReadonlyMap<string, number>;
  } = {},
): Promise<SubscriptionView[]> {
  const parents = new Map(subscriptions.map((s) => [s.id, s]));
  const missingParents = [
    ...new Set(subscriptions.flatMap((s) => s.parentSubscriptionId ?? [])),
  ].filter((id) => !parents.has(id));
  for (const parent of await subscriptionsByIds(ctx.db, ctx.partner.id, missingParents)) {
    parents.set(parent.id, parent);
  }
  const assigned =
    known.assignedLicenses ??
    (await assignedCounts(
      ctx.db,
      ctx.partner.id,
      subscriptions.map((s) => s.id),
    ));
  const customers = await customersOf(ctx, subscriptions, known.customers ?? []);
  const now = ctx.clock.now();
  const hasAddOnOffers = new Map<string, boolean>();
  const previews = new Map<string, SuspensionPreview | null>();
  return subscriptions.map((subscription) => {
    const offer = offerOf(ctx, subscription);
    const base =
      subscription.parentSubscriptionId === null
        ? undefined
        : parents.get(subscription.parentSubscriptionId);
    const actions = availableActions(subscription, offer, now, {
      ...(base ? { base } : {}),
      hasAddOnOffers: remembered(
        hasAddOnOffers,
        offer.id,
        () => addOnOffersOf(ctx.catalog.offers, offer.id).length > 0,
      ),
    });
    const customer = customers.get(subscription.customerId);
    if (!customer) throw new Error(`customer of subscription ${subscription.id} is missing`);
    // The preview depends on the actions only through whether `suspend` is among them.
    const previewKey = `${offer.id} ${customer.id} ${String(actions.includes('suspend'))}`;
    return {
      subscription,
      actions,
      assignedLicenses: assigned.get(subscription.id) ?? 0,
      suspensionPreview: remembered(previews, previewKey, () =>
        suspensionPreview(actions, offer.policies, customer, now),
      ),
    };
  });
}

/** What a suspension preview needs of a customer: a list that joined its customers has it. */
export type PreviewedCustomer = Pick<
  Customer,
  'id' | 'accountOpenedAt' | 'firstBillingPeriodStart'
>;

/** The customers of the subscriptions, reading only those not given. */
async function customersOf(
  ctx: CallerContext,
  subscriptions: readonly Subscription[],
  given: readonly PreviewedCustomer[],
): Promise<Map<string, PreviewedCustomer>> {
  const customers = new Map<string, PreviewedCustomer>(
    given.map((customer) => [customer.id, customer]),
  );
  const missing = [...new Set(subscriptions.map((s) => s.customerId))].filter(
    (id) => !customers.has(id),
  );
  for (const [id, customer] of await findCustomersByIds(ctx.db, ctx.partner.id, missing)) {
    customers.set(id, customer);
  }
  return customers;
}

/** The answer kept under `key`, computed and kept on its first use. */
function remembered<T>(answers: Map<string, T>, key: string, compute: () => T): T {
  if (answers.has(key)) return answers.get(key) as T;
  const answer = compute();
  answers.set(key, answer);
  return answer;
}

export async function withActionsOne(
  ctx: CallerContext,
  subscription: Subscription,
): Promise<SubscriptionView> {
  const [view] = await withActions(ctx, [subscription]);
  if (!view) throw new Error('unreachable: one subscription in, one view out');
  return view;
}
