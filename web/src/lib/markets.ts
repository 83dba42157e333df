import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Market } from '../api/client';

/** The countries the catalog sells in, with their currencies; the catalog changes only on restart. */
export function useMarkets() {
  return useQuery({
    queryKey: ['markets'],
    queryFn: async (): Promise<Market[]> => (await unwrap(api.GET('/v1/markets'))).items,
    staleTime: Infinity,
  });
}

/** Markets with their countries' names in the reader's language, in that language's order. */
export function byCountryName(
  markets: readonly Market[],
  locale: string,
): (Market & { shown: string })[] {
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const collator = new Intl.Collator(locale);
  return markets
    .map((market) => ({ ...market, shown: regions.of(market.country) ?? market.name }))
    .sort((a, b) => collator.compare(a.shown, b.shown));
}
