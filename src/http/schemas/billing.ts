import { Type } from 'typebox';
import { SEGMENTS } from '../../domain/customer.js';
import { CHARGE_TYPES } from '../../domain/money/ledger.js';
import { INVOICE_STATUSES } from '../../domain/money/charge.js';
import { MAX_PRICE_RULES } from '../../domain/money/price-book-rules.js';
import { CalendarDate, Instant, Nullable, Uuid } from './common.js';
import { BillingCycleSchema, TermDurationSchema, literals } from './offer.js';

/** Money as the API shows it: an exact decimal string in the currency beside it (ISO 4217). */
export const Amount = Type.String({
  pattern: '^-?\\d+(\\.\\d+)?$',
  description: 'An exact decimal string in the currency given beside it; credits are negative.',
});
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code.' });
const Percent = Type.String({
  maxLength: 20,
  description: 'A percentage as a decimal string, e.g. "20" or "12.5".',
});

export const PriceRuleSchema = Type.Object(
  {
    offerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    segment: Type.Optional(literals(SEGMENTS)),
    customerId: Type.Optional(Uuid),
    markupPercent: Type.Optional(Percent),
    unitPrice: Type.Optional(
      Type.String({
        maxLength: 30,
        description: 'A fixed unit price per billing period, in `currency`.',
      }),
    ),
    currency: Type.Optional(Currency),
    billingCycle: Type.Optional(BillingCycleSchema),
  },
  {
    additionalProperties: false,
    description:
      'Names an offer, a segment, a customer, or a customer and an offer, and sets markupPercent or a fixed unitPrice (with its currency, and optionally the billing cycle it prices).',
  },
);

export const PriceBookRequestSchema = Type.Object(
  {
    defaultMarkupPercent: Percent,
    rules: Type.Array(PriceRuleSchema, { maxItems: MAX_PRICE_RULES }),
  },
  { additionalProperties: false },
);

export const PriceBookSchema = Type.Object(
  {
    defaultMarkupPercent: Percent,
    rules: Type.Array(PriceRuleSchema),
    etag: Type.String(),
    updatedAt: Nullable(Instant),
  },
  { $id: 'PriceBook' },
);

export const ChargeSchema = Type.Object(
  {
    id: Uuid,
    customerId: Uuid,
    subscriptionId: Uuid,
    invoiceId: Uuid,
    type: literals(CHARGE_TYPES),
    date: CalendarDate,
    periodStart: CalendarDate,
    periodEnd: CalendarDate,
    quantity: Type.Integer({ description: 'Units charged; negative when credited.' }),
    days: Type.Integer({ description: 'Days of the period charged, from date to periodEnd.' }),
    periodDays: Type.Integer({ description: 'Days of the whole period.' }),
    unitPrice: Amount,
    unitCost: Amount,
    amount: Amount,
    cost: Amount,
    currency: Currency,
    eventId: Uuid,
    createdAt: Instant,
  },
  { $id: 'Charge' },
);

const invoiceFields = {
  id: Uuid,
  number: Nullable(Type.String({ description: 'PSC-<year>-<6 digits>; null while a draft.' })),
  customerId: Uuid,
  customerName: Type.String(),
  status: literals(INVOICE_STATUSES),
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
  currency: Currency,
  total: Amount,
  cost: Amount,
  margin: Amount,
  issuedAt: Nullable(Instant),
};

export const InvoiceSummarySchema = Type.Object(invoiceFields, { $id: 'InvoiceSummary' });

export const InvoiceSchema = Type.Object(
  { ...invoiceFields, charges: Type.Array(Type.Ref('Charge')) },
  { $id: 'Invoice' },
);

export const InvoiceSummaryPageSchema = Type.Object(
  {
    items: Type.Array(Type.Ref('InvoiceSummary')),
    nextCursor: Nullable(
      Type.String({ description: 'Pass as ?cursor= for the next page; null on the last page.' }),
    ),
  },
  { $id: 'InvoiceSummaryPage' },
);

export const PreviewLineSchema = Type.Object({
  lineItemNumber: Type.Integer(),
  offerId: Type.String(),
  available: Type.Boolean(),
  reasons: Type.Array(Type.Ref('ErrorItem')),
  quantity: Type.Integer(),
  unitPrice: Nullable(Amount),
  periodStart: Nullable(CalendarDate),
  periodEnd: Nullable(CalendarDate),
  amount: Nullable({ ...Amount, description: 'The first period’s charge.' }),
});

export const OrderPreviewSchema = Type.Object(
  {
    currency: Type.String(),
    lineItems: Type.Array(PreviewLineSchema),
    total: Amount,
  },
  { $id: 'OrderPreview' },
);

export const OfferPriceSchema = Type.Object(
  {
    currency: Currency,
    billingCycle: BillingCycleSchema,
    termDuration: TermDurationSchema,
    unitPrice: Amount,
  },
  { description: "The customer's unit price (price book applied) for the listed billing cycle." },
);

export const BillingOverviewSchema = Type.Object(
  {
    asOf: { ...CalendarDate, description: 'Today by the partner’s clock (a sandbox’s own).' },
    recurring: Type.Array(
      Type.Object({
        currency: Currency,
        revenue: Amount,
        cost: Amount,
        margin: Amount,
      }),
      {
        description:
          'Monthly recurring revenue and cost of the active subscriptions per currency: an annual subscription counts a twelfth of its year; rounded half-even once per figure. Margin = revenue − cost.',
      },
    ),
    periods: Type.Array(
      Type.Object({
        periodStart: CalendarDate,
        periodEnd: CalendarDate,
        currency: Currency,
        invoiced: Amount,
        cost: Amount,
        margin: Amount,
      }),
      {
        description:
          'The last 12 billing periods up to the one under way, oldest first, one row per currency the partner bills in (0 when nothing): what the invoices add up to, drafts included as they stand.',
      },
    ),
  },
  { $id: 'BillingOverview' },
);
