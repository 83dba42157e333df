import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import {
  DELIVERIES_KEY,
  WEBHOOKS_KEY,
  type NewWebhookEndpoint,
  type WebhookEndpoint,
  type WebhookEndpointPatch,
} from '../../lib/webhooks';

/** A write is done once: a retry of the same request returns the first answer. */
const once = () => ({ 'Idempotency-Key': crypto.randomUUID() });

/** The list shows the endpoint as the API answered it. */
function putEndpoint(queryClient: QueryClient, endpoint: WebhookEndpoint) {
  queryClient.setQueryData<WebhookEndpoint[]>(WEBHOOKS_KEY, (list) =>
    list?.map((item) => (item.id === endpoint.id ? endpoint : item)),
  );
  return queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
}

export function useCreateEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewWebhookEndpoint) =>
      unwrap(api.POST('/v1/webhooks', { body, headers: once() })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
  });
}

/** Changes the URL, description or event types, or enables or disables the endpoint. */
export function useUpdateEndpoint(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookEndpointPatch) =>
      unwrap(
        api.PATCH('/v1/webhooks/{webhookId}', {
          params: { path: { webhookId: endpointId } },
          body,
          headers: once(),
        }),
      ),
    onSuccess: (endpoint) => putEndpoint(queryClient, endpoint),
  });
}

/** Deletes the endpoint; the list lets go of it with `useForgetEndpoint`, when the page is ready. */
export function useDeleteEndpoint(endpointId: string) {
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/v1/webhooks/{webhookId}', { params: { path: { webhookId: endpointId } } }),
      ),
  });
}

/** Takes a deleted endpoint off the list at once, then reads the list again. */
export function useForgetEndpoint() {
  const queryClient = useQueryClient();
  return (endpointId: string) => {
    queryClient.setQueryData<WebhookEndpoint[]>(WEBHOOKS_KEY, (list) =>
      list?.filter((item) => item.id !== endpointId),
    );
    queryClient.removeQueries({ queryKey: [...DELIVERIES_KEY, endpointId] });
    return queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
  };
}

/** A new secret, answered once; the old one keeps signing beside it for a while. */
export function useRotateSecret(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/webhooks/{webhookId}/rotate-secret', {
          params: { path: { webhookId: endpointId } },
          headers: once(),
        }),
      ),
    // Read again rather than put there: the secret stays out of the list's cache.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
  });
}

/** Sends a `webhook.test` event to this endpoint only; its delivery joins the list. */
export function useSendTest(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/webhooks/{webhookId}/test', {
          params: { path: { webhookId: endpointId } },
          headers: once(),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...DELIVERIES_KEY, endpointId] }),
  });
}

/** Delivers the delivery's event again now (refused while an attempt is under way). */
export function useRedeliver(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(
        api.POST('/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver', {
          params: { path: { webhookId: endpointId, deliveryId } },
          headers: once(),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...DELIVERIES_KEY, endpointId] }),
  });
}
