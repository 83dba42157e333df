import type { Schemas } from '../api/client.js';
import { NONE, day, money, text, yesNo } from './format.js';
import { printJson, type RemoteIo } from './session.js';
import { formatFields, type Column } from './table.js';

export type Subscription = Schemas['Subscription'];

/** The columns of a subscription in a list; `customer` adds its name (the list across customers). */
export function subscriptionColumns<T extends Subscription>(
  customerName?: (row: T) => string,
): Column<T>[] {
  return [
    { header: 'ID', value: (s) => s.id },
    ...(customerName ? [{ header: 'CUSTOMER', value: customerName }] : []),
    { header: 'NAME', value: (s) => s.friendlyName },
    { header: 'OFFER', value: (s) => s.offerName },
    { header: 'QTY', value: (s) => String(s.quantity), align: 'right' },
    { header: 'STATUS', value: (s) => s.status },
    { header: 'BILLING', value: (s) => s.billingCycle },
    { header: 'TERM END', value: (s) => day(s.commitmentEndDate) },
    { header: 'AUTO-RENEW', value: (s) => yesNo(s.autoRenewEnabled) },
    { header: 'UNIT PRICE', value: (s) => money(s.unitPrice, s.currency), align: 'right' },
  ];
}

export function printSubscription(io: RemoteIo, s: Subscription, json: boolean): void {
  if (json) return printJson(io, s);
  io.out.stdout(
    formatFields([
      ['ID', s.id],
      ['Customer', s.customerId],
      ['Name', s.friendlyName],
      ['Offer', `${s.offerName} (${s.offerId})`],
      [
        'Status',
        s.status + (s.suspensionReasons.length ? ` (${s.suspensionReasons.join(', ')})` : ''),
      ],
      ['Quantity', `${s.quantity} ${s.unitType} (${s.assignedLicenses} assigned)`],
      ['Unit price', money(s.unitPrice, s.currency)],
      ['Billing', `${s.billingCycle}, term ${s.termDuration}`],
      ['Term', `${day(s.effectiveStartDate)} to ${day(s.commitmentEndDate)}`],
      ['Auto-renew', yesNo(s.autoRenewEnabled)],
      ['Trial ends', s.isTrial ? day(s.trialEndDate) : NONE],
      ['Next charge', day(s.nextChargeDate)],
      ['Data deleted on', day(s.expiresAt)],
      ['Parent', text(s.parentSubscriptionId)],
      ['Actions', s.actions.length ? s.actions.join(', ') : NONE],
      ['ETag', s.etag],
    ]),
  );
}
