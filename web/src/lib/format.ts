import { useTranslation } from 'react-i18next';

/** Dates, numbers and money in the reader's language. Calendar dates and instants are UTC. */
export function formatters(locale: string) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const number = new Intl.NumberFormat(locale);
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const currencies = new Intl.DisplayNames([locale], { type: 'currency' });
  return {
    /** A calendar date (YYYY-MM-DD) or an instant, as its UTC date. */
    date: (value: string | Date) =>
      date.format(
        typeof value === 'string' && value.length === 10
          ? new Date(`${value}T00:00:00Z`)
          : new Date(value),
      ),
    dateTime: (value: string) => `${dateTime.format(new Date(value))} UTC`,
    number: (value: number) => number.format(value),
    /** A country by its ISO 3166-1 code, in the reader's language. */
    region: (code: string) => regions.of(code) ?? code,
    /** A currency by its ISO 4217 code, in the reader's language. */
    currency: (code: string) => currencies.of(code) ?? code,
    /** A decimal string as money: Intl reads the string exactly (no float), 0 decimals for JPY. */
    money: (amount: string, currency: string) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
        amount as Intl.StringNumericLiteral,
      ),
  };
}

export function useFormat() {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
