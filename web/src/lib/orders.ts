import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, unwrap, type NewOrder } from '../api/client';

/**
 * Places an order for the customer. One Idempotency-Key per order being prepared: a retry after
 * a network error never orders twice, and a refusal (which changed nothing) makes the corrected
 * order a new request.
 */
export function usePlaceOrder(customerId: string) {
  const queryClient = useQueryClient();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  return useMutation({
    mutationFn: (body: NewOrder) =>
      unwrap(
        api.POST('/v1/customers/{customerId}/orders', {
          params: { path: { customerId } },
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: async () => {
      setIdempotencyKey(crypto.randomUUID());
      await invalidateCustomerSubscriptions(queryClient, customerId);
    },
    onError: (error) => {
      if (error instanceof ApiError) setIdempotencyKey(crypto.randomUUID());
    },
  });
}

/** After any change to a customer's subscriptions: its lists, add-ons and availability. */
export async function invalidateCustomerSubscriptions(
  queryClient: ReturnType<typeof useQueryClient>,
  customerId: string,
): Promise<void> {
  await Promise.all(
    ['subscriptions', 'customer-offers', 'addons', 'addon-offers'].map((key) =>
      queryClient.invalidateQueries({ queryKey: [key, customerId] }),
    ),
  );
}
