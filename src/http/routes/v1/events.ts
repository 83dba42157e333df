import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listEvents, listSubscriptionEvents } from '../../../services/list-events.js';
import { caller } from '../../plugins/auth.js';
import { presentEvent } from '../../presenters/event.js';
import { Instant, Page, PageQuery, Uuid, authenticatedErrors } from '../../schemas/common.js';

const EventPage = Page(Type.Ref('Event'), 'EventPage');

export function eventRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: "The partner's audit log, oldest first",
        querystring: Type.Object({
          customerId: Type.Optional(Uuid),
          subscriptionId: Type.Optional(Uuid),
          type: Type.Optional(Type.String({ maxLength: 100 })),
          from: Type.Optional({ ...Instant, description: 'Events at or after this instant.' }),
          to: Type.Optional({ ...Instant, description: 'Events before this instant.' }),
          ...PageQuery,
        }),
        response: { 200: EventPage, ...authenticatedErrors },
      },
    },
    async (request) => {
      const { limit = 50, cursor, from, to, ...filters } = request.query;
      const page = await listEvents(caller(request), {
        ...filters,
        limit,
        ...(cursor === undefined ? {} : { cursor }),
        ...(from === undefined ? {} : { from: new Date(from) }),
        ...(to === undefined ? {} : { to: new Date(to) }),
      });
      return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/customers/:customerId/subscriptions/:subscriptionId/events',
    {
      schema: {
        tags: ['subscriptions'],
        summary: "A subscription's history, oldest first",
        params: Type.Object({ customerId: Uuid, subscriptionId: Uuid }),
        querystring: Type.Object(PageQuery),
        response: { 200: EventPage, ...authenticatedErrors },
      },
    },
    async (request) => {
      const { limit = 50, cursor } = request.query;
      const page = await listSubscriptionEvents(
        caller(request),
        request.params.customerId,
        request.params.subscriptionId,
        { limit, ...(cursor === undefined ? {} : { cursor }) },
      );
      return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
    },
  );
}
