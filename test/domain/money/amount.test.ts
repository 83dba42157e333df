import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalDecimal,
  decimalPlaces,
  formatMinor,
  isDecimal,
  parseDecimal,
  roundHalfEven,
  toMinor,
} from '../../../src/domain/money/amount.js';
import { isCurrencyCode, minorUnitsOf } from '../../../src/domain/money/currencies.js';

/**
 * Rounding to nearest, ties to even, written differently from the code under test: with a floor
 * division and a non-negative remainder, so a mistake in signs would not be shared.
 */
function referenceHalfEven(numerator: bigint, denominator: bigint): bigint {
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let floor = n / d;
  if (n % d !== 0n && n < 0n) floor -= 1n;
  const remainder = n - floor * d; // 0 <= remainder < d
  if (2n * remainder < d) return floor;
  if (2n * remainder > d) return floor + 1n;
  return floor % 2n === 0n ? floor : floor + 1n;
}

describe('roundHalfEven', () => {
  it.each([
    [5n, 2n, 2n], // 2.5 → 2
    [7n, 2n, 4n], // 3.5 → 4
    [-5n, 2n, -2n], // -2.5 → -2
    [-7n, 2n, -4n], // -3.5 → -4
    [1n, 2n, 0n], // 0.5 → 0
    [-1n, 2n, 0n], // -0.5 → 0
    [3n, 2n, 2n], // 1.5 → 2
    [9n, 2n, 4n], // 4.5 → 4
    [251n, 100n, 3n], // 2.51 → 3
    [249n, 100n, 2n], // 2.49 → 2
    [-251n, 100n, -3n],
    [-249n, 100n, -2n],
    [6n, 3n, 2n], // exact
    [-6n, 3n, -2n],
    [0n, 7n, 0n],
    [5n, -2n, -2n], // a negative denominator: 5 / -2 = -2.5 → -2
    [-7n, -2n, 4n], // -7 / -2 = 3.5 → 4
  ])('%i / %i → %i', (numerator, denominator, expected) => {
    expect(roundHalfEven(numerator, denominator)).toBe(expected);
  });

  it('refuses a zero denominator', () => {
    expect(() => roundHalfEven(1n, 0n)).toThrow(/division by zero/);
  });

  it('is exact far beyond a float (no Number anywhere)', () => {
    const big = 10n ** 30n;
    expect(roundHalfEven(big * 2n + 1n, 2n)).toBe(big); // x.5 with x even
    expect(roundHalfEven(big * 2n + 3n, 2n)).toBe(big + 2n); // (x+1).5 with x+1 odd
    expect(roundHalfEven(big + 1n, 1n)).toBe(big + 1n);
  });

  it('matches an independent rational implementation', () => {
    const denominator = fc.oneof(
      fc.bigInt({ min: 1n, max: 1000n }),
      fc.bigInt({ min: -1000n, max: -1n }),
      fc.bigInt({ min: 1n, max: 10n ** 20n }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), denominator, (n, d) => {
        expect(roundHalfEven(n, d)).toBe(referenceHalfEven(n, d));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches the reference on exact ties, where the two rules could differ', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (k, half) => {
          // (2k + 1) · half / (2 · half) = k + 0.5 exactly
          const n = (2n * k + 1n) * half;
          const d = 2n * half;
          const rounded = roundHalfEven(n, d);
          expect(rounded).toBe(referenceHalfEven(n, d));
          expect(rounded % 2n).toBe(0n);
          expect(rounded === k || rounded === k + 1n).toBe(true);
        },
      ),
    );
  });

  it('is odd-symmetric: round(-x) = -round(x)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (n, d) => {
          expect(roundHalfEven(-n, d)).toBe(-roundHalfEven(n, d));
        },
      ),
    );
  });
});

