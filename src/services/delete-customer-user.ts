import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import {
  deleteCustomerUser as removeCustomerUser,
  findCustomerUser,
} from '../store/customer-users.js';
import { lockCustomer } from '../store/customers.js';
import { appendEvents } from '../store/events.js';
import { assignmentsOfUser, deleteAssignmentsOfUser } from '../store/license-assignments.js';
import { inTransaction } from '../store/transaction.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';

/**
 * Removes a customer user and the licenses assigned to them, which become free again; each freed
 * license is written in its subscription's history (`subscription.license_unassigned`, reason
 * `user_deleted`).
 */
export function deleteCustomerUser(
  ctx: CallerContext,
  customerId: string,
  userId: string,
): Promise<void> {
  authorize(ctx.role, 'customer_users.write');
  return inTransaction(ctx.db, async (trx) => {
    // Taken before the user's licenses are read, as assignLicense does: no license can be given
    // to the user between their removal's two steps.
    if (!(await lockCustomer(trx, ctx.partner.id, customerId))) {
      throw notFound('Customer', customerId);
    }
    const user = await findCustomerUser(trx, ctx.partner.id, customerId, userId);
    if (!user) throw notFound('User', userId);
    const assignments = await assignmentsOfUser(trx, ctx.partner.id, userId);
    await deleteAssignmentsOfUser(trx, ctx.partner.id, userId);
    await removeCustomerUser(trx, ctx.partner.id, userId);
    const now = ctx.clock.now();
    await appendEvents(trx, [
      ...assignments.map((a) =>
        callerEvent(ctx, now, {
          type: 'subscription.license_unassigned',
          customerId,
          subscriptionId: a.subscriptionId,
          reason: 'user_deleted',
          data: { userId },
        }),
      ),
      callerEvent(ctx, now, {
        type: 'customer_user.deleted',
        customerId,
        data: { userId, email: user.email },
      }),
    ]);
  });
}
