export const ACTOR_TYPES = ['user', 'token', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Who caused a change: a signed-in user, an API token, or the system (jobs, bootstrap). */
export interface Actor {
  type: ActorType;
  id: string;
  name: string;
}

export const systemActor: Actor = { type: 'system', id: 'system', name: 'System' };

/** One entry of the append-only history: the audit log and the subscription history. */
export interface DomainEvent {
  id: string;
  partnerId: string;
  type: string;
  occurredAt: Date;
  actor: Actor;
  customerId: string | null;
  subscriptionId: string | null;
  orderId: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}
