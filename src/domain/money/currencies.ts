/**
 * ISO 4217 minor units: the digits after the decimal point an amount in the currency has. Most
 * currencies have two; these are the ones that do not (ISO 4217 list one, 2026).
 */
const MINOR_UNITS_OTHER_THAN_TWO: Readonly<Record<string, number>> = {
  BHD: 3,
  BIF: 0,
  CLF: 4,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  PYG: 0,
  RWF: 0,
  TND: 3,
  UGX: 0,
  UYI: 0,
  UYW: 4,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
};

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Whether `code` has the shape of an ISO 4217 alphabetic code. */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODE.test(code);
}

/** Digits after the decimal point in `currency` (USD 2, JPY 0, TWD 2, KWD 3). */
export function minorUnitsOf(currency: string): number {
  return MINOR_UNITS_OTHER_THAN_TWO[currency] ?? 2;
}
