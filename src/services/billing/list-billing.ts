import { utcDateOf } from '../../domain/calendar.js';
import { DomainError, notFound } from '../../domain/errors.js';
import type { Charge, Invoice, InvoiceStatus } from '../../domain/money/charge.js';
import { invoicePeriodAt, isInvoicePeriodStart } from '../../domain/money/invoice-periods.js';
import { authorize } from '../../domain/permissions.js';
import { chargesOfInvoices, listCharges as queryCharges } from '../../store/charges.js';
import {
  findInvoice,
  listInvoices as queryInvoices,
  type InvoiceQuery,
} from '../../store/invoices.js';
import type { Page } from '../../store/page.js';
import type { CallerContext } from '../context.js';
import { getCustomer } from '../get-customer.js';
import { invalidCursor } from '../invalid-cursor.js';

/** The ledger of one customer, oldest first; optionally one subscription's or one date range's. */
export async function listCustomerCharges(
  ctx: CallerContext,
  customerId: string,
  query: { subscriptionId?: string; from?: string; to?: string; limit: number; cursor?: string },
): Promise<Page<Charge>> {
  authorize(ctx.role, 'billing.read');
  await getCustomer(ctx, customerId);
  const page = await queryCharges(ctx.db, ctx.partner.id, { ...query, customerId });
  if (!page) throw invalidCursor();
  return page;
}

/** The partner's invoices (or one customer's), oldest first. */
export async function listInvoices(
  ctx: CallerContext,
  query: Omit<InvoiceQuery, 'status'> & { status?: InvoiceStatus },
): Promise<Page<Invoice>> {
  authorize(ctx.role, 'billing.read');
  if (query.customerId !== undefined) await getCustomer(ctx, query.customerId);
  if (query.periodStart !== undefined) assertPeriodStart(ctx, query.periodStart);
  const page = await queryInvoices(ctx.db, ctx.partner.id, query);
  if (!page) throw invalidCursor();
  return page;
}

/** Every invoice the query matches, a page at a time, so an export of any size streams. */
export async function* allInvoices(
  ctx: CallerContext,
  query: Omit<InvoiceQuery, 'limit' | 'cursor'>,
  first: Page<Invoice>,
): AsyncGenerator<Invoice> {
  let page = first;
  for (;;) {
    yield* page.items;
    if (page.nextCursor === null) return;
    page = await listInvoices(ctx, { ...query, limit: EXPORT_PAGE, cursor: page.nextCursor });
  }
}

export const EXPORT_PAGE = 1000;

export interface InvoiceWithCharges {
  invoice: Invoice;
  charges: Charge[];
}

/** One invoice of the customer with its lines. */
export async function getInvoice(
  ctx: CallerContext,
  customerId: string,
  invoiceId: string,
): Promise<InvoiceWithCharges> {
  authorize(ctx.role, 'billing.read');
  const invoice = await findInvoice(ctx.db, ctx.partner.id, { id: invoiceId });
  if (!invoice || invoice.customerId !== customerId) throw notFound('Invoice', invoiceId);
  return { invoice, charges: await chargesOfInvoices(ctx.db, [invoice.id]) };
}

/**
 * The upcoming invoice: the draft of the billing period the partner is in now, charges so far.
 * Not found while the period has no charge (a period without charges has no invoice).
 */
export async function getUpcomingInvoice(
  ctx: CallerContext,
  customerId: string,
): Promise<InvoiceWithCharges> {
  authorize(ctx.role, 'billing.read');
  await getCustomer(ctx, customerId);
  const period = invoicePeriodAt(ctx.partner.billingDay, utcDateOf(ctx.clock.now()));
  const invoice = await findInvoice(ctx.db, ctx.partner.id, {
    customerId,
    periodStart: period.start,
  });
  if (!invoice) {
    throw new DomainError(
      'not_found',
      `Customer ${customerId} has no charges in the billing period from ${period.start} to ${period.end} yet.`,
    );
  }
  return { invoice, charges: await chargesOfInvoices(ctx.db, [invoice.id]) };
}

/** Refuses a date that does not start one of the partner's billing periods. */
export function assertPeriodStart(ctx: CallerContext, periodStart: string): void {
  const { billingDay } = ctx.partner;
  if (isInvoicePeriodStart(billingDay, periodStart)) return;
  const detail = `Billing periods start on day ${billingDay} of a month; ${periodStart} does not.`;
  throw new DomainError('not_a_billing_day', detail, [
    { field: 'periodStart', code: 'not_a_billing_day', detail },
  ]);
}
