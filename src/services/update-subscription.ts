import type { DomainEvent } from '../domain/event.js';
import { DomainError, notFound, validationFailed } from '../domain/errors.js';
import type { Customer } from '../domain/customer.js';
import type { Offer } from '../domain/offer.js';
import type { PartnerSuspensionReason, Subscription } from '../domain/subscription.js';
import {
  addOnsFollowingCancel,
  addOnsReturningWithBase,
  decideAddOnFollowsSuspend,
  decideCancel,
  decideDetailsUpdate,
  decideQuantityChange,
  decideReactivate,
  decideSuspend,
} from '../domain/subscription-lifecycle.js';
import { lockCustomer } from '../store/customers.js';
import { appendEvents } from '../store/events.js';
import { assignedCount } from '../store/license-assignments.js';
import {
  addOnsOf,
  findSubscription,
  updateSubscription as writeSubscription,
} from '../store/subscriptions.js';
import { inTransaction } from '../store/transaction.js';
import type { Db } from '../store/tables.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';
import { offerOf } from './offer-of.js';
import { authorize, authorizeSuspensionReason } from '../domain/permissions.js';

export interface SubscriptionChanges {
  quantity?: number;
  friendlyName?: string;
  autoRenewEnabled?: boolean;
  status?: 'active' | 'suspended' | 'deleted';
  suspensionReason?: PartnerSuspensionReason;
}

/**
 * Changes a subscription as the edit page does: quantity, name and auto-renewal, or its status
 * (suspend, reactivate, cancel), with add-ons following their base. `expectedVersion` (If-Match)
 * refuses the change when someone changed the subscription meanwhile.
 */
export function updateSubscription(
  ctx: CallerContext,
  customerId: string,
  subscriptionId: string,
  changes: SubscriptionChanges,
  expectedVersion?: number,
): Promise<Subscription> {
  assertCoherent(changes);
  authorizeChanges(ctx, changes);
  return inTransaction(ctx.db, async (trx) => {
    const customer = await lockCustomer(trx, ctx.partner.id, customerId);
    if (!customer) throw notFound('Customer', customerId);
    const original = await findSubscription(trx, ctx.partner.id, customerId, subscriptionId);
    if (!original) throw notFound('Subscription', subscriptionId);
    if (expectedVersion !== undefined && expectedVersion !== original.version) {
      throw new DomainError(
        'etag_mismatch',
        `Subscription ${subscriptionId} has changed since you read it (version ${original.version}); read it again.`,
      );
    }
    const offer = offerOf(ctx, original);
    const now = ctx.clock.now();
    const change = new ChangeSet(ctx, now, customerId);
    let sub = original;

    // Like a quantity or status the subscription already has, a name or auto-renewal it already
    // has is no change: it is answered, not judged.
    const detailChanges = {
      ...(changes.friendlyName === undefined || changes.friendlyName === sub.friendlyName
        ? {}
        : { friendlyName: changes.friendlyName }),
      ...(changes.autoRenewEnabled === undefined ||
      changes.autoRenewEnabled === sub.autoRenewEnabled
        ? {}
        : { autoRenewEnabled: changes.autoRenewEnabled }),
    };
    if (Object.keys(detailChanges).length > 0) {
      const details = decideDetailsUpdate(sub, offer, detailChanges);
      sub = { ...sub, ...details };
      change.event(sub, 'subscription.updated', { ...details });
    }
    if (changes.quantity !== undefined && changes.quantity !== sub.quantity) {
      const assigned = await assignedCount(trx, ctx.partner.id, sub.id);
      const { quantity } = decideQuantityChange(sub, offer, changes.quantity, now, assigned);
      change.event(sub, 'subscription.quantity_changed', { from: sub.quantity, to: quantity });
      sub = { ...sub, quantity };
    }
    if (changes.status !== undefined && changes.status !== sub.status) {
      sub = await changeStatus(trx, change, customer, sub, offer, changes);
    } else if (
      changes.suspensionReason !== undefined &&
      !sub.suspensionReasons.includes(changes.suspensionReason)
    ) {
      // Saying "suspended" again with another reason would silently keep the first one.
      throw new DomainError(
        'invalid_status_transition',
        `Subscription ${sub.id} is already suspended (${sub.suspensionReasons.join(', ')}); reactivate it first to suspend it for another reason.`,
      );
    }
    change.put(original, sub);
    await change.commit(trx);
    return change.latest(sub);
  });
}

const STATUS_PERMISSIONS = {
  suspended: 'subscriptions.suspend',
  active: 'subscriptions.reactivate',
  deleted: 'subscriptions.cancel',
} as const;

