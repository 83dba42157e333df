import { sql } from 'kysely';
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../services/context.js';

/** Liveness plus a database round trip, without auth, for load balancers and orchestrators. */
export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['health'],
        summary: 'Whether the server is up and reaches its database',
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ok') }, { description: 'Up.' }),
          // Like any request, a probe can be refused before it reaches a route.
          '4xx': {
            description:
              'The request could not be read (`bad_request`, `request_timeout`, `header_too_large`).',
            content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
          },
          503: Type.Object(
            { status: Type.Literal('unavailable') },
            { description: 'The database does not answer.' },
          ),
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(ctx.db);
        return { status: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  );
}
