/**
 * Exact arithmetic on the API's decimal strings ("5.76", "-12.5"): as BigInt units of the finest
 * decimal place involved, never as floats, which cannot hold 0.1 or sum cents without drift.
 */
interface Decimal {
  units: bigint;
  /** Decimal places: the value is units × 10^-scale. */
  scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function parse(text: string): Decimal {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  return { units: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length };
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function print(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = value.scale > 0 ? `.${digits.slice(-value.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** The exact sum of decimal strings; "0" for none. */
export function sum(values: readonly string[]): string {
  const parsed = values.map(parse);
  const scale = Math.max(0, ...parsed.map((value) => value.scale));
  const units = parsed.reduce((total, value) => total + rescale(value, scale), 0n);
  return print({ units, scale });
}

/** A decimal string times a whole number (a unit price times a quantity), exactly. */
export function times(value: string, factor: number): string {
  if (!Number.isInteger(factor)) throw new Error(`not a whole number: ${factor}`);
  const parsed = parse(value);
  return print({ units: parsed.units * BigInt(factor), scale: parsed.scale });
}
