import type { Customer } from '../domain/customer.js';
import { notFound } from '../domain/errors.js';
import { findCustomer } from '../store/customers.js';
import type { CallerContext } from './context.js';
import { authorize } from '../domain/permissions.js';

export async function getCustomer(ctx: CallerContext, customerId: string): Promise<Customer> {
  authorize(ctx.role, 'customers.read');
  const customer = await findCustomer(ctx.db, ctx.partner.id, customerId);
  if (!customer) throw notFound('Customer', customerId);
  return customer;
}
