import { minorUnitsOf } from './currencies.js';

/**
 * Amounts are integers of the currency's minor unit (cents), as bigint: exact at any size, and no
 * float anywhere. Rates (a markup, a share of a period) are fractions of bigints, rounded half-even
 * to the minor unit once, where an amount is made.
 */
export type Minor = bigint;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Whether `text` is a plain decimal number ("12.5", "-3", "0.125"). */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/** Digits after the decimal point of a decimal string. */
export function decimalPlaces(text: string): number {
  return DECIMAL.exec(text)?.[3]?.length ?? 0;
}

/**
 * A decimal string as an exact fraction `numerator / 10^scale`. Throws on anything that is not a
 * plain decimal: callers validate input first, so this is a programming error.
 */
export function parseDecimal(text: string): { numerator: bigint; scale: number } {
  const match = DECIMAL.exec(text);
  if (!match) throw new Error(`not a decimal: ${JSON.stringify(text)}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  return { numerator: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length };
}

/**
 * A decimal string in `currency` as minor units. Throws when it has more digits than the currency
 * has (a catalog or request validated at the edge never does).
 */
export function toMinor(text: string, currency: string): Minor {
  const { numerator, scale } = parseDecimal(text);
  const digits = minorUnitsOf(currency);
  if (scale > digits) throw new Error(`${text} has more than ${digits} decimals for ${currency}`);
  return numerator * 10n ** BigInt(digits - scale);
}

/** One spelling of a non-negative decimal: "020.50" → "20.5", "3.000" → "3". */
export function canonicalDecimal(text: string): string {
  const [whole = '0', fraction = ''] = text.split('.');
  const digits = whole.replace(/^0+(?=\d)/, '');
  const rest = fraction.replace(/0+$/, '');
  return rest === '' ? digits : `${digits}.${rest}`;
}

/** Minor units as the decimal string the API shows ("12.50", "-3.07", "1200" for JPY). */
export function formatMinor(amount: Minor, currency: string): string {
  const digits = minorUnitsOf(currency);
  const sign = amount < 0n ? '-' : '';
  const magnitude = (amount < 0n ? -amount : amount).toString().padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${magnitude}`;
  return `${sign}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
}

/** `numerator / denominator` rounded to the nearest integer, ties to the even one (banker's). */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error('division by zero');
  if (denominator < 0n) return roundHalfEven(-numerator, -denominator);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const doubled = 2n * (remainder < 0n ? -remainder : remainder);
  if (doubled < denominator) return quotient;
  const away = remainder < 0n ? quotient - 1n : quotient + 1n;
  if (doubled > denominator) return away;
  return quotient % 2n === 0n ? quotient : away;
}
