import type { Static } from 'typebox';
import type { Customer } from '../../domain/customer.js';
import type { CustomerSchema } from '../schemas/customer.js';

export function presentCustomer(customer: Customer): Static<typeof CustomerSchema> {
  return {
    id: customer.id,
    companyName: customer.companyName,
    domain: customer.domain,
    country: customer.country,
    segment: customer.segment,
    billingProfile: customer.billingProfile,
    accountOpenedAt: customer.accountOpenedAt.toISOString(),
    firstBillingPeriodStart: customer.firstBillingPeriodStart,
    createdAt: customer.createdAt.toISOString(),
  };
}
