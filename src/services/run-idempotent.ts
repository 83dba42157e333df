import { addHours } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import {
  findIdempotencyKey,
  LEGACY_IDEMPOTENCY_CALLER,
  saveIdempotencyKey,
  tryClaimIdempotencyKey,
  type IdempotencyScope,
} from '../store/idempotency-keys.js';
import { inTransaction } from '../store/transaction.js';
import type { CallerContext } from './context.js';

/** How long an answer is kept for retries with the same key. */
export const IDEMPOTENCY_KEY_HOURS = 24;

export interface IdempotentAnswer {
  status: number;
  body: unknown;
  /**
   * Top-level fields of `body` that hold a secret shown once (a temporary password, a token): the
   * first answer carries them; they are never stored, so a replay answers without them and names
   * them in `secretsWithheld`.
   */
  secrets?: readonly string[];
}

export interface IdempotentWork {
  /**
   * Throws unless the caller may make this request: checked before the work and before any
   * replay, so a stored answer never reaches a caller who could not get it now.
   */
  authorize(ctx: CallerContext): void;
  run(ctx: CallerContext): Promise<IdempotentAnswer>;
}

/**
 * Runs the work at most once per caller and key: its effect and its stored answer commit in one
 * transaction, so a retry gets the first answer (replayed: true) and never acts twice. Keys belong
 * to the caller (token or user) within the partner: another caller's key is simply a new key.
 * The same key with another request is refused; while the first request runs, a second with the
 * key is refused too. Refusals are not stored: they changed nothing, so a retry is judged afresh.
 */
export async function runIdempotent(
  ctx: CallerContext,
  idempotency: { key: string; requestHash: string },
  work: IdempotentWork,
): Promise<IdempotentAnswer & { replayed: boolean }> {
  work.authorize(ctx);
  const { key, requestHash } = idempotency;
  const scope = { partnerId: ctx.partner.id, caller: `${ctx.actor.type}:${ctx.actor.id}`, key };
  return inTransaction(ctx.db, async (trx) => {
    if (!(await tryClaimIdempotencyKey(trx, scope))) {
      throw new DomainError(
        'idempotency_key_in_use',
        'A request with this Idempotency-Key is still running; retry when it has finished.',
      );
    }
    const now = ctx.clock.now();
    const fresh = (row: { created_at: string } | undefined) =>
      row !== undefined &&
      addHours(new Date(row.created_at), IDEMPOTENCY_KEY_HOURS).getTime() > now.getTime();
    const stored = await findIdempotencyKey(trx, scope);
    if (!fresh(stored) && fresh(await findIdempotencyKey(trx, legacyScope(scope)))) {
      throw new DomainError(
        'idempotency_key_reused',
        'This Idempotency-Key was used before keys belonged to their caller; its answer is not replayed and the request was not made again. Use a new key for a new request.',
      );
    }
    if (stored && fresh(stored)) {
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
    const answer = await work.run({ ...ctx, db: trx });
    await saveIdempotencyKey(trx, {
      partner_id: scope.partnerId,
      caller: scope.caller,
      key,
      request_hash: requestHash,
      response_status: answer.status,
      response_body: JSON.stringify(withoutSecrets(answer)),
      created_at: now.toISOString(),
    });
    return { ...answer, replayed: false };
  });
}

/** Where an answer stored before keys had a caller would be (migration 0006). */
function legacyScope(scope: IdempotencyScope): IdempotencyScope {
  return { ...scope, caller: LEGACY_IDEMPOTENCY_CALLER };
}

function withoutSecrets({ body, secrets = [] }: IdempotentAnswer): unknown {
  const shown = secrets.filter((name) => (body as Record<string, unknown>)[name] !== undefined);
  if (shown.length === 0) return body;
  const kept = Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(([name]) => !shown.includes(name)),
  );
  return { ...kept, secretsWithheld: shown };
}
