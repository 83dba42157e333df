import type { Offer } from '../domain/offer.js';
import type { Subscription } from '../domain/subscription.js';
import type { AppContext } from './context.js';

/**
 * The catalog offer of a subscription. An offer is never removed while subscriptions use it; a
 * catalog that did so is an operator error, reported as such rather than guessed around.
 */
export function offerOf(
  ctx: AppContext,
  subscription: Pick<Subscription, 'id' | 'offerId'>,
): Offer {
  const offer = ctx.catalog.offer(subscription.offerId);
  if (!offer) {
    throw new Error(
      `offer ${subscription.offerId} of subscription ${subscription.id} is missing from the catalog`,
    );
  }
  return offer;
}
