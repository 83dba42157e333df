import { formatMinor } from '../../domain/money/amount.js';
import type { Invoice } from '../../domain/money/charge.js';

/** An invoice's summary as the API shows it (without its lines); also invoice.issued's data. */
export function presentInvoiceData(i: Invoice) {
  return {
    id: i.id,
    number: i.number,
    customerId: i.customerId,
    customerName: i.customerName,
    status: i.status,
    periodStart: i.periodStart,
    periodEnd: i.periodEnd,
    currency: i.currency,
    total: formatMinor(i.total, i.currency),
    cost: formatMinor(i.cost, i.currency),
    margin: formatMinor(i.total - i.cost, i.currency),
    issuedAt: i.issuedAt?.toISOString() ?? null,
  };
}
