import { firstBillingPeriodStart } from '../domain/billing.js';
import {
  assertValidNewCustomer,
  customerDomainTaken,
  normalizeDomain,
  type BillingProfile,
  type Customer,
  type Segment,
} from '../domain/customer.js';
import { customerDomainExists, insertCustomer } from '../store/customers.js';
import { dialectOf } from '../store/dialects/dialect-of.js';
import { appendEvents } from '../store/events.js';
import { inTransaction } from '../store/transaction.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';
import { newId } from './ids.js';
import { authorize } from '../domain/permissions.js';

export interface CreateCustomerInput {
  companyName: string;
  domain: string;
  country: string;
  segment: Segment;
  billingProfile: BillingProfile;
  /** When the customer's account was opened; defaults to now, may lie in the past. */
  accountOpenedAt?: Date;
}

export async function createCustomer(
  ctx: CallerContext,
  input: CreateCustomerInput,
): Promise<Customer> {
  authorize(ctx.role, 'customers.create');
  const now = ctx.clock.now();
  const accountOpenedAt = input.accountOpenedAt ?? now;
  const country = input.country.toUpperCase();
  const billingCountry = input.billingProfile.address.country.toUpperCase();
  assertValidNewCustomer({ domain: input.domain, country, billingCountry, accountOpenedAt }, now);
  const customer: Customer = {
    id: newId(),
    partnerId: ctx.partner.id,
    companyName: input.companyName.trim(),
    domain: normalizeDomain(input.domain),
    country,
    segment: input.segment,
    billingProfile: {
      ...input.billingProfile,
      email: input.billingProfile.email.trim(),
      address: { ...input.billingProfile.address, country: billingCountry },
    },
    accountOpenedAt,
    firstBillingPeriodStart: firstBillingPeriodStart(accountOpenedAt, ctx.partner.billingDay),
    createdAt: now,
  };
  const domainTaken = () => customerDomainTaken(customer.domain);
  try {
    await inTransaction(ctx.db, async (trx) => {
      if (await customerDomainExists(trx, ctx.partner.id, customer.domain)) throw domainTaken();
      await insertCustomer(trx, customer);
      await appendEvents(trx, [
        callerEvent(ctx, now, {
          type: 'customer.created',
          customerId: customer.id,
          data: {
            companyName: customer.companyName,
            domain: customer.domain,
            country: customer.country,
            segment: customer.segment,
          },
        }),
      ]);
    });
  } catch (error) {
    // Two requests for one domain at once: the unique constraint stops the second.
    if (dialectOf(ctx.db).isUniqueViolation(error)) throw domainTaken();
    throw error;
  }
  return customer;
}
