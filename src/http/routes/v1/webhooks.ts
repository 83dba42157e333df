import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listDeliveries, redeliver, sendTestEvent } from '../../../services/webhooks/deliveries.js';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateSecret,
  subscribableEventTypes,
  updateEndpoint,
} from '../../../services/webhooks/endpoints.js';
import { caller } from '../../plugins/auth.js';
import { ALL_EVENT_TYPES } from '../../../domain/webhooks/endpoint.js';
import type { IdempotentWork } from '../../../services/run-idempotent.js';
import { idempotent, needs } from '../../plugins/idempotency.js';
import { presentDelivery, presentEndpoint, presentWithSecret } from '../../presenters/webhook.js';
import { PageQuery, Uuid } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';
import {
  DeliveryStatusSchema,
  NewWebhookEndpointSchema,
  WebhookEndpointPatchSchema,
} from '../../schemas/webhook.js';

const EndpointParams = Type.Object({ webhookId: Uuid });
const SECRET = ['secret'];

/** A webhooks write for those who manage them, done once per Idempotency-Key. */
async function once(
  request: FastifyRequest,
  reply: FastifyReply,
  run: IdempotentWork['run'],
): Promise<FastifyReply> {
  const answer = await idempotent(request, reply, { authorize: needs('webhooks.manage'), run });
  return reply.code(answer.status).send(answer.body);
}

export function webhookRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['webhooks'];

  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        operationId: 'listWebhookEndpoints',
        summary: "The partner's webhook endpoints",
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('WebhookEndpoint')) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => ({ items: (await listEndpoints(caller(request))).map(presentEndpoint) }),
  );

  app.get(
    '/webhooks/event-types',
    {
      schema: {
        tags,
        operationId: 'listWebhookEventTypes',
        summary: 'The event types an endpoint may receive',
        response: {
          200: Type.Object({
            items: Type.Array(Type.String()),
            all: Type.Literal(ALL_EVENT_TYPES),
          }),
          ...problems(401, 403),
        },
      },
    },
    (request) => Promise.resolve(subscribableEventTypes(caller(request))),
  );

  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        operationId: 'createWebhookEndpoint',
        summary: 'Add an endpoint; its signing secret is shown in this answer only',
        body: NewWebhookEndpointSchema,
        response: {
          201: Type.Ref('WebhookEndpointWithSecret'),
          ...problems(400, 401, 403, 409, 413, 415, 422),
        },
      },
    },
    (request, reply) =>
      once(request, reply, async (ctx) => ({
        status: 201,
        body: presentWithSecret(await createEndpoint(ctx, request.body)),
        secrets: SECRET,
      })),
  );

  app.get(
    '/webhooks/:webhookId',
    {
      schema: {
        tags,
        operationId: 'getWebhookEndpoint',
        summary: 'One endpoint',
        params: EndpointParams,
        response: { 200: Type.Ref('WebhookEndpoint'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentEndpoint(await getEndpoint(caller(request), request.params.webhookId)),
  );

  app.patch(
    '/webhooks/:webhookId',
    {
      schema: {
        tags,
        operationId: 'updateWebhookEndpoint',
        summary: "Change an endpoint's URL, event types or description, or disable or enable it",
        params: EndpointParams,
        body: WebhookEndpointPatchSchema,
        response: {
          200: Type.Ref('WebhookEndpoint'),
          ...problems(400, 401, 403, 404, 413, 415, 422),
        },
      },
    },
    async (request) =>
      presentEndpoint(
        await updateEndpoint(caller(request), request.params.webhookId, request.body),
      ),
  );

  app.delete(
    '/webhooks/:webhookId',
    {
      schema: {
        tags,
        operationId: 'deleteWebhookEndpoint',
        summary: 'Remove an endpoint with its delivery log',
        params: EndpointParams,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteEndpoint(caller(request), request.params.webhookId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/webhooks/:webhookId/rotate-secret',
    {
      schema: {
        tags,
        operationId: 'rotateWebhookSecret',
        summary: 'A new signing secret, shown once; the old one still signs for 24 hours',
        params: EndpointParams,
        response: {
          200: Type.Ref('WebhookEndpointWithSecret'),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    (request, reply) =>
      once(request, reply, async (ctx) => ({
        status: 200,
        body: presentWithSecret(await rotateSecret(ctx, request.params.webhookId)),
        secrets: SECRET,
      })),
  );

  app.post(
    '/webhooks/:webhookId/test',
    {
      schema: {
        tags,
        operationId: 'sendWebhookTestEvent',
        summary: 'Send a webhook.test event to this endpoint only',
        params: EndpointParams,
        response: { 202: Type.Ref('WebhookDelivery'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    (request, reply) =>
      once(request, reply, async (ctx) => ({
        status: 202,
        body: presentDelivery(await sendTestEvent(ctx, request.params.webhookId)),
      })),
  );

  app.get(
    '/webhooks/:webhookId/deliveries',
    {
      schema: {
        tags,
        operationId: 'listWebhookDeliveries',
        summary: "The endpoint's deliveries, newest first, with their attempts",
        params: EndpointParams,
        querystring: Type.Object(
          { status: Type.Optional(DeliveryStatusSchema), ...PageQuery },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('WebhookDelivery')),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { limit = 50, cursor, status } = request.query;
      const page = await listDeliveries(caller(request), request.params.webhookId, {
        limit,
        ...(cursor === undefined ? {} : { cursor }),
        ...(status === undefined ? {} : { status }),
      });
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
    {
      schema: {
        tags,
        operationId: 'redeliverWebhookDelivery',
        summary: 'Deliver again now, with a fresh retry schedule',
        params: Type.Object({ webhookId: Uuid, deliveryId: Uuid }),
        response: { 202: Type.Ref('WebhookDelivery'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { webhookId, deliveryId } = request.params;
      return once(request, reply, async (ctx) => ({
        status: 202,
        body: presentDelivery(await redeliver(ctx, webhookId, deliveryId)),
      }));
    },
  );
}
