import type { Offer } from '../offer.js';
import { authorize, type Role } from '../permissions.js';
import type { Subscription } from '../subscription.js';
import { decideConversion, requireTransition } from '../subscription-lifecycle.js';
import { changeOf, type Change } from './change.js';

/**
 * Ends a trial that converted into the paid subscription `paid` (ordered like any other, so with
 * the same availability, quantity and price rules). Check with decideConversion before ordering.
 */
export function convert(
  trial: Subscription,
  input: {
    trialOffer: Offer;
    target: Offer;
    paid: Pick<Subscription, 'id' | 'offerId' | 'orderId'>;
    role: Role;
  },
): Change {
  authorize(input.role, 'subscriptions.convert');
  decideConversion(trial, input.trialOffer, input.target);
  return changeOf(
    trial,
    { ...trial, status: requireTransition(trial, 'convert') },
    {
      type: 'subscription.converted',
      orderId: input.paid.orderId,
      data: { targetOfferId: input.paid.offerId, convertedToSubscriptionId: input.paid.id },
    },
  );
}
