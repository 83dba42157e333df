import type { Customer } from '../domain/customer.js';
import { notFound } from '../domain/errors.js';
import { findCustomer } from '../store/customers.js';
import type { CallerContext } from './context.js';

export async function getCustomer(ctx: CallerContext, customerId: string): Promise<Customer> {
  const customer = await findCustomer(ctx.db, ctx.partner.id, customerId);
  if (!customer) throw notFound('Customer', customerId);
  return customer;
}
