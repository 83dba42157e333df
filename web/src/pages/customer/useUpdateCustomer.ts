import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Customer } from '../../api/client';
import { customerQuery } from '../../lib/customers';
import type { CustomerPatch } from './customerDraft';

type Patch = (
  path: '/v1/customers/{customerId}',
  init: { params: { path: { customerId: string } }; body: CustomerPatch; headers: HeadersInit },
) => Promise<{ data?: Customer; error?: unknown; response: Response }>;

// Typed by hand until `PATCH /v1/customers/{customerId}` is in the generated OpenAPI types.
const patchCustomer = api.PATCH as unknown as Patch;

/** Saves changes to a customer; every page showing it shows the saved customer. */
export function useUpdateCustomer(customer: Customer, onSaved: (saved: Customer) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerPatch) =>
      unwrap(
        patchCustomer('/v1/customers/{customerId}', {
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
