import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Offer } from '../../api/client';
import type { paths } from '../../api/schema';

export type OfferQuery = Omit<
  NonNullable<paths['/v1/offers']['get']['parameters']['query']>,
  'limit' | 'cursor'
>;
type OfferPage = paths['/v1/offers']['get']['responses'][200]['content']['application/json'];

const PAGE_SIZE = 500;

/** Every offer that matches, all pages of them: the page lists the whole catalog. */
async function allOffers(query: OfferQuery): Promise<Offer[]> {
  const offers: Offer[] = [];
  let cursor: string | null = null;
  do {
    const page: OfferPage = await unwrap(
      api.GET('/v1/offers', {
        params: { query: { ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      }),
    );
    offers.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return offers;
}

export function useOffers(query: OfferQuery) {
  return useQuery({ queryKey: ['offers', query], queryFn: () => allOffers(query) });
}
