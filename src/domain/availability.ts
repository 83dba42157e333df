import type { Customer } from './customer.js';
import type { BillingCycle, Offer } from './offer.js';
import type { Instance } from './partner.js';
import type { Subscription, SubscriptionStatus } from './subscription.js';

/** Every reason an offer can be unavailable, in the order they are reported. */
export const AVAILABILITY_REASON_CODES = [
  'market_not_supported',
  'segment_not_eligible',
  'instance_not_supported',
  'billing_cycle_not_supported',
  'limit_reached',
  'suspended_subscription_exists',
  'base_subscription_required',
  'base_subscription_inactive',
  'trial_already_used',
  'already_owns_offer',
] as const;
export type AvailabilityReasonCode = (typeof AVAILABILITY_REASON_CODES)[number];

export interface AvailabilityReason {
  code: AvailabilityReasonCode;
  detail: string;
  subscriptionId?: string;
}

export interface OfferAvailability {
  offer: Offer;
  available: boolean;
  reasons: AvailabilityReason[];
}

/** The facts of one subscription that availability needs. */
export type SubscriptionFacts = Pick<
  Subscription,
  'id' | 'offerId' | 'status' | 'parentSubscriptionId' | 'billingCycle'
>;

export interface AvailabilityInput {
  customer: Pick<Customer, 'country' | 'segment'>;
  /** The customer's instance, which is its partner's. */
  instance: Instance;
  /** All the customer's subscriptions in every status: lifetime limits count ended ones too. */
  subscriptions: readonly SubscriptionFacts[];
  billingCycle: BillingCycle;
  /** For an add-on: the subscription it would be added to. */
  baseSubscription?: SubscriptionFacts;
}

/** Whether the customer can buy `offer` now, with every reason it cannot. */
export function offerAvailability(offer: Offer, input: AvailabilityInput): OfferAvailability {
  const reasons = [
    ...eligibilityReasons(offer, input),
    ...limitReasons(offer, input.subscriptions),
    ...(offer.isAddOn ? addOnReasons(offer, input) : []),
  ].sort((a, b) => rank(a.code) - rank(b.code));
  return { offer, available: reasons.length === 0, reasons };
}

/** Every offer of the list (catalog order kept), with availability. */
export function catalogAvailability(
  offers: readonly Offer[],
  input: AvailabilityInput,
): OfferAvailability[] {
  return offers.map((offer) => offerAvailability(offer, input));
}

/** The add-on offers that a subscription to `baseOfferId` can take, in catalog order. */
export function addOnOffersOf(offers: readonly Offer[], baseOfferId: string): Offer[] {
  return offers.filter((o) => o.isAddOn && o.baseOfferIds.includes(baseOfferId));
}

function rank(code: AvailabilityReasonCode): number {
  return AVAILABILITY_REASON_CODES.indexOf(code);
}

function isLive(status: SubscriptionStatus): boolean {
  return status === 'active' || status === 'suspended';
}

function eligibilityReasons(offer: Offer, input: AvailabilityInput): AvailabilityReason[] {
  const reasons: AvailabilityReason[] = [];
  const { country, segment } = input.customer;
  if (!offer.markets.includes(country)) {
    reasons.push({
      code: 'market_not_supported',
      detail: `${offer.name} is not sold to customers in ${country}.`,
    });
  }
  if (!offer.segments.includes(segment)) {
    reasons.push({
      code: 'segment_not_eligible',
      detail: `${offer.name} is not available to ${segment} customers; it is for ${offer.segments.join(', ')} customers.`,
    });
  }
  if (!offer.instances.includes(input.instance)) {
    reasons.push({
      code: 'instance_not_supported',
      detail: `${offer.name} is not offered in the ${input.instance} cloud instance.`,
    });
  }
  // Trials are listed on their own tab, not chosen by billing frequency (seed step 3).
  if (!offer.isTrial && !offer.billingCycles.includes(input.billingCycle)) {
    reasons.push({
      code: 'billing_cycle_not_supported',
      detail: `${offer.name} cannot be billed ${input.billingCycle}; it is billed ${offer.billingCycles.join(' or ')}.`,
    });
  }
  return reasons;
}

