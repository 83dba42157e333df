import type { CalendarDate } from '../calendar.js';
import { DomainError } from '../errors.js';
import type { Offer } from '../offer.js';
import { authorize, authorizeSuspensionReason, type Role } from '../permissions.js';
import type { PartnerSuspensionReason, Subscription } from '../subscription.js';
import { decideAddOnFollowsSuspend, decideSuspend } from '../subscription-lifecycle.js';
import { changeOf, noChange, type Change } from './change.js';

/**
 * Suspends a subscription for a reason; its active add-ons follow with `parent_suspended`, their
 * data deleted with the base's. Suspending again for a reason it already has is no change; for
 * another reason it is refused, since it would silently keep the first.
 */
export function suspend(
  sub: Subscription,
  input: {
    offer: Offer;
    addOns: readonly Subscription[];
    account: { accountOpenedAt: Date; firstBillingPeriodStart: CalendarDate };
    reason: PartnerSuspensionReason | undefined;
    role: Role;
    now: Date;
  },
): Change {
  authorize(input.role, 'subscriptions.suspend');
  authorizeSuspensionReason(input.role, input.reason);
  if (sub.status === 'suspended') {
    if (input.reason === undefined || sub.suspensionReasons.includes(input.reason)) {
      return noChange(sub);
    }
    throw new DomainError(
      'invalid_status_transition',
      `Subscription ${sub.id} is already suspended (${sub.suspensionReasons.join(', ')}); reactivate it first to suspend it for another reason.`,
    );
  }
  const suspension = decideSuspend(sub, input.offer, input.reason, input.now, input.account);
  const followers = input.addOns.flatMap((addOn) => {
    const follows = decideAddOnFollowsSuspend(addOn, suspension);
    if (!follows) return [];
    return [
      changeOf(
        addOn,
        { ...addOn, status: 'suspended', ...follows },
        {
          type: 'subscription.suspended',
          reason: 'parent_suspended',
          data: { expiresAt: follows.expiresAt.toISOString() },
        },
      ),
    ];
  });
  return changeOf(
    sub,
    { ...sub, status: 'suspended', ...suspension },
    {
      type: 'subscription.suspended',
      ...(input.reason === undefined ? {} : { reason: input.reason }),
      data: { expiresAt: suspension.expiresAt.toISOString() },
    },
    followers,
  );
}
