import type { Customer } from '../domain/customer.js';
import { listCustomers as queryCustomers, type CustomerListQuery } from '../store/customers.js';
import type { Page } from '../store/page.js';
import type { CallerContext } from './context.js';
import { invalidCursor } from './invalid-cursor.js';
import { authorize } from '../domain/permissions.js';

export async function listCustomers(
  ctx: CallerContext,
  query: CustomerListQuery,
): Promise<Page<Customer>> {
  authorize(ctx.role, 'customers.read');
  const page = await queryCustomers(ctx.db, ctx.partner.id, query);
  if (!page) throw invalidCursor();
  return page;
}
