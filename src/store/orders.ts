import type { BillingCycle, TermDuration } from '../domain/offer.js';
import type { Order, OrderLineItem } from '../domain/order.js';
import { insertRows } from './insert-rows.js';
import { keysetPage } from './keyset-page.js';
import type { Page } from './page.js';
import type { Db, OrderLineItemsTable, OrdersTable } from './tables.js';

export async function insertOrder(db: Db, order: Order): Promise<void> {
  await insertRows(db, 'orders', [
    {
      id: order.id,
      partner_id: order.partnerId,
      customer_id: order.customerId,
      billing_cycle: order.billingCycle,
      status: order.status,
      created_at: order.creationDate.toISOString(),
      currency: order.currency,
    },
  ]);
}

/** After the order and its subscriptions, which the line items refer to. */
export async function insertOrderLineItems(db: Db, order: Order): Promise<void> {
  await insertRows(
    db,
    'order_line_items',
    order.lineItems.map((line) => ({
      order_id: order.id,
      line_item_number: line.lineItemNumber,
      partner_id: order.partnerId,
      offer_id: line.offerId,
      quantity: line.quantity,
      term_duration: line.termDuration,
      friendly_name: line.friendlyName,
      parent_subscription_id: line.parentSubscriptionId,
      subscription_id: line.subscriptionId,
      unit_price: line.unitPrice,
      amount: line.amount,
    })),
  );
}

export async function findOrder(
  db: Db,
  partnerId: string,
  customerId: string,
  orderId: string,
): Promise<Order | undefined> {
  const row = await db
    .selectFrom('orders')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('customer_id', '=', customerId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [order] = await withLineItems(db, [row]);
  return order;
}

/** A customer's orders, oldest first. Null when the cursor is not one this list gave. */
export async function listOrders(
  db: Db,
  partnerId: string,
  customerId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<Order> | null> {
  const select = db
    .selectFrom('orders')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('customer_id', '=', customerId);
  const page = await keysetPage(select, { column: 'id', holds: 'uuid' }, query);
  return page && { items: await withLineItems(db, page.rows), nextCursor: page.nextCursor };
}

async function withLineItems(db: Db, rows: readonly OrdersTable[]): Promise<Order[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('order_line_items')
    .selectAll()
    .where(
      'order_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('order_id')
    .orderBy('line_item_number')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    billingCycle: row.billing_cycle as BillingCycle,
    status: row.status as Order['status'],
    creationDate: new Date(row.created_at),
    currency: row.currency,
    lineItems: lines.filter((l) => l.order_id === row.id).map(toLineItem),
  }));
}

function toLineItem(row: OrderLineItemsTable): OrderLineItem {
  return {
    lineItemNumber: row.line_item_number,
    offerId: row.offer_id,
    quantity: row.quantity,
    termDuration: row.term_duration as TermDuration,
    friendlyName: row.friendly_name,
    parentSubscriptionId: row.parent_subscription_id,
    subscriptionId: row.subscription_id,
    unitPrice: row.unit_price,
    amount: row.amount,
  };
}
