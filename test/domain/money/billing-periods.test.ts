import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../src/domain/calendar.js';
import { billingPeriodAt, daysLeftIn } from '../../../src/domain/money/billing-periods.js';
import { termDates } from '../../../src/domain/subscription-terms.js';
import type { Subscription } from '../../../src/domain/subscription.js';

type Billed = Pick<Subscription, 'effectiveStartDate' | 'commitmentEndDate' | 'billingCycle'>;

const monthlyYear = (start: string): Billed => ({
  ...termDates(start, 'P1Y'),
  billingCycle: 'monthly',
});

describe('billingPeriodAt', () => {
  it('a monthly term of one month is one period of the month', () => {
    const sub: Billed = { ...termDates('2026-03-01', 'P1M'), billingCycle: 'monthly' };
    for (const day of ['2026-03-01', '2026-03-17', '2026-03-31']) {
      expect(billingPeriodAt(sub, day)).toEqual({
        start: '2026-03-01',
        end: '2026-03-31',
        days: 31,
      });
    }
  });

  it('is undefined outside the term', () => {
    const sub = monthlyYear('2026-03-10');
    expect(billingPeriodAt(sub, '2026-03-09')).toBeUndefined();
    expect(billingPeriodAt(sub, '2027-03-10')).toBeUndefined();
    expect(billingPeriodAt(sub, '2027-03-09')).toEqual({
      start: '2027-02-10',
      end: '2027-03-09',
      days: 28,
    });
  });

  it('steps a month from a mid-month start, counting each month’s own days', () => {
    const sub = monthlyYear('2026-01-15');
    expect(billingPeriodAt(sub, '2026-01-15')).toEqual({
      start: '2026-01-15',
      end: '2026-02-14',
      days: 31,
    });
    expect(billingPeriodAt(sub, '2026-02-14')).toEqual({
      start: '2026-01-15',
      end: '2026-02-14',
      days: 31,
    });
    expect(billingPeriodAt(sub, '2026-02-15')).toEqual({
      start: '2026-02-15',
      end: '2026-03-14',
      days: 28,
    });
    expect(billingPeriodAt(sub, '2026-12-31')).toEqual({
      start: '2026-12-15',
      end: '2027-01-14',
      days: 31,
    });
  });

  it('clamps across month ends from a start on the 31st, always from the term’s start', () => {
    const sub = monthlyYear('2026-01-31');
    expect(sub.commitmentEndDate).toBe('2027-01-30');
    const periods = [
      ['2026-01-31', '2026-02-27', 28],
      ['2026-02-28', '2026-03-30', 31],
      ['2026-03-31', '2026-04-29', 30],
      ['2026-04-30', '2026-05-30', 31],
      ['2026-05-31', '2026-06-29', 30],
    ] as const;
    for (const [start, end, days] of periods) {
      for (const day of [start, end]) {
        expect(billingPeriodAt(sub, day), day).toEqual({ start, end, days });
      }
    }
    expect(billingPeriodAt(sub, '2026-12-31')).toEqual({
      start: '2026-12-31',
      end: '2027-01-30',
      days: 31,
    });
  });

  it('clamps to February 29 in a leap year', () => {
    const sub = monthlyYear('2028-01-31');
    expect(billingPeriodAt(sub, '2028-02-15')).toEqual({
      start: '2028-01-31',
      end: '2028-02-28',
      days: 29,
    });
    expect(billingPeriodAt(sub, '2028-02-29')).toEqual({
      start: '2028-02-29',
      end: '2028-03-30',
      days: 31,
    });
  });

  it('an annual period is the term year, 365 or 366 days', () => {
    const plain: Billed = { ...termDates('2026-03-01', 'P1Y'), billingCycle: 'annual' };
    expect(billingPeriodAt(plain, '2026-03-01')).toEqual({
      start: '2026-03-01',
      end: '2027-02-28',
      days: 365,
    });
    expect(billingPeriodAt(plain, '2027-02-28')).toEqual({
      start: '2026-03-01',
      end: '2027-02-28',
      days: 365,
    });
    const leap: Billed = { ...termDates('2027-03-01', 'P1Y'), billingCycle: 'annual' };
    expect(billingPeriodAt(leap, '2027-12-31')).toEqual({
      start: '2027-03-01',
      end: '2028-02-29',
      days: 366,
    });
  });

  it('an annual term starting on February 29 clamps to February 28 a year on', () => {
    const sub: Billed = { ...termDates('2028-02-29', 'P1Y'), billingCycle: 'annual' };
    expect(sub.commitmentEndDate).toBe('2029-02-27');
    const period = billingPeriodAt(sub, '2028-12-01');
    expect(period).toEqual({ start: '2028-02-29', end: '2029-02-27', days: 365 });
    expect(billingPeriodAt(sub, '2029-02-28')).toBeUndefined();
  });

  it('monthly billing from February 29 steps to the 29th (or the month’s end)', () => {
    const sub = monthlyYear('2028-02-29');
    expect(billingPeriodAt(sub, '2028-03-01')).toEqual({
      start: '2028-02-29',
      end: '2028-03-28',
      days: 29,
    });
    expect(billingPeriodAt(sub, '2028-03-29')).toEqual({
      start: '2028-03-29',
      end: '2028-04-28',
      days: 31,
    });
    expect(billingPeriodAt(sub, '2029-02-27')).toEqual({
      start: '2029-01-29',
      end: '2029-02-27',
      days: 30,
    });
  });

  describe('an add-on ending with its base', () => {
    it('bought mid-month: its only period is clipped at the base’s end, days of the whole month', () => {
      const addOn: Billed = {
        effectiveStartDate: '2026-03-15',
        commitmentEndDate: '2026-03-31',
        billingCycle: 'monthly',
      };
      const period = billingPeriodAt(addOn, '2026-03-20');
      expect(period).toEqual({ start: '2026-03-15', end: '2026-03-31', days: 31 });
      expect(daysLeftIn(period!, '2026-03-15')).toBe(17);
      expect(billingPeriodAt(addOn, '2026-04-01')).toBeUndefined();
    });

    it('on a yearly base: its last monthly period is clipped', () => {
      const addOn: Billed = {
        effectiveStartDate: '2026-03-15',
        commitmentEndDate: '2027-02-28',
        billingCycle: 'monthly',
      };
      expect(billingPeriodAt(addOn, '2026-04-14')).toEqual({
        start: '2026-03-15',
        end: '2026-04-14',
        days: 31,
      });
      expect(billingPeriodAt(addOn, '2027-02-28')).toEqual({
        start: '2027-02-15',
        end: '2027-02-28',
        days: 28,
      });
    });

    it('billed annually: one clipped period of a whole year’s days', () => {
      const addOn: Billed = {
        effectiveStartDate: '2026-09-15',
        commitmentEndDate: '2027-02-28',
        billingCycle: 'annual',
      };
      const period = billingPeriodAt(addOn, '2026-12-01');
      expect(period).toEqual({ start: '2026-09-15', end: '2027-02-28', days: 365 });
      expect(daysLeftIn(period!, '2026-09-15')).toBe(167);
    });
  });

  it('partitions a term: consecutive periods, each holding exactly its own days', () => {
    const date = fc
      .integer({ min: 0, max: 3 * 366 })
      .map((offset) => addDays('2026-01-01', offset));
    fc.assert(
      fc.property(
        date,
        fc.constantFrom<'monthly' | 'annual'>('monthly', 'annual'),
        (start, billingCycle) => {
          const sub: Billed = { ...termDates(start, 'P1Y'), billingCycle };
          let expectedStart = start;
          let day = start;
          while (day <= sub.commitmentEndDate) {
            const period = billingPeriodAt(sub, day);
            expect(period, day).toBeDefined();
            const { start: s, end, days } = period!;
            expect(s).toBe(expectedStart);
            expect(s <= day && day <= end).toBe(true);
            // A term's own periods are never clipped: each counts exactly its days.
            expect(days).toBe(daysBetween(s, end) + 1);
            expect(days).toBeGreaterThanOrEqual(billingCycle === 'monthly' ? 28 : 365);
            expect(days).toBeLessThanOrEqual(billingCycle === 'monthly' ? 31 : 366);
            if (day === end) expectedStart = addDays(end, 1);
            day = addDays(day, 1);
          }
          expect(expectedStart).toBe(addDays(sub.commitmentEndDate, 1));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('daysLeftIn', () => {
  const period = { start: '2026-03-01', end: '2026-03-31', days: 31 };

  it('counts both ends', () => {
    expect(daysLeftIn(period, '2026-03-01')).toBe(31);
    expect(daysLeftIn(period, '2026-03-11')).toBe(21);
    expect(daysLeftIn(period, '2026-03-31')).toBe(1);
  });
});
