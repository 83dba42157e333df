import { addHours } from '../domain/calendar.js';
import { deleteIdempotencyKeysBefore } from '../store/idempotency-keys.js';
import type { AppContext } from './context.js';
import { IDEMPOTENCY_KEY_HOURS } from './run-idempotent.js';

/** Forgets idempotency keys once they are past their 24 hours, so the table stays small. */
export function purgeIdempotencyKeys(ctx: AppContext): Promise<number> {
  return deleteIdempotencyKeysBefore(ctx.db, addHours(ctx.clock.now(), -IDEMPOTENCY_KEY_HOURS));
}
