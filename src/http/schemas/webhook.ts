import { Type } from 'typebox';
import { DELIVERY_STATUSES } from '../../domain/webhooks/delivery.js';
import { MAX_WEBHOOK_URL_LENGTH } from '../../domain/webhooks/webhook-url.js';
import { Instant, Uuid } from './common.js';
import { literals } from './offer.js';

const EventTypes = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  minItems: 1,
  maxItems: 100,
  description: 'Event types to receive (GET /v1/webhooks/event-types), or ["*"] for all.',
});
const Url = Type.String({
  minLength: 1,
  maxLength: MAX_WEBHOOK_URL_LENGTH,
  description:
    'Where deliveries are posted: https (http only where private receivers are allowed).',
});
const Description = Type.Union([Type.String({ maxLength: 500 }), Type.Null()]);

export const WebhookEndpointSchema = Type.Object(
  {
    id: Uuid,
    url: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    eventTypes: Type.Array(Type.String()),
    enabled: Type.Boolean(),
    disabledReason: Type.Union([literals(['manual', 'failing'] as const), Type.Null()], {
      description: 'manual: someone disabled it; failing: every delivery failed for 5 days.',
    }),
    failingSince: Type.Union([Instant, Type.Null()]),
    previousSecretExpiresAt: Type.Union([Instant, Type.Null()], {
      description: 'Until then the secret before the last rotation signs beside the new one.',
    }),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { $id: 'WebhookEndpoint' },
);

export const WebhookEndpointWithSecretSchema = Type.Intersect(
  [
    Type.Ref('WebhookEndpoint'),
    Type.Object({
      secret: Type.Optional(
        Type.String({
          description:
            'whsec_… — the signing secret, shown only in this answer (not in a replay of it).',
        }),
      ),
      secretsWithheld: Type.Optional(
        Type.Array(Type.String(), {
          description:
            'On a replay (Idempotent-Replayed: true): the secrets of the first answer, which are shown only once and never stored.',
        }),
      ),
    }),
  ],
  { $id: 'WebhookEndpointWithSecret' },
);

export const NewWebhookEndpointSchema = Type.Object(
  { url: Url, eventTypes: EventTypes, description: Type.Optional(Description) },
  { additionalProperties: false },
);

export const WebhookEndpointPatchSchema = Type.Object(
  {
    url: Type.Optional(Url),
    eventTypes: Type.Optional(EventTypes),
    description: Type.Optional(Description),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const DeliveryStatusSchema = literals(DELIVERY_STATUSES);

export const WebhookDeliverySchema = Type.Object(
  {
    id: Uuid,
    endpointId: Uuid,
    eventId: Uuid,
    eventType: Type.String(),
    status: DeliveryStatusSchema,
    attempts: Type.Array(
      Type.Object({
        at: Instant,
        statusCode: Type.Union([Type.Integer(), Type.Null()]),
        error: Type.Union([Type.String(), Type.Null()]),
        durationMs: Type.Integer(),
        responseBody: Type.Union([Type.String(), Type.Null()], {
          description: "The start of the receiver's answer (2 kB at most).",
        }),
      }),
    ),
    nextAttemptAt: Type.Union([Instant, Type.Null()]),
    inFlight: Type.Boolean({ description: 'An attempt is under way.' }),
    createdAt: Instant,
  },
  { $id: 'WebhookDelivery' },
);
