import { matchesOfferFilter, type Offer, type OfferFilter } from '../domain/offer.js';
import { decodeCursor, encodeCursor } from '../store/cursor.js';
import type { Page } from '../store/page.js';
import type { AppContext } from './context.js';
import { invalidCursor } from './invalid-cursor.js';

/** Offers in catalog order (product by product), filtered and paged. */
export function listOffers(
  ctx: AppContext,
  query: { filter: OfferFilter; limit: number; cursor?: string },
): Page<Offer> {
  const matching = ctx.catalog.offers.filter((offer) => matchesOfferFilter(offer, query.filter));
  let start = 0;
  if (query.cursor !== undefined) {
    const [afterId] = decodeCursor(query.cursor, ['text']) ?? [];
    const index = matching.findIndex((offer) => offer.id === afterId);
    if (index < 0) throw invalidCursor();
    start = index + 1;
  }
  const items = matching.slice(start, start + query.limit);
  const last = items.at(-1);
  const more = start + query.limit < matching.length;
  return { items, nextCursor: more && last ? encodeCursor([last.id]) : null };
}
