import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { assignLicense } from '../../../services/assign-license.js';
import { listLicenses } from '../../../services/list-licenses.js';
import { unassignLicense } from '../../../services/unassign-license.js';
import { caller } from '../../plugins/auth.js';
import { idempotent, needs } from '../../plugins/idempotency.js';
import { presentLicense } from '../../presenters/customer-user.js';
import { Page, PageQuery, Uuid } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';
import { LicenseRequestSchema } from '../../schemas/customer-user.js';

const SubscriptionParams = Type.Object({ customerId: Uuid, subscriptionId: Uuid });

/** A subscription's licenses and the customer users they are assigned to. */
export function licenseRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/customers/:customerId/subscriptions/:subscriptionId/licenses',
    {
      schema: {
        tags: ['licenses'],
        operationId: 'listSubscriptionLicenses',
        summary: 'The users holding a license of the subscription, in email order',
        params: SubscriptionParams,
        querystring: Type.Object(PageQuery),
        response: {
          200: Page(Type.Ref('License'), 'LicensePage'),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { customerId, subscriptionId } = request.params;
      const { limit = 50, cursor } = request.query;
      const page = await listLicenses(caller(request), customerId, subscriptionId, {
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      return { items: page.items.map(presentLicense), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/customers/:customerId/subscriptions/:subscriptionId/licenses',
    {
      schema: {
        tags: ['licenses'],
        operationId: 'assignLicense',
        summary: 'Assign a license to a user of the customer',
        description:
          'At most `quantity` licenses are assigned (409 license_limit_reached). The subscription must be active or suspended. Assigning a license the user already holds answers 200 with it and changes nothing.',
        params: SubscriptionParams,
        body: LicenseRequestSchema,
        response: {
          200: Type.Ref('License'),
          201: Type.Ref('License'),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const { customerId, subscriptionId } = request.params;
      const answer = await idempotent(request, reply, {
        authorize: needs('licenses.assign'),
        async run(ctx) {
          const license = await assignLicense(ctx, customerId, subscriptionId, request.body.userId);
          return { status: license.created ? 201 : 200, body: presentLicense(license) };
        },
      });
      return reply.code(answer.status).send(answer.body);
    },
  );

  app.delete(
    '/customers/:customerId/subscriptions/:subscriptionId/licenses/:userId',
    {
      schema: {
        tags: ['licenses'],
        operationId: 'removeLicense',
        summary: "Take back a user's license; it is free for another",
        params: Type.Object({ customerId: Uuid, subscriptionId: Uuid, userId: Uuid }),
        response: {
          204: Type.Null({ description: 'The user holds no license of it now.' }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { customerId, subscriptionId, userId } = request.params;
      await unassignLicense(caller(request), customerId, subscriptionId, userId);
      return reply.code(204).send(null);
    },
  );
}
