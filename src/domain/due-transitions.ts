import { addDays, addInstantDays, startOfUtcDay } from './calendar.js';
import type { Offer } from './offer.js';
import type { Subscription } from './subscription.js';
import { termDates, windowEnd } from './subscription-terms.js';
import { decideDeprovision } from './subscription-lifecycle.js';

/** How long before an end the customer's partner is warned (subscription.expiring_soon). */
export const EXPIRING_SOON_DAYS = 7;

/** The instant a term (or trial) is over: the start of the day after its last day, UTC. */
export function termEndsAt(sub: Pick<Subscription, 'commitmentEndDate'>): Date {
  return startOfUtcDay(addDays(sub.commitmentEndDate, 1));
}

export type DueTransition =
  | { kind: 'deprovision' }
  | { kind: 'expire'; reason: 'trial_ended' | 'term_ended' | 'parent_ended' }
  | { kind: 'renew'; changes: Partial<Subscription> };

/**
 * What time alone does to a subscription at `now`, if anything (DESIGN.md §2): a suspended one is
 * deleted when its retention ends; at the end of an active term, the term renews when auto-renew
 * is on and the offer renews, else the subscription expires; a trial expires at its end. An add-on
 * is co-terminous with its base, so while the base is active its term end is decided with the
 * base's (addOnFollowingBase); an add-on whose base has gone expires.
 */
export function dueTransition(
  sub: Subscription,
  offer: Offer,
  now: Date,
  base?: Pick<Subscription, 'status' | 'commitmentEndDate'>,
): DueTransition | null {
  if (sub.status === 'suspended') {
    return decideDeprovision(sub, now) ? { kind: 'deprovision' } : null;
  }
  if (sub.status !== 'active' || now.getTime() < termEndsAt(sub).getTime()) return null;
  if (sub.isTrial) return { kind: 'expire', reason: 'trial_ended' };
  if (sub.parentSubscriptionId !== null) {
    const baseDecides =
      base?.status === 'active' && termEndsAt(base).getTime() <= termEndsAt(sub).getTime();
    return baseDecides ? null : { kind: 'expire', reason: 'parent_ended' };
  }
  return renewOrExpire(sub, offer);
}

/** An active add-on at its base's term end: it renews with a renewing base, else it expires. */
export function addOnFollowingBase(
  addOn: Subscription,
  addOnOffer: Offer,
  base: { transition: DueTransition; after: Pick<Subscription, 'commitmentEndDate'> },
): DueTransition | null {
  if (addOn.status !== 'active') return null;
  if (base.transition.kind !== 'renew') return { kind: 'expire', reason: 'parent_ended' };
  const own = renewOrExpire(addOn, addOnOffer);
  if (own.kind !== 'renew') return own;
  return {
    kind: 'renew',
    changes: { ...own.changes, commitmentEndDate: base.after.commitmentEndDate },
  };
}

function renewOrExpire(sub: Subscription, offer: Offer): DueTransition {
  if (!sub.autoRenewEnabled || !offer.autoRenewable)
    return { kind: 'expire', reason: 'term_ended' };
  const start = addDays(sub.commitmentEndDate, 1);
  const term = termDates(start, sub.termDuration);
  // The renewal opens new windows, as a new purchase would; they count from the term's start.
  const opened = startOfUtcDay(start);
  return {
    kind: 'renew',
    changes: {
      effectiveStartDate: term.effectiveStartDate,
      commitmentEndDate: term.commitmentEndDate,
      cancellationAllowedUntil: windowEnd(opened, offer.policies.cancellationWindowHours),
      quantityDecreaseAllowedUntil: windowEnd(opened, offer.policies.quantityDecreaseWindowHours),
    },
  };
}

export type ExpiringSoon = { about: 'retention' | 'term_end' | 'trial_end'; endsAt: Date };

/**
 * The end coming within EXPIRING_SOON_DAYS that has not been warned about yet: a retention
 * deletion, a term that will not renew, or a trial's end. Null when there is none.
 */
export function expiringSoon(sub: Subscription, offer: Offer, now: Date): ExpiringSoon | null {
  const end = upcomingEnd(sub, offer);
  if (!end) return null;
  const warnFrom = addInstantDays(end.endsAt, -EXPIRING_SOON_DAYS);
  const inWindow = now.getTime() >= warnFrom.getTime() && now.getTime() < end.endsAt.getTime();
  const warned = sub.expiringSoonWarnedFor?.getTime() === end.endsAt.getTime();
  return inWindow && !warned ? end : null;
}

function upcomingEnd(sub: Subscription, offer: Offer): ExpiringSoon | null {
  if (sub.status === 'suspended' && sub.expiresAt !== null) {
    return { about: 'retention', endsAt: sub.expiresAt };
  }
  if (sub.status !== 'active') return null;
  if (sub.isTrial) return { about: 'trial_end', endsAt: termEndsAt(sub) };
  if (!sub.autoRenewEnabled || !offer.autoRenewable) {
    return { about: 'term_end', endsAt: termEndsAt(sub) };
  }
  return null;
}
