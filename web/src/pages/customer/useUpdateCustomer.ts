import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Customer } from '../../api/client';
import { customerQuery } from '../../lib/customers';
import type { CustomerPatch } from './customerDraft';

/** Saves changes to a customer; every page showing it shows the saved customer. */
export function useUpdateCustomer(customer: Customer, onSaved: (saved: Customer) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerPatch) =>
      unwrap(
        api.PATCH('/v1/customers/{customerId}', {
          params: { path: { customerId: customer.id } },
          body,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(customerQuery(customer.id).queryKey, saved);
      onSaved(saved);
      await queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}
