import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { authenticateToken } from '../../services/authenticate-token.js';
import type { AppContext, CallerContext } from '../../services/context.js';

declare module 'fastify' {
  interface FastifyRequest {
    callerContext: CallerContext | null;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Requires a bearer token on every route of the instance it is installed in. */
export function installBearerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('callerContext', null);
  app.addHook('onRequest', async (request, reply) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match?.[1]) {
      throw new DomainError('unauthorized', 'Send an API token as Authorization: Bearer <token>.');
    }
    const authenticated = await authenticateToken(ctx, match[1]);
    if (!authenticated) {
      throw new DomainError('unauthorized', 'The API token is not valid or has been revoked.');
    }
    request.callerContext = { ...ctx, ...authenticated };
    request.log = reply.log = request.log.child({ partnerId: authenticated.partner.id });
  });
}

/** The caller of an authenticated route. */
export function caller(request: FastifyRequest): CallerContext {
  if (!request.callerContext) throw new Error('route is not behind bearer auth');
  return request.callerContext;
}
