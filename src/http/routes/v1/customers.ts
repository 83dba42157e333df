import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createCustomer } from '../../../services/create-customer.js';
import { getCustomer } from '../../../services/get-customer.js';
import { listCustomers } from '../../../services/list-customers.js';
import { updateCustomer } from '../../../services/update-customer.js';
import { caller } from '../../plugins/auth.js';
import { idempotent, needs } from '../../plugins/idempotency.js';
import { presentCustomer } from '../../presenters/customer.js';
import { Page, PageQuery, Uuid } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';
import { CustomerPatchSchema, NewCustomerSchema } from '../../schemas/customer.js';

export function customerRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/customers',
    {
      schema: {
        tags: ['customers'],
        operationId: 'createCustomer',
        summary: 'Create a customer',
        body: NewCustomerSchema,
        response: { 201: Type.Ref('Customer'), ...problems(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const { accountOpenedAt, ...fields } = request.body;
      const answer = await idempotent(request, reply, {
        authorize: needs('customers.create'),
        async run(ctx) {
          const customer = await createCustomer(ctx, {
            ...fields,
            ...(accountOpenedAt === undefined
              ? {}
              : { accountOpenedAt: new Date(accountOpenedAt) }),
          });
          return { status: 201, body: presentCustomer(customer) };
        },
      });
      const customer = answer.body as { id: string };
      return reply
        .code(answer.status)
        .header('location', `/v1/customers/${customer.id}`)
        .send(answer.body);
    },
  );

  app.get(
    '/customers',
    {
      schema: {
        tags: ['customers'],
        operationId: 'listCustomers',
        summary: 'List customers in name order, or search them',
        querystring: Type.Object({
          q: Type.Optional(
            Type.String({ maxLength: 200, description: 'Part of the company name or the domain.' }),
          ),
          ...PageQuery,
        }),
        response: { 200: Page(Type.Ref('Customer'), 'CustomerPage'), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { q, limit = 50, cursor } = request.query;
      const page = await listCustomers(caller(request), {
        limit,
        ...(q === undefined ? {} : { q: q.trim() }),
        ...(cursor === undefined ? {} : { cursor }),
      });
      return { items: page.items.map(presentCustomer), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/customers/:customerId',
    {
      schema: {
        tags: ['customers'],
        operationId: 'getCustomer',
        summary: 'One customer',
        params: Type.Object({ customerId: Uuid }),
        response: { 200: Type.Ref('Customer'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentCustomer(await getCustomer(caller(request), request.params.customerId)),
  );

  app.patch(
    '/customers/:customerId',
    {
      schema: {
        tags: ['customers'],
        operationId: 'updateCustomer',
        summary: "Change a customer's name, domain or billing profile",
        description:
          'Fields left out stay as they are; so do those of billingProfile and its address. A domain another customer of the partner has is refused (409 customer_domain_taken).',
        params: Type.Object({ customerId: Uuid }),
        body: CustomerPatchSchema,
        response: {
          200: Type.Ref('Customer'),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const answer = await idempotent(request, reply, {
        authorize: needs('customers.create'),
        async run(ctx) {
          const customer = await updateCustomer(ctx, request.params.customerId, request.body);
          return { status: 200, body: presentCustomer(customer) };
        },
      });
      return reply.code(answer.status).send(answer.body);
    },
  );
}
