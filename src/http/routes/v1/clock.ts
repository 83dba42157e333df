import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { readClock } from '../../../services/read-clock.js';
import { caller } from '../../plugins/auth.js';
import { Instant, authenticatedErrors } from '../../schemas/common.js';

export function clockRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/clock',
    {
      schema: {
        tags: ['catalog'],
        summary: 'The time by your partner: a sandbox partner’s own clock, else the server’s',
        response: {
          200: Type.Object({ now: Instant, sandbox: Type.Boolean() }),
          ...authenticatedErrors,
        },
      },
    },
    (request) => {
      const clock = readClock(caller(request));
      return { now: clock.now.toISOString(), sandbox: clock.sandbox };
    },
  );
}
