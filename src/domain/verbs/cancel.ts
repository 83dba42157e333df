import { authorize, type Role } from '../permissions.js';
import type { Subscription } from '../subscription.js';
import { addOnsFollowingCancel, decideCancel } from '../subscription-lifecycle.js';
import { changeOf, noChange, type Change } from './change.js';

/**
 * Cancels a subscription inside its cancellation window. Its add-ons end with it, whatever their
 * own windows say: the base's window decided, and an add-on cannot outlive its base.
 */
export function cancel(
  sub: Subscription,
  input: { addOns: readonly Subscription[]; role: Role; now: Date },
): Change {
  authorize(input.role, 'subscriptions.cancel');
  if (sub.status === 'deleted') return noChange(sub);
  const ended = decideCancel(sub, input.now);
  const followers = addOnsFollowingCancel(sub, input.addOns).map((addOn) =>
    changeOf(
      addOn,
      { ...addOn, ...ended },
      { type: 'subscription.cancelled', reason: 'parent_cancelled', data: {} },
    ),
  );
  return changeOf(
    sub,
    { ...sub, ...ended },
    { type: 'subscription.cancelled', data: {} },
    followers,
  );
}
