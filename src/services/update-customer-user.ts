import type { CustomerUser } from '../domain/customer-user.js';
import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import {
  findCustomerUser,
  updateCustomerUser as writeCustomerUser,
} from '../store/customer-users.js';
import { appendEvents } from '../store/events.js';
import { inTransaction } from '../store/transaction.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';

export interface CustomerUserChanges {
  displayName?: string;
  isAdmin?: boolean;
}

/** Renames a customer user or makes them an administrator or not; the email stays. */
export function updateCustomerUser(
  ctx: CallerContext,
  customerId: string,
  userId: string,
  changes: CustomerUserChanges,
): Promise<CustomerUser> {
  authorize(ctx.role, 'customer_users.write');
  return inTransaction(ctx.db, async (trx) => {
    const user = await findCustomerUser(trx, ctx.partner.id, customerId, userId);
    if (!user) throw notFound('User', userId);
    const next: CustomerUser = {
      ...user,
      ...(changes.displayName === undefined ? {} : { displayName: changes.displayName.trim() }),
      ...(changes.isAdmin === undefined ? {} : { isAdmin: changes.isAdmin }),
    };
    const changed = {
      ...(next.displayName === user.displayName ? {} : { displayName: next.displayName }),
      ...(next.isAdmin === user.isAdmin ? {} : { isAdmin: next.isAdmin }),
    };
    if (Object.keys(changed).length === 0) return user;
    await writeCustomerUser(trx, next);
    await appendEvents(trx, [
      callerEvent(ctx, ctx.clock.now(), {
        type: 'customer_user.updated',
        customerId,
        data: { userId, ...changed },
      }),
    ]);
    return next;
  });
}
