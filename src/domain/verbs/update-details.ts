import { authorize, type Role } from '../permissions.js';
import type { Offer } from '../offer.js';
import type { Subscription } from '../subscription.js';
import { decideDetailsUpdate, type DetailsChange } from '../subscription-lifecycle.js';
import { changeOf, noChange, type Change } from './change.js';

/**
 * Renames a subscription or turns its auto-renewal on or off. Like a quantity or a status it
 * already has, a name or auto-renewal it already has is no change: it is answered, not judged.
 */
export function updateDetails(
  sub: Subscription,
  input: { offer: Offer; role: Role; details: DetailsChange },
): Change {
  authorize(input.role, 'subscriptions.update_details');
  const { friendlyName, autoRenewEnabled } = input.details;
  const asked: DetailsChange = {
    ...(friendlyName === undefined || friendlyName === sub.friendlyName ? {} : { friendlyName }),
    ...(autoRenewEnabled === undefined || autoRenewEnabled === sub.autoRenewEnabled
      ? {}
      : { autoRenewEnabled }),
  };
  if (Object.keys(asked).length === 0) return noChange(sub);
  const details = decideDetailsUpdate(sub, input.offer, asked);
  return changeOf(
    sub,
    { ...sub, ...details },
    { type: 'subscription.updated', data: { ...details } },
  );
}
