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
import { withActions, type SubscriptionView } from './subscription-views.js';
import { authorize } from '../domain/permissions.js';

export type { SubscriptionListQuery };

/** A page of the customer's subscriptions as views, with the customer read once for all. */
export async function listSubscriptions(
  ctx: CallerContext,
  customerId: string,
  query: SubscriptionListQuery,
): Promise<Page<SubscriptionView>> {
  authorize(ctx.role, 'subscriptions.read');
  const customer = await getCustomer(ctx, customerId);
  const page = await querySubscriptions(ctx.db, ctx.partner.id, customerId, query);
  if (!page) throw invalidCursor();
  const items = await withActions(
    ctx,
    page.items.map((item) => item.subscription),
    {
      customers: [customer],
      assignedLicenses: new Map(page.items.map((i) => [i.subscription.id, i.assignedLicenses])),
    },
  );
  return { items, nextCursor: page.nextCursor };
}

export async function listAddOns(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
): Promise<Subscription[]> {
  const base = await getSubscription(ctx, customerId, subscriptionId);
  return addOnsOf(ctx.db, ctx.partner.id, base.id);
}
