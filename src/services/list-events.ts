import type { DomainEvent } from '../domain/event.js';
import { authorize } from '../domain/permissions.js';
import { listEvents as queryEvents, type EventQuery } from '../store/events.js';
import type { Page } from '../store/page.js';
import type { CallerContext } from './context.js';
import { getSubscription } from './get-subscription.js';
import { invalidCursor } from './invalid-cursor.js';

/** The partner's audit log, filtered and paged, oldest first: for those who may audit. */
export function listEvents(ctx: CallerContext, query: EventQuery): Promise<Page<DomainEvent>> {
  authorize(ctx.role, 'audit.read');
  return eventPage(ctx, query);
}

/** One subscription's history: part of the subscription, so whoever may read it may read this. */
export async function listSubscriptionEvents(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<DomainEvent>> {
  await getSubscription(ctx, customerId, subscriptionId);
  return eventPage(ctx, { ...query, customerId, subscriptionId });
}

async function eventPage(ctx: CallerContext, query: EventQuery): Promise<Page<DomainEvent>> {
  const page = await queryEvents(ctx.db, ctx.partner.id, query);
  if (!page) throw invalidCursor();
  return page;
}
