import { Type, type Static, type TSchema } from 'typebox';
import { problems } from './problems.js';

/**
 * A value or null. A schema of one type says so as `type: [its type, 'null']`, which
 * fast-json-stringify writes directly; as an `anyOf`, it asked ajv which branch every field of
 * every row was (a tenth of the CPU of a list page of 50 subscriptions).
 */
export function Nullable<T extends TSchema>(schema: T) {
  const { type } = schema as { type?: unknown };
  if (typeof type !== 'string') return Type.Union([schema, Type.Null()]);
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] });
}

export const Uuid = Type.String({
  format: 'uuid',
  description: 'A UUID in lower-case hex, 8-4-4-4-12.',
});

export const Instant = Type.String({
  format: 'date-time',
  description:
    'An instant, RFC 3339 from 1970 to 9999 without leap seconds, e.g. 2026-03-01T00:00:00.000Z.',
});

export const CalendarDate = Type.String({
  format: 'date',
  description: 'A calendar date, YYYY-MM-DD (UTC), from 1970 to 9999.',
});

export const ErrorItem = Type.Object(
  {
    code: Type.String({ description: 'Stable snake_case code of this problem.' }),
    detail: Type.String(),
    field: Type.Optional(
      Type.String({
        description: 'JSON Pointer into the body, or the name of a query or path parameter.',
      }),
    ),
    lineItemNumber: Type.Optional(Type.Integer({ minimum: 0 })),
    subscriptionId: Type.Optional(Uuid),
  },
  { $id: 'ErrorItem' },
);

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'urn:psc:problem:<code>' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable snake_case error code (see docs/api.md).' }),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(ErrorItem)),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' },
);

export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Items per page (1–500).' }),
  ),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page.' }),
  ),
};

export function Page<T extends TSchema>(item: T, name: string) {
  return Type.Object(
    {
      items: Type.Array(item),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as ?cursor= for the next page; null on the last page.',
      }),
    },
    { $id: name },
  );
}

/**
 * The problem answers of an authenticated route that names a resource, for the OpenAPI document;
 * a route lists its own with `problems(...)` (schemas/problems.ts) when it can give others.
 */
export const authenticatedErrors = problems(400, 401, 403, 404);
