import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validationFailed } from '../../domain/errors.js';
import type { CallerContext } from '../../services/context.js';
import { runIdempotent, type IdempotentAnswer } from '../../services/run-idempotent.js';
import { caller } from './auth.js';

const KEY_HEADERS = ['idempotency-key', 'ms-requestid'] as const;
const MAX_KEY_LENGTH = 255;

/**
 * Runs a POST or PATCH handler under its Idempotency-Key (alias MS-RequestId) when one is sent:
 * a retry gets the first answer with `Idempotent-Replayed: true`. Without a key the handler just
 * runs. Returns the answer for the route to send.
 */
export async function idempotent(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (ctx: CallerContext) => Promise<IdempotentAnswer>,
): Promise<IdempotentAnswer> {
  const ctx = caller(request);
  const key = idempotencyKey(request);
  if (key === undefined) return work(ctx);
  const answer = await runIdempotent(ctx, { key, requestHash: requestHash(request) }, work);
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return answer;
}

function idempotencyKey(request: FastifyRequest): string | undefined {
  for (const name of KEY_HEADERS) {
    const value = request.headers[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_KEY_LENGTH) {
      throw validationFailed([
        {
          field: name,
          code: 'invalid_idempotency_key',
          detail: `${name} must be 1 to ${MAX_KEY_LENGTH} characters.`,
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
