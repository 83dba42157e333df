import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createCustomerUser } from '../../../services/create-customer-user.js';
import { deleteCustomerUser } from '../../../services/delete-customer-user.js';
import { getCustomerUser } from '../../../services/get-customer-user.js';
import { listCustomerUsers } from '../../../services/list-customer-users.js';
import { updateCustomerUser } from '../../../services/update-customer-user.js';
import { caller } from '../../plugins/auth.js';
import { idempotent, needs } from '../../plugins/idempotency.js';
import { presentCustomerUser } from '../../presenters/customer-user.js';
import { Page, PageQuery, Uuid } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';
import { CustomerUserPatchSchema, NewCustomerUserSchema } from '../../schemas/customer-user.js';

const CustomerParams = Type.Object({ customerId: Uuid });
const UserParams = Type.Object({ customerId: Uuid, userId: Uuid });

/** The customer's own users: the people its licenses are assigned to. */
export function customerUserRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/customers/:customerId/users',
    {
      schema: {
        tags: ['customer users'],
        operationId: 'createCustomerUser',
        summary: 'Add a user to the customer',
        description: 'The email is unique within the customer (409 customer_user_email_taken).',
        params: CustomerParams,
        body: NewCustomerUserSchema,
        response: {
          201: Type.Ref('CustomerUser'),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const { customerId } = request.params;
      const answer = await idempotent(request, reply, {
        authorize: needs('customer_users.write'),
        async run(ctx) {
          const user = await createCustomerUser(ctx, customerId, request.body);
          return { status: 201, body: presentCustomerUser(user) };
        },
      });
      const user = answer.body as { id: string };
      return reply
        .code(answer.status)
        .header('location', `/v1/customers/${customerId}/users/${user.id}`)
        .send(answer.body);
    },
  );

  app.get(
    '/customers/:customerId/users',
    {
      schema: {
        tags: ['customer users'],
        operationId: 'listCustomerUsers',
        summary: "The customer's users, in email order",
        params: CustomerParams,
        querystring: Type.Object(PageQuery),
        response: {
          200: Page(Type.Ref('CustomerUser'), 'CustomerUserPage'),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { limit = 50, cursor } = request.query;
      const page = await listCustomerUsers(caller(request), request.params.customerId, {
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      return { items: page.items.map(presentCustomerUser), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/customers/:customerId/users/:userId',
    {
      schema: {
        tags: ['customer users'],
        operationId: 'getCustomerUser',
        summary: 'One user of the customer',
        params: UserParams,
        response: { 200: Type.Ref('CustomerUser'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { customerId, userId } = request.params;
      return presentCustomerUser(await getCustomerUser(caller(request), customerId, userId));
    },
  );

  app.patch(
    '/customers/:customerId/users/:userId',
    {
      schema: {
        tags: ['customer users'],
        operationId: 'updateCustomerUser',
        summary: 'Rename a user, or make them an administrator or not',
        params: UserParams,
        body: CustomerUserPatchSchema,
        response: {
          200: Type.Ref('CustomerUser'),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const { customerId, userId } = request.params;
      const answer = await idempotent(request, reply, {
        authorize: needs('customer_users.write'),
        async run(ctx) {
          const user = await updateCustomerUser(ctx, customerId, userId, request.body);
          return { status: 200, body: presentCustomerUser(user) };
        },
      });
      return reply.code(answer.status).send(answer.body);
    },
  );

  app.delete(
    '/customers/:customerId/users/:userId',
    {
      schema: {
        tags: ['customer users'],
        operationId: 'deleteCustomerUser',
        summary: 'Remove a user; the licenses assigned to them become free',
        params: UserParams,
        response: { 204: Type.Null({ description: 'Removed.' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { customerId, userId } = request.params;
      await deleteCustomerUser(caller(request), customerId, userId);
      return reply.code(204).send(null);
    },
  );
}
