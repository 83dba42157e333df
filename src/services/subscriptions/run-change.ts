import type { Subscription } from '../../domain/subscription.js';
import type { Change } from '../../domain/verbs/change.js';
import { inTransaction } from '../../store/transaction.js';
import type { Db } from '../../store/tables.js';
import type { CallerContext } from '../context.js';
import { applyChanges, callerChanges } from './apply-changes.js';
import { loadSubject, type Subject } from './subject.js';

/** One step of a change: reads what its verb needs and returns the verb's decision. */
export type ChangeStep = (trx: Db, ctx: CallerContext, subject: Subject) => Promise<Change>;

/**
 * Runs a caller's steps on one subscription in one transaction, all or nothing: each step judges
 * the subscription as the steps before it left it, and applyChanges writes them together.
 */
export function runChange(
  ctx: CallerContext,
  ids: { customerId: string; subscriptionId: string },
  steps: readonly ChangeStep[],
  expectedVersion?: number,
): Promise<Subscription> {
  return inTransaction(ctx.db, async (trx) => {
    const subject = await loadSubject(trx, ctx, ids, expectedVersion);
    const changes: Change[] = [];
    for (const step of steps) {
      const change = await step(trx, ctx, subject);
      changes.push(change);
      subject.sub = change.next;
    }
    const written = await applyChanges(trx, changes, callerChanges(ctx));
    return written.get(subject.sub.id) ?? subject.sub;
  });
}
