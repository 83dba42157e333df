import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** One customer, under the one cache key every page shares. */
export function customerQuery(customerId: string) {
  return {
    queryKey: ['customer', customerId],
    queryFn: () =>
      unwrap(api.GET('/v1/customers/{customerId}', { params: { path: { customerId } } })),
  };
}

export function useCustomer(customerId: string) {
  return useQuery(customerQuery(customerId));
}
