import { describe, expect, it } from 'vitest';
import { findCatalogProblems } from '../../src/domain/catalog-rules.js';
import type { Catalog, Offer } from '../../src/domain/offer.js';

function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'mail-basic',
    productId: 'mail',
    productName: 'Mail',
    name: 'Mail Basic',
    description: 'Mail',
    unitType: 'licenses',
    isAddOn: false,
    baseOfferIds: [],
    isTrial: false,
    minimumQuantity: 1,
    maximumQuantity: 300,
    limit: null,
    limitUnitOfMeasure: 'none',
    segments: ['commercial'],
    markets: ['US', 'JP'],
    instances: ['global'],
    billingCycles: ['monthly'],
    termDurations: ['P1M'],
    autoRenewable: true,
    policies: {
      cancellationWindowHours: 168,
      quantityDecreaseWindowHours: 168,
      retentionBaseDays: 90,
      retentionMaxDays: 120,
    },
    prices: [
      { currency: 'USD', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '4.00' },
      { currency: 'JPY', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '600' },
    ],
    ...overrides,
  };
}

function catalog(...offers: Offer[]): Catalog {
  return {
    version: '2026-11-01',
    products: [{ id: 'mail', name: 'Mail', description: 'Mail' }],
    markets: [
      { country: 'US', currency: 'USD', name: 'United States' },
      { country: 'JP', currency: 'JPY', name: 'Japan' },
    ],
    offers,
  };
}

const problemsOf = (...offers: Offer[]) =>
  findCatalogProblems(catalog(...offers)).map((p) => `${p.offerId} ${p.field}: ${p.message}`);

describe('catalog rules', () => {
  it('accepts a consistent catalog', () => {
    expect(problemsOf(offer())).toEqual([]);
  });

  it.each<[string, Offer[], RegExp]>([
    ['duplicate ids', [offer(), offer()], /^mail-basic id: is used by more than one offer/],
    [
      'min above max',
      [offer({ minimumQuantity: 5, maximumQuantity: 2 })],
      /minimumQuantity: 5 is above maximumQuantity 2/,
    ],
    ['limit without unit', [offer({ limit: 1 })], /limit: must be null exactly when/],
    [
      'add-on without base',
      [offer({ isAddOn: true })],
      /baseOfferIds: an add-on lists its base offers/,
    ],
    [
      'unknown base offer',
      [offer(), offer({ id: 'storage', isAddOn: true, baseOfferIds: ['nope'] })],
      /^storage baseOfferIds: "nope" is not an offer/,
    ],
    [
      'add-on sold where its base is not',
      [
        offer({ markets: ['US'], prices: offer().prices.slice(0, 1) }),
        offer({ id: 'storage', isAddOn: true, baseOfferIds: ['mail-basic'] }),
      ],
      /^storage markets: JP is not a market of base offer "mail-basic"/,
    ],
    [
      'trial without lifetime limit',
      [
        offer(),
        offer({
          id: 'trial',
          isTrial: true,
          trial: { days: 30, maxQuantity: 25, conversionTargetOfferIds: ['mail-basic'] },
        }),
      ],
      /^trial limitUnitOfMeasure: a trial is limited per lifetime/,
    ],
    [
      'trial converting to a missing offer',
      [
        offer({
          id: 'trial',
          isTrial: true,
          limit: 1,
          limitUnitOfMeasure: 'lifetime',
          trial: { days: 30, maxQuantity: 25, conversionTargetOfferIds: ['gone'] },
        }),
      ],
      /^trial trial.conversionTargetOfferIds: "gone" is not an offer/,
    ],
    [
      'annual billing of a monthly term',
      [offer({ billingCycles: ['annual'], prices: [] })],
      /termDurations: no billing cycle/,
    ],
    [
      'missing price',
      [offer({ prices: offer().prices.slice(0, 1) })],
      /prices: no price for JPY monthly P1M/,
    ],
    [
      'price for a cycle not sold',
      [
        offer({
          prices: [
            ...offer().prices,
            { currency: 'USD', billingCycle: 'annual', termDuration: 'P1Y', unitPrice: '40.00' },
          ],
        }),
      ],
      /prices: USD annual P1Y is priced but the offer is not sold so/,
    ],
    [
      'yen with decimals',
      [
        offer({
          prices: [
            offer().prices[0]!,
            { currency: 'JPY', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '600.50' },
          ],
        }),
      ],
      /JPY monthly P1M has 2 decimals; JPY allows 0/,
    ],
    [
      'market without currency',
      [offer({ markets: ['US', 'JP', 'FR'] })],
      /markets: "FR" is not a market of the catalog/,
    ],
    [
      'retention base above max',
      [offer({ policies: { ...offer().policies, retentionBaseDays: 130 } })],
      /policies.retentionBaseDays: is above retentionMaxDays/,
    ],
  ])('names the offer and field for %s', (_name, offers, expected) => {
    expect(problemsOf(...offers)).toEqual(
      expect.arrayContaining([expect.stringMatching(expected)]),
    );
  });
});
