import { addHours } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import {
  findIdempotencyKey,
  saveIdempotencyKey,
  tryClaimIdempotencyKey,
} from '../store/idempotency-keys.js';
import { inTransaction } from '../store/transaction.js';
import type { CallerContext } from './context.js';

/** How long an answer is kept for retries with the same key. */
export const IDEMPOTENCY_KEY_HOURS = 24;

export interface IdempotentAnswer {
  status: number;
  body: unknown;
}

/**
 * Runs `work` at most once per key: its effect and its stored answer commit in one transaction, so
 * a retry gets the first answer (replayed: true) and never acts twice. The same key with another
 * request is refused; while the first request runs, a second with the key is refused too.
 * Refusals are not stored: they changed nothing, so a retry is judged afresh.
 */
export function runIdempotent(
  ctx: CallerContext,
  idempotency: { key: string; requestHash: string },
  work: (ctx: CallerContext) => Promise<IdempotentAnswer>,
): Promise<IdempotentAnswer & { replayed: boolean }> {
  const { key, requestHash } = idempotency;
  return inTransaction(ctx.db, async (trx) => {
    if (!(await tryClaimIdempotencyKey(trx, ctx.partner.id, key))) {
      throw new DomainError(
        'idempotency_key_in_use',
        'A request with this Idempotency-Key is still running; retry when it has finished.',
      );
    }
    const now = ctx.clock.now();
    const stored = await findIdempotencyKey(trx, ctx.partner.id, key);
    const fresh =
      stored &&
      addHours(new Date(stored.created_at), IDEMPOTENCY_KEY_HOURS).getTime() > now.getTime();
    if (stored && fresh) {
      if (stored.request_hash !== requestHash) {
        throw new DomainError(
          'idempotency_key_reused',
          'This Idempotency-Key was used with another request; use a new key for a new request.',
        );
      }
      return {
        status: stored.response_status,
        body: JSON.parse(stored.response_body) as unknown,
        replayed: true,
      };
    }
    const answer = await work({ ...ctx, db: trx });
    await saveIdempotencyKey(trx, {
      partner_id: ctx.partner.id,
      key,
      request_hash: requestHash,
      response_status: answer.status,
      response_body: JSON.stringify(answer.body),
      created_at: now.toISOString(),
    });
    return { ...answer, replayed: false };
  });
}
