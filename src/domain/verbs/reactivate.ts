import { authorize, type Role } from '../permissions.js';
import type { Subscription } from '../subscription.js';
import { addOnsReturningWithBase, decideReactivate } from '../subscription-lifecycle.js';
import { changeOf, noChange, type Change } from './change.js';

/**
 * Brings a suspended subscription back before its data is deleted; the add-ons suspended only
 * because of it come back too. `base` is the add-on's base (required for an add-on).
 */
export function reactivate(
  sub: Subscription,
  input: {
    addOns: readonly Subscription[];
    base: Subscription | undefined;
    role: Role;
    now: Date;
  },
): Change {
  authorize(input.role, 'subscriptions.reactivate');
  if (sub.status === 'active') return noChange(sub);
  const next: Subscription = { ...sub, ...decideReactivate(sub, input.now, input.base) };
  const followers = addOnsReturningWithBase(sub, input.addOns).map((addOn) =>
    changeOf(
      addOn,
      { ...addOn, ...decideReactivate(addOn, input.now, next) },
      { type: 'subscription.reactivated', reason: 'parent_reactivated', data: {} },
    ),
  );
  return changeOf(sub, next, { type: 'subscription.reactivated', data: {} }, followers);
}
