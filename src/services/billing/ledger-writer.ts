import { utcDateOf, addDays } from '../../domain/calendar.js';
import type { DomainEvent } from '../../domain/event.js';
import type { Charge } from '../../domain/money/charge.js';
import { invoicePeriodAt, type InvoicePeriod } from '../../domain/money/invoice-periods.js';
import {
  ledgerEntry,
  periodToProrate,
  type ChargeLine,
  type LedgerEntry,
} from '../../domain/money/ledger.js';
import type { Subscription } from '../../domain/subscription.js';
import type { ChangeEvent } from '../../domain/verbs/change.js';
import { chargedUnitDays, insertCharges } from '../../store/charges.js';
import { openInvoice } from '../../store/invoices.js';
import type { Db } from '../../store/tables.js';
import { activity } from '../activity-observer.js';
import { newId } from '../ids.js';
import { presentChargeData } from './charge-data.js';

/** One subscription as a change leaves it, for the ledger; `before` null for a new one. */
export interface LedgerChange {
  before: Subscription | null;
  next: Subscription;
  cancelled: boolean;
}

/**
 * What each change costs (domain/money/ledger.ts), with the units × days the ledger already holds
 * for a period being prorated. Read before anything is written; the next charge dates go into the
 * subscriptions' rows, the charges into recordCharges.
 */
export async function decideLedger(
  trx: Db,
  changes: readonly LedgerChange[],
  now: Date,
): Promise<Map<string, LedgerEntry>> {
  const today = utcDateOf(now);
  const entries = new Map<string, LedgerEntry>();
  for (const { before, next, cancelled } of changes) {
    const prorates =
      before !== null && (cancelled || before.quantity !== next.quantity)
        ? periodToProrate(before, today)
        : undefined;
    const charged = prorates ? await chargedUnitDays(trx, next.id, prorates.start) : 0n;
    entries.set(next.id, ledgerEntry(before, next, { today, cancelled, chargedUnitDays: charged }));
  }
  return entries;
}

/**
 * Writes the charges into their customers' invoices of the partner billing period of each
 * charge's date (a draft is made by its first charge) with a charge.created event each, in the
 * caller's transaction. A charge whose invoice was issued meanwhile (a change that crossed the end
 * of a period while the scheduler closed it) goes into the next open one.
 */
export async function recordCharges(
  trx: Db,
  lines: readonly ChargeLine[],
  context: {
    partnerId: string;
    billingDay: number;
    now: Date;
    stamp: (event: ChangeEvent) => DomainEvent;
  },
): Promise<{ charges: Charge[]; events: DomainEvent[] }> {
  const invoices = new Map<string, string>();
  const invoiceFor = async (line: ChargeLine) => {
    let period: InvoicePeriod = invoicePeriodAt(context.billingDay, line.date);
    for (;;) {
      const key = `${line.customerId} ${period.start}`;
      const known = invoices.get(key);
      if (known) return known;
      const invoice = await openInvoice(trx, {
        id: newId(),
        partnerId: context.partnerId,
        customerId: line.customerId,
        period,
        currency: line.currency,
        now: context.now,
      });
      if (invoice.status === 'draft') {
        invoices.set(key, invoice.id);
        return invoice.id;
      }
      period = invoicePeriodAt(context.billingDay, addDays(period.end, 1));
    }
  };
  const charges: Charge[] = [];
  const events: DomainEvent[] = [];
  for (const line of lines) {
    const id = newId();
    const event = context.stamp({
      type: 'charge.created',
      subscriptionId: line.subscriptionId,
      customerId: line.customerId,
      reason: line.type,
      data: {},
    });
    const charge: Charge = {
      ...line,
      id,
      partnerId: context.partnerId,
      invoiceId: await invoiceFor(line),
      eventId: event.id,
      createdAt: context.now,
    };
    charges.push(charge);
    events.push({ ...event, data: presentChargeData(charge) });
  }
  await insertCharges(trx, charges);
  activity().chargesWritten(charges.length);
  return { charges, events };
}
