import {
  addOnFollowingBase,
  dueTransition,
  expiringSoon,
  type DueTransition,
} from '../due-transitions.js';
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
}

/**
 * What time has made due for a subscription at `now`, decided with the offer as the catalog has
 * it today (an offer that no longer renews lets its subscriptions expire): deletion after
 * retention, renewal or expiry at term end, else a warning of an end coming soon. Null when
 * nothing is due.
 */
export function dueChange(sub: Subscription, input: DueInput): Change | null {
  const transition = dueTransition(sub, input.offer, input.now, input.base);
  if (!transition) return warnExpiring(sub, input);
  const followers =
    sub.parentSubscriptionId !== null || transition.kind === 'deprovision'
      ? []
      : followersOf(transition, applied(sub, transition, input.now), input);
  return changeOf(sub, applied(sub, transition, input.now), eventOf(sub, transition), followers);
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
    return [changeOf(addOn, applied(addOn, follows, input.now), eventOf(addOn, follows))];
  });
}

function applied(sub: Subscription, transition: DueTransition, now: Date): Subscription {
  switch (transition.kind) {
    case 'deprovision':
      return { ...sub, status: 'deleted', deletedAt: now };
    case 'expire':
      return { ...sub, status: 'expired' };
    case 'renew':
      return { ...sub, ...transition.changes, expiringSoonWarnedFor: null };
  }
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
