import { bulkChanges, type BulkRequest } from '../../domain/bulk-change.js';
import { DomainError } from '../../domain/errors.js';
import type { Subscription } from '../../domain/subscription.js';
import { inItemTransaction } from '../../store/item-transaction.js';
import { subscriptionsByIds } from '../../store/subscriptions.js';
import type { CallerContext } from '../context.js';
import { withActions, type SubscriptionView } from '../subscription-views.js';
import { authorizeChanges, patchSubscription } from './patch-subscription.js';

export type BulkOutcome =
  | { subscriptionId: string; status: 'done'; subscription: SubscriptionView }
  | { subscriptionId: string; status: 'refused'; error: DomainError };

/**
 * The permission the operation needs, checked for the whole request before anything is read,
 * run or replayed: a caller who may not do it gets 403, not a refusal per item.
 */
export function authorizeBulk(ctx: CallerContext, request: BulkRequest): void {
  authorizeChanges(ctx, bulkChanges(request));
}

/**
 * One operation on many subscriptions across the partner's customers, each through the same
 * service as the single PATCH (so every rule, event, version and charge is the same), each in a
 * transaction of its own: one refused leaves the others done. Outcomes in the order asked.
 */
export async function bulkUpdateSubscriptions(
  ctx: CallerContext,
  request: BulkRequest,
): Promise<BulkOutcome[]> {
  const changes = bulkChanges(request);
  authorizeChanges(ctx, changes);
  const customerOf = new Map(
    (await subscriptionsByIds(ctx.db, ctx.partner.id, request.subscriptionIds)).map((s) => [
      s.id,
      s.customerId,
    ]),
  );
  const outcomes: (
    | { subscriptionId: string; done: Subscription }
    | { subscriptionId: string; refused: DomainError }
  )[] = [];
  for (const subscriptionId of request.subscriptionIds) {
    const customerId = customerOf.get(subscriptionId);
    if (customerId === undefined) {
      outcomes.push({ subscriptionId, refused: subscriptionNotFound(subscriptionId) });
      continue;
    }
    try {
      const done = await inItemTransaction(ctx.db, (trx) =>
        patchSubscription({ ...ctx, db: trx }, { customerId, subscriptionId }, changes),
      );
      outcomes.push({ subscriptionId, done });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.push({ subscriptionId, refused: error });
    }
  }
  const views = await withActions(
    ctx,
    outcomes.flatMap((o) => ('done' in o ? [o.done] : [])),
  );
  const viewOf = new Map(views.map((view) => [view.subscription.id, view]));
  return outcomes.map((o): BulkOutcome => {
    const { subscriptionId } = o;
    if ('refused' in o) return { subscriptionId, status: 'refused', error: o.refused };
    const view = viewOf.get(subscriptionId);
    if (!view) throw new Error(`unreachable: subscription ${subscriptionId} done without a view`);
    return { subscriptionId, status: 'done', subscription: view };
  });
}

function subscriptionNotFound(id: string): DomainError {
  return new DomainError(
    'subscription_not_found',
    `Subscription ${id} was not found among the partner's subscriptions.`,
  );
}
