import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type NewOrder } from '../../api/client';
import { useDebounced } from '../../lib/debounce';

const TYPING_PAUSE_MS = 300;

/**
 * What the order being prepared would cost, line by line, from the API (the price book applies
 * there): asked again when the lines stop changing, the last answer shown meanwhile.
 */
export function useOrderPreview(customerId: string, order: NewOrder) {
  const settled = useDebounced(order, TYPING_PAUSE_MS);
  return useQuery({
    queryKey: ['order-preview', customerId, settled],
    queryFn: () =>
      unwrap(
        api.POST('/v1/customers/{customerId}/orders/preview', {
          params: { path: { customerId } },
          body: settled,
        }),
      ),
    enabled: settled.lineItems.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
