import type { CustomerUser } from '../domain/customer-user.js';
import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { findCustomer } from '../store/customers.js';
import {
  listCustomerUsers as queryCustomerUsers,
  type CustomerUserListQuery,
} from '../store/customer-users.js';
import type { Page } from '../store/page.js';
import type { CallerContext } from './context.js';
import { invalidCursor } from './invalid-cursor.js';

/** The customer's users in email order. */
export async function listCustomerUsers(
  ctx: CallerContext,
  customerId: string,
  query: CustomerUserListQuery,
): Promise<Page<CustomerUser>> {
  authorize(ctx.role, 'customer_users.read');
  if (!(await findCustomer(ctx.db, ctx.partner.id, customerId))) {
    throw notFound('Customer', customerId);
  }
  const page = await queryCustomerUsers(ctx.db, ctx.partner.id, customerId, query);
  if (!page) throw invalidCursor();
  return page;
}
