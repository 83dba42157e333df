import type { Static } from 'typebox';
import type { Order } from '../../domain/order.js';
import type { OrderSchema } from '../schemas/subscription.js';

export function presentOrder(order: Order): Static<typeof OrderSchema> {
  return {
    id: order.id,
    customerId: order.customerId,
    billingCycle: order.billingCycle,
    status: order.status,
    creationDate: order.creationDate.toISOString(),
    currency: order.currency,
    lineItems: order.lineItems,
  };
}
