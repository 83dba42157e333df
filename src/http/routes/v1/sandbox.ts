import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  moveSandboxClock,
  readSandboxClock,
  type SandboxClock,
} from '../../../services/sandbox-clock.js';
import { caller } from '../../plugins/auth.js';
import { Instant } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';

const Counts = Type.Object({
  deprovisioned: Type.Integer(),
  renewed: Type.Integer(),
  expired: Type.Integer(),
  warned: Type.Integer(),
  charged: Type.Integer({
    description: 'Subscriptions charged for the billing periods that began (all of them at once).',
  }),
  issued: Type.Integer({ description: 'Invoices issued because their period ended.' }),
});
const ClockSchema = Type.Object({ now: Instant, processed: Type.Optional(Counts) });
const ClockMoveSchema = Type.Union(
  [
    Type.Object(
      {
        advanceBy: Type.String({
          maxLength: 40,
          description: 'ISO 8601 duration in weeks, days, hours, minutes, seconds: P30D, PT12H.',
        }),
      },
      { additionalProperties: false },
    ),
    Type.Object({ to: Instant }, { additionalProperties: false }),
  ],
  { description: 'Either advanceBy or to; the clock never goes back.' },
);

export function sandboxRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/sandbox/clock',
    {
      schema: {
        tags: ['sandbox'],
        operationId: 'getSandboxClock',
        summary: "A sandbox partner's clock",
        response: { 200: ClockSchema, ...problems(401, 403) },
      },
    },
    (request) => present(readSandboxClock(caller(request))),
  );

  app.post(
    '/sandbox/clock',
    {
      schema: {
        tags: ['sandbox'],
        operationId: 'advanceSandboxClock',
        summary: "Move a sandbox partner's clock forward and run what became due",
        body: ClockMoveSchema,
        response: { 200: ClockSchema, ...problems(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request) => present(await moveSandboxClock(caller(request), request.body)),
  );
}

function present(clock: SandboxClock): Static<typeof ClockSchema> {
  const { processed } = clock;
  return {
    now: clock.now.toISOString(),
    ...(processed
      ? {
          processed: {
            deprovisioned: processed.deprovisioned,
            renewed: processed.renewed,
            expired: processed.expired,
            warned: processed.warned,
            charged: processed.charged,
            issued: processed.issued,
          },
        }
      : {}),
  };
}
