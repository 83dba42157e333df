import {
  addOnFollowingBase,
  dueTransition,
  expiringSoon,
  type DueTransition,
} from '../due-transitions.js';
import { utcDateOf } from '../calendar.js';
import { periodChargeDue } from '../money/ledger.js';
import type { Offer } from '../offer.js';
import type { Subscription } from '../subscription.js';
import { changeOf, type Change, type ChangeEvent } from './change.js';

export interface DueInput {
  offer: Offer;
  /** The add-on's base (undefined for a base). */
  base: Subscription | undefined;
  /** A base's add-ons, each with its current offer: they follow a renewal or an expiry. */
  addOns: readonly { sub: Subscription; offer: Offer }[];
  now: Date;
  /**
   * The unit price and cost a renewing subscription gets for its next term, from the price book
   * and the catalog of that day; undefined keeps the old one (the catalog dropped the price).
   */
  reprice?: (sub: Subscription) => Pick<Subscription, 'unitPrice' | 'unitCost'> | undefined;
}

/**
 * What time has made due for a subscription at `now`, decided with the offer as the catalog has
 * it today (an offer that no longer renews lets its subscriptions expire): deletion after
 * retention, renewal or expiry at term end, else a warning of an end coming soon. Null when
 * nothing is due.
 */
export function dueChange(sub: Subscription, input: DueInput): Change | null {
  const transition = dueTransition(sub, input.offer, input.now, input.base);
  if (!transition) return chargePeriod(sub, input) ?? warnExpiring(sub, input);
  const next = applied(sub, transition, input);
  const followers =
    sub.parentSubscriptionId !== null || transition.kind === 'deprovision'
      ? []
      : followersOf(transition, next, input);
  const change = changeOf(sub, next, eventOf(sub, transition), followers);
  return { ...change, events: [...change.events, ...priceChanged(sub, next)] };
}

/**
 * A billing period whose first day has come: the ledger charges it when this change is written
 * (applyChanges), and moves nextChargeDate on, which the subscription shows, so it is a new version.
 */
export function chargePeriod(sub: Subscription, input: Pick<DueInput, 'now'>): Change | null {
  if (!periodChargeDue(sub, utcDateOf(input.now))) return null;
  return { before: sub, next: { ...sub }, events: [], followers: [], visible: true };
}

/** Deletes a suspended subscription whose retention has ended (its data goes). */
export function deprovision(sub: Subscription, input: DueInput): Change | null {
  const change = dueChange(sub, input);
  return change?.next.status === 'deleted' ? change : null;
}

/** Renews an auto-renewing subscription at its term end; its add-ons renew with it. */
export function renew(sub: Subscription, input: DueInput): Change | null {
  const change = dueChange(sub, input);
  return change?.events[0]?.type === 'subscription.renewed' ? change : null;
}

/** Ends a trial, a term that does not renew, or an add-on whose base has ended. */
export function expire(sub: Subscription, input: DueInput): Change | null {
  const change = dueChange(sub, input);
  return change?.next.status === 'expired' ? change : null;
}

/**
 * Warns once that a deletion, a non-renewing term end or a trial end comes within
 * EXPIRING_SOON_DAYS. Bookkeeping, not a change the customer sees: the version (ETag) stays.
 */
export function warnExpiring(
  sub: Subscription,
  input: Pick<DueInput, 'offer' | 'now'>,
): Change | null {
  const warning = expiringSoon(sub, input.offer, input.now);
  if (!warning) return null;
  return {
    ...changeOf(
      sub,
      { ...sub, expiringSoonWarnedFor: warning.endsAt },
      {
        type: 'subscription.expiring_soon',
        reason: warning.about,
        data: { endsAt: warning.endsAt.toISOString(), about: warning.about },
      },
    ),
    visible: false,
  };
}

function followersOf(transition: DueTransition, after: Subscription, input: DueInput): Change[] {
  return input.addOns.flatMap(({ sub: addOn, offer }) => {
    const follows = addOnFollowingBase(addOn, offer, { transition, after });
    if (!follows) return [];
    const next = applied(addOn, follows, input);
    const change = changeOf(addOn, next, eventOf(addOn, follows));
    return [{ ...change, events: [...change.events, ...priceChanged(addOn, next)] }];
  });
}

function applied(
  sub: Subscription,
  transition: DueTransition,
  input: Pick<DueInput, 'now' | 'reprice'>,
): Subscription {
  switch (transition.kind) {
    case 'deprovision':
      return { ...sub, status: 'deleted', deletedAt: input.now };
    case 'expire':
      return { ...sub, status: 'expired' };
    case 'renew':
      return {
        ...sub,
        ...transition.changes,
        ...input.reprice?.(sub),
        expiringSoonWarnedFor: null,
      };
  }
}

/** A renewal that changed the price says so: the customer pays the new one from this term. */
function priceChanged(before: Subscription, after: Subscription): ChangeEvent[] {
  if (before.unitPrice === after.unitPrice && before.unitCost === after.unitCost) return [];
  return [
    {
      type: 'subscription.price_changed',
      subscriptionId: after.id,
      customerId: after.customerId,
      reason: 'renewal',
      data: {
        currency: after.currency,
        unitPrice: { from: before.unitPrice, to: after.unitPrice },
        unitCost: { from: before.unitCost, to: after.unitCost },
        effectiveStartDate: after.effectiveStartDate,
      },
    },
  ];
}

function eventOf(
  sub: Subscription,
  transition: DueTransition,
): Omit<ChangeEvent, 'subscriptionId' | 'customerId'> {
  switch (transition.kind) {
    case 'deprovision':
      return {
        type: 'subscription.deprovisioned',
        reason: 'retention_expired',
        data: { expiresAt: sub.expiresAt?.toISOString() ?? null },
      };
    case 'expire':
      return {
        type: 'subscription.expired',
        reason: transition.reason,
        data: { commitmentEndDate: sub.commitmentEndDate },
      };
    case 'renew': {
      const { effectiveStartDate, commitmentEndDate } = { ...sub, ...transition.changes };
      return { type: 'subscription.renewed', data: { effectiveStartDate, commitmentEndDate } };
    }
  }
}
