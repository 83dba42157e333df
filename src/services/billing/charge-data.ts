import { formatMinor } from '../../domain/money/amount.js';
import type { Charge } from '../../domain/money/charge.js';

/**
 * A charge as the API shows it (amounts as decimal strings in its currency); also the data of its
 * charge.created event, so the audit log and webhooks say the same as GET …/charges.
 */
export function presentChargeData(c: Charge) {
  const money = (minor: bigint) => formatMinor(minor, c.currency);
  return {
    id: c.id,
    customerId: c.customerId,
    subscriptionId: c.subscriptionId,
    invoiceId: c.invoiceId,
    type: c.type,
    date: c.date,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    quantity: c.quantity,
    days: c.days,
    periodDays: c.periodDays,
    unitPrice: money(c.unitPrice),
    unitCost: money(c.unitCost),
    amount: money(c.amount),
    cost: money(c.cost),
    currency: c.currency,
    eventId: c.eventId,
    createdAt: c.createdAt.toISOString(),
  };
}
