import {
  addOnOffersOf,
  catalogAvailability,
  type OfferAvailability,
} from '../domain/availability.js';
import { offerBillingTerms, type BillingCycle } from '../domain/offer.js';
import { formatMinor } from '../domain/money/amount.js';
import type { Customer } from '../domain/customer.js';
import { resolveTerm } from '../domain/subscription-terms.js';
import { quoterFor } from './billing/pricing.js';
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
/** The customer's unit price of an offer for a billing cycle (its shortest term), if it has one. */
export interface OfferPrice {
  currency: string;
  billingCycle: BillingCycle;
  termDuration: string;
  unitPrice: string;
}

/**
 * An offer's availability with the customer's prices for the listed billing cycle: `prices` for
 * every term it is sold with, `price` for the shortest (the one an order gets by default).
 */
export type PricedAvailability = OfferAvailability & {
  price: OfferPrice | null;
  prices: OfferPrice[];
};

async function withPrices(
  ctx: CallerContext,
  customer: Customer,
  billingCycle: BillingCycle,
  items: OfferAvailability[],
): Promise<PricedAvailability[]> {
  const quote = quoterFor(ctx.catalog, await ctx.priceBooks.bookOf(ctx.db, ctx.partner), customer);
  return items.map((item) => {
    const cycle = item.offer.isTrial ? (item.offer.billingCycles[0] ?? billingCycle) : billingCycle;
    const prices = offerBillingTerms(item.offer)
      .filter((pair) => pair.billingCycle === cycle)
      .flatMap(({ termDuration }): OfferPrice[] => {
        const price = quote(item.offer, cycle, termDuration);
        if (!price) return [];
        const unitPrice = formatMinor(price.unitPrice, price.currency);
        return [{ currency: price.currency, billingCycle: cycle, termDuration, unitPrice }];
      });
    const term = resolveTerm(item.offer, cycle);
    return { ...item, price: prices.find((p) => p.termDuration === term) ?? null, prices };
  });
}

export async function customerOfferAvailability(
  ctx: CallerContext,
  customerId: string,
  query: { billingCycle: BillingCycle; trial: boolean; addOn?: boolean },
): Promise<PricedAvailability[]> {
  authorize(ctx.role, 'catalog.read');
  const customer = await getCustomer(ctx, customerId);
  const subscriptions = await customerSubscriptions(ctx.db, ctx.partner.id, customerId);
  const offers = ctx.catalog.offers.filter(
    (o) => o.isTrial === query.trial && (query.addOn === undefined || o.isAddOn === query.addOn),
  );
  const items = catalogAvailability(offers, {
    customer,
    instance: ctx.partner.instance,
    subscriptions,
    billingCycle: query.billingCycle,
  });
  return withPrices(ctx, customer, query.billingCycle, items);
}

/** The add-ons a subscription can take (seed step 6), with availability. */
export async function addOnOfferAvailability(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
): Promise<PricedAvailability[]> {
  authorize(ctx.role, 'catalog.read');
  const customer = await getCustomer(ctx, customerId);
  const base = await getSubscription(ctx, customerId, subscriptionId);
  const subscriptions = await customerSubscriptions(ctx.db, ctx.partner.id, customerId);
  const items = catalogAvailability(addOnOffersOf(ctx.catalog.offers, base.offerId), {
    customer,
    instance: ctx.partner.instance,
    subscriptions,
    billingCycle: base.billingCycle,
    baseSubscription: base,
  });
  return withPrices(ctx, customer, base.billingCycle, items);
}
