import { utcDateOf } from '../../domain/calendar.js';
import { invoiceNumber } from '../../domain/money/invoice-periods.js';
import { appendEvents } from '../../store/events.js';
import { dueInvoiceIds, issueInvoice } from '../../store/invoices.js';
import { inTransaction } from '../../store/transaction.js';
import type { AppContext } from '../context.js';
import { systemEvent } from '../events.js';
import { presentInvoiceData } from './invoice-data.js';

/**
 * Issues every draft whose billing period ended before `now` (its partner's time), each in its
 * own transaction with its invoice.issued event: numbered, totals frozen, immutable from then on.
 * Safe with N workers: a draft another worker is issuing is skipped, an issued one is left alone.
 */
export async function issueDueInvoices(
  ctx: AppContext,
  scope: { partnerId?: string },
  now: Date,
  batchSize: number,
): Promise<number> {
  const today = utcDateOf(now);
  let issued = 0;
  let afterId: string | undefined;
  for (;;) {
    const ids = await dueInvoiceIds(ctx.db, scope, today, {
      limit: batchSize,
      ...(afterId === undefined ? {} : { afterId }),
    });
    for (const id of ids) {
      const done = await inTransaction(ctx.db, async (trx) => {
        const year = now.getUTCFullYear();
        const invoice = await issueInvoice(trx, id, {
          issuedAt: now,
          year,
          number: (sequence) => invoiceNumber(year, sequence),
        });
        if (!invoice) return false;
        await appendEvents(trx, [
          systemEvent(invoice.partnerId, now, {
            type: 'invoice.issued',
            customerId: invoice.customerId,
            data: presentInvoiceData(invoice),
          }),
        ]);
        return true;
      });
      if (done) issued += 1;
    }
    if (ids.length < batchSize) return issued;
    afterId = ids.at(-1);
  }
}
