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
    money: (amount: string, currency: string) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(amount)),
  };
}

export function useFormat() {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
