import type { CustomerUser } from '../domain/customer-user.js';
import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { findCustomerUser } from '../store/customer-users.js';
import type { CallerContext } from './context.js';

export async function getCustomerUser(
  ctx: CallerContext,
  customerId: string,
  userId: string,
): Promise<CustomerUser> {
  authorize(ctx.role, 'customer_users.read');
  const user = await findCustomerUser(ctx.db, ctx.partner.id, customerId, userId);
  if (!user) throw notFound('User', userId);
  return user;
}
