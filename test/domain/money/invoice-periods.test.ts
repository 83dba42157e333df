import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import {
  invoiceNumber,
  invoicePeriodAt,
  isInvoicePeriodStart,
} from '../../../src/domain/money/invoice-periods.js';

describe('invoicePeriodAt', () => {
  it.each([
    [1, '2026-03-01', '2026-03-01', '2026-03-31'],
    [1, '2026-03-31', '2026-03-01', '2026-03-31'],
    [1, '2026-02-14', '2026-02-01', '2026-02-28'],
    [1, '2028-02-29', '2028-02-01', '2028-02-29'],
    [15, '2026-03-15', '2026-03-15', '2026-04-14'],
    [15, '2026-03-14', '2026-02-15', '2026-03-14'],
    [15, '2026-03-10', '2026-02-15', '2026-03-14'],
    [28, '2026-02-28', '2026-02-28', '2026-03-27'],
    [28, '2026-03-01', '2026-02-28', '2026-03-27'],
    [28, '2026-02-27', '2026-01-28', '2026-02-27'],
    [20, '2027-01-05', '2026-12-20', '2027-01-19'],
    [20, '2026-12-31', '2026-12-20', '2027-01-19'],
  ])('billing day %i: %s is in %s – %s', (billingDay, date, start, end) => {
    expect(invoicePeriodAt(billingDay, date)).toEqual({ start, end });
  });

  it('periods hold their date, start on the billing day and follow one another', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 4 * 366 }).map((offset) => addDays('2026-01-01', offset)),
        (billingDay, date) => {
          const { start, end } = invoicePeriodAt(billingDay, date);
          expect(start <= date && date <= end).toBe(true);
          expect(Number(start.slice(8))).toBe(billingDay);
          expect(isInvoicePeriodStart(billingDay, start)).toBe(true);
          const next = invoicePeriodAt(billingDay, addDays(end, 1));
          expect(next.start).toBe(addDays(end, 1));
          expect(invoicePeriodAt(billingDay, end)).toEqual({ start, end });
        },
      ),
    );
  });
});

describe('isInvoicePeriodStart', () => {
  it('is the billing day of any month, and only it', () => {
    expect(isInvoicePeriodStart(1, '2026-01-01')).toBe(true);
    expect(isInvoicePeriodStart(1, '2026-01-02')).toBe(false);
    expect(isInvoicePeriodStart(28, '2026-02-28')).toBe(true);
    expect(isInvoicePeriodStart(15, '2027-12-15')).toBe(true);
    expect(isInvoicePeriodStart(15, '2027-12-05')).toBe(false);
  });
});

describe('invoiceNumber', () => {
  it('is PSC-year-sequence, the sequence zero-padded to six digits', () => {
    expect(invoiceNumber(2027, 42)).toBe('PSC-2027-000042');
    expect(invoiceNumber(2026, 1)).toBe('PSC-2026-000001');
    expect(invoiceNumber(2026, 999999)).toBe('PSC-2026-999999');
  });

  it('orders as text as it orders as numbers within a year (up to a million)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (a, b) => {
          const [x, y] = [invoiceNumber(2027, a), invoiceNumber(2027, b)];
          expect(x < y).toBe(a < b);
          expect(x === y).toBe(a === b);
        },
      ),
    );
  });
});