/** The permissions a PATCH needs, by the fields it sends. */
export function authorizeChanges(ctx: CallerContext, changes: SubscriptionChanges): void {
  if (changes.friendlyName !== undefined || changes.autoRenewEnabled !== undefined) {
    authorize(ctx.role, 'subscriptions.update_details');
  }
  if (changes.quantity !== undefined) authorize(ctx.role, 'subscriptions.change_quantity');
  if (changes.status !== undefined) authorize(ctx.role, STATUS_PERMISSIONS[changes.status]);
  authorizeSuspensionReason(ctx.role, changes.suspensionReason);
}

function assertCoherent(changes: SubscriptionChanges): void {
  if (changes.status !== undefined && changes.quantity !== undefined) {
    throw validationFailed([
      {
        field: '/quantity',
        code: 'status_with_quantity',
        detail: 'Change the status and the quantity in two requests.',
      },
    ]);
  }
  if (changes.suspensionReason !== undefined && changes.status !== 'suspended') {
    throw validationFailed([
      {
        field: '/suspensionReason',
        code: 'reason_without_suspension',
        detail: 'suspensionReason goes with status "suspended".',
      },
    ]);
  }
}

async function changeStatus(
  trx: Db,
  change: ChangeSet,
  customer: Customer,
  sub: Subscription,
  offer: Offer,
  changes: SubscriptionChanges,
): Promise<Subscription> {
  const { ctx, now } = change;
  const addOns =
    sub.parentSubscriptionId === null ? await addOnsOf(trx, ctx.partner.id, sub.id) : [];
  if (changes.status === 'suspended') {
    const suspension = decideSuspend(sub, offer, changes.suspensionReason, now, customer);
    const suspended: Subscription = { ...sub, status: 'suspended', ...suspension };
    change.event(
      suspended,
      'subscription.suspended',
      { expiresAt: suspension.expiresAt.toISOString() },
      changes.suspensionReason,
    );
    for (const addOn of addOns) {
      const follows = decideAddOnFollowsSuspend(addOn, suspension);
      if (!follows) continue;
      const next: Subscription = { ...addOn, status: 'suspended', ...follows };
      change.put(addOn, next);
      change.event(
        next,
        'subscription.suspended',
        { expiresAt: follows.expiresAt.toISOString() },
        'parent_suspended',
      );
    }
    return suspended;
  }
  if (changes.status === 'active') {
    const base =
      sub.parentSubscriptionId === null
        ? undefined
        : await findSubscription(trx, ctx.partner.id, sub.customerId, sub.parentSubscriptionId);
    const reactivated: Subscription = { ...sub, ...decideReactivate(sub, now, base) };
    change.event(reactivated, 'subscription.reactivated', {});
    for (const addOn of addOnsReturningWithBase(sub, addOns)) {
      const next: Subscription = { ...addOn, ...decideReactivate(addOn, now, reactivated) };
      change.put(addOn, next);
      change.event(next, 'subscription.reactivated', {}, 'parent_reactivated');
    }
    return reactivated;
  }
  const cancelled: Subscription = { ...sub, ...decideCancel(sub, now) };
  change.event(cancelled, 'subscription.cancelled', {});
  // Add-ons end with their base, whatever their own cancellation windows say.
  for (const addOn of addOnsFollowingCancel(sub, addOns)) {
    const next: Subscription = { ...addOn, status: 'deleted', deletedAt: now };
    change.put(addOn, next);
    change.event(next, 'subscription.cancelled', {}, 'parent_cancelled');
  }
  return cancelled;
}

/** The subscriptions one request changes and the events it writes, written together. */
class ChangeSet {
  private readonly writes = new Map<string, { before: Subscription; after: Subscription }>();
  private readonly events: DomainEvent[] = [];

  constructor(
    readonly ctx: CallerContext,
    readonly now: Date,
    private readonly customerId: string,
  ) {}

  put(before: Subscription, after: Subscription): void {
    if (before !== after) this.writes.set(before.id, { before, after });
  }

  event(sub: Subscription, type: string, data: Record<string, unknown>, reason?: string): void {
    this.events.push(
      callerEvent(this.ctx, this.now, {
        type,
        customerId: this.customerId,
        subscriptionId: sub.id,
        data,
        ...(reason === undefined ? {} : { reason }),
      }),
    );
  }

  latest(sub: Subscription): Subscription {
    const write = this.writes.get(sub.id);
    return write ? { ...write.after, version: write.before.version + 1 } : sub;
  }

  async commit(trx: Db): Promise<void> {
    for (const { before, after } of this.writes.values()) {
      const written = await writeSubscription(
        trx,
        { ...after, version: before.version + 1 },
        before.version,
      );
      if (!written) {
        throw new DomainError(
          'etag_mismatch',
          `Subscription ${before.id} changed meanwhile; try again.`,
        );
      }
    }
    await appendEvents(trx, this.events);
  }
}
