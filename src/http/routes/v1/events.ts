import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { ACTOR_TYPES } from '../../../domain/event.js';
import type { CallerContext } from '../../../services/context.js';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  listNamedEvents,
  listSubscriptionEvents,
  type EventQuery,
  type NamedEventPage,
} from '../../../services/list-events.js';
import { caller } from '../../plugins/auth.js';
import { wantsCsv } from '../../wants-csv.js';
import { presentEvent } from '../../presenters/event.js';
import { csvHeader, csvRow } from '../../presenters/events-csv.js';
import { literals } from '../../schemas/offer.js';
import { Instant, Page, PageQuery, Uuid } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';

const EventPage = Page(Type.Ref('Event'), 'EventPage');

const EventOrder = Type.Optional(
  literals(['oldest', 'newest'], 'Oldest first (the default) or newest first.'),
);

const CSV_PAGE = 1000;

/** The whole filtered history, a page at a time, so an export of any size streams. */
async function* csvLines(
  ctx: CallerContext,
  query: Omit<EventQuery, 'limit' | 'cursor'>,
  first: NamedEventPage,
): AsyncGenerator<string> {
  yield csvHeader();
  let page = first;
  for (;;) {
    for (const event of page.items) yield csvRow(event);
    if (page.nextCursor === null) return;
    page = await listNamedEvents(ctx, { ...query, limit: CSV_PAGE, cursor: page.nextCursor });
  }
}

export function eventRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        operationId: 'listEvents',
        summary: "The partner's audit log, oldest or newest first",
        description:
          'With `Accept: text/csv` the answer is every matching event (no paging) as CSV, for export.',
        querystring: Type.Object({
          customerId: Type.Optional(Uuid),
          subscriptionId: Type.Optional(Uuid),
          type: Type.Optional(Type.String({ maxLength: 100 })),
          actorType: Type.Optional(literals(ACTOR_TYPES)),
          actorId: Type.Optional(Type.String({ maxLength: 100 })),
          from: Type.Optional({ ...Instant, description: 'Events at or after this instant.' }),
          to: Type.Optional({ ...Instant, description: 'Events before this instant.' }),
          order: EventOrder,
          ...PageQuery,
        }),
        response: { 200: EventPage, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { limit = 50, cursor, from, to, order, ...filters } = request.query;
      const query = {
        ...filters,
        newestFirst: order === 'newest',
        ...(from === undefined ? {} : { from: new Date(from) }),
        ...(to === undefined ? {} : { to: new Date(to) }),
      };
      const ctx = caller(request);
      if (wantsCsv(request.headers.accept)) {
        const first = await listNamedEvents(ctx, { ...query, limit: CSV_PAGE });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="events.csv"')
          .send(Readable.from(csvLines(ctx, query, first)));
      }
      const page = await listNamedEvents(ctx, {
        ...query,
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/customers/:customerId/subscriptions/:subscriptionId/events',
    {
      schema: {
        tags: ['subscriptions'],
        operationId: 'listSubscriptionEvents',
        summary: "A subscription's history, oldest or newest first",
        params: Type.Object({ customerId: Uuid, subscriptionId: Uuid }),
        querystring: Type.Object({ order: EventOrder, ...PageQuery }),
        response: { 200: EventPage, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { limit = 50, cursor, order } = request.query;
      const page = await listSubscriptionEvents(
        caller(request),
        request.params.customerId,
        request.params.subscriptionId,
        { limit, newestFirst: order === 'newest', ...(cursor === undefined ? {} : { cursor }) },
      );
      return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
    },
  );
}
