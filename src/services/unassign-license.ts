import { notFound } from '../domain/errors.js';
import { requireLicensable } from '../domain/license.js';
import { authorize } from '../domain/permissions.js';
import { findCustomerUser } from '../store/customer-users.js';
import { appendEvents } from '../store/events.js';
import { deleteLicenseAssignment } from '../store/license-assignments.js';
import { findSubscription } from '../store/subscriptions.js';
import { inTransaction } from '../store/transaction.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';

/**
 * Takes a license of a subscription back from a user; the license is free for another. A user who
 * holds none of its licenses is left as is (a retried request changes nothing more).
 */
export function unassignLicense(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
  userId: string,
): Promise<void> {
  authorize(ctx.role, 'licenses.assign');
  return inTransaction(ctx.db, async (trx) => {
    const partnerId = ctx.partner.id;
    const subscription = await findSubscription(trx, partnerId, customerId, subscriptionId);
    if (!subscription) throw notFound('Subscription', subscriptionId);
    if (!(await findCustomerUser(trx, partnerId, customerId, userId))) {
      throw notFound('User', userId);
    }
    requireLicensable(subscription);
    if (!(await deleteLicenseAssignment(trx, partnerId, subscriptionId, userId))) return;
    await appendEvents(trx, [
      callerEvent(ctx, ctx.clock.now(), {
        type: 'subscription.license_unassigned',
        customerId,
        subscriptionId,
        data: { userId },
      }),
    ]);
  });
}
