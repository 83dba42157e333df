import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { INVOICE_STATUSES } from '../../../domain/money/charge.js';
import {
  allInvoices,
  EXPORT_PAGE,
  getInvoice,
  getUpcomingInvoice,
  listCustomerCharges,
  listInvoices,
} from '../../../services/billing/list-billing.js';
import { getBillingOverview } from '../../../services/billing/billing-overview.js';
import { getPriceBook, putPriceBook } from '../../../services/billing/price-book.js';
import { reconciliation } from '../../../services/billing/reconciliation.js';
import { ifMatchVersion } from '../../if-match.js';
import { caller } from '../../plugins/auth.js';
import { idempotent, needs } from '../../plugins/idempotency.js';
import {
  presentBillingOverview,
  presentCharge,
  presentInvoice,
  presentInvoiceSummary,
  presentPriceBook,
} from '../../presenters/billing.js';
import { invoicesCsv } from '../../presenters/invoices-csv.js';
import { reconciliationCsv } from '../../presenters/reconciliation-csv.js';
import { wantsCsv } from '../../wants-csv.js';
import { PriceBookRequestSchema } from '../../schemas/billing.js';
import { literals } from '../../schemas/offer.js';
import { CalendarDate, Page, PageQuery, Uuid } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';

const CustomerParams = Type.Object({ customerId: Uuid });

