import {
  addOnOffersOf,
  catalogAvailability,
  type OfferAvailability,
} from '../domain/availability.js';
import type { BillingCycle } from '../domain/offer.js';
import { customerSubscriptions } from '../store/subscriptions.js';
import type { CallerContext } from './context.js';
import { getCustomer } from './get-customer.js';
import { getSubscription } from './get-subscription.js';
import { authorize } from '../domain/permissions.js';

/**
 * The catalog as the customer sees it for a billing frequency (seed step 4): every offer, trials
 * or not, add-ons too unless `addOn` says otherwise, available or not with every reason. An add-on
 * is bought from its base subscription (addOnOfferAvailability); listed here, it says whether the
 * customer has a base it could go on.
 */
export async function customerOfferAvailability(
  ctx: CallerContext,
  customerId: string,
  query: { billingCycle: BillingCycle; trial: boolean; addOn?: boolean },
): Promise<OfferAvailability[]> {
  authorize(ctx.role, 'catalog.read');
  const customer = await getCustomer(ctx, customerId);
  const subscriptions = await customerSubscriptions(ctx.db, ctx.partner.id, customerId);
  const offers = ctx.catalog.offers.filter(
    (o) => o.isTrial === query.trial && (query.addOn === undefined || o.isAddOn === query.addOn),
  );
  return catalogAvailability(offers, {
    customer,
    instance: ctx.partner.instance,
    subscriptions,
    billingCycle: query.billingCycle,
  });
}

/** The add-ons a subscription can take (seed step 6), with availability. */
export async function addOnOfferAvailability(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
): Promise<OfferAvailability[]> {
  authorize(ctx.role, 'catalog.read');
  const customer = await getCustomer(ctx, customerId);
  const base = await getSubscription(ctx, customerId, subscriptionId);
  const subscriptions = await customerSubscriptions(ctx.db, ctx.partner.id, customerId);
  return catalogAvailability(addOnOffersOf(ctx.catalog.offers, base.offerId), {
    customer,
    instance: ctx.partner.instance,
    subscriptions,
    billingCycle: base.billingCycle,
    baseSubscription: base,
  });
}
