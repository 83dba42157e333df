import type { ActorType, DomainEvent } from '../domain/event.js';
import type { Db, EventsTable } from './tables.js';

/** Appends events; events are never updated or deleted. */
export async function appendEvents(db: Db, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('events')
    .values(
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
    )
    .execute();
}

export async function listEventsOf(
  db: Db,
  partnerId: string,
  filter: { customerId?: string },
): Promise<DomainEvent[]> {
  let select = db.selectFrom('events').selectAll().where('partner_id', '=', partnerId);
  if (filter.customerId !== undefined) select = select.where('customer_id', '=', filter.customerId);
  const rows = await select.orderBy('id').execute();
  return rows.map(toEvent);
}

function toEvent(row: EventsTable): DomainEvent {
  return {
    id: row.id,
    partnerId: row.partner_id,
    type: row.type,
    occurredAt: new Date(row.occurred_at),
    actor: { type: row.actor_type as ActorType, id: row.actor_id, name: row.actor_name },
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    orderId: row.order_id,
    reason: row.reason,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}
