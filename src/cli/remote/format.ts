/** How values read in psc's tables: money with its currency, days, and a dash for nothing. */
export const NONE = '—';

export function money(
  amount: string | null | undefined,
  currency: string | null | undefined,
): string {
  if (amount === null || amount === undefined) return NONE;
  return currency ? `${amount} ${currency}` : amount;
}

/** The calendar day of an instant or a date (YYYY-MM-DD). */
export function day(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : NONE;
}

export function text(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return NONE;
  return String(value);
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
