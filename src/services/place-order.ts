import { notFound } from '../domain/errors.js';
import type { Order } from '../domain/order.js';
import { planOrder, type OrderRequest } from '../domain/order-plan.js';
import type { Subscription } from '../domain/subscription.js';
import { lockCustomer } from '../store/customers.js';
import { appendEvents } from '../store/events.js';
import { insertOrder, insertOrderLineItems } from '../store/orders.js';
import { insertSubscriptions, subscriptionsForOrder } from '../store/subscriptions.js';
import { inTransaction } from '../store/transaction.js';
import { activity } from './activity-observer.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';
import { newId } from './ids.js';
import { authorize } from '../domain/permissions.js';
import { formatMinor } from '../domain/money/amount.js';
import type { LedgerEntry } from '../domain/money/ledger.js';
import { decideLedger, recordCharges } from './billing/ledger-writer.js';
import { quoterFor } from './billing/pricing.js';
import { callerChanges } from './subscriptions/apply-changes.js';

export interface PlacedOrder {
  order: Order;
  subscriptions: Subscription[];
}

/**
 * Places an order: all line items become subscriptions, or none do. The customer row is locked
 * first, so two orders for a one-per-customer offer cannot both see it as available.
 */
export function placeOrder(
  ctx: CallerContext,
  customerId: string,
  request: OrderRequest,
): Promise<PlacedOrder> {
  authorize(ctx.role, 'orders.create');
  return inTransaction(ctx.db, async (trx) => {
    const customer = await lockCustomer(trx, ctx.partner.id, customerId);
    if (!customer) throw notFound('Customer', customerId);
    const offerIds = new Set<string>();
    for (const line of request.lineItems) {
      offerIds.add(line.offerId);
      for (const baseId of ctx.catalog.offer(line.offerId)?.baseOfferIds ?? [])
        offerIds.add(baseId);
    }
    const parentIds = request.lineItems.flatMap((l) => l.parentSubscriptionId ?? []);
    const subscriptions = await subscriptionsForOrder(
      trx,
      ctx.partner.id,
      customerId,
      [...offerIds],
      parentIds,
    );
    const now = ctx.clock.now();
    const book = await ctx.priceBooks.bookOf(trx, ctx.partner);
    const planned = planOrder(request, {
      partnerId: ctx.partner.id,
      instance: ctx.partner.instance,
      customer,
      currency: ctx.catalog.currencyOf(customer.country),
      offer: (id) => ctx.catalog.offer(id),
      quote: quoterFor(ctx.catalog, book, customer),
      subscriptions,
      now,
      newId,
    });
    const ledger = await decideLedger(
      trx,
      planned.subscriptions.map((next) => ({ before: null, next, cancelled: false })),
      now,
    );
    const placed = withFirstCharges(planned, ledger);
    await insertOrder(trx, placed.order);
    await insertSubscriptions(trx, customer, placed.subscriptions);
    await insertOrderLineItems(trx, placed.order);
    const changes = callerChanges(ctx, now);
    const events = [
      callerEvent(ctx, now, {
        type: 'order.created',
        customerId,
        orderId: placed.order.id,
        data: {
          billingCycle: placed.order.billingCycle,
          lineItems: placed.order.lineItems.map((l) => ({
            lineItemNumber: l.lineItemNumber,
            offerId: l.offerId,
            quantity: l.quantity,
            subscriptionId: l.subscriptionId,
          })),
        },
      }),
      ...placed.subscriptions.map((s) =>
        callerEvent(ctx, now, {
          type: 'subscription.created',
          customerId,
          subscriptionId: s.id,
          orderId: placed.order.id,
          data: {
            offerId: s.offerId,
            quantity: s.quantity,
            billingCycle: s.billingCycle,
            termDuration: s.termDuration,
            unitPrice: s.unitPrice,
            unitCost: s.unitCost,
            currency: s.currency,
            parentSubscriptionId: s.parentSubscriptionId,
          },
        }),
      ),
    ];
    const { events: chargeEvents } = await recordCharges(
      trx,
      [...ledger.values()].flatMap((entry) => entry.charges),
      changes,
    );
    await appendEvents(trx, [...events, ...chargeEvents]);
    return placed;
  }).then((placed) => {
    activity().ordersPlaced(1);
    return placed;
  });
}

/** The order as placed: each subscription with its next charge date, each line with its amount. */
function withFirstCharges(planned: PlacedOrder, ledger: Map<string, LedgerEntry>): PlacedOrder {
  const subscriptions = planned.subscriptions.map((s) => ({
    ...s,
    nextChargeDate: ledger.get(s.id)?.nextChargeDate ?? null,
  }));
  const amountOf = (subscriptionId: string, currency: string) =>
    formatMinor(
      (ledger.get(subscriptionId)?.charges ?? []).reduce((sum, c) => sum + c.amount, 0n),
      currency,
    );
  const order = {
    ...planned.order,
    lineItems: planned.order.lineItems.map((line) => ({
      ...line,
      amount: amountOf(line.subscriptionId, planned.order.currency),
    })),
  };
  return { order, subscriptions };
}
