import type { Subscription } from '../domain/subscription.js';
import type { Page } from '../store/page.js';
import {
  addOnsOf,
  listSubscriptions as querySubscriptions,
  type SubscriptionListQuery,
} from '../store/subscriptions.js';
import type { CallerContext } from './context.js';
import { getCustomer } from './get-customer.js';
import { getSubscription } from './get-subscription.js';
import { invalidCursor } from './invalid-cursor.js';
import { authorize } from '../domain/permissions.js';

export async function listSubscriptions(
  ctx: CallerContext,
  customerId: string,
  query: SubscriptionListQuery,
): Promise<Page<Subscription>> {
  authorize(ctx.role, 'subscriptions.read');
  await getCustomer(ctx, customerId);
  const page = await querySubscriptions(ctx.db, ctx.partner.id, customerId, query);
  if (!page) throw invalidCursor();
  return page;
}

export async function listAddOns(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
): Promise<Subscription[]> {
  const base = await getSubscription(ctx, customerId, subscriptionId);
  return addOnsOf(ctx.db, ctx.partner.id, base.id);
}
