import { useTranslation } from 'react-i18next';
import type { Subscription } from '../../api/client';
import { useFormat } from '../../lib/format';

/** What a change did to a subscription, in words (`licenses 10 → 12 · auto-renew on → off`). */
export function useChangeWords(): (before: Subscription, after: Subscription) => string {
  const { t } = useTranslation();
  const format = useFormat();
  const onOff = (value: boolean) => t(value ? 'forms.changes.on' : 'forms.changes.off');
  return (before, after) =>
    [
      before.quantity !== after.quantity &&
        t('forms.changes.quantity', {
          from: format.number(before.quantity),
          to: format.number(after.quantity),
        }),
      before.autoRenewEnabled !== after.autoRenewEnabled &&
        t('forms.changes.autoRenew', {
          from: onOff(before.autoRenewEnabled),
          to: onOff(after.autoRenewEnabled),
        }),
      before.friendlyName !== after.friendlyName &&
        t('forms.changes.name', { name: after.friendlyName }),
      before.status !== after.status &&
        t('forms.changes.status', {
          from: t(`statuses.${before.status}`),
          to: t(`statuses.${after.status}`),
        }),
    ]
      .filter((part) => part !== false)
      .join(' · ');
}
