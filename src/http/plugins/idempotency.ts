import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validationFailed } from '../../domain/errors.js';
import type { CallerContext } from '../../services/context.js';
import { authorize, type Permission } from '../../domain/permissions.js';
import {
  runIdempotent,
  type IdempotentAnswer,
  type IdempotentWork,
} from '../../services/run-idempotent.js';
import { caller } from './auth.js';

const KEY_HEADERS = ['idempotency-key', 'ms-requestid'] as const;
const MAX_KEY_LENGTH = 255;

/**
 * Runs a POST or PATCH handler under its Idempotency-Key (alias MS-RequestId) when one is sent:
 * a retry by the same caller gets the first answer with `Idempotent-Replayed: true`. The caller's
 * permission is checked first, with or without a key. Returns the answer for the route to send.
 */
export async function idempotent(
  request: FastifyRequest,
  reply: FastifyReply,
  work: IdempotentWork,
): Promise<IdempotentAnswer> {
  const ctx = caller(request);
  const key = idempotencyKey(request);
  if (key === undefined) {
    work.authorize(ctx);
    return work.run(ctx);
  }
  const answer = await runIdempotent(ctx, { key, requestHash: requestHash(request) }, work);
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return answer;
}

/**
 * A key that is sent must be one: an empty or blank Idempotency-Key (a variable that was not set)
 * is refused on every write, also on routes that keep no answers, rather than taken as no key
 * and the request made without the protection the client meant to have.
 */
export function refuseMalformedIdempotencyKeys(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      if (!READS.has(request.method)) idempotencyKey(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The guard of a request that needs one permission, whatever its body. */
export function needs(permission: Permission): (ctx: CallerContext) => void {
  return (ctx) => authorize(ctx.role, permission);
}

function idempotencyKey(request: FastifyRequest): string | undefined {
  for (const name of KEY_HEADERS) {
    const value = request.headers[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim().length === 0 || value.length > MAX_KEY_LENGTH) {
      throw validationFailed([
        {
          field: name,
          code: 'invalid_idempotency_key',
          detail: `${name} must be 1 to ${MAX_KEY_LENGTH} characters, not all blank.`,
        },
      ]);
    }
    return value;
  }
  return undefined;
}

/** Method, path and body, so the same key with another request is recognised. */
function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}
