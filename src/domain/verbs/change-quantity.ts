import { authorize, type Role } from '../permissions.js';
import type { Offer } from '../offer.js';
import type { Subscription } from '../subscription.js';
import { decideQuantityChange } from '../subscription-lifecycle.js';
import { changeOf, noChange, type Change } from './change.js';

/** A new number of licenses; `assigned` of them are assigned to users and stay bought. */
export function changeQuantity(
  sub: Subscription,
  input: { offer: Offer; role: Role; quantity: number; assigned: number; now: Date },
): Change {
  authorize(input.role, 'subscriptions.change_quantity');
  if (input.quantity === sub.quantity) return noChange(sub);
  const { quantity } = decideQuantityChange(
    sub,
    input.offer,
    input.quantity,
    input.now,
    input.assigned,
  );
  return changeOf(
    sub,
    { ...sub, quantity },
    { type: 'subscription.quantity_changed', data: { from: sub.quantity, to: quantity } },
  );
}
