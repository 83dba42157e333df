import type { Static } from 'typebox';
import type { PriceBook } from '../../domain/money/price-book.js';
import { presentChargeData } from '../../services/billing/charge-data.js';
import { presentInvoiceData } from '../../services/billing/invoice-data.js';
import type { InvoiceWithCharges } from '../../services/billing/list-billing.js';
import type { InvoiceSchema, PriceBookSchema } from '../schemas/billing.js';

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
