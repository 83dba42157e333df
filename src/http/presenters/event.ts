import type { Static } from 'typebox';
import type { DomainEvent } from '../../domain/event.js';
import type { EventSchema } from '../schemas/subscription.js';

export function presentEvent(event: DomainEvent): Static<typeof EventSchema> {
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    actor: event.actor,
    customerId: event.customerId,
    subscriptionId: event.subscriptionId,
    orderId: event.orderId,
    reason: event.reason,
    data: event.data,
  };
}
