import type { EventType } from '../event.js';
import type { Subscription } from '../subscription.js';

/** An event a change writes, before the service stamps it with an id, the actor and the time. */
export interface ChangeEvent {
  type: EventType;
  subscriptionId: string;
  customerId: string;
  orderId?: string;
  reason?: string;
  data: Record<string, unknown>;
}

/**
 * What one verb does to one subscription: the subscription as it was and as it will be, the events
 * that say so, and the add-ons that move with their base (each a change of its own). A verb
 * decides; only the service's applyChanges writes.
 */
export interface Change {
  before: Subscription;
  next: Subscription;
  events: ChangeEvent[];
  followers: Change[];
  /** A change the customer sees makes a new version (ETag); bookkeeping (a warning sent) does not. */
  visible: boolean;
}

/** The change that changes nothing: asking for what the subscription already is. */
export function noChange(sub: Subscription): Change {
  return { before: sub, next: sub, events: [], followers: [], visible: false };
}

export function changeOf(
  before: Subscription,
  next: Subscription,
  event: Omit<ChangeEvent, 'subscriptionId' | 'customerId'> | null,
  followers: Change[] = [],
): Change {
  return {
    before,
    next,
    events: event ? [{ ...event, subscriptionId: next.id, customerId: next.customerId }] : [],
    followers,
    visible: true,
  };
}
