import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  PERMISSION_NAMES,
  ROLES,
  permissionsOf,
  suspensionReasonsFor,
} from '../../../domain/permissions.js';
import { PARTNER_SUSPENSION_REASONS } from '../../../domain/subscription.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type User } from '../../../domain/user.js';
import type { AppContext } from '../../../services/context.js';
import { changePassword, signOut } from '../../../services/sessions.js';
import { signIn } from '../../../services/sign-in.js';
import { currentUser } from '../../../services/current-user.js';
import { SESSION_COOKIE, caller } from '../../plugins/auth.js';
import { presentUser } from '../../presenters/user.js';
import { Instant } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';
import { literals } from '../../schemas/offer.js';
import { RoleSchema } from '../../schemas/user.js';

const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });
const SessionSchema = Type.Object({
  user: Type.Ref('User'),
  permissions: Type.Array(literals(PERMISSION_NAMES), {
    description: "What the user's role may do (docs/security.md): the portal offers only these.",
  }),
  suspensionReasons: Type.Array(literals(PARTNER_SUSPENSION_REASONS), {
    description: 'The reasons the role may suspend a subscription for.',
  }),
  roles: Type.Array(RoleSchema, {
    description: 'Every role a user can have, most powerful first: what a user may be given.',
  }),
  passwordLength: Type.Object(
    { min: Type.Integer(), max: Type.Integer() },
    { description: 'How many characters a new password has, at least and at most.' },
  ),
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token with every write.' }),
  expiresAt: Type.Optional(Instant),
});

export function sessionRoutes(instance: FastifyInstance, ctx: AppContext): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/session',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        operationId: 'createSession',
        summary: 'Sign in to the portal: sets the session cookie',
        security: [],
        body: Type.Object(
          { email: Type.String({ minLength: 3, maxLength: 254 }), password: Password },
          { additionalProperties: false },
        ),
        response: {
          201: SessionSchema,
          ...problems(400, 401, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const signedIn = await signIn(ctx, { ...request.body, clientAddress: request.ip });
      setSessionCookie(request, reply, signedIn.sessionToken, signedIn.expiresAt);
      return reply.code(201).send({
        ...presentSessionUser(signedIn.user),
        csrfToken: signedIn.csrfToken,
        expiresAt: signedIn.expiresAt.toISOString(),
      });
    },
  );

  app.get(
    '/session',
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ['session'],
        operationId: 'getSession',
        summary: 'The signed-in user and the CSRF token',
        response: { 200: SessionSchema, ...problems(401) },
      },
    },
    async (request) => {
      const user = await currentUser(caller(request));
      return { ...presentSessionUser(user), csrfToken: request.session?.csrfToken ?? '' };
    },
  );

  app.delete(
    '/session',
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ['session'],
        operationId: 'deleteSession',
        summary: 'Sign out',
        response: { 204: Type.Null(), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      if (request.session) await signOut(ctx, request.session.id);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/session/password',
    {
      config: { beforePasswordChange: true },
      schema: {
        tags: ['session'],
        operationId: 'changePassword',
        summary: 'Change your password; your other sessions end',
        body: Type.Object(
          { currentPassword: Password, newPassword: Password },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      await changePassword(caller(request), {
        ...request.body,
        ...(request.session ? { sessionId: request.session.id } : {}),
      });
      return reply.code(204).send(null);
    },
  );
}

function presentSessionUser(user: User) {
  return {
    user: presentUser(user),
    permissions: permissionsOf(user.role),
    suspensionReasons: suspensionReasonsFor(user.role),
    roles: [...ROLES],
    passwordLength: { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH },
  };
}

function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expires: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires,
  });
}

function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
