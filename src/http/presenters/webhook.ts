import type { Static } from 'typebox';
import type { WebhookDelivery } from '../../domain/webhooks/delivery.js';
import type { WebhookEndpoint } from '../../domain/webhooks/endpoint.js';
import type { WebhookDeliverySchema, WebhookEndpointSchema } from '../schemas/webhook.js';

export function presentEndpoint(endpoint: WebhookEndpoint): Static<typeof WebhookEndpointSchema> {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: endpoint.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

/** An endpoint with its secret: the one answer that shows it. */
export function presentWithSecret(made: { endpoint: WebhookEndpoint; secret: string }) {
  return { ...presentEndpoint(made.endpoint), secret: made.secret };
}

export function presentDelivery(delivery: WebhookDelivery): Static<typeof WebhookDeliverySchema> {
  return {
    id: delivery.id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts.map((attempt) => ({
      at: attempt.at.toISOString(),
      statusCode: attempt.statusCode,
      error: attempt.error,
      durationMs: attempt.durationMs,
      responseBody: attempt.responseBody,
    })),
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    inFlight: delivery.inFlight,
    createdAt: delivery.createdAt.toISOString(),
  };
}
