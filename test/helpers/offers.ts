import type { Offer } from '../../src/domain/offer.js';

/** A plain offer for domain tests: sold monthly and annually, no limit; override what matters. */
export function offerFixture(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'suite',
    productId: 'suite',
    productName: 'Suite',
    name: 'Suite',
    description: 'A suite.',
    unitType: 'licenses',
    isAddOn: false,
    baseOfferIds: [],
    isTrial: false,
    minimumQuantity: 1,
    maximumQuantity: 300,
    limit: null,
    limitUnitOfMeasure: 'none',
    segments: ['commercial', 'education'],
    markets: ['US', 'DE'],
    instances: ['global'],
    billingCycles: ['monthly', 'annual'],
    termDurations: ['P1M', 'P1Y'],
    autoRenewable: true,
    policies: {
      cancellationWindowHours: 168,
      quantityDecreaseWindowHours: 168,
      retentionBaseDays: 90,
      retentionMaxDays: 120,
    },
    prices: [],
    ...overrides,
  };
}
