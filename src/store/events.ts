import type { ActorType, DomainEvent, EventType } from '../domain/event.js';
import type { Page } from './page.js';
import { insertRows } from './insert-rows.js';
import { keysetPage } from './keyset-page.js';
import type { Db, EventsTable } from './tables.js';
import { enqueueDeliveries } from './webhook-deliveries.js';

/**
 * Appends events, and their webhook deliveries in the same transaction (the events table is the
 * outbox); events are never updated or deleted.
 */
export async function appendEvents(db: Db, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await insertRows(
    db,
    'events',
    events.map((e) => ({
      id: e.id,
      partner_id: e.partnerId,
      type: e.type,
      occurred_at: e.occurredAt.toISOString(),
      actor_type: e.actor.type,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      customer_id: e.customerId,
      subscription_id: e.subscriptionId,
      order_id: e.orderId,
      reason: e.reason,
      data: JSON.stringify(e.data),
    })),
  );
  await enqueueDeliveries(db, events);
}

export interface EventQuery {
  customerId?: string;
  subscriptionId?: string;
  type?: string;
  actorType?: ActorType;
  actorId?: string;
  /** Inclusive lower bound of occurredAt. */
  from?: Date;
  /** Exclusive upper bound of occurredAt. */
  to?: Date;
  /** Newest first instead of oldest first. */
  newestFirst?: boolean;
  limit: number;
  cursor?: string;
}

/**
 * The partner's events, oldest first (newest first when asked). Null when the cursor is not one
 * this list gave.
 */
export async function listEvents(
  db: Db,
  partnerId: string,
  query: EventQuery,
): Promise<Page<DomainEvent> | null> {
  let select = db.selectFrom('events').selectAll().where('partner_id', '=', partnerId);
  if (query.customerId !== undefined) select = select.where('customer_id', '=', query.customerId);
  if (query.subscriptionId !== undefined) {
    select = select.where('subscription_id', '=', query.subscriptionId);
  }
  if (query.type !== undefined) select = select.where('type', '=', query.type);
  if (query.actorType !== undefined) select = select.where('actor_type', '=', query.actorType);
  if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
  if (query.from !== undefined)
    select = select.where('occurred_at', '>=', query.from.toISOString());
  if (query.to !== undefined) select = select.where('occurred_at', '<', query.to.toISOString());
  const key = { column: 'id', holds: 'uuid', descending: query.newestFirst === true } as const;
  const page = await keysetPage(select, key, query);
  return page && { items: page.rows.map(toEvent), nextCursor: page.nextCursor };
}

/** Events by id, of any partner: the webhook dispatcher's, for what it claimed. */
export async function eventsByIds(db: Db, ids: readonly string[]): Promise<DomainEvent[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('events').selectAll().where('id', 'in', ids).execute();
  return rows.map(toEvent);
}

/** Every event of the partner matching the filter, for tests and small exports. */
export async function listEventsOf(
  db: Db,
  partnerId: string,
  filter: { customerId?: string; subscriptionId?: string },
): Promise<DomainEvent[]> {
  const page = await listEvents(db, partnerId, { ...filter, limit: 1_000_000 });
  return page?.items ?? [];
}

function toEvent(row: EventsTable): DomainEvent {
  return {
    id: row.id,
    partnerId: row.partner_id,
    // Only appendEvents writes this table, from the registry; the column stays text so that a
    // new type needs no migration.
    type: row.type as EventType,
    occurredAt: new Date(row.occurred_at),
    actor: { type: row.actor_type as ActorType, id: row.actor_id, name: row.actor_name },
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    orderId: row.order_id,
    reason: row.reason,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}
