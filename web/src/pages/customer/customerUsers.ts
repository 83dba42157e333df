import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { allPages, LARGEST_PAGE } from '../../lib/allPages';

export type CustomerUser = Schemas['CustomerUser'];
export type NewCustomerUser = { email: string; displayName: string; isAdmin: boolean };

const usersKey = (customerId: string) => ['customer-users', customerId] as const;
const licensesKey = (customerId: string, subscriptionId: string) =>
  ['licenses', customerId, subscriptionId] as const;

/** Every user of the customer, in email order. */
export function useCustomerUsers(customerId: string) {
  return useQuery({
    queryKey: usersKey(customerId),
    queryFn: () =>
      allPages(async (cursor) =>
        unwrap(
          api.GET('/v1/customers/{customerId}/users', {
            params: {
              path: { customerId },
              query: { limit: LARGEST_PAGE, ...(cursor ? { cursor } : {}) },
            },
          }),
        ),
      ),
  });
}

export function useAddCustomerUser(customerId: string, onAdded: (user: CustomerUser) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCustomerUser) =>
      unwrap(
        api.POST('/v1/customers/{customerId}/users', {
          params: { path: { customerId } },
          body,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: async (user) => {
      onAdded(user);
      await queryClient.invalidateQueries({ queryKey: usersKey(customerId) });
    },
  });
}

/** The ids of the users holding a license of the subscription. */
export function useLicenseHolders(customerId: string, subscriptionId: string) {
  return useQuery({
    queryKey: licensesKey(customerId, subscriptionId),
    queryFn: async () =>
      new Set(
        (
          await allPages(async (cursor) =>
            unwrap(
              api.GET('/v1/customers/{customerId}/subscriptions/{subscriptionId}/licenses', {
                params: {
                  path: { customerId, subscriptionId },
                  query: { limit: LARGEST_PAGE, ...(cursor ? { cursor } : {}) },
                },
              }),
            ),
          )
        ).map((license) => license.userId),
      ),
  });
}

/** Gives a user a license of the subscription, or takes it back; the counts follow. */
export function useLicenseChange(customerId: string, subscriptionId: string) {
  const queryClient = useQueryClient();
  const path = { customerId, subscriptionId };
  return useMutation({
    mutationFn: async (change: { userId: string; assigned: boolean }) => {
      if (change.assigned) {
        await unwrap(
          api.POST('/v1/customers/{customerId}/subscriptions/{subscriptionId}/licenses', {
            params: { path },
            body: { userId: change.userId },
            headers: { 'Idempotency-Key': crypto.randomUUID() },
          }),
        );
      } else {
        await unwrap(
          api.DELETE(
            '/v1/customers/{customerId}/subscriptions/{subscriptionId}/licenses/{userId}',
            {
              params: { path: { ...path, userId: change.userId } },
            },
          ),
        );
      }
      return change;
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: licensesKey(customerId, subscriptionId) }),
        queryClient.invalidateQueries({ queryKey: ['subscriptions', customerId] }),
        queryClient.invalidateQueries({ queryKey: ['subscription', customerId, subscriptionId] }),
      ]);
    },
  });
}
