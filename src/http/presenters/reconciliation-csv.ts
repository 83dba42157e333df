import { formatMinor } from '../../domain/money/amount.js';
import type { ReconciliationRow } from '../../services/billing/reconciliation.js';
import { csvLine } from './csv.js';

const COLUMNS = [
  'chargeId',
  'date',
  'type',
  'invoiceNumber',
  'invoiceStatus',
  'customerId',
  'customerName',
  'subscriptionId',
  'subscriptionName',
  'offerId',
  'offerName',
  'quantity',
  'days',
  'periodDays',
  'periodStart',
  'periodEnd',
  'currency',
  'unitCost',
  'unitPrice',
  'cost',
  'amount',
  'margin',
] as const;

/** The reconciliation file: a header, then one row per charge. */
export async function* reconciliationCsv(
  rows: AsyncIterable<ReconciliationRow>,
): AsyncGenerator<string> {
  yield csvLine([...COLUMNS]);
  for await (const row of rows) {
    const c = row.charge;
    const money = (minor: bigint) => ({ number: formatMinor(minor, c.currency) });
    yield csvLine([
      c.id,
      c.date,
      c.type,
      row.invoiceNumber,
      row.invoiceStatus,
      c.customerId,
      row.customerName,
      c.subscriptionId,
      row.subscriptionName,
      row.offerId,
      row.offerName,
      c.quantity,
      c.days,
      c.periodDays,
      c.periodStart,
      c.periodEnd,
      c.currency,
      money(c.unitCost),
      money(c.unitPrice),
      money(c.cost),
      money(c.amount),
      money(c.amount - c.cost),
    ]);
  }
}
