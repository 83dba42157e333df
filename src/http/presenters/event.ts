import type { Static } from 'typebox';
import type { NamedEvent } from '../../services/list-events.js';
import type { EventSchema } from '../schemas/subscription.js';

export function presentEvent({
  event,
  customerName,
  subscriptionName,
}: NamedEvent): Static<typeof EventSchema> {
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    actor: event.actor,
    customerId: event.customerId,
    customerName,
    subscriptionId: event.subscriptionId,
    subscriptionName,
    orderId: event.orderId,
    reason: event.reason,
    data: event.data,
  };
}
