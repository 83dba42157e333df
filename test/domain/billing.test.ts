import { describe, expect, it } from 'vitest';
import { firstBillingPeriodStart } from '../../src/domain/billing.js';
import { addMonths, daysBetween, isCalendarDate } from '../../src/domain/calendar.js';

describe('firstBillingPeriodStart', () => {
  it.each([
    ['seed example: opened after the billing day', '2026-01-10T15:30:00Z', 1, '2026-02-01'],
    ['opened on the billing day itself', '2026-01-01T00:00:00Z', 1, '2026-01-01'],
    ['opened before the billing day in the month', '2026-01-10T08:00:00Z', 15, '2026-01-15'],
    ['opened after the billing day, year rolls over', '2026-12-20T08:00:00Z', 15, '2027-01-15'],
    ['billing day 28 in February', '2026-02-28T23:59:59Z', 28, '2026-02-28'],
    ['the UTC date counts, not the local one', '2026-01-31T23:30:00-02:00', 1, '2026-02-01'],
  ])('%s', (_name, openedAt, billingDay, expected) => {
    expect(firstBillingPeriodStart(new Date(openedAt), billingDay)).toBe(expected);
  });
});

describe('calendar', () => {
  it('adds months clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });

  it('counts whole days between dates, across DST-free UTC', () => {
    expect(daysBetween('2026-01-10', '2026-02-01')).toBe(22);
    expect(daysBetween('2026-02-01', '2026-01-10')).toBe(-22);
    expect(daysBetween('2026-03-01', '2026-06-21')).toBe(112);
  });

  it('recognises real calendar dates only', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
  });
});
