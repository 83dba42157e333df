import {
  customerDomainTaken,
  decideCustomerUpdate,
  type Customer,
  type CustomerChanges,
} from '../domain/customer.js';
import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import {
  customerDomainExists,
  lockCustomer,
  updateCustomer as writeCustomer,
} from '../store/customers.js';
import { dialectOf } from '../store/dialects/dialect-of.js';
import { appendEvents } from '../store/events.js';
import { inTransaction } from '../store/transaction.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';

export type { CustomerChanges };

/**
 * A partner changes a customer's name, domain or billing profile; who may create customers may
 * change them. The change is recorded as `customer.updated` with each field from → to; asking
 * for what the customer already has changes nothing and records nothing.
 */
export async function updateCustomer(
  ctx: CallerContext,
  customerId: string,
  changes: CustomerChanges,
): Promise<Customer> {
  authorize(ctx.role, 'customers.create');
  let domain: string | undefined;
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const customer = await lockCustomer(trx, ctx.partner.id, customerId);
      if (!customer) throw notFound('Customer', customerId);
      const { next, changed } = decideCustomerUpdate(customer, changes);
      if (changed.length === 0) return customer;
      if (next.domain !== customer.domain) {
        domain = next.domain;
        if (await customerDomainExists(trx, ctx.partner.id, next.domain)) {
          throw customerDomainTaken(next.domain);
        }
      }
      await writeCustomer(trx, next);
      await appendEvents(trx, [
        callerEvent(ctx, ctx.clock.now(), {
          type: 'customer.updated',
          customerId,
          data: { changes: changed },
        }),
      ]);
      return next;
    });
  } catch (error) {
    // Two customers moved to one domain at once: the unique constraint stops the second.
    if (domain !== undefined && dialectOf(ctx.db).isUniqueViolation(error)) {
      throw customerDomainTaken(domain);
    }
    throw error;
  }
}
