import { notFound } from '../domain/errors.js';
import type { Offer } from '../domain/offer.js';
import type { AppContext } from './context.js';

export function getOffer(ctx: AppContext, offerId: string): Offer {
  const offer = ctx.catalog.offer(offerId);
  if (!offer) throw notFound('Offer', offerId);
  return offer;
}
