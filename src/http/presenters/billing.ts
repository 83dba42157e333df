import type { Static } from 'typebox';
import { formatMinor } from '../../domain/money/amount.js';
import type { PriceBook } from '../../domain/money/price-book.js';
import { presentChargeData } from '../../services/billing/charge-data.js';
import { presentInvoiceData } from '../../services/billing/invoice-data.js';
import type { BillingOverview } from '../../services/billing/billing-overview.js';
import type { InvoiceWithCharges } from '../../services/billing/list-billing.js';
import type { BillingOverviewSchema, InvoiceSchema, PriceBookSchema } from '../schemas/billing.js';

export { presentChargeData as presentCharge, presentInvoiceData as presentInvoiceSummary };

/** The price book's version as an entity tag, for If-Match on PUT. */
export function priceBookEtag(version: number): string {
  return `"${version}"`;
}

export function presentPriceBook(book: PriceBook): Static<typeof PriceBookSchema> {
  return {
    defaultMarkupPercent: book.defaultMarkupPercent,
    rules: book.rules,
    etag: priceBookEtag(book.version),
    updatedAt: book.updatedAt?.toISOString() ?? null,
  };
}

export function presentInvoice({
  invoice,
  charges,
}: InvoiceWithCharges): Static<typeof InvoiceSchema> {
  return { ...presentInvoiceData(invoice), charges: charges.map(presentChargeData) };
}

export function presentBillingOverview(
  overview: BillingOverview,
): Static<typeof BillingOverviewSchema> {
  return {
    asOf: overview.asOf,
    recurring: overview.recurring.map((r) => ({
      currency: r.currency,
      revenue: formatMinor(r.revenue, r.currency),
      cost: formatMinor(r.cost, r.currency),
      margin: formatMinor(r.margin, r.currency),
    })),
    periods: overview.periods.map((p) => ({
      periodStart: p.start,
      periodEnd: p.end,
      currency: p.currency,
      invoiced: formatMinor(p.invoiced, p.currency),
      cost: formatMinor(p.cost, p.currency),
      margin: formatMinor(p.margin, p.currency),
    })),
  };
}
