import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Offer } from '../../api/client';
import type { paths } from '../../api/schema';

export type OfferQuery = Omit<
  NonNullable<paths['/v1/offers']['get']['parameters']['query']>,
  'limit' | 'cursor'
>;
export type Market =
  paths['/v1/markets']['get']['responses'][200]['content']['application/json']['items'][number];
export type Segment = Offer['segments'][number];
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

export function useMarkets() {
  return useQuery({
    queryKey: ['markets'],
    queryFn: async () => (await unwrap(api.GET('/v1/markets'))).items,
    staleTime: Infinity,
  });
}

/** Offers in catalog order, grouped by product. */
export function groupByProduct(offers: Offer[]): { productId: string; offers: Offer[] }[] {
  const groups = new Map<string, Offer[]>();
  for (const offer of offers) {
    groups.set(offer.productId, [...(groups.get(offer.productId) ?? []), offer]);
  }
  return [...groups.entries()].map(([productId, items]) => ({ productId, offers: items }));
}
