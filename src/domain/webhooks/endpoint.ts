import { EVENT_TYPES, type EventType } from '../event.js';
import { validationFailed, type ErrorDetail } from '../errors.js';

/** A partner has at most this many endpoints: each one multiplies every event's deliveries. */
export const MAX_WEBHOOK_ENDPOINTS = 20;

/** Sent only by "send a test event", to the one endpoint it was asked for. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** What an endpoint may subscribe to: every event type but the test event, or `*` for all. */
export const SUBSCRIBABLE_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter(
  (type) => type !== WEBHOOK_TEST_EVENT,
);

export const ALL_EVENT_TYPES = '*';

export type WebhookDisabledReason = 'manual' | 'failing';

/** After a rotation the old secret signs beside the new one this long, for receivers to switch. */
export const PREVIOUS_SECRET_SIGNS_MS = 24 * 60 * 60 * 1000;

export interface WebhookEndpoint {
  id: string;
  partnerId: string;
  url: string;
  description: string | null;
  /** Event types, or `['*']` for all. */
  eventTypes: string[];
  enabled: boolean;
  disabledReason: WebhookDisabledReason | null;
  /** The first failed attempt since the last success; null while the endpoint answers. */
  failingSince: Date | null;
  /** Until when the secret before the last rotation still signs beside the new one. */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Until when a secret rotated away at `rotatedAt` still signs. */
export function previousSecretExpiry(rotatedAt: Date): Date {
  return new Date(rotatedAt.getTime() + PREVIOUS_SECRET_SIGNS_MS);
}

/** Whether the secret before the last rotation signs at `now`, beside the current one. */
export function previousSecretSigns(
  endpoint: Pick<WebhookEndpoint, 'previousSecretExpiresAt'>,
  now: Date,
): boolean {
  return endpoint.previousSecretExpiresAt !== null && endpoint.previousSecretExpiresAt > now;
}

/** Whether an event of `type` goes to the endpoint. The test event goes only where it is sent. */
export function endpointWants(
  endpoint: Pick<WebhookEndpoint, 'enabled' | 'eventTypes'>,
  type: string,
): boolean {
  if (!endpoint.enabled || type === WEBHOOK_TEST_EVENT) return false;
  return endpoint.eventTypes.includes(ALL_EVENT_TYPES) || endpoint.eventTypes.includes(type);
}

/**
 * The event types as stored: known types or `*` alone, each once, in the registry's order.
 * Refuses an empty list, unknown types, and `*` beside other types (it would hide a mistake).
 */
export function normalizeEventTypes(types: readonly string[]): string[] {
  const problems: ErrorDetail[] = [];
  if (types.length === 0) {
    problems.push({
      field: '/eventTypes',
      code: 'invalid_length',
      detail: 'Name at least one event type, or "*" for all of them.',
    });
  }
  types.forEach((type, index) => {
    if (type !== ALL_EVENT_TYPES && !(SUBSCRIBABLE_EVENT_TYPES as string[]).includes(type)) {
      problems.push({
        field: `/eventTypes/${index}`,
        code: 'unknown_event_type',
        detail: `"${type}" is not an event type; GET /v1/webhooks/event-types lists them.`,
      });
    }
  });
  if (types.includes(ALL_EVENT_TYPES) && types.some((type) => type !== ALL_EVENT_TYPES)) {
    problems.push({
      field: '/eventTypes',
      code: 'invalid_value',
      detail: '"*" already means every event type; give it alone.',
    });
  }
  if (problems.length > 0) throw validationFailed(problems);
  if (types.includes(ALL_EVENT_TYPES)) return [ALL_EVENT_TYPES];
  return SUBSCRIBABLE_EVENT_TYPES.filter((type) => types.includes(type));
}
