import { describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/offer.js';
import {
  priceFor,
  resolveTerm,
  termDates,
  trialEndDate,
  windowEnd,
} from '../../src/domain/subscription-terms.js';

describe('termDates', () => {
  it.each([
    ['a month from the 1st', '2026-01-01', 'P1M', '2026-01-31'],
    ['a month from mid-month', '2026-03-15', 'P1M', '2026-04-14'],
    ['Jan 31 + P1M clamps to Feb 28, so the term ends Feb 27', '2026-01-31', 'P1M', '2026-02-27'],
    ['Jan 31 + P1M in a leap year ends Feb 28', '2028-01-31', 'P1M', '2028-02-28'],
    ['Jan 30 + P1M ends on Feb 27 (clamped)', '2026-01-30', 'P1M', '2026-02-27'],
    ['a month across the year end', '2026-12-15', 'P1M', '2027-01-14'],
    ['a year from Mar 1 ends on Feb 28', '2026-03-01', 'P1Y', '2027-02-28'],
    ['a year from Mar 1 before a leap day ends on Feb 29', '2027-03-01', 'P1Y', '2028-02-29'],
    ['a year from a leap day clamps to Feb 28', '2028-02-29', 'P1Y', '2029-02-27'],
    ['a year from Jan 1', '2026-01-01', 'P1Y', '2026-12-31'],
  ] as const)('%s', (_name, start, term, end) => {
    expect(termDates(start, term)).toEqual({ effectiveStartDate: start, commitmentEndDate: end });
  });
});

describe('trialEndDate', () => {
  it('counts the start day as the first day of the trial', () => {
    expect(trialEndDate('2026-03-01', 30)).toBe('2026-03-30');
    expect(trialEndDate('2026-03-01', 1)).toBe('2026-03-01');
  });

  it('crosses month ends and leap days', () => {
    expect(trialEndDate('2028-02-15', 30)).toBe('2028-03-15');
    expect(trialEndDate('2026-02-15', 30)).toBe('2026-03-16');
    expect(trialEndDate('2026-12-20', 30)).toBe('2027-01-18');
  });
});

const prices: Offer['prices'] = [
  { currency: 'USD', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '7.20' },
  { currency: 'USD', billingCycle: 'monthly', termDuration: 'P1Y', unitPrice: '6.00' },
  { currency: 'USD', billingCycle: 'annual', termDuration: 'P1Y', unitPrice: '68.40' },
  { currency: 'EUR', billingCycle: 'monthly', termDuration: 'P1Y', unitPrice: '5.70' },
];

describe('priceFor', () => {
  it('finds the row for currency, billing cycle and term', () => {
    expect(priceFor({ prices }, 'USD', 'monthly', 'P1M')?.unitPrice).toBe('7.20');
    expect(priceFor({ prices }, 'USD', 'monthly', 'P1Y')?.unitPrice).toBe('6.00');
    expect(priceFor({ prices }, 'USD', 'annual', 'P1Y')?.unitPrice).toBe('68.40');
    expect(priceFor({ prices }, 'EUR', 'monthly', 'P1Y')?.unitPrice).toBe('5.70');
  });

  it('is undefined when no row matches', () => {
    expect(priceFor({ prices }, 'EUR', 'monthly', 'P1M')).toBeUndefined();
    expect(priceFor({ prices }, 'JPY', 'monthly', 'P1Y')).toBeUndefined();
    expect(priceFor({ prices }, 'USD', 'annual', 'P1M')).toBeUndefined();
  });
});

describe('resolveTerm', () => {
  const both = { billingCycles: ['monthly', 'annual'], termDurations: ['P1M', 'P1Y'] } as const;
  const yearOnly = { billingCycles: ['monthly', 'annual'], termDurations: ['P1Y'] } as const;
  const monthOnly = { billingCycles: ['monthly'], termDurations: ['P1M'] } as const;
  const sellable = (o: typeof both | typeof yearOnly | typeof monthOnly) => ({
    billingCycles: [...o.billingCycles],
    termDurations: [...o.termDurations],
  });

  it.each([
    ['monthly billing defaults to P1M when offered', both, 'monthly', undefined, 'P1M'],
    ['monthly billing falls back to P1Y', yearOnly, 'monthly', undefined, 'P1Y'],
    ['annual billing defaults to P1Y', both, 'annual', undefined, 'P1Y'],
    ['a requested sold term is kept', both, 'monthly', 'P1Y', 'P1Y'],
    ['annual billing of a monthly term does not exist', both, 'annual', 'P1M', undefined],
    ['a term the offer does not sell', yearOnly, 'monthly', 'P1M', undefined],
    ['a billing cycle the offer does not sell', monthOnly, 'annual', undefined, undefined],
    [
      'a monthly-only offer billed annually with P1Y requested',
      monthOnly,
      'annual',
      'P1Y',
      undefined,
    ],
  ] as const)('%s', (_name, offer, cycle, requested, expected) => {
    expect(resolveTerm(sellable(offer), cycle, requested)).toBe(expected);
  });
});

describe('windowEnd', () => {
  it('adds the window hours to the purchase time', () => {
    const created = new Date('2026-03-01T10:15:00.000Z');
    expect(windowEnd(created, 168)?.toISOString()).toBe('2026-03-08T10:15:00.000Z');
    expect(windowEnd(created, 72)?.toISOString()).toBe('2026-03-04T10:15:00.000Z');
    expect(windowEnd(created, 0)?.toISOString()).toBe('2026-03-01T10:15:00.000Z');
  });

  it('is null when the policy has no window', () => {
    expect(windowEnd(new Date('2026-03-01T10:15:00.000Z'), null)).toBeNull();
  });
});
