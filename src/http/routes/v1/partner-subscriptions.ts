import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { SubscriptionStatus } from '../../../domain/subscription.js';
import {
  authorizeBulk,
  bulkUpdateSubscriptions,
  type BulkOutcome,
} from '../../../services/subscriptions/bulk.js';
import type { PartnerSubscriptionSort } from '../../../services/subscriptions/list-partner-subscriptions.js';
import { sendPage } from '../../page-workers/send-page.js';
import { problemBody } from '../../plugins/errors.js';
import { idempotent } from '../../plugins/idempotency.js';
import { presentSubscription } from '../../presenters/subscription.js';
import {
  BulkRequestSchema,
  BulkResultSchema,
  PartnerSubscriptionPageSchema,
  PartnerSubscriptionQuery,
} from '../../schemas/partner-subscriptions.js';
import { problems } from '../../schemas/problems.js';

/** The partner's subscriptions across its customers: the list and bulk changes. */
export function partnerSubscriptionRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/subscriptions',
    {
      schema: {
        tags: ['subscriptions'],
        operationId: 'listSubscriptions',
        summary: "The partner's subscriptions across its customers, filtered and sorted",
        description:
          'Each item is a Subscription with its `customerName`. Filters combine (all must hold). A `cursor` belongs to the `sort` it was given with.',
        querystring: PartnerSubscriptionQuery,
        response: {
          200: PartnerSubscriptionPageSchema,
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { status, sort = 'customerName', limit = 50, ...filters } = request.query;
      const descending = sort.startsWith('-');
      return sendPage(request, reply, {
        list: 'partner',
        query: {
          ...filters,
          ...(status === undefined
            ? {}
            : { statuses: [...new Set(status.split(','))] as SubscriptionStatus[] }),
          sort: (descending ? sort.slice(1) : sort) as PartnerSubscriptionSort,
          descending,
          limit,
        },
      });
    },
  );

  app.post(
    '/subscriptions/bulk',
    {
      schema: {
        tags: ['subscriptions'],
        operationId: 'bulkUpdateSubscriptions',
        summary: 'One change to many subscriptions, each in its own transaction',
        description:
          'Answers 200 with one result per subscription, in the order given: `done` with the subscription, or `refused` with the problem (an unknown id or another partner’s is `subscription_not_found`). A caller whose role may not make the change gets 403 before anything runs.',
        body: BulkRequestSchema,
        response: {
          200: BulkResultSchema,
          ...problems(400, 401, 403, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const answer = await idempotent(request, reply, {
        authorize: (ctx) => authorizeBulk(ctx, request.body),
        async run(ctx) {
          const outcomes = await bulkUpdateSubscriptions(ctx, request.body);
          return { status: 200, body: { results: outcomes.map(presentOutcome) } };
        },
      });
      return reply.code(answer.status as 200).send(answer.body as Static<typeof BulkResultSchema>);
    },
  );
}

function presentOutcome(outcome: BulkOutcome) {
  const { subscriptionId } = outcome;
  if (outcome.status === 'done') {
    return {
      subscriptionId,
      status: 'done',
      subscription: presentSubscription(outcome.subscription),
    };
  }
  const { code, message, errors } = outcome.error;
  return { subscriptionId, status: 'refused', error: problemBody(code, message, { errors }) };
}
