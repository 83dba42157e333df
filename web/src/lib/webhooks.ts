import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { api, unwrap, type Problem } from '../api/client';
import type { Permission } from '../session';

/**
 * The webhooks API as its contract says it, until the server's OpenAPI document has it
 * (`npm run api:generate`): then these give way to the generated types.
 */
export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  /** Event types, or `['*']` for every event. */
  eventTypes: string[];
  enabled: boolean;
  disabledReason: null | 'manual' | 'failing';
  /** The first failed attempt since the last success; null while the endpoint answers. */
  failingSince: string | null;
  /** Until when the secret before the last rotation still signs beside the new one. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What creating an endpoint or rotating its secret answers: the secret, this once. */
export type WebhookEndpointWithSecret = WebhookEndpoint & { secret: string };

export interface WebhookAttempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseBody: string | null;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: WebhookAttempt[];
  nextAttemptAt: string | null;
  createdAt: string;
}

export type DeliveryStatus = WebhookDelivery['status'];
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'succeeded', 'failed'];

export interface NewWebhookEndpoint {
  url: string;
  eventTypes: string[];
  description?: string;
}

export interface WebhookEndpointPatch {
  url?: string;
  eventTypes?: string[];
  enabled?: boolean;
  description?: string;
}

/** `eventTypes: ['*']`: every event, including types added later. */
export const ALL_EVENTS = '*';

/** A partner's endpoints are at most this many (the API refuses one more). */
export const MAX_ENDPOINTS = 20;

/** Who may see and change the partner's webhooks: global admins and admin agents. */
export const WEBHOOKS_MANAGE = 'webhooks.manage' as Permission;

type Json<T> = { headers: Record<string, unknown>; content: { 'application/json': T } };
type Refusals = { 400: Json<Problem>; 404: Json<Problem>; 409: Json<Problem>; 422: Json<Problem> };
interface Params<Path = never, Query = never> {
  query?: Query;
  header?: never;
  path: Path;
  cookie?: never;
}
type Operation<P, Body, Answer> = {
  parameters: P;
  responses: Answer & Refusals;
} & ([Body] extends [never]
  ? { requestBody?: never }
  : { requestBody: { content: { 'application/json': Body } } });
type EndpointPath = Params<{ endpointId: string }>;
interface NoParams {
  query?: never;
  header?: never;
  path?: never;
  cookie?: never;
}

interface WebhookPaths {
  '/v1/webhooks': {
    get: Operation<NoParams, never, { 200: Json<{ items: WebhookEndpoint[] }> }>;
    post: Operation<NoParams, NewWebhookEndpoint, { 201: Json<WebhookEndpointWithSecret> }>;
  };
  '/v1/webhooks/event-types': {
    get: Operation<NoParams, never, { 200: Json<{ items: string[] }> }>;
  };
  '/v1/webhooks/{endpointId}': {
    get: Operation<EndpointPath, never, { 200: Json<WebhookEndpoint> }>;
    patch: Operation<EndpointPath, WebhookEndpointPatch, { 200: Json<WebhookEndpoint> }>;
    delete: Operation<EndpointPath, never, { 204: { headers: Record<string, unknown> } }>;
  };
  '/v1/webhooks/{endpointId}/rotate-secret': {
    post: Operation<EndpointPath, never, { 200: Json<WebhookEndpointWithSecret> }>;
  };
  '/v1/webhooks/{endpointId}/test': {
    post: Operation<EndpointPath, never, { 202: Json<WebhookDelivery> }>;
  };
  '/v1/webhooks/{endpointId}/deliveries': {
    get: Operation<
      Params<{ endpointId: string }, { status?: DeliveryStatus; limit?: number; cursor?: string }>,
      never,
      { 200: Json<{ items: WebhookDelivery[]; nextCursor: string | null }> }
    >;
  };
  '/v1/webhooks/{endpointId}/deliveries/{deliveryId}/redeliver': {
    post: Operation<
      Params<{ endpointId: string; deliveryId: string }>,
      never,
      { 202: Json<WebhookDelivery> }
    >;
  };
}

/** The portal's API client (its cookie and CSRF token), typed with the webhooks routes. */
export const webhooksApi = api as unknown as Client<WebhookPaths>;

export const WEBHOOKS_KEY = ['webhooks'] as const;
export const DELIVERIES_KEY = ['webhook-deliveries'] as const;

/** The partner's endpoints, oldest first (at most MAX_ENDPOINTS, so never paged). */
export function useWebhookEndpoints() {
  return useQuery({
    queryKey: WEBHOOKS_KEY,
    queryFn: async () => (await unwrap(webhooksApi.GET('/v1/webhooks'))).items,
  });
}

/** The event types an endpoint may subscribe to; they change only with the server. */
export function useWebhookEventTypes() {
  return useQuery({
    queryKey: ['webhook-event-types'],
    queryFn: async () => (await unwrap(webhooksApi.GET('/v1/webhooks/event-types'))).items,
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
        webhooksApi.GET('/v1/webhooks/{endpointId}/deliveries', {
          params: {
            path: { endpointId },
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