describe('decimals', () => {
  it.each(['0', '12', '12.5', '-3', '-0.05', '0.125', '007.10'])('%s is a decimal', (text) => {
    expect(isDecimal(text)).toBe(true);
  });

  it.each(['', '-', '.5', '5.', '1e3', '+1', '1,5', ' 1', '1 ', '1.2.3', 'NaN', '--1', '0x10'])(
    '%j is not a decimal',
    (text) => {
      expect(isDecimal(text)).toBe(false);
      expect(() => parseDecimal(text)).toThrow(/not a decimal/);
    },
  );

  it('counts the digits after the point', () => {
    expect(decimalPlaces('12')).toBe(0);
    expect(decimalPlaces('12.5')).toBe(1);
    expect(decimalPlaces('-0.125')).toBe(3);
    expect(decimalPlaces('1.50')).toBe(2);
    expect(decimalPlaces('abc')).toBe(0);
  });

  it.each([
    ['12.5', 125n, 1],
    ['-3', -3n, 0],
    ['-0.05', -5n, 2],
    ['0.125', 125n, 3],
    ['1.50', 150n, 2],
    ['0', 0n, 0],
  ])('parses %s exactly', (text, numerator, scale) => {
    expect(parseDecimal(text)).toEqual({ numerator, scale });
  });
});

describe('currencies', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['TWD', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['CLF', 4],
  ])('%s has %i minor digits', (currency, digits) => {
    expect(minorUnitsOf(currency)).toBe(digits);
  });

  it('knows the shape of a currency code', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('US')).toBe(false);
    expect(isCurrencyCode('USDX')).toBe(false);
  });
});

describe('toMinor', () => {
  it.each([
    ['12.50', 'USD', 1250n],
    ['12.5', 'USD', 1250n],
    ['12', 'USD', 1200n],
    ['0.01', 'USD', 1n],
    ['-3.07', 'USD', -307n],
    ['1200', 'JPY', 1200n],
    ['1.5', 'KWD', 1500n],
    ['1.234', 'KWD', 1234n],
    ['0.001', 'KWD', 1n],
  ])('%s %s = %i minor units', (text, currency, minor) => {
    expect(toMinor(text, currency)).toBe(minor);
  });

  it('refuses more decimals than the currency has', () => {
    expect(() => toMinor('1.5', 'JPY')).toThrow(/more than 0 decimals for JPY/);
    expect(() => toMinor('0.125', 'USD')).toThrow(/more than 2 decimals/);
    expect(() => toMinor('1.2345', 'KWD')).toThrow(/more than 3 decimals/);
  });

  it('refuses what is not a decimal', () => {
    expect(() => toMinor('12,50', 'EUR')).toThrow(/not a decimal/);
  });
});

describe('formatMinor', () => {
  it.each([
    [1250n, 'USD', '12.50'],
    [-307n, 'USD', '-3.07'],
    [-5n, 'USD', '-0.05'],
    [5n, 'USD', '0.05'],
    [-50n, 'USD', '-0.50'],
    [0n, 'USD', '0.00'],
    [1n, 'USD', '0.01'],
    [100n, 'USD', '1.00'],
    [1200n, 'JPY', '1200'],
    [-1200n, 'JPY', '-1200'],
    [0n, 'JPY', '0'],
    [1n, 'KWD', '0.001'],
    [-1n, 'KWD', '-0.001'],
    [1500n, 'KWD', '1.500'],
    [123456789012345678901234567890n, 'USD', '1234567890123456789012345678.90'],
  ])('%i %s is %s', (amount, currency, text) => {
    expect(formatMinor(amount, currency)).toBe(text);
  });

  it('round-trips with toMinor in every kind of currency', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.constantFrom('USD', 'JPY', 'KWD', 'CLF'),
        (amount, currency) => {
          const text = formatMinor(amount, currency);
          expect(decimalPlaces(text)).toBe(minorUnitsOf(currency));
          expect(toMinor(text, currency)).toBe(amount);
        },
      ),
    );
  });
});

describe('canonicalDecimal', () => {
  it('spells each decimal one way', () => {
    expect(canonicalDecimal('020.50')).toBe('20.5');
    expect(canonicalDecimal('3.000')).toBe('3');
    expect(canonicalDecimal('0')).toBe('0');
    expect(canonicalDecimal('000')).toBe('0');
    expect(canonicalDecimal('0.0100')).toBe('0.01');
    expect(canonicalDecimal('12.5')).toBe('12.5');
  });
});
