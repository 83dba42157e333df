import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type PriceBook, type PriceRule } from '../../api/client';

const PRICE_BOOK_KEY = ['price-book'] as const;

export function usePriceBook() {
  return useQuery({
    queryKey: PRICE_BOOK_KEY,
    queryFn: () => unwrap(api.GET('/v1/price-book')),
    // An edit in progress must not be swapped for a newer version under the user's hands.
    refetchOnWindowFocus: false,
  });
}

/** Replaces the price book read with `etag`; refused (412) when someone saved one meanwhile. */
export function useSavePriceBook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      etag: string;
      body: { defaultMarkupPercent: string; rules: PriceRule[] };
    }) =>
      unwrap(
        api.PUT('/v1/price-book', {
          body: input.body,
          headers: { 'If-Match': input.etag },
        }),
      ),
    onSuccess: async (book: PriceBook) => {
      queryClient.setQueryData(PRICE_BOOK_KEY, book);
      // Prices shown anywhere else come from the book.
      await queryClient.invalidateQueries({ queryKey: ['customer-offers'] });
    },
  });
}

export function useReloadPriceBook() {
  const queryClient = useQueryClient();
  return () => queryClient.resetQueries({ queryKey: PRICE_BOOK_KEY });
}
