import { useTranslation } from 'react-i18next';

/**
 * An instant to the second, in UTC, in the reader's language: attempts a few seconds apart must
 * not read alike (the portal's other times stop at the minute).
 */
export function useAttemptTime(): (instant: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  });
  return (instant) => `${format.format(new Date(instant))} UTC`;
}
