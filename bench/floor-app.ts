/**
 * The floor servers' HTTP side, shared by the SQLite and the PostgreSQL floor: bare Fastify, no
 * auth, no validation beyond JSON parsing, `POST /v1/customers/:customerId/orders` answering with
 * the same JSON as the API's order presenter.
 */
import Fastify from 'fastify';
import { UnknownOfferError } from './floor-offers.js';
import type { OrderRows } from './floor-rows.js';

export interface FloorOrderRequest {
  billingCycle: string;
  lineItems: { offerId: string; quantity: number }[];
}

/** The rows written, or null when the customer does not exist. Throws on an unknown offer. */
export type PlaceFloorOrder = (
  customerId: string,
  request: FloorOrderRequest,
) => OrderRows | null | Promise<OrderRows | null>;

/** Serves the floor on PORT and HOST until SIGTERM or SIGINT, then closes the store. */
export async function serveFloor(
  placeOrder: PlaceFloorOrder,
  closeStore: () => Promise<void> | void,
): Promise<void> {
  const app = Fastify({ logger: false });
  app.get('/healthz', () => ({ status: 'ok' }));
  app.post<{ Params: { customerId: string }; Body: FloorOrderRequest }>(
    '/v1/customers/:customerId/orders',
    async (request, reply) => {
      try {
        const rows = await placeOrder(request.params.customerId, request.body);
        if (!rows) {
          void reply.code(404);
          return { code: 'not_found' };
        }
        void reply
          .code(201)
          .header('location', `/v1/customers/${rows.order.customer_id}/orders/${rows.order.id}`);
        return presentOrder(rows);
      } catch (error) {
        if (error instanceof UnknownOfferError) {
          void reply.code(422);
          return { code: 'offer_not_found' };
        }
        throw error;
      }
    },
  );
  const shutdown = () => {
    void app
      .close()
      .then(closeStore)
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
}

/** The same JSON as the API's order presenter. */
function presentOrder({ order, lineItems }: OrderRows) {
  return {
    id: order.id,
    customerId: order.customer_id,
    billingCycle: order.billing_cycle,
    status: order.status,
    creationDate: order.created_at,
    currency: order.currency,
    lineItems: lineItems.map((l) => ({
      lineItemNumber: l.line_item_number,
      offerId: l.offer_id,
      quantity: l.quantity,
      termDuration: l.term_duration,
      friendlyName: l.friendly_name,
      parentSubscriptionId: l.parent_subscription_id,
      subscriptionId: l.subscription_id,
      unitPrice: l.unit_price,
      amount: l.amount,
    })),
  };
}
