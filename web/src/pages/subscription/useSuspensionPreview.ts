import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Subscription } from '../../api/client';

/**
 * When the data would be deleted if the subscription were suspended now, as the API previews it.
 * The preview holds for the moment the subscription was read, so it is read again when `enabled`
 * turns on (the Suspended choice is made): the date shown is the one the suspension will get.
 */
export function useSuspensionPreview(subscription: Subscription, enabled: boolean) {
  const { customerId, id: subscriptionId } = subscription;
  const fresh = useQuery({
    queryKey: ['suspension-preview', customerId, subscriptionId],
    enabled,
    staleTime: 0,
    gcTime: 0,
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers/{customerId}/subscriptions/{subscriptionId}', {
          params: { path: { customerId, subscriptionId } },
        }),
      ),
  });
  const preview = fresh.data ? fresh.data.suspensionPreview : subscription.suspensionPreview;
  return preview?.expiresAt;
}
