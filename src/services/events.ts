import { systemActor, type Actor, type DomainEvent } from '../domain/event.js';
import type { CallerContext } from './context.js';
import { newId } from './ids.js';

type EventFacts = Pick<DomainEvent, 'type'> &
  Partial<Pick<DomainEvent, 'customerId' | 'subscriptionId' | 'orderId' | 'reason' | 'data'>>;

/** An event caused by the caller. */
export function callerEvent(ctx: CallerContext, at: Date, facts: EventFacts): DomainEvent {
  return event(ctx.partner.id, ctx.actor, at, facts);
}

/** An event caused by the system itself or by an operator at the command line. */
export function systemEvent(partnerId: string, at: Date, facts: EventFacts): DomainEvent {
  return event(partnerId, systemActor, at, facts);
}

function event(partnerId: string, actor: Actor, at: Date, facts: EventFacts): DomainEvent {
  return {
    id: newId(),
    partnerId,
    occurredAt: at,
    actor,
    customerId: facts.customerId ?? null,
    subscriptionId: facts.subscriptionId ?? null,
    orderId: facts.orderId ?? null,
    reason: facts.reason ?? null,
    data: facts.data ?? {},
    type: facts.type,
  };
}
