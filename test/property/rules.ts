/**
 * DESIGN.md §2 restated for the property test, on what the API shows: whether an operation on a
 * subscription must be accepted now, and so which `actions` it must list. Written from the design,
 * not from src/domain, so that the two can disagree.
 */
import { OFFERS, offerFacts, type ApiSubscription } from './model.js';

export type Action =
  'change_quantity' | 'suspend' | 'reactivate' | 'cancel' | 'convert' | 'add_addon';

const ACTIONS: readonly Action[] = [
  'change_quantity',
  'suspend',
  'reactivate',
  'cancel',
  'convert',
  'add_addon',
];

export interface Snapshot {
  subscriptions: ApiSubscription[];
  byId: ReadonlyMap<string, ApiSubscription>;
}

const at = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const isLive = (s: ApiSubscription) => s.status === 'active' || s.status === 'suspended';

function baseOf(sub: ApiSubscription, snap: Snapshot): ApiSubscription | undefined {
  return sub.parentSubscriptionId === null ? undefined : snap.byId.get(sub.parentSubscriptionId);
}

/** No add-on is active under a base that is not active. */
function baseActive(sub: ApiSubscription, snap: Snapshot): boolean {
  return sub.parentSubscriptionId === null || baseOf(sub, snap)?.status === 'active';
}

/** Quantity: active, not a trial, within min/max; a decrease only inside its window. */
export function canChangeQuantityTo(sub: ApiSubscription, quantity: number, now: Date): boolean {
  const offer = offerFacts(sub.offerId);
  if (sub.status !== 'active' || sub.isTrial) return false;
  if (quantity < offer.minimumQuantity || quantity > offer.maximumQuantity) return false;
  const until = at(sub.quantityDecreaseAllowedUntil);
  return quantity >= sub.quantity || until === null || now.getTime() <= until;
}

function canChangeQuantity(sub: ApiSubscription, now: Date): boolean {
  const offer = offerFacts(sub.offerId);
  return (
    canChangeQuantityTo(sub, sub.quantity + 1, now) ||
    (sub.quantity > offer.minimumQuantity && canChangeQuantityTo(sub, sub.quantity - 1, now))
  );
}

export function canSuspend(sub: ApiSubscription, snap: Snapshot): boolean {
  return sub.status === 'active' && baseActive(sub, snap);
}

/** Reactivate: suspended, strictly before expiresAt, and (add-on) under an active base. */
export function canReactivate(sub: ApiSubscription, snap: Snapshot, now: Date): boolean {
  const expires = at(sub.expiresAt);
  return (
    sub.status === 'suspended' &&
    (expires === null || now.getTime() < expires) &&
    baseActive(sub, snap)
  );
}

/** Cancel: active or suspended, inside the cancellation window when there is one. */
export function canCancel(sub: ApiSubscription, now: Date): boolean {
  const until = at(sub.cancellationAllowedUntil);
  return isLive(sub) && (until === null || now.getTime() <= until);
}

/**
 * Convert: an active trial, to one of its conversion targets, in the target's quantity range.
 * (The targets of the demo trials are sold to the test's US commercial customer without limits,
 * billed monthly or annually, so availability does not refuse them.)
 */
export function canConvert(sub: ApiSubscription, targetOfferId: string, quantity: number): boolean {
  const trial = offerFacts(sub.offerId).trial;
  if (sub.status !== 'active' || !sub.isTrial || !trial) return false;
  if (!trial.conversionTargetOfferIds.includes(targetOfferId)) return false;
  const target = offerFacts(targetOfferId);
  return quantity >= target.minimumQuantity && quantity <= target.maximumQuantity;
}

function hasAddOnOffers(offerId: string): boolean {
  return [...OFFERS.values()].some((o) => o.isAddOn && o.baseOfferIds.includes(offerId));
}

/** Exactly the actions the subscription must list now. */
export function expectedActions(sub: ApiSubscription, snap: Snapshot, now: Date): Action[] {
  const offer = offerFacts(sub.offerId);
  const allowed: Record<Action, boolean> = {
    change_quantity: canChangeQuantity(sub, now),
    suspend: canSuspend(sub, snap),
    reactivate: canReactivate(sub, snap, now),
    cancel: canCancel(sub, now),
    convert:
      sub.status === 'active' &&
      sub.isTrial &&
      (offer.trial?.conversionTargetOfferIds ?? []).length > 0,
    add_addon: sub.status === 'active' && !offer.isAddOn && hasAddOnOffers(sub.offerId),
  };
  return ACTIONS.filter((a) => allowed[a]);
}
