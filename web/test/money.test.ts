import { describe, expect, it } from 'vitest';
import { sum, times } from '../src/lib/money';
import { addMonths, periodEndOf, periodsUpTo } from '../src/lib/periods';

describe('exact money', () => {
  it('sums decimal strings without float drift', () => {
    expect(sum(['0.1', '0.2'])).toBe('0.3');
    expect(sum(['86.40', '24', '-10.005'])).toBe('100.395');
    expect(sum([])).toBe('0');
    expect(sum(['-0.5', '0.25'])).toBe('-0.25');
  });

  it('multiplies a unit price by a quantity', () => {
    expect(times('5.76', 15)).toBe('86.40');
    expect(times('0.07', 3)).toBe('0.21');
    expect(times('1200', 2)).toBe('2400');
    expect(times('-4.80', 5)).toBe('-24.00');
  });
});

describe('billing periods', () => {
  it('finds the end of a period', () => {
    expect(periodEndOf('2026-02-01')).toBe('2026-02-28');
    expect(periodEndOf('2025-12-15')).toBe('2026-01-14');
  });

  it('steps back month by month across years', () => {
    expect(addMonths('2026-01-05', -1)).toBe('2025-12-05');
    expect(periodsUpTo('2026-02-01', 3)).toEqual(['2026-02-01', '2026-01-01', '2025-12-01']);
  });
});
