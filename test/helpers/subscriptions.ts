import type { Subscription } from '../../src/domain/subscription.js';

const CREATED = new Date('2026-03-01T00:00:00.000Z');
const WEEK_LATER = new Date('2026-03-08T00:00:00.000Z');

/**
 * An active monthly subscription of offerFixture's suite, bought 2026-03-01 with week-long
 * cancellation and decrease windows, for domain tests; override what matters.
 */
export function subscriptionFixture(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub-1',
    partnerId: 'partner-1',
    customerId: 'customer-1',
    offerId: 'suite',
    offerName: 'Suite',
    friendlyName: 'Suite for sales',
    quantity: 10,
    unitType: 'licenses',
    parentSubscriptionId: null,
    orderId: 'order-1',
    status: 'active',
    billingCycle: 'monthly',
    termDuration: 'P1M',
    autoRenewEnabled: true,
    isTrial: false,
    trialEndDate: null,
    creationDate: CREATED,
    effectiveStartDate: '2026-03-01',
    commitmentEndDate: '2026-03-31',
    cancellationAllowedUntil: WEEK_LATER,
    quantityDecreaseAllowedUntil: WEEK_LATER,
    suspensionReasons: [],
    suspendedAt: null,
    expiresAt: null,
    deletedAt: null,
    unitPrice: '6.00',
    unitCost: '6.00',
    currency: 'USD',
    nextChargeDate: null,
    version: 1,
    expiringSoonWarnedFor: null,
    ...overrides,
  };
}
