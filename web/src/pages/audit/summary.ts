import { useTranslation } from 'react-i18next';
import { useOfferNames } from '../../lib/catalogText';
import { useFormat } from '../../lib/format';
import type { AuditEvent } from './filters';

type Data = AuditEvent['data'];

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const whole = (value: unknown) => (typeof value === 'number' ? value : undefined);

/**
 * A short line in words of what an event's data says, for the types whose data we know; the
 * rest (and anything the data lacks) is left out rather than shown raw. The CSV has it all.
 */
export function useEventSummary(): (event: AuditEvent) => string {
  const { t } = useTranslation();
  const format = useFormat();
  const offerName = useOfferNames();

  const word = (prefix: string, value: unknown) =>
    text(value) && t(`${prefix}.${String(value)}`, { defaultValue: String(value) });
  const date = (key: string, value: unknown) =>
    text(value) && t(key, { date: format.date(String(value)) });
  const counted = (key: string, quantity: number | undefined, extra = {}) =>
    quantity === undefined
      ? undefined
      : t(key, { count: quantity, quantity: format.number(quantity), ...extra });
  const role = (value: unknown) =>
    text(value) && t('audit.summary.role', { role: word('users.roles', value) });
  const flag = (value: unknown, on: string, off: string) =>
    typeof value === 'boolean' ? t(value ? on : off) : undefined;
  // A status change as the event's type implies it: suspend only acts on an active one, etc.
  const status = (to: string, from?: string) =>
    from === undefined
      ? t('forms.changes.statusTo', { to: t(`statuses.${to}`) })
      : t('forms.changes.status', { from: t(`statuses.${from}`), to: t(`statuses.${to}`) });
  const onOff = (value: boolean) => t(value ? 'forms.changes.on' : 'forms.changes.off');

  const known: Record<string, (data: Data) => (string | undefined)[]> = {
    'partner.created': (d) => [text(d.name)],
    'api_token.created': (d) => [text(d.name), role(d.role)],
    'user.created': (d) => [text(d.email), role(d.role)],
    'user.updated': (d) => [
      text(d.displayName) && t('audit.summary.name', { name: d.displayName }),
      role(d.role),
      flag(d.disabled, 'audit.summary.disabled', 'audit.summary.enabled'),
    ],
    'user.locked_out': (d) => [
      text(d.lockedUntil) &&
        t('audit.summary.lockedUntil', { time: format.dateTime(String(d.lockedUntil)) }),
    ],
    'customer.created': (d) => [
      text(d.domain),
      text(d.country) && format.region(String(d.country)),
      word('segments', d.segment),
    ],
    'customer_user.created': (d) => [text(d.email)],
    'customer_user.deleted': (d) => [text(d.email)],
    'order.created': (d) => [
      counted(
        'audit.summary.lineItems',
        Array.isArray(d.lineItems) ? d.lineItems.length : undefined,
      ),
      word('billingCycles', d.billingCycle),
    ],
    'subscription.created': (d) => [
      text(d.offerId) && offerName(String(d.offerId)),
      counted('audit.summary.licenses', whole(d.quantity)),
      word('billingCycles', d.billingCycle),
    ],
    'subscription.quantity_changed': (d) => {
      const from = whole(d.from);
      return [
        from === undefined
          ? undefined
          : counted('audit.summary.quantity', whole(d.to), { from: format.number(from) }),
      ];
    },
    'subscription.updated': (d) => [
      text(d.friendlyName) && t('audit.summary.name', { name: d.friendlyName }),
      typeof d.autoRenewEnabled === 'boolean'
        ? t('forms.changes.autoRenew', {
            from: onOff(!d.autoRenewEnabled),
            to: onOff(d.autoRenewEnabled),
          })
        : undefined,
    ],
    'subscription.suspended': (d) => [
      status('suspended', 'active'),
      date('audit.summary.expiresAt', d.expiresAt),
    ],
    'subscription.reactivated': () => [status('active', 'suspended')],
    'subscription.cancelled': () => [status('deleted')],
    'subscription.converted': (d) => [
      text(d.targetOfferId) &&
        t('forms.changes.convertedTo', { offer: offerName(String(d.targetOfferId)) }),
    ],
    'subscription.renewed': (d) => [
      text(d.effectiveStartDate) &&
        text(d.commitmentEndDate) &&
        t('audit.summary.term', {
          start: format.date(String(d.effectiveStartDate)),
          end: format.date(String(d.commitmentEndDate)),
        }),
    ],
    'subscription.expired': (d) => [
      status('expired'),
      date('audit.summary.ended', d.commitmentEndDate),
    ],
    'subscription.expiring_soon': (d) => [date('audit.summary.endsAt', d.endsAt)],
  };

  return (event) =>
    (known[event.type]?.(event.data) ?? []).filter((part) => part !== undefined).join(' · ');
}
