export const ACTOR_TYPES = ['user', 'token', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Who caused a change: a signed-in user, an API token, or the system (jobs, bootstrap). */
export interface Actor {
  type: ActorType;
  id: string;
  name: string;
}

export const systemActor: Actor = { type: 'system', id: 'system', name: 'System' };

/** The one registry of event types: every change writes one or more of these. */
export const EVENT_TYPES = [
  'partner.created',
  'api_token.created',
  'api_token.revoked',
  'user.created',
  'user.updated',
  'user.password_changed',
  'user.password_reset',
  'user.signed_in',
  'user.locked_out',
  'customer.created',
  'customer.updated',
  'customer_user.created',
  'customer_user.updated',
  'customer_user.deleted',
  'order.created',
  'subscription.created',
  'subscription.updated',
  'subscription.quantity_changed',
  'subscription.suspended',
  'subscription.reactivated',
  'subscription.cancelled',
  'subscription.converted',
  'subscription.license_assigned',
  'subscription.license_unassigned',
  'price_book.updated',
  'charge.created',
  'webhook.endpoint_created',
  'webhook.endpoint_updated',
  'webhook.endpoint_deleted',
  'webhook.secret_rotated',
  'webhook.test',
  // Written by the scheduler (actor `system`).
  'subscription.renewed',
  'subscription.expired',
  'subscription.expiring_soon',
  'subscription.deprovisioned',
  'subscription.price_changed',
  'invoice.issued',
  'webhook.endpoint_disabled',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** One entry of the append-only history: the audit log and the subscription history. */
export interface DomainEvent {
  id: string;
  partnerId: string;
  type: EventType;
  occurredAt: Date;
  actor: Actor;
  customerId: string | null;
  subscriptionId: string | null;
  orderId: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}
