/**
 * The floor server: bare Fastify and bare better-sqlite3, no Kysely, no auth, no validation
 * beyond JSON parsing. It answers `POST /v1/customers/:customerId/orders` by writing the rows the
 * real service writes, so the bench can tell what the full stack costs on top of the writes.
 *
 * Run by bench/run.ts as `node --import tsx bench/floor-server.ts` with FLOOR_DATABASE (a file
 * migrated and seeded by floor-database.ts), FLOOR_SYNCHRONOUS (FULL or NORMAL), PORT and HOST.
 */
import Fastify from 'fastify';
import { readFloorCatalog } from './floor-offers.js';
import type { OrderRows } from './floor-rows.js';
import {
  FloorStore,
  UnknownOfferError,
  type FloorOrderRequest,
  type Synchronous,
} from './floor-store.js';

const path = process.env.FLOOR_DATABASE;
const synchronous = process.env.FLOOR_SYNCHRONOUS;
if (path === undefined || (synchronous !== 'FULL' && synchronous !== 'NORMAL')) {
  process.stderr.write('floor-server: set FLOOR_DATABASE and FLOOR_SYNCHRONOUS=FULL|NORMAL\n');
  process.exit(2);
}
const store = new FloorStore(path, synchronous satisfies Synchronous, readFloorCatalog());
const app = Fastify({ logger: false });

app.get('/healthz', () => ({ status: 'ok' }));

app.post<{ Params: { customerId: string }; Body: FloorOrderRequest }>(
  '/v1/customers/:customerId/orders',
  (request, reply) => {
    try {
      const rows = store.placeOrder(request.params.customerId, request.body);
      if (!rows) return reply.code(404).send({ code: 'not_found' });
      return reply
        .code(201)
        .header('location', `/v1/customers/${rows.order.customer_id}/orders/${rows.order.id}`)
        .send(presentOrder(rows));
    } catch (error) {
      if (error instanceof UnknownOfferError)
        return reply.code(422).send({ code: 'offer_not_found' });
      throw error;
    }
  },
);

const shutdown = () => {
  void app.close().then(() => {
    store.close();
    process.exit(0);
  });
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });

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
