import type { Customer } from '../domain/customer.js';
import { validationFailed } from '../domain/errors.js';
import { listCustomers as queryCustomers, type CustomerListQuery } from '../store/customers.js';
import type { Page } from '../store/page.js';
import type { CallerContext } from './context.js';

export async function listCustomers(
  ctx: CallerContext,
  query: CustomerListQuery,
): Promise<Page<Customer>> {
  const page = await queryCustomers(ctx.db, ctx.partner.id, query);
  if (!page) throw invalidCursor();
  return page;
}

export function invalidCursor() {
  return validationFailed([
    { field: '/cursor', code: 'invalid_cursor', detail: 'cursor is not one this list returned.' },
  ]);
}
