import type { DomainEvent } from '../domain/event.js';
import type { EventQuery } from '../store/events.js';
import { listEvents as queryEvents } from '../store/events.js';
import type { Page } from '../store/page.js';
import type { CallerContext } from './context.js';
import { getSubscription } from './get-subscription.js';
import { invalidCursor } from './list-customers.js';

/** The partner's audit log, filtered and paged, oldest first. */
export async function listEvents(
  ctx: CallerContext,
  query: EventQuery,
): Promise<Page<DomainEvent>> {
  const page = await queryEvents(ctx.db, ctx.partner.id, query);
  if (!page) throw invalidCursor();
  return page;
}

/** One subscription's history. */
export async function listSubscriptionEvents(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<DomainEvent>> {
  await getSubscription(ctx, customerId, subscriptionId);
  return listEvents(ctx, { ...query, customerId, subscriptionId });
}
