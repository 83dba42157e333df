import { describe, expect, it } from 'vitest';
import {
  overviewPeriods,
  recentInvoicePeriods,
} from '../../../src/domain/money/overview-periods.js';

describe('recentInvoicePeriods', () => {
  it('ends with the period holding today, oldest first, across a year end', () => {
    const periods = recentInvoicePeriods(1, '2027-01-15', 12);
    expect(periods).toHaveLength(12);
    expect(periods[0]).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periods[11]).toEqual({ start: '2027-01-01', end: '2027-01-31' });
    expect(periods.map((p) => p.start)).toEqual([...periods.map((p) => p.start)].sort());
  });

  it('follows a billing day other than the first', () => {
    // On the 14th the period under way began on the 15th of the month before.
    const periods = recentInvoicePeriods(15, '2027-01-14', 3);
    expect(periods).toEqual([
      { start: '2026-10-15', end: '2026-11-14' },
      { start: '2026-11-15', end: '2026-12-14' },
      { start: '2026-12-15', end: '2027-01-14' },
    ]);
    expect(recentInvoicePeriods(15, '2027-01-15', 1)).toEqual([
      { start: '2027-01-15', end: '2027-02-14' },
    ]);
  });
});

describe('overviewPeriods', () => {
  const periods = recentInvoicePeriods(1, '2027-03-10', 3);

  it('has every period for every currency, with zeros where nothing was invoiced', () => {
    const rows = overviewPeriods(
      periods,
      ['USD', 'TWD'],
      [{ periodStart: '2027-02-01', currency: 'USD', invoiced: 7711n, cost: 6426n }],
    );
    expect(rows.map((r) => [r.start, r.currency, r.invoiced, r.cost, r.margin])).toEqual([
      ['2027-01-01', 'TWD', 0n, 0n, 0n],
      ['2027-01-01', 'USD', 0n, 0n, 0n],
      ['2027-02-01', 'TWD', 0n, 0n, 0n],
      ['2027-02-01', 'USD', 7711n, 6426n, 1285n],
      ['2027-03-01', 'TWD', 0n, 0n, 0n],
      ['2027-03-01', 'USD', 0n, 0n, 0n],
    ]);
  });

  it('adds issued and draft totals of a period, and shows a currency only invoiced', () => {
    const rows = overviewPeriods(
      periods,
      [],
      [
        { periodStart: '2027-03-01', currency: 'JPY', invoiced: 1000n, cost: 800n },
        { periodStart: '2027-03-01', currency: 'JPY', invoiced: 550n, cost: 500n },
      ],
    );
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual({
      start: '2027-03-01',
      end: '2027-03-31',
      currency: 'JPY',
      invoiced: 1550n,
      cost: 1300n,
      margin: 250n,
    });
  });

  it('ignores totals outside the periods and has no rows without a currency', () => {
    const outside = { periodStart: '2026-12-01', currency: 'USD', invoiced: 5n, cost: 1n };
    expect(overviewPeriods(periods, ['USD'], [outside]).every((r) => r.invoiced === 0n)).toBe(true);
    expect(overviewPeriods(periods, [], [])).toEqual([]);
  });
});
