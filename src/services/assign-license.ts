import type { AssignedUser, LicenseAssignment } from '../domain/customer-user.js';
import { notFound } from '../domain/errors.js';
import { decideLicenseAssignment, requireLicensable } from '../domain/license.js';
import { authorize } from '../domain/permissions.js';
import { lockCustomer } from '../store/customers.js';
import { findCustomerUser } from '../store/customer-users.js';
import { appendEvents } from '../store/events.js';
import {
  assignedCount,
  findLicenseAssignment,
  insertLicenseAssignment,
} from '../store/license-assignments.js';
import { findSubscription } from '../store/subscriptions.js';
import { inTransaction } from '../store/transaction.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';

export interface AssignedLicense extends AssignedUser {
  /** False when the user already held the license: nothing changed. */
  created: boolean;
}

/**
 * Assigns one license of a subscription to a user of the same customer. Never more licenses are
 * assigned than bought; assigning a license the user already holds changes nothing. The customer
 * row is locked first, like every write that checks a limit, so two assignments (or an assignment
 * and a quantity decrease) cannot both take the last license.
 */
export function assignLicense(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
  userId: string,
): Promise<AssignedLicense> {
  authorize(ctx.role, 'licenses.assign');
  return inTransaction(ctx.db, async (trx) => {
    const partnerId = ctx.partner.id;
    if (!(await lockCustomer(trx, partnerId, customerId))) throw notFound('Customer', customerId);
    const subscription = await findSubscription(trx, partnerId, customerId, subscriptionId);
    if (!subscription) throw notFound('Subscription', subscriptionId);
    const user = await findCustomerUser(trx, partnerId, customerId, userId);
    if (!user) throw notFound('User', userId);
    requireLicensable(subscription);
    const held = await findLicenseAssignment(trx, partnerId, subscriptionId, userId);
    if (held) return { assignment: held, user, created: false };
    decideLicenseAssignment(subscription, await assignedCount(trx, partnerId, subscriptionId));
    const now = ctx.clock.now();
    const assignment: LicenseAssignment = {
      subscriptionId,
      customerUserId: userId,
      assignedAt: now,
    };
    await insertLicenseAssignment(trx, partnerId, assignment);
    await appendEvents(trx, [
      callerEvent(ctx, now, {
        type: 'subscription.license_assigned',
        customerId,
        subscriptionId,
        data: { userId },
      }),
    ]);
    return { assignment, user, created: true };
  });
}
