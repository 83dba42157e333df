import { checkEntitlement as decideEntitlement, type Entitlement } from '../domain/entitlement.js';
import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { findCustomer } from '../store/customers.js';
import { findCustomerUser } from '../store/customer-users.js';
import { assignmentsOfUser } from '../store/license-assignments.js';
import { subscriptionsByIds, subscriptionsForOrder } from '../store/subscriptions.js';
import type { CallerContext } from './context.js';

/**
 * May this user of the customer use this offer now? The call a vendor's service makes at sign-in;
 * the rules are domain/entitlement.ts.
 */
export async function checkEntitlement(
  ctx: CallerContext,
  customerId: string,
  query: { userId: string; offerId: string },
): Promise<Entitlement> {
  authorize(ctx.role, 'entitlements.check');
  const partnerId = ctx.partner.id;
  if (!(await findCustomer(ctx.db, partnerId, customerId))) throw notFound('Customer', customerId);
  const user = await findCustomerUser(ctx.db, partnerId, customerId, query.userId);
  if (!user) throw notFound('User', query.userId);
  if (!ctx.catalog.offer(query.offerId)) throw notFound('Offer', query.offerId);
  const subscriptions = await subscriptionsForOrder(
    ctx.db,
    partnerId,
    customerId,
    [query.offerId],
    [],
  );
  const baseIds = subscriptions.flatMap((s) => s.parentSubscriptionId ?? []);
  const bases = new Map(
    (await subscriptionsByIds(ctx.db, partnerId, baseIds)).map((b) => [b.id, b]),
  );
  const assigned = await assignmentsOfUser(ctx.db, partnerId, user.id);
  return decideEntitlement({
    user,
    subscriptions: subscriptions.map((subscription) => {
      const base =
        subscription.parentSubscriptionId === null
          ? undefined
          : bases.get(subscription.parentSubscriptionId);
      return base ? { subscription, base } : { subscription };
    }),
    assignedSubscriptionIds: new Set(assigned.map((a) => a.subscriptionId)),
  });
}
