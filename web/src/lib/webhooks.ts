import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import type { paths } from '../api/schema';

export type WebhookEndpoint = Schemas['WebhookEndpoint'];
/** What creating an endpoint or rotating its secret answers: the secret, this once. */
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookAttempt = WebhookDelivery['attempts'][number];
export type DeliveryStatus = WebhookDelivery['status'];
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'succeeded', 'failed'];

export type NewWebhookEndpoint =
  paths['/v1/webhooks']['post']['requestBody']['content']['application/json'];
export type WebhookEndpointPatch =
  paths['/v1/webhooks/{webhookId}']['patch']['requestBody']['content']['application/json'];

/** `eventTypes: ['*']`: every event, including types added later. */
export const ALL_EVENTS = '*';

/** A partner's endpoints are at most this many (the API refuses one more). */
export const MAX_ENDPOINTS = 20;

export const WEBHOOKS_KEY = ['webhooks'] as const;
export const DELIVERIES_KEY = ['webhook-deliveries'] as const;

/** The partner's endpoints, oldest first (at most MAX_ENDPOINTS, so never paged). */
export function useWebhookEndpoints() {
  return useQuery({
    queryKey: WEBHOOKS_KEY,
    queryFn: async () => (await unwrap(api.GET('/v1/webhooks'))).items,
  });
}

/** The event types an endpoint may subscribe to; they change only with the server. */
export function useWebhookEventTypes() {
  return useQuery({
    queryKey: ['webhook-event-types'],
    queryFn: async () => (await unwrap(api.GET('/v1/webhooks/event-types'))).items,
    staleTime: Infinity,
  });
}

/** While a delivery is pending the list is read again this often, to show how it ended. */
const PENDING_REFRESH_MS = 2_000;

/** One page of an endpoint's deliveries, newest first. */
export function useDeliveries(input: {
  endpointId: string;
  status: DeliveryStatus | '';
  cursor: string | undefined;
  limit: number;
}) {
  const { endpointId, status, cursor, limit } = input;
  return useQuery({
    queryKey: [...DELIVERIES_KEY, endpointId, status, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/v1/webhooks/{webhookId}/deliveries', {
          params: {
            path: { webhookId: endpointId },
            query: { limit, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((delivery) => delivery.status === 'pending')
        ? PENDING_REFRESH_MS
        : false,
  });
}
