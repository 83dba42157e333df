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
