import { formatMinor } from '../../domain/money/amount.js';
import type { Invoice } from '../../domain/money/charge.js';
import { csvLine } from './csv.js';

const COLUMNS = [
  'id',
  'number',
  'status',
  'customerId',
  'customerName',
  'periodStart',
  'periodEnd',
  'currency',
  'total',
  'cost',
  'margin',
  'issuedAt',
] as const;

/** Invoices as CSV: a header, then one row per invoice, amounts as exact decimals. */
export async function* invoicesCsv(invoices: AsyncIterable<Invoice>): AsyncGenerator<string> {
  yield csvLine([...COLUMNS]);
  for await (const i of invoices) {
    const money = (minor: bigint) => ({ number: formatMinor(minor, i.currency) });
    yield csvLine([
      i.id,
      i.number,
      i.status,
      i.customerId,
      i.customerName,
      i.periodStart,
      i.periodEnd,
      i.currency,
      money(i.total),
      money(i.cost),
      money(i.total - i.cost),
      i.issuedAt?.toISOString() ?? null,
    ]);
  }
}
