import type { AppContext } from './context.js';
import {
  processDueSubscription,
  type DueOutcome,
} from './subscriptions/process-due-subscription.js';
import { dueSubscriptionIds, type DueScope } from '../store/due-subscriptions.js';
import { findPartner, listSandboxPartners } from '../store/partners.js';

export const DEFAULT_BATCH_SIZE = 200;

export type DueWorkCounts = Record<DueOutcome, number>;

export function emptyCounts(): DueWorkCounts {
  return { deprovisioned: 0, renewed: 0, expired: 0, warned: 0, nothing: 0, busy: 0 };
}

/**
 * One pass over everything due: real partners at real time, then each sandbox partner at its own
 * clock. Pages through candidates by id, so a pass ends, and processes each in its own transaction.
 */
export async function runDueWork(
  ctx: AppContext,
  options: { batchSize?: number; sandboxes?: boolean } = {},
): Promise<DueWorkCounts> {
  const counts = emptyCounts();
  await runScope(ctx, {}, ctx.clock.now(), counts, options.batchSize);
  if (options.sandboxes === false) return counts;
  for (const partner of await listSandboxPartners(ctx.db)) {
    if (partner.sandboxNow) {
      await runScope(ctx, { partnerId: partner.id }, partner.sandboxNow, counts, options.batchSize);
    }
  }
  return counts;
}

/** One sandbox partner's due work at its clock: what a clock move triggers at once. */
export async function runPartnerDueWork(
  ctx: AppContext,
  partnerId: string,
): Promise<DueWorkCounts> {
  const counts = emptyCounts();
  const partner = await findPartner(ctx.db, partnerId);
  if (partner?.sandboxNow) await runScope(ctx, { partnerId }, partner.sandboxNow, counts);
  return counts;
}

async function runScope(
  ctx: AppContext,
  scope: DueScope,
  now: Date,
  counts: DueWorkCounts,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<void> {
  let afterId: string | undefined;
  for (;;) {
    const ids = await dueSubscriptionIds(ctx.db, scope, now, {
      limit: batchSize,
      ...(afterId === undefined ? {} : { afterId }),
    });
    for (const id of ids) {
      for (const outcome of await processDueSubscription(ctx, id, now)) counts[outcome] += 1;
    }
    if (ids.length < batchSize) return;
    afterId = ids.at(-1);
  }
}
