import type { DomainEvent } from '../domain/event.js';
import { authorize } from '../domain/permissions.js';
import { listEvents as queryEvents, type EventQuery } from '../store/events.js';
import type { Page } from '../store/page.js';
import type { Db } from '../store/tables.js';
import { customerNamesByIds } from '../store/customers.js';
import { subscriptionsByIds } from '../store/subscriptions.js';
import type { CallerContext } from './context.js';
import { getSubscription } from './get-subscription.js';
import { invalidCursor } from './invalid-cursor.js';

// The audit filter, for the route that parses it: http sees store types only through services.
export type { EventQuery };

/** An event with the names of what it is about, as they are now, for people to read. */
export interface NamedEvent {
  event: DomainEvent;
  customerName: string | null;
  subscriptionName: string | null;
}

export type NamedEventPage = Page<NamedEvent>;

/** The partner's audit log, filtered and paged, oldest or newest first: for those who may audit. */
export function listEvents(ctx: CallerContext, query: EventQuery): Promise<Page<DomainEvent>> {
  authorize(ctx.role, 'audit.read');
  return eventPage(ctx, query);
}

/** The audit log as people read it: each event with the names of what it is about. */
export async function listNamedEvents(
  ctx: CallerContext,
  query: EventQuery,
): Promise<NamedEventPage> {
  return withNames(ctx, await listEvents(ctx, query));
}

/** A page of events with their customers' and subscriptions' names. */
async function withNames(ctx: CallerContext, page: Page<DomainEvent>): Promise<NamedEventPage> {
  return {
    items: await nameEvents(ctx.db, ctx.partner.id, page.items),
    nextCursor: page.nextCursor,
  };
}

/** The partner's events with the names of what they are about: two queries for any number. */
export async function nameEvents(
  db: Db,
  partnerId: string,
  events: readonly DomainEvent[],
): Promise<NamedEvent[]> {
  const ids = (pick: (event: DomainEvent) => string | null) => [
    ...new Set(events.flatMap((event) => pick(event) ?? [])),
  ];
  const customers = await customerNamesByIds(
    db,
    partnerId,
    ids((event) => event.customerId),
  );
  const subscriptions = new Map(
    (
      await subscriptionsByIds(
        db,
        partnerId,
        ids((event) => event.subscriptionId),
      )
    ).map((s) => [s.id, s.friendlyName || s.offerName]),
  );
  return events.map((event) => ({
    event,
    customerName: (event.customerId && customers.get(event.customerId)) ?? null,
    subscriptionName: (event.subscriptionId && subscriptions.get(event.subscriptionId)) ?? null,
  }));
}

/** One subscription's history: part of the subscription, so whoever may read it may read this. */
export async function listSubscriptionEvents(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
  query: { limit: number; cursor?: string; newestFirst?: boolean },
): Promise<NamedEventPage> {
  await getSubscription(ctx, customerId, subscriptionId);
  return withNames(ctx, await eventPage(ctx, { ...query, customerId, subscriptionId }));
}

async function eventPage(ctx: CallerContext, query: EventQuery): Promise<Page<DomainEvent>> {
  const page = await queryEvents(ctx.db, ctx.partner.id, query);
  if (!page) throw invalidCursor();
  return page;
}
