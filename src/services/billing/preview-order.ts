import { utcDateOf } from '../../domain/calendar.js';
import { notFound, type ErrorDetail } from '../../domain/errors.js';
import { formatMinor } from '../../domain/money/amount.js';
import { ledgerEntry } from '../../domain/money/ledger.js';
import { planOrderLines, type OrderRequest } from '../../domain/order-plan.js';
import { authorize } from '../../domain/permissions.js';
import { findCustomer } from '../../store/customers.js';
import { subscriptionsForOrder } from '../../store/subscriptions.js';
import type { CallerContext } from '../context.js';
import { newId } from '../ids.js';
import { quoterFor } from './pricing.js';

export interface PreviewLine {
  lineItemNumber: number;
  offerId: string;
  available: boolean;
  reasons: ErrorDetail[];
  quantity: number;
  unitPrice: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  amount: string | null;
}

export interface OrderPreview {
  currency: string;
  lineItems: PreviewLine[];
  /** The first charges of the lines that can be bought. */
  total: string;
}

/**
 * What placing the order now would do, line by line, without doing it: whether each line can be
 * bought and why not, its unit price and the first period's charge (the portal's order summary).
 * The order itself decides again when placed, under the customer's lock.
 */
export async function previewOrder(
  ctx: CallerContext,
  customerId: string,
  request: OrderRequest,
): Promise<OrderPreview> {
  authorize(ctx.role, 'orders.create');
  const customer = await findCustomer(ctx.db, ctx.partner.id, customerId);
  if (!customer) throw notFound('Customer', customerId);
  const offerIds = new Set<string>();
  for (const line of request.lineItems) {
    offerIds.add(line.offerId);
    for (const baseId of ctx.catalog.offer(line.offerId)?.baseOfferIds ?? []) offerIds.add(baseId);
  }
  const parentIds = request.lineItems.flatMap((l) => l.parentSubscriptionId ?? []);
  const subscriptions = await subscriptionsForOrder(
    ctx.db,
    ctx.partner.id,
    customerId,
    [...offerIds],
    parentIds,
  );
  const book = await ctx.priceBooks.bookOf(ctx.db, ctx.partner);
  const now = ctx.clock.now();
  const currency = ctx.catalog.currencyOf(customer.country) ?? '';
  const { lines } = planOrderLines(request, {
    partnerId: ctx.partner.id,
    instance: ctx.partner.instance,
    customer,
    currency,
    offer: (id) => ctx.catalog.offer(id),
    quote: quoterFor(ctx.catalog, book, customer),
    subscriptions,
    now,
    newId,
  });
  let total = 0n;
  const lineItems = lines.map((line): PreviewLine => {
    const sub = line.subscription;
    const charges = sub
      ? ledgerEntry(null, sub, { today: utcDateOf(now), cancelled: false, chargedUnitDays: 0n })
          .charges
      : [];
    const amount = charges.reduce((sum, c) => sum + c.amount, 0n);
    if (sub) total += amount;
    return {
      lineItemNumber: line.lineItemNumber,
      offerId: line.offerId,
      available: line.problems.length === 0,
      reasons: line.problems,
      quantity: line.quantity,
      unitPrice: sub ? sub.unitPrice : null,
      periodStart: charges[0]?.periodStart ?? null,
      periodEnd: charges[0]?.periodEnd ?? null,
      amount: sub ? formatMinor(amount, currency) : null,
    };
  });
  return { currency, lineItems, total: formatMinor(total, currency) };
}
