import { Type } from 'typebox';

/** What each problem status means to a client; the problem's `code` says exactly which refusal. */
const MEANINGS = {
  400: 'The request is not valid (`validation_failed`, `invalid_cursor`); nothing changed.',
  401: 'No valid token or session (`unauthorized`).',
  403: 'The caller may not do this (`forbidden`, or `password_change_required` until a temporary password is changed).',
  404: 'No such resource for this partner (`not_found`); another partner’s id answers the same.',
  409: 'Refused by a rule or by the resource’s state, or the same Idempotency-Key is still running (`idempotency_key_in_use`); the `code` says which.',
  412: 'If-Match names a version that is no longer current (`etag_mismatch`); read it again.',
  413: 'The body is larger than the server accepts (`payload_too_large`).',
  415: 'The body is not `application/json` (`unsupported_media_type`).',
  422: 'Understood but refused by a rule, or the Idempotency-Key was used with another request (`idempotency_key_reused`); the `code` says which.',
  429: 'Too many attempts; wait as long as Retry-After says (`rate_limited`).',
} as const;

export type ProblemStatus = keyof typeof MEANINGS;

function problemAnswer(status: ProblemStatus) {
  return {
    description: MEANINGS[status],
    content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
  };
}

/**
 * A route's refusals for its schema's `response`: each an RFC 9457 problem
 * (`application/problem+json`) of the one shared Problem schema, so the OpenAPI document tells
 * client generators every 4xx the route can give.
 */
export function problems<S extends ProblemStatus>(...statuses: S[]): Record<`${S}`, unknown> {
  // String keys keep Fastify's type provider from narrowing `reply.code()` to the documented
  // statuses, which routes call with a replayed answer's status; problems are the error handler's.
  return Object.fromEntries(statuses.map((s) => [s, problemAnswer(s)])) as Record<`${S}`, unknown>;
}