const HOLDER_PREFERENCE: readonly SubscriptionStatus[] = [
  'active',
  'suspended',
  'expired',
  'deleted',
];

function limitReasons(
  offer: Offer,
  subscriptions: readonly SubscriptionFacts[],
): AvailabilityReason[] {
  if (offer.limit === null || offer.limitUnitOfMeasure === 'none') return [];
  const lifetime = offer.limitUnitOfMeasure === 'lifetime';
  const holders = subscriptions.filter(
    (s) => s.offerId === offer.id && (lifetime || isLive(s.status)),
  );
  if (holders.length < offer.limit) return [];
  const holder = [...holders].sort(
    (a, b) => HOLDER_PREFERENCE.indexOf(a.status) - HOLDER_PREFERENCE.indexOf(b.status),
  )[0];
  if (!holder) return [];
  const reasons: AvailabilityReason[] = [];
  if (lifetime && offer.isTrial) {
    reasons.push({
      code: 'trial_already_used',
      detail: `The customer has already used the ${offer.name} trial (subscription ${holder.id}); it can be used ${times(offer.limit)} per customer.`,
      subscriptionId: holder.id,
    });
  } else {
    reasons.push({
      code: 'limit_reached',
      detail: lifetime
        ? `${offer.name} can be bought ${times(offer.limit)} per customer, and the customer has bought it ${times(holders.length)}; subscription ${holder.id} is one of those.`
        : `${offer.name} is limited to ${offer.limit} subscription(s) per customer at a time; subscription ${holder.id} holds the limit.`,
      subscriptionId: holder.id,
    });
  }
  // A suspended holder means the remedy is to reactivate it (seed step 4), whatever the limit unit.
  const suspended = holders.find((s) => s.status === 'suspended');
  if (suspended) {
    reasons.push({
      code: 'suspended_subscription_exists',
      detail: `Subscription ${suspended.id} to ${offer.name} is suspended; reactivate it instead of buying a new one.`,
      subscriptionId: suspended.id,
    });
  }
  return reasons;
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

function addOnReasons(offer: Offer, input: AvailabilityInput): AvailabilityReason[] {
  const baseOffers = offer.baseOfferIds.join(', ');
  const base = input.baseSubscription;
  if (base) {
    if (!offer.baseOfferIds.includes(base.offerId)) {
      return [
        {
          code: 'base_subscription_required',
          detail: `${offer.name} is an add-on of ${baseOffers}; subscription ${base.id} is to ${base.offerId}.`,
        },
      ];
    }
    if (base.status !== 'active') return [inactiveBase(offer, base)];
    const owned = input.subscriptions.find(
      (s) => s.parentSubscriptionId === base.id && s.offerId === offer.id && isLive(s.status),
    );
    if (owned) {
      return [
        {
          code: 'already_owns_offer',
          detail: `Subscription ${base.id} already has ${offer.name} as add-on subscription ${owned.id}; change its quantity instead.`,
          subscriptionId: owned.id,
        },
      ];
    }
    return [];
  }
  const bases = input.subscriptions.filter(
    (s) => offer.baseOfferIds.includes(s.offerId) && isLive(s.status),
  );
  const [first] = bases;
  if (!first) {
    return [
      {
        code: 'base_subscription_required',
        detail: `${offer.name} is an add-on; the customer first needs a subscription to ${baseOffers}.`,
      },
    ];
  }
  return bases.some((s) => s.status === 'active') ? [] : [inactiveBase(offer, first)];
}

function inactiveBase(offer: Offer, base: SubscriptionFacts): AvailabilityReason {
  return {
    code: 'base_subscription_inactive',
    detail: `Subscription ${base.id}, the base for ${offer.name}, is ${base.status}; add-ons need an active base.`,
    subscriptionId: base.id,
  };
}
