import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorDetail } from '../../../src/domain/errors.js';
import {
  assertValidPriceBook,
  MAX_MARKUP_PERCENT,
  type PriceBookFacts,
} from '../../../src/domain/money/price-book-rules.js';
import type { PriceRule } from '../../../src/domain/money/price-book.js';
import type { Offer } from '../../../src/domain/offer.js';
import { offerFixture } from '../../helpers/offers.js';
import { refusalCode } from '../../helpers/refusals.js';

const suite: Offer = offerFixture({
  prices: [
    { currency: 'USD', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '10.00' },
    { currency: 'USD', billingCycle: 'annual', termDuration: 'P1Y', unitPrice: '100.00' },
    { currency: 'EUR', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '9.50' },
    { currency: 'JPY', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '1333' },
  ],
});

const facts: PriceBookFacts = {
  offer: (id) => (id === 'suite' ? suite : undefined),
  customerCurrency: (id) => ({ 'cust-usd': 'USD', 'cust-eur': 'EUR' })[id],
};

function check(rules: PriceRule[], defaultMarkupPercent = '0') {
  return () => assertValidPriceBook({ defaultMarkupPercent, rules }, facts);
}

/** The refusal's errors, or a failed expectation when it does not refuse. */
function problems(act: () => unknown): ErrorDetail[] {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error.errors;
    throw error;
  }
  expect.fail('expected a refusal');
}

