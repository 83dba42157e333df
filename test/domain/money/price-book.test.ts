import { describe, expect, it } from 'vitest';
import type { Offer, Price } from '../../../src/domain/offer.js';
import {
  EMPTY_PRICE_BOOK,
  markedUp,
  quoteUnitPrice,
  scopeOf,
  type PriceBook,
  type PriceRule,
  type QuoteRequest,
} from '../../../src/domain/money/price-book.js';
import { offerFixture } from '../../helpers/offers.js';

const PRICES: Price[] = [
  { currency: 'USD', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '10.00' },
  { currency: 'USD', billingCycle: 'monthly', termDuration: 'P1Y', unitPrice: '9.00' },
  { currency: 'USD', billingCycle: 'annual', termDuration: 'P1Y', unitPrice: '100.00' },
  { currency: 'EUR', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '9.50' },
  { currency: 'JPY', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '1333' },
  { currency: 'KWD', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '3.125' },
];

const suite: Offer = offerFixture({ prices: PRICES });
const mail: Offer = offerFixture({ id: 'mail', name: 'Mail', prices: PRICES });
const customer = { id: 'customer-1', segment: 'commercial' as const };

function book(rules: PriceRule[], defaultMarkupPercent = '0'): PriceBook {
  return { defaultMarkupPercent, rules, version: 1, updatedAt: null };
}

function quote(priceBook: PriceBook, overrides: Partial<QuoteRequest> = {}) {
  return quoteUnitPrice(priceBook, {
    offer: suite,
    customer,
    currency: 'USD',
    billingCycle: 'monthly',
    termDuration: 'P1M',
    ...overrides,
  });
}

describe('markedUp', () => {
  it.each([
    [1000n, '0', 1000n],
    [1000n, '20', 1200n],
    [480n, '20', 576n], // 4.80 + 20 % = 5.76
    [1000n, '12.5', 1125n],
    [999n, '12.5', 1124n], // 1123.875 → 1124
    [1000n, '0.0001', 1000n], // 1000.001 → 1000
    [1000n, '10000', 101000n],
    [10n, '5', 10n], // 10.5 → 10 (tie to even)
    [30n, '5', 32n], // 31.5 → 32 (tie to even)
    [50n, '1', 50n], // 50.5 → 50 (tie to even)
    [150n, '1', 152n], // 151.5 → 152
    [1n, '50', 2n], // 1.5 → 2
    [5n, '50', 8n], // 7.5 → 8
    [3n, '50', 4n], // 4.5 → 4
  ])('%i minor + %s %% = %i', (cost, markup, price) => {
    expect(markedUp(cost, markup)).toBe(price);
  });
});

describe('scopeOf', () => {
  it.each<[PriceRule, string | undefined]>([
    [{ customerId: 'c', offerId: 'o' }, 'customer_offer'],
    [{ customerId: 'c' }, 'customer'],
    [{ offerId: 'o' }, 'offer'],
    [{ segment: 'education' }, 'segment'],
    [{}, undefined],
    [{ segment: 'education', offerId: 'o' }, undefined],
    [{ segment: 'education', customerId: 'c' }, undefined],
    [{ segment: 'education', customerId: 'c', offerId: 'o' }, undefined],
  ])('%j is %s', (rule, scope) => {
    expect(scopeOf(rule)).toBe(scope);
  });
});

