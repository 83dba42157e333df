import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { inviteUser } from '../../../services/create-user.js';
import { resetUserPassword } from '../../../services/reset-user-password.js';
import { getUser, listUsers, updateUser } from '../../../services/update-user.js';
import { caller } from '../../plugins/auth.js';
import { idempotent, needs } from '../../plugins/idempotency.js';
import { presentUser } from '../../presenters/user.js';
import { Uuid } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';
import { NewUserSchema, UserPatchSchema } from '../../schemas/user.js';

export function userRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        operationId: 'listUsers',
        summary: "The partner's users (global admins)",
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('User')) }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => ({ items: (await listUsers(caller(request))).map(presentUser) }),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        operationId: 'createUser',
        summary: 'Invite a user with a role; without a password, a temporary one is shown once',
        body: NewUserSchema,
        response: {
          201: Type.Object({
            user: Type.Ref('User'),
            temporaryPassword: Type.Optional(Type.String()),
            secretsWithheld: Type.Optional(
              Type.Array(Type.String(), {
                description:
                  'On a replay (Idempotent-Replayed: true): the secrets of the first answer, which are shown only once and never stored.',
              }),
            ),
          }),
          ...problems(400, 401, 403, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const answer = await idempotent(request, reply, {
        authorize: needs('users.manage'),
        async run(ctx) {
          const created = await inviteUser(ctx, request.body);
          return {
            status: 201,
            body: {
              user: presentUser(created.user),
              ...(created.temporaryPassword === undefined
                ? {}
                : { temporaryPassword: created.temporaryPassword }),
            },
            secrets: ['temporaryPassword'],
          };
        },
      });
      return reply.code(answer.status).send(answer.body);
    },
  );

  app.get(
    '/users/:userId',
    {
      schema: {
        tags: ['users'],
        operationId: 'getUser',
        summary: 'One user',
        params: Type.Object({ userId: Uuid }),
        response: { 200: Type.Ref('User'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentUser(await getUser(caller(request), request.params.userId)),
  );

  app.patch(
    '/users/:userId',
    {
      schema: {
        tags: ['users'],
        operationId: 'updateUser',
        summary: "Change a user's name or role, or disable or enable them",
        params: Type.Object({ userId: Uuid }),
        body: UserPatchSchema,
        response: { 200: Type.Ref('User'), ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      presentUser(await updateUser(caller(request), request.params.userId, request.body)),
  );

  app.post(
    '/users/:userId/password-reset',
    {
      schema: {
        operationId: 'resetUserPassword',
        tags: ['users'],
        summary:
          "Reset a user's password: a temporary one, shown once, to change at the next sign-in",
        description:
          "The old password stops working and the user's sessions end at once. Your own password you change with POST /v1/session/password (409 cannot_reset_own_password).",
        params: Type.Object({ userId: Uuid }),
        response: {
          200: Type.Object({
            user: Type.Ref('User'),
            temporaryPassword: Type.Optional(
              Type.String({ description: 'Shown only in the first answer, never on a replay.' }),
            ),
            secretsWithheld: Type.Optional(
              Type.Array(Type.String(), {
                description:
                  'On a replay (Idempotent-Replayed: true): the secrets of the first answer, which are shown only once and never stored.',
              }),
            ),
          }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const answer = await idempotent(request, reply, {
        authorize: needs('users.manage'),
        async run(ctx) {
          const reset = await resetUserPassword(ctx, request.params.userId);
          return {
            status: 200,
            body: { user: presentUser(reset.user), temporaryPassword: reset.temporaryPassword },
            secrets: ['temporaryPassword'],
          };
        },
      });
      return reply.code(answer.status).send(answer.body);
    },
  );
}
