import { ifMatchVersion } from '../../if-match.js';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { convertTrial } from '../../../services/subscriptions/convert-trial.js';
import { getSubscription } from '../../../services/get-subscription.js';
import { listAddOns } from '../../../services/list-subscriptions.js';
import { withActions, withActionsOne } from '../../../services/subscription-views.js';
import {
  authorizeChanges,
  patchSubscription,
} from '../../../services/subscriptions/patch-subscription.js';
import { caller } from '../../plugins/auth.js';
import { idempotent, needs } from '../../plugins/idempotency.js';
import { presentSubscription } from '../../presenters/subscription.js';
import { PageQuery, Uuid } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';
import {
  ConversionRequestSchema,
  SubscriptionPageSchema,
  SubscriptionPatchSchema,
  SubscriptionStatusSchema,
} from '../../schemas/subscription.js';
import { sendPage } from '../../page-workers/send-page.js';

const CustomerParams = Type.Object({ customerId: Uuid });
const SubscriptionParams = Type.Object({ customerId: Uuid, subscriptionId: Uuid });

export function subscriptionRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/customers/:customerId/subscriptions',
    {
      schema: {
        tags: ['subscriptions'],
        operationId: 'listCustomerSubscriptions',
        summary: "The customer's subscriptions, oldest first",
        params: CustomerParams,
        querystring: Type.Object({
          status: Type.Optional(SubscriptionStatusSchema),
          offerId: Type.Optional(Type.String({ maxLength: 64 })),
          ...PageQuery,
        }),
        response: {
          200: SubscriptionPageSchema,
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { limit = 50, cursor, status, offerId } = request.query;
      return sendPage(request, reply, {
        list: 'customer',
        customerId: request.params.customerId,
        query: {
          limit,
          ...(cursor === undefined ? {} : { cursor }),
          ...(status === undefined ? {} : { status }),
          ...(offerId === undefined ? {} : { offerId }),
        },
      });
    },
  );

  app.get(
    '/customers/:customerId/subscriptions/:subscriptionId',
    {
      schema: {
        tags: ['subscriptions'],
        operationId: 'getSubscription',
        summary: 'One subscription, with its ETag and the actions allowed now',
        params: SubscriptionParams,
        response: { 200: Type.Ref('Subscription'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = caller(request);
      const { customerId, subscriptionId } = request.params;
      const body = presentSubscription(
        await withActionsOne(ctx, await getSubscription(ctx, customerId, subscriptionId)),
      );
      return reply.header('etag', body.etag).send(body);
    },
  );

  app.patch(
    '/customers/:customerId/subscriptions/:subscriptionId',
    {
      schema: {
        tags: ['subscriptions'],
        operationId: 'updateSubscription',
        summary: 'Change quantity, name or auto-renewal, or suspend, reactivate or cancel',
        description:
          'Send `If-Match` with the ETag you read to refuse the change (412) when the subscription changed meanwhile. `status` may not change together with `quantity`.',
        params: SubscriptionParams,
        body: SubscriptionPatchSchema,
        response: {
          200: Type.Ref('Subscription'),
          ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const { customerId, subscriptionId } = request.params;
      const expectedVersion = ifMatchVersion(request, 'subscription');
      const answer = await idempotent(request, reply, {
        authorize: (ctx) => authorizeChanges(ctx, request.body),
        async run(ctx) {
          const updated = await patchSubscription(
            ctx,
            { customerId, subscriptionId },
            request.body,
            expectedVersion,
          );
          return { status: 200, body: presentSubscription(await withActionsOne(ctx, updated)) };
        },
      });
      return reply
        .code(answer.status)
        .header('etag', (answer.body as { etag: string }).etag)
        .send(answer.body);
    },
  );

  app.get(
    '/customers/:customerId/subscriptions/:subscriptionId/addons',
    {
      schema: {
        tags: ['subscriptions'],
        operationId: 'listSubscriptionAddOns',
        summary: 'The add-ons of a subscription',
        params: SubscriptionParams,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('Subscription')) }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const ctx = caller(request);
      const addOns = await listAddOns(
        ctx,
        request.params.customerId,
        request.params.subscriptionId,
      );
      return { items: (await withActions(ctx, addOns)).map(presentSubscription) };
    },
  );

  app.post(
    '/customers/:customerId/subscriptions/:subscriptionId/conversions',
    {
      schema: {
        tags: ['subscriptions'],
        operationId: 'convertTrialSubscription',
        summary: 'Convert a trial into a paid subscription of one of its conversion targets',
        params: SubscriptionParams,
        body: ConversionRequestSchema,
        response: {
          201: Type.Ref('Subscription'),
          ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const { customerId, subscriptionId } = request.params;
      const answer = await idempotent(request, reply, {
        authorize: needs('subscriptions.convert'),
        async run(ctx) {
          const paid = await convertTrial(ctx, customerId, subscriptionId, request.body);
          return { status: 201, body: presentSubscription(await withActionsOne(ctx, paid)) };
        },
      });
      const paid = answer.body as { id: string; etag: string };
      return reply
        .code(answer.status)
        .header('location', `/v1/customers/${customerId}/subscriptions/${paid.id}`)
        .header('etag', paid.etag)
        .send(answer.body);
    },
  );
}
