import { notFound } from '../domain/errors.js';
import type { Order } from '../domain/order.js';
import { findOrder, listOrders as queryOrders } from '../store/orders.js';
import type { Page } from '../store/page.js';
import type { CallerContext } from './context.js';
import { getCustomer } from './get-customer.js';
import { invalidCursor } from './invalid-cursor.js';
import { authorize } from '../domain/permissions.js';

export async function listOrders(
  ctx: CallerContext,
  customerId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<Order>> {
  authorize(ctx.role, 'orders.read');
  await getCustomer(ctx, customerId);
  const page = await queryOrders(ctx.db, ctx.partner.id, customerId, query);
  if (!page) throw invalidCursor();
  return page;
}

export async function getOrder(ctx: CallerContext, customerId: string, orderId: string) {
  authorize(ctx.role, 'orders.read');
  const order = await findOrder(ctx.db, ctx.partner.id, customerId, orderId);
  if (!order) throw notFound('Order', orderId);
  return order;
}
