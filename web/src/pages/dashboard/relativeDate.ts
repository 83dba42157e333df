import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';

const DAY_MS = 86_400_000;

/** A date with how far it is from today ("in 12 days"), both in the reader's language. */
export function useRelativeDate(today: string) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const relative = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  return (value: string) => {
    const day = value.slice(0, 10);
    const days = Math.round(
      (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS,
    );
    return t('workspace.when.dated', {
      date: format.date(value),
      relative: relative.format(days, 'day'),
    });
  };
}
