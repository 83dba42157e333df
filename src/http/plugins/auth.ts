import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { authenticateToken } from '../../services/authenticate-token.js';
import type { AppContext, CallerContext } from '../../services/context.js';
import { authenticateSession } from '../../services/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    callerContext: CallerContext | null;
    /** The portal session behind a cookie-authenticated request. */
    session: { id: string; csrfToken: string } | null;
  }
  interface FastifyContextConfig {
    /** A route anyone may call, such as signing in. */
    public?: boolean;
    /**
     * A route a user who must change a temporary password may still call: reading the session,
     * changing the password, signing out.
     */
    beforePasswordChange?: boolean;
  }
}

export const SESSION_COOKIE = 'psc_session';
const BEARER = /^Bearer\s+(\S+)\s*$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route of the instance needs a caller: an API token (Authorization: Bearer) or a portal
 * session (cookie). Cookies are sent by browsers on their own, so a write made with one must also
 * carry the session's CSRF token in X-CSRF-Token, which another site cannot read. A session whose
 * user must change a temporary password reaches only the routes marked `beforePasswordChange`,
 * and is refused here, before any route, idempotent replay or permission check can answer.
 */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('callerContext', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.public === true) return;
    const authenticated = await authenticate(request, ctx);
    request.callerContext = { ...ctx, ...authenticated, serverClock: ctx.clock };
    request.log = reply.log = request.log.child({ partnerId: authenticated.partner.id });
  });
}

async function authenticate(request: FastifyRequest, ctx: AppContext) {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization);
    const token = match?.[1] ? await authenticateToken(ctx, match[1]) : null;
    if (!token) {
      throw new DomainError('unauthorized', 'The API token is not valid or has been revoked.');
    }
    return token;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie !== undefined) {
    const session = await authenticateSession(ctx, cookie);
    if (!session) throw new DomainError('unauthorized', 'Your session has ended; sign in again.');
    if (
      !SAFE_METHODS.has(request.method) &&
      request.headers['x-csrf-token'] !== session.csrfToken
    ) {
      throw new DomainError('csrf_token_invalid', 'Send the session’s CSRF token in X-CSRF-Token.');
    }
    if (session.mustChangePassword && request.routeOptions.config.beforePasswordChange !== true) {
      throw new DomainError(
        'password_change_required',
        'You signed in with a temporary password: change it (POST /v1/session/password) first.',
      );
    }
    request.session = { id: session.sessionId, csrfToken: session.csrfToken };
    return session;
  }
  throw new DomainError(
    'unauthorized',
    'Send an API token as Authorization: Bearer <token>, or sign in.',
  );
}

/** The caller of an authenticated route. */
export function caller(request: FastifyRequest): CallerContext {
  if (!request.callerContext) throw new Error('route is not behind auth');
  return request.callerContext;
}