describe('assertValidPriceBook', () => {
  it('accepts the empty book and a book with every kind of rule', () => {
    expect(check([])).not.toThrow();
    expect(
      check(
        [
          { offerId: 'suite', markupPercent: '20' },
          { segment: 'education', markupPercent: '5.25' },
          { customerId: 'cust-usd', markupPercent: '0' },
          { customerId: 'cust-usd', offerId: 'suite', unitPrice: '7.99', currency: 'USD' },
          { customerId: 'cust-eur', offerId: 'suite', unitPrice: '8', currency: 'EUR' },
          { offerId: 'suite', unitPrice: '1200', currency: 'JPY', billingCycle: 'monthly' },
          { offerId: 'suite', unitPrice: '90.00', currency: 'USD', billingCycle: 'annual' },
          { offerId: 'suite', unitPrice: '9.00', currency: 'USD', billingCycle: 'monthly' },
          { offerId: 'suite', unitPrice: '0', currency: 'EUR' },
        ],
        '12.5',
      ),
    ).not.toThrow();
  });

  it('accepts markups at the bounds: 0, 10000 and four decimals', () => {
    expect(check([], '0')).not.toThrow();
    expect(check([], String(MAX_MARKUP_PERCENT))).not.toThrow();
    expect(check([], '12.3456')).not.toThrow();
  });

  describe('negative_markup', () => {
    it('for the default markup', () => {
      expect(refusalCode(check([], '-1'))).toBe('negative_markup');
      expect(problems(check([], '-0.5'))).toEqual([
        expect.objectContaining({ field: '/defaultMarkupPercent', code: 'negative_markup' }),
      ]);
    });

    it('for a rule’s markup', () => {
      const rules = [{ offerId: 'suite', markupPercent: '-10' }];
      expect(refusalCode(check(rules))).toBe('negative_markup');
      expect(problems(check(rules))).toEqual([
        expect.objectContaining({ field: '/rules/0/markupPercent', code: 'negative_markup' }),
      ]);
    });
  });

  describe('currency_mismatch', () => {
    it('a fixed price in another currency than the customer is billed in', () => {
      const rules = [{ customerId: 'cust-eur', offerId: 'suite', unitPrice: '7', currency: 'USD' }];
      expect(refusalCode(check(rules))).toBe('currency_mismatch');
      expect(problems(check(rules))).toEqual([
        expect.objectContaining({ field: '/rules/0/currency', code: 'currency_mismatch' }),
      ]);
    });

    it('a fixed price in a currency the offer is not sold in', () => {
      expect(refusalCode(check([{ offerId: 'suite', unitPrice: '7', currency: 'GBP' }]))).toBe(
        'currency_mismatch',
      );
    });

    it('a fixed price for a billing cycle the offer is not sold in that currency', () => {
      const rules: PriceRule[] = [
        { offerId: 'suite', unitPrice: '90', currency: 'EUR', billingCycle: 'annual' },
      ];
      expect(refusalCode(check(rules))).toBe('currency_mismatch');
      expect(
        refusalCode(
          check([{ offerId: 'suite', unitPrice: '90', currency: 'EUR', billingCycle: 'monthly' }]),
        ),
      ).toBeUndefined();
    });
  });

  it('unknown_offer: a rule for an offer not in the catalog', () => {
    const rules = [{ offerId: 'nope', markupPercent: '10' }];
    expect(refusalCode(check(rules))).toBe('unknown_offer');
    expect(problems(check(rules))).toEqual([
      expect.objectContaining({ field: '/rules/0/offerId', code: 'unknown_offer' }),
    ]);
    // A fixed price for an unknown offer is refused for the offer, not for a currency it lacks.
    expect(refusalCode(check([{ offerId: 'nope', unitPrice: '1', currency: 'USD' }]))).toBe(
      'unknown_offer',
    );
  });

  it('unknown_customer: a rule for a customer that is not the partner’s', () => {
    expect(refusalCode(check([{ customerId: 'someone-else', markupPercent: '10' }]))).toBe(
      'unknown_customer',
    );
    expect(
      problems(check([{ customerId: 'someone-else', offerId: 'suite', markupPercent: '10' }])),
    ).toEqual([
      expect.objectContaining({ field: '/rules/0/customerId', code: 'unknown_customer' }),
    ]);
  });

  describe('invalid_price_rule', () => {
    it.each<[string, PriceRule]>([
      ['no scope at all', { markupPercent: '10' }],
      ['a segment with an offer', { segment: 'education', offerId: 'suite', markupPercent: '1' }],
      [
        'a segment with a customer',
        { segment: 'education', customerId: 'cust-usd', markupPercent: '1' },
      ],
      ['neither markup nor price', { offerId: 'suite' }],
      [
        'both markup and price',
        { offerId: 'suite', markupPercent: '1', unitPrice: '1', currency: 'USD' },
      ],
      ['a markup with a currency', { offerId: 'suite', markupPercent: '1', currency: 'USD' }],
      [
        'a markup with a billing cycle',
        { offerId: 'suite', markupPercent: '1', billingCycle: 'annual' },
      ],
      ['a fixed price for a segment', { segment: 'education', unitPrice: '1', currency: 'USD' }],
      [
        'a fixed price for a customer, no offer',
        { customerId: 'cust-usd', unitPrice: '1', currency: 'USD' },
      ],
    ])('%s', (_name, rule) => {
      expect(refusalCode(check([rule]))).toBe('invalid_price_rule');
      expect(problems(check([rule]))[0]).toMatchObject({
        field: '/rules/0',
        code: 'invalid_price_rule',
      });
    });
  });

  describe('duplicate_price_rule', () => {
    it.each<[string, PriceRule, PriceRule]>([
      [
        'two markups for one offer',
        { offerId: 'suite', markupPercent: '1' },
        { offerId: 'suite', markupPercent: '2' },
      ],
      [
        'two markups for one segment',
        { segment: 'education', markupPercent: '1' },
        { segment: 'education', markupPercent: '2' },
      ],
      [
        'two markups for one customer',
        { customerId: 'cust-usd', markupPercent: '1' },
        { customerId: 'cust-usd', markupPercent: '2' },
      ],
      [
        'two fixed prices for one offer, currency and cycle',
        { offerId: 'suite', unitPrice: '1', currency: 'USD', billingCycle: 'monthly' },
        { offerId: 'suite', unitPrice: '2', currency: 'USD', billingCycle: 'monthly' },
      ],
      [
        'two fixed prices for one customer and offer in a currency',
        { customerId: 'cust-usd', offerId: 'suite', unitPrice: '1', currency: 'USD' },
        { customerId: 'cust-usd', offerId: 'suite', unitPrice: '2', currency: 'USD' },
      ],
    ])('%s', (_name, first, second) => {
      expect(refusalCode(check([first, second]))).toBe('duplicate_price_rule');
      expect(problems(check([first, second]))).toEqual([
        expect.objectContaining({ field: '/rules/1', code: 'duplicate_price_rule' }),
      ]);
    });

    it('not for rules that differ in who, currency or cycle', () => {
      expect(
        check([
          { offerId: 'suite', markupPercent: '1' },
          { customerId: 'cust-usd', offerId: 'suite', markupPercent: '1' },
          { segment: 'education', markupPercent: '1' },
          { segment: 'government', markupPercent: '1' },
          { offerId: 'suite', unitPrice: '1', currency: 'USD', billingCycle: 'monthly' },
          { offerId: 'suite', unitPrice: '1', currency: 'USD', billingCycle: 'annual' },
          { offerId: 'suite', unitPrice: '1', currency: 'USD' },
          { offerId: 'suite', unitPrice: '1', currency: 'EUR' },
        ]),
      ).not.toThrow();
    });
  });

  describe('validation_failed for malformed values', () => {
    it.each([
      ['a markup that is not a decimal', [], 'abc', '/defaultMarkupPercent', 'invalid_format'],
      [
        'a markup with an exponent',
        [{ offerId: 'suite', markupPercent: '1e2' }],
        '0',
        '/rules/0/markupPercent',
        'invalid_format',
      ],
      ['a markup over 10000 %', [], '10000.01', '/defaultMarkupPercent', 'out_of_range'],
      ['a markup with five decimals', [], '1.00001', '/defaultMarkupPercent', 'out_of_range'],
      [
        'a price that is not a decimal',
        [{ offerId: 'suite', unitPrice: '7,99', currency: 'USD' }],
        '0',
        '/rules/0/unitPrice',
        'invalid_format',
      ],
      [
        'a negative price',
        [{ offerId: 'suite', unitPrice: '-1', currency: 'USD' }],
        '0',
        '/rules/0/unitPrice',
        'invalid_format',
      ],
      [
        'three decimals in USD',
        [{ offerId: 'suite', unitPrice: '7.999', currency: 'USD' }],
        '0',
        '/rules/0/unitPrice',
        'invalid_format',
      ],
      [
        'decimals in JPY',
        [{ offerId: 'suite', unitPrice: '1200.5', currency: 'JPY' }],
        '0',
        '/rules/0/unitPrice',
        'invalid_format',
      ],
      [
        'a fixed price without a currency',
        [{ offerId: 'suite', unitPrice: '1' }],
        '0',
        '/rules/0/currency',
        'required',
      ],
      [
        'a fixed price with a malformed currency',
        [{ offerId: 'suite', unitPrice: '1', currency: 'usd' }],
        '0',
        '/rules/0/currency',
        'required',
      ],
    ] as [string, PriceRule[], string, string, string][])(
      '%s',
      (_name, rules, markup, field, detailCode) => {
        expect(refusalCode(check(rules, markup))).toBe('validation_failed');
        expect(problems(check(rules, markup))).toEqual([
          expect.objectContaining({ field, code: detailCode }),
        ]);
      },
    );
  });

  it('lists every problem and takes the first one’s code', () => {
    let error: unknown;
    try {
      check(
        [
          { offerId: 'nope', markupPercent: '10' },
          { customerId: 'cust-eur', offerId: 'suite', unitPrice: '7', currency: 'USD' },
          { offerId: 'nope', markupPercent: '11' },
        ],
        '-5',
      )();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    const refusal = error as DomainError;
    expect(refusal.code).toBe('negative_markup');
    expect(refusal.errors.map((e) => [e.field, e.code])).toEqual([
      ['/defaultMarkupPercent', 'negative_markup'],
      ['/rules/0/offerId', 'unknown_offer'],
      ['/rules/1/currency', 'currency_mismatch'],
      ['/rules/2/offerId', 'unknown_offer'],
      ['/rules/2', 'duplicate_price_rule'],
    ]);
    expect(refusal.message).toMatch(/\(5 problems; see errors\)$/);
  });

  it('a refusal with one problem says just that problem', () => {
    try {
      check([{ offerId: 'nope', markupPercent: '10' }])();
      expect.fail('expected a refusal');
    } catch (error) {
      expect((error as DomainError).message).toBe('Offer nope is not in the catalog.');
    }
  });
});
