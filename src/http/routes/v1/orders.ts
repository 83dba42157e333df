import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { getOrder, listOrders } from '../../../services/list-orders.js';
import { placeOrder } from '../../../services/place-order.js';
import { previewOrder } from '../../../services/billing/preview-order.js';
import { caller } from '../../plugins/auth.js';
import { idempotent, needs } from '../../plugins/idempotency.js';
import { presentOrder } from '../../presenters/order.js';
import { Page, PageQuery, Uuid } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';
import { OrderRequestSchema } from '../../schemas/subscription.js';

const CustomerParams = Type.Object({ customerId: Uuid });

export function orderRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/customers/:customerId/orders',
    {
      schema: {
        tags: ['orders'],
        operationId: 'createOrder',
        summary: 'Place an order: one billing cycle, 1–100 line items, all or nothing',
        params: CustomerParams,
        body: OrderRequestSchema,
        response: {
          201: Type.Ref('Order'),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const { customerId } = request.params;
      const answer = await idempotent(request, reply, {
        authorize: needs('orders.create'),
        async run(ctx) {
          const { order } = await placeOrder(ctx, customerId, request.body);
          return { status: 201, body: presentOrder(order) };
        },
      });
      const order = answer.body as { id: string };
      return reply
        .code(answer.status)
        .header('location', `/v1/customers/${customerId}/orders/${order.id}`)
        .send(answer.body);
    },
  );

  app.post(
    '/customers/:customerId/orders/preview',
    {
      schema: {
        tags: ['orders'],
        operationId: 'previewOrder',
        summary: 'What an order would cost and whether each line can be bought, creating nothing',
        description:
          'The same body as an order. Each line says whether it is available (with the reasons when not), its unit price and its first period’s charge; `total` sums the lines that can be bought.',
        params: CustomerParams,
        body: OrderRequestSchema,
        response: { 200: Type.Ref('OrderPreview'), ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) => previewOrder(caller(request), request.params.customerId, request.body),
  );

  app.get(
    '/customers/:customerId/orders',
    {
      schema: {
        tags: ['orders'],
        operationId: 'listOrders',
        summary: "The customer's orders, oldest first",
        params: CustomerParams,
        querystring: Type.Object(PageQuery),
        response: { 200: Page(Type.Ref('Order'), 'OrderPage'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { limit = 50, cursor } = request.query;
      const page = await listOrders(caller(request), request.params.customerId, {
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      return { items: page.items.map(presentOrder), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/customers/:customerId/orders/:orderId',
    {
      schema: {
        tags: ['orders'],
        operationId: 'getOrder',
        summary: 'One order',
        params: Type.Object({ customerId: Uuid, orderId: Uuid }),
        response: { 200: Type.Ref('Order'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentOrder(
        await getOrder(caller(request), request.params.customerId, request.params.orderId),
      ),
  );
}
