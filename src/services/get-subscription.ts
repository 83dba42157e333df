import { notFound } from '../domain/errors.js';
import type { Subscription } from '../domain/subscription.js';
import { findSubscription } from '../store/subscriptions.js';
import type { CallerContext } from './context.js';
import { authorize } from '../domain/permissions.js';

export async function getSubscription(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
): Promise<Subscription> {
  authorize(ctx.role, 'subscriptions.read');
  const subscription = await findSubscription(ctx.db, ctx.partner.id, customerId, subscriptionId);
  if (!subscription) throw notFound('Subscription', subscriptionId);
  return subscription;
}
