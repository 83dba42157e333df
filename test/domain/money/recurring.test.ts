import { describe, expect, it } from 'vitest';
import { formatMinor } from '../../../src/domain/money/amount.js';
import { monthlyRecurring, type RecurringLine } from '../../../src/domain/money/recurring.js';

const line = (overrides: Partial<RecurringLine>): RecurringLine => ({
  currency: 'USD',
  billingCycle: 'monthly',
  quantity: 1,
  unitPrice: '0',
  unitCost: '0',
  ...overrides,
});

/** The totals as the API shows them, so that expectations read as amounts. */
const shown = (lines: RecurringLine[]) =>
  monthlyRecurring(lines).map((t) => ({
    currency: t.currency,
    revenue: formatMinor(t.revenue, t.currency),
    cost: formatMinor(t.cost, t.currency),
    margin: formatMinor(t.margin, t.currency),
  }));

describe('monthlyRecurring', () => {
  it('is nothing without lines', () => {
    expect(monthlyRecurring([])).toEqual([]);
  });

  it('counts a monthly line whole and an annual one as a twelfth of its year', () => {
    // 10 × 5.76 = 57.60 and 10 × 4.80 = 48.00 a month; 3 × 120.00 / 12 = 30.00, 3 × 96.00 / 12 = 24.00.
    expect(
      shown([
        line({ quantity: 10, unitPrice: '5.76', unitCost: '4.80' }),
        line({ billingCycle: 'annual', quantity: 3, unitPrice: '120.00', unitCost: '96.00' }),
      ]),
    ).toEqual([{ currency: 'USD', revenue: '87.60', cost: '72.00', margin: '15.60' }]);
  });

  it('rounds once, at the end, not once per line', () => {
    // Each 0.10 a year is 0.8333… cents a month: rounded per line three times 1 cent, but the
    // sum is 2.5 cents, half-even 2 cents.
    const tenCentsAYear = line({ billingCycle: 'annual', unitPrice: '0.10', unitCost: '0.10' });
    expect(shown([tenCentsAYear, tenCentsAYear, tenCentsAYear])).toEqual([
      { currency: 'USD', revenue: '0.02', cost: '0.02', margin: '0.00' },
    ]);
    // 100 × 0.01 a year: 1/12 dollar = 8.33… cents, not 100 roundings of 0.08 cents to zero.
    expect(shown([line({ billingCycle: 'annual', quantity: 100, unitPrice: '0.01' })])).toEqual([
      { currency: 'USD', revenue: '0.08', cost: '0.00', margin: '0.08' },
    ]);
  });

  it('rounds ties to the even minor unit', () => {
    // 0.06 / 12 = 0.5 cent → 0; 0.18 / 12 = 1.5 cents → 2; 0.30 / 12 = 2.5 cents → 2.
    const annual = (unitPrice: string) => line({ billingCycle: 'annual', unitPrice });
    expect(shown([annual('0.06')])[0]!.revenue).toBe('0.00');
    expect(shown([annual('0.18')])[0]!.revenue).toBe('0.02');
    expect(shown([annual('0.30')])[0]!.revenue).toBe('0.02');
    expect(shown([annual('0.42')])[0]!.revenue).toBe('0.04');
  });

  it("keeps JPY's whole yen and KWD's three decimals", () => {
    // 550 + 1,000 / 12 = 633.33… → 633; cost 500 + 6 / 12 = 500.5 → 500 (even).
    expect(
      shown([
        line({ currency: 'JPY', unitPrice: '550', unitCost: '500' }),
        line({ currency: 'JPY', billingCycle: 'annual', unitPrice: '1000', unitCost: '6' }),
      ]),
    ).toEqual([{ currency: 'JPY', revenue: '633', cost: '500', margin: '133' }]);
    // 18 yen a year is 1.5 yen a month → 2; 30 is 2.5 → 2.
    const yen = (unitPrice: string) => line({ currency: 'JPY', billingCycle: 'annual', unitPrice });
    expect(shown([yen('18')])[0]!.revenue).toBe('2');
    expect(shown([yen('30')])[0]!.revenue).toBe('2');
    // 1.000 KWD a year = 83.33… fils → 0.083.
    expect(
      shown([line({ currency: 'KWD', billingCycle: 'annual', unitPrice: '1.000' })])[0]!.revenue,
    ).toBe('0.083');
  });

  it('keeps currencies apart, in alphabetical order, and a margin below cost negative', () => {
    expect(
      shown([
        line({ currency: 'USD', quantity: 2, unitPrice: '4.00', unitCost: '4.80' }),
        line({ currency: 'TWD', quantity: 5, unitPrice: '150.00', unitCost: '120.00' }),
        line({ currency: 'EUR', quantity: 1, unitPrice: '9.99', unitCost: '8.00' }),
      ]),
    ).toEqual([
      { currency: 'EUR', revenue: '9.99', cost: '8.00', margin: '1.99' },
      { currency: 'TWD', revenue: '750.00', cost: '600.00', margin: '150.00' },
      { currency: 'USD', revenue: '8.00', cost: '9.60', margin: '-1.60' },
    ]);
  });

  it('stays exact far beyond what a float holds', () => {
    // 300 × 12,345,678,901.23 a year / 12 = 308,641,972,530.75 exactly.
    const huge = line({ billingCycle: 'annual', quantity: 300, unitPrice: '12345678901.23' });
    expect(shown([huge])[0]!.revenue).toBe('308641972530.75');
    // 0.1 + 0.2 dollars a month, the float classic: exactly 0.30.
    expect(shown([line({ unitPrice: '0.10' }), line({ unitPrice: '0.20' })])[0]!.revenue).toBe(
      '0.30',
    );
  });
});
