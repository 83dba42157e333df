import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { readClock } from '../../../services/read-clock.js';
import { caller } from '../../plugins/auth.js';
import { CalendarDate, Instant } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';

export function clockRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/clock',
    {
      schema: {
        tags: ['catalog'],
        operationId: 'getClock',
        summary: 'The time by your partner: a sandbox partner’s own clock, else the server’s',
        response: {
          200: Type.Object({
            now: Instant,
            sandbox: Type.Boolean(),
            billingDay: Type.Integer({
              description: 'Day of the month (1–28) the partner’s billing periods start on.',
            }),
            billingPeriod: Type.Object(
              { start: CalendarDate, end: CalendarDate },
              {
                description: 'The billing period under way (its drafts are the upcoming invoices).',
              },
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    (request) => {
      const clock = readClock(caller(request));
      return {
        now: clock.now.toISOString(),
        sandbox: clock.sandbox,
        billingDay: clock.billingDay,
        billingPeriod: clock.billingPeriod,
      };
    },
  );
}