export function billingRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/price-book',
    {
      schema: {
        tags: ['billing'],
        operationId: 'getPriceBook',
        summary: "The partner's price book: default markup and rules",
        response: { 200: Type.Ref('PriceBook'), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const book = presentPriceBook(await getPriceBook(caller(request)));
      return reply.header('etag', book.etag).send(book);
    },
  );

  app.put(
    '/price-book',
    {
      schema: {
        tags: ['billing'],
        operationId: 'updatePriceBook',
        summary: 'Replace the price book',
        description:
          'The most specific rule wins: customer + offer, customer, offer, segment, then the default markup. Prices apply to new orders and to terms that renew; a running term keeps its price. Send `If-Match` with the ETag you read to refuse (412) overwriting a newer version.',
        body: PriceBookRequestSchema,
        response: {
          200: Type.Ref('PriceBook'),
          ...problems(400, 401, 403, 409, 412, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const expectedVersion = ifMatchVersion(request, 'price book');
      const answer = await idempotent(request, reply, {
        authorize: needs('price_book.write'),
        async run(ctx) {
          const book = await putPriceBook(ctx, request.body, expectedVersion);
          return { status: 200, body: presentPriceBook(book) };
        },
      });
      return reply
        .code(answer.status)
        .header('etag', (answer.body as { etag: string }).etag)
        .send(answer.body);
    },
  );

  app.get(
    '/customers/:customerId/charges',
    {
      schema: {
        tags: ['billing'],
        operationId: 'listCustomerCharges',
        summary: "The customer's ledger: every amount charged or credited, oldest first",
        params: CustomerParams,
        querystring: Type.Object({
          subscriptionId: Type.Optional(Uuid),
          from: Type.Optional({ ...CalendarDate, description: 'Charges dated on or after.' }),
          to: Type.Optional({ ...CalendarDate, description: 'Charges dated on or before.' }),
          ...PageQuery,
        }),
        response: { 200: Page(Type.Ref('Charge'), 'ChargePage'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { limit = 50, ...filters } = request.query;
      const page = await listCustomerCharges(caller(request), request.params.customerId, {
        ...filters,
        limit,
      });
      return { items: page.items.map(presentCharge), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/customers/:customerId/invoices',
    {
      schema: {
        tags: ['billing'],
        operationId: 'listCustomerInvoices',
        summary: "The customer's invoices, oldest first",
        params: CustomerParams,
        querystring: Type.Object({
          status: Type.Optional(literals(INVOICE_STATUSES)),
          ...PageQuery,
        }),
        response: { 200: Type.Ref('InvoiceSummaryPage'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { limit = 50, ...filters } = request.query;
      const page = await listInvoices(caller(request), {
        ...filters,
        customerId: request.params.customerId,
        limit,
      });
      return { items: page.items.map(presentInvoiceSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/customers/:customerId/invoices/upcoming',
    {
      schema: {
        tags: ['billing'],
        operationId: 'getUpcomingInvoice',
        summary: 'The upcoming invoice: the draft of the billing period under way',
        params: CustomerParams,
        response: { 200: Type.Ref('Invoice'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentInvoice(await getUpcomingInvoice(caller(request), request.params.customerId)),
  );

  app.get(
    '/customers/:customerId/invoices/:invoiceId',
    {
      schema: {
        tags: ['billing'],
        operationId: 'getCustomerInvoice',
        summary: 'One invoice with its charges',
        params: Type.Object({ customerId: Uuid, invoiceId: Uuid }),
        response: { 200: Type.Ref('Invoice'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentInvoice(
        await getInvoice(caller(request), request.params.customerId, request.params.invoiceId),
      ),
  );

  app.get(
    '/invoices',
    {
      schema: {
        tags: ['billing'],
        operationId: 'listInvoices',
        summary: "The partner's invoices across customers, oldest first",
        description:
          'With `Accept: text/csv` the answer is every matching invoice (no paging) as CSV, for export.',
        querystring: Type.Object({
          periodStart: Type.Optional({
            ...CalendarDate,
            description: 'The first day of a billing period (the partner’s billing day).',
          }),
          status: Type.Optional(literals(INVOICE_STATUSES)),
          ...PageQuery,
        }),
        response: {
          200: Type.Ref('InvoiceSummaryPage'),
          ...problems(400, 401, 403, 422),
        },
      },
    },
    async (request, reply) => {
      const { limit = 50, cursor, ...filters } = request.query;
      const ctx = caller(request);
      if (wantsCsv(request.headers.accept)) {
        const first = await listInvoices(ctx, { ...filters, limit: EXPORT_PAGE });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="invoices.csv"')
          .send(Readable.from(invoicesCsv(allInvoices(ctx, filters, first))));
      }
      const page = await listInvoices(ctx, {
        ...filters,
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      return { items: page.items.map(presentInvoiceSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/billing/overview',
    {
      schema: {
        operationId: 'getBillingOverview',
        tags: ['billing'],
        summary: 'Monthly recurring revenue and margin, and the last 12 billing periods invoiced',
        description:
          'By the partner’s clock (a sandbox’s own). `recurring`: the active subscriptions’ monthly revenue, cost and margin per currency (an annual subscription counts a twelfth of its year). `periods`: the last 12 billing periods up to the current one, oldest first, per currency, with what their invoices add up to (drafts included, as they stand; 0 when there are none).',
        response: { 200: Type.Ref('BillingOverview'), ...problems(401, 403) },
      },
    },
    async (request) => presentBillingOverview(await getBillingOverview(caller(request))),
  );

  app.get(
    '/billing/reconciliation',
    {
      schema: {
        tags: ['billing'],
        operationId: 'getReconciliation',
        summary: 'Every charge of a billing period with cost, price and margin, as CSV',
        description:
          "One row per charge of the period's invoices; the columns amount, cost and margin sum to the period's invoice totals.",
        querystring: Type.Object({
          periodStart: {
            ...CalendarDate,
            description: 'The first day of a billing period (the partner’s billing day).',
          },
        }),
        produces: ['text/csv'],
        response: {
          200: Type.String({ description: 'text/csv (RFC 4180, CRLF).' }),
          ...problems(400, 401, 403, 422),
        },
      },
    },
    async (request, reply) => {
      const { periodStart } = request.query;
      const rows = reconciliation(caller(request), periodStart);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="reconciliation-${periodStart}.csv"`)
        .send(Readable.from(reconciliationCsv(rows)));
    },
  );
}