describe('quoteUnitPrice', () => {
  it('charges the cost itself with the empty book (default markup 0)', () => {
    expect(quote(EMPTY_PRICE_BOOK)).toEqual({
      currency: 'USD',
      unitCost: 1000n,
      unitPrice: 1000n,
      source: 'default',
    });
  });

  it('applies the default markup with decimals, rounded half-even', () => {
    expect(quote(book([], '12.5'))).toMatchObject({ unitCost: 1000n, unitPrice: 1125n });
    expect(quote(book([], '12.5'), { currency: 'EUR' })).toMatchObject({
      unitCost: 950n,
      unitPrice: 1069n, // 1068.75
    });
  });

  it('prices in the currency, cycle and term asked, from the catalog row that matches', () => {
    const b = book([], '10');
    expect(quote(b, { termDuration: 'P1Y' })).toMatchObject({ unitCost: 900n, unitPrice: 990n });
    expect(quote(b, { billingCycle: 'annual', termDuration: 'P1Y' })).toMatchObject({
      unitCost: 10000n,
      unitPrice: 11000n,
    });
  });

  it('keeps JPY in whole yen and KWD in fils', () => {
    expect(quote(book([], '12.5'), { currency: 'JPY' })).toMatchObject({
      unitCost: 1333n,
      unitPrice: 1500n, // 1499.625
    });
    expect(quote(book([], '10'), { currency: 'KWD' })).toMatchObject({
      unitCost: 3125n,
      unitPrice: 3438n, // 3437.5 → 3438 (tie to even)
    });
    expect(quote(book([], '20'), { currency: 'KWD' })).toMatchObject({ unitPrice: 3750n });
  });

  it('is undefined where the catalog has no price (currency, cycle or term)', () => {
    expect(quote(EMPTY_PRICE_BOOK, { currency: 'GBP' })).toBeUndefined();
    expect(quote(EMPTY_PRICE_BOOK, { currency: 'EUR', termDuration: 'P1Y' })).toBeUndefined();
    expect(
      quote(book([{ offerId: 'suite', unitPrice: '5.00', currency: 'GBP' }]), { currency: 'GBP' }),
    ).toBeUndefined();
  });

  describe('precedence: customer + offer, customer, offer, segment, default', () => {
    const rules: PriceRule[] = [
      // Listed least specific first, so that list order cannot be what decides.
      { segment: 'commercial', markupPercent: '40' },
      { offerId: 'suite', markupPercent: '30' },
      { customerId: 'customer-1', markupPercent: '20' },
      { customerId: 'customer-1', offerId: 'suite', markupPercent: '10' },
    ];

    it.each([
      [4, 'customer_offer', 1100n],
      [3, 'customer', 1200n],
      [2, 'offer', 1300n],
      [1, 'segment', 1400n],
      [0, 'default', 1500n],
    ])('with the %i least specific rules, the %s rule decides', (count, source, unitPrice) => {
      expect(quote(book(rules.slice(0, count), '50'))).toMatchObject({ source, unitPrice });
    });

    it('in reverse list order too', () => {
      expect(quote(book([...rules].reverse(), '50'))).toMatchObject({
        source: 'customer_offer',
        unitPrice: 1100n,
      });
    });

    it('ignores rules for another customer, offer or segment', () => {
      const others: PriceRule[] = [
        { customerId: 'customer-2', offerId: 'suite', markupPercent: '1' },
        { customerId: 'customer-1', offerId: 'mail', markupPercent: '2' },
        { customerId: 'customer-2', markupPercent: '3' },
        { offerId: 'mail', markupPercent: '4' },
        { segment: 'education', markupPercent: '5' },
      ];
      expect(quote(book(others, '50'))).toMatchObject({ source: 'default', unitPrice: 1500n });
      expect(quote(book(others, '50'), { offer: mail })).toMatchObject({
        source: 'customer_offer',
        unitPrice: 1020n,
      });
      expect(
        quote(book(others, '50'), { customer: { id: 'customer-3', segment: 'education' } }),
      ).toMatchObject({ source: 'segment', unitPrice: 1050n });
    });

    it('never applies a rule of no scope (a segment with a customer)', () => {
      expect(
        quote(
          book([{ segment: 'commercial', customerId: 'customer-1', markupPercent: '1' }], '50'),
        ),
      ).toMatchObject({ source: 'default', unitPrice: 1500n });
    });
  });

  describe('a fixed unit price', () => {
    const fixed: PriceRule = {
      offerId: 'suite',
      unitPrice: '7.99',
      currency: 'USD',
      billingCycle: 'monthly',
    };

    it('beats a less specific markup in its currency and billing cycle', () => {
      const b = book([{ segment: 'commercial', markupPercent: '40' }, fixed], '50');
      expect(quote(b)).toEqual({
        currency: 'USD',
        unitCost: 1000n,
        unitPrice: 799n, // below cost: a fixed price may discount
        source: 'offer',
      });
      expect(quote(b, { termDuration: 'P1Y' })).toMatchObject({ unitCost: 900n, unitPrice: 799n });
    });

    it('does not apply in another currency or billing cycle: the next rule decides', () => {
      const b = book([{ segment: 'commercial', markupPercent: '40' }, fixed], '50');
      expect(quote(b, { currency: 'EUR' })).toMatchObject({
        source: 'segment',
        unitPrice: 1330n,
      });
      expect(quote(b, { billingCycle: 'annual', termDuration: 'P1Y' })).toMatchObject({
        source: 'segment',
        unitPrice: 14000n,
      });
    });

    it('without a billing cycle applies to both cycles in its currency', () => {
      const b = book([{ offerId: 'suite', unitPrice: '80.00', currency: 'USD' }], '50');
      expect(quote(b)).toMatchObject({ source: 'offer', unitPrice: 8000n });
      expect(quote(b, { billingCycle: 'annual', termDuration: 'P1Y' })).toMatchObject({
        source: 'offer',
        unitPrice: 8000n,
      });
      expect(quote(b, { currency: 'EUR' })).toMatchObject({ source: 'default', unitPrice: 1425n });
    });

    it('for a customer and an offer beats the customer’s markup only where it applies', () => {
      const b = book([
        { customerId: 'customer-1', markupPercent: '25' },
        { customerId: 'customer-1', offerId: 'suite', unitPrice: '1000', currency: 'JPY' },
      ]);
      expect(quote(b, { currency: 'JPY' })).toMatchObject({
        source: 'customer_offer',
        unitPrice: 1000n,
      });
      expect(quote(b)).toMatchObject({ source: 'customer', unitPrice: 1250n });
    });

    it('keeps the minor units of its currency', () => {
      const b = book([{ offerId: 'suite', unitPrice: '2.5', currency: 'KWD' }]);
      expect(quote(b, { currency: 'KWD' })).toMatchObject({ unitCost: 3125n, unitPrice: 2500n });
    });

    it('listed before a markup of the same scope, wins in its currency and cycle', () => {
      const markup: PriceRule = { offerId: 'suite', markupPercent: '30' };
      expect(quote(book([fixed, markup]))).toMatchObject({ source: 'offer', unitPrice: 799n });
    });

    // A markup and a fixed price for the same offer may stand side by side: specificity decides
    // between them, never their order in the list.
    it('listed after a markup of the same scope, still wins in its currency and cycle', () => {
      const markup: PriceRule = { offerId: 'suite', markupPercent: '30' };
      expect(quote(book([markup, fixed]))).toMatchObject({ source: 'offer', unitPrice: 799n });
    });

    it('for one billing cycle beats one for every cycle, whatever the list order', () => {
      const everyCycle: PriceRule = { offerId: 'suite', unitPrice: '8.00', currency: 'USD' };
      expect(quote(book([fixed, everyCycle]))).toMatchObject({ unitPrice: 799n });
      expect(quote(book([everyCycle, fixed]))).toMatchObject({ unitPrice: 799n });
    });

    it('with a markup of the same scope, the markup still prices the other currencies', () => {
      const markup: PriceRule = { offerId: 'suite', markupPercent: '30' };
      expect(quote(book([fixed, markup]), { currency: 'EUR' })).toMatchObject({
        source: 'offer',
        unitPrice: 1235n,
      });
    });
  });
});
