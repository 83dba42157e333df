import {
  addOnFollowingBase,
  dueTransition,
  expiringSoon,
  type DueTransition,
} from '../domain/due-transitions.js';
import type { DomainEvent } from '../domain/event.js';
import type { Subscription } from '../domain/subscription.js';
import { lockSubscriptionForWork } from '../store/due-subscriptions.js';
import { appendEvents } from '../store/events.js';
import { addOnsOf, findSubscriptionById, updateSubscription } from '../store/subscriptions.js';
import { inTransaction } from '../store/transaction.js';
import type { Db } from '../store/tables.js';
import type { AppContext } from './context.js';
import { systemEvent } from './events.js';
import { offerOf } from './offer-of.js';

export type DueOutcome = 'deprovisioned' | 'renewed' | 'expired' | 'warned' | 'nothing' | 'busy';

/**
 * Does what time has made due at `now` (its partner's clock) for one subscription and the add-ons
 * that follow it, in its own transaction. The row is locked and the rule checked again under the
 * lock, so a second worker, a second run or a crash and retry never does it twice.
 */
export function processDueSubscription(
  ctx: AppContext,
  subscriptionId: string,
  now: Date,
): Promise<DueOutcome[]> {
  return inTransaction(ctx.db, async (trx) => {
    const sub = await lockSubscriptionForWork(trx, subscriptionId);
    if (!sub) return ['busy'];
    const offer = offerOf(ctx, sub);
    const base =
      sub.parentSubscriptionId === null
        ? undefined
        : await findSubscriptionById(trx, sub.parentSubscriptionId);
    const transition = dueTransition(sub, offer, now, base);
    const writes: Write[] = [];
    const events: DomainEvent[] = [];
    if (transition) {
      const after = applied(sub, transition, now);
      writes.push({ before: sub, after, visible: true, outcome: outcomeOf(transition) });
      events.push(eventFor(after, transition, now));
      if (sub.parentSubscriptionId === null) {
        for (const addOn of await addOnsOf(trx, sub.partnerId, sub.id, { forUpdate: true })) {
          const follows =
            transition.kind === 'deprovision'
              ? null
              : addOnFollowingBase(addOn, offerOf(ctx, addOn), { transition, after });
          if (!follows) continue;
          const next = applied(addOn, follows, now);
          writes.push({ before: addOn, after: next, visible: true, outcome: outcomeOf(follows) });
          events.push(eventFor(next, follows, now));
        }
      }
    } else {
      const warning = expiringSoon(sub, offer, now);
      if (!warning) return ['nothing'];
      // Bookkeeping, not a change the customer sees: the version (ETag) stays.
      writes.push({
        before: sub,
        after: { ...sub, expiringSoonWarnedFor: warning.endsAt },
        visible: false,
        outcome: 'warned',
      });
      events.push(
        systemEvent(sub.partnerId, now, {
          type: 'subscription.expiring_soon',
          customerId: sub.customerId,
          subscriptionId: sub.id,
          reason: warning.about,
          data: { endsAt: warning.endsAt.toISOString(), about: warning.about },
        }),
      );
    }
    await write(trx, writes);
    await appendEvents(trx, events);
    // One outcome per subscription changed: the base's and each add-on's that followed it.
    return writes.map((w) => w.outcome);
  });
}

function applied(sub: Subscription, transition: DueTransition, now: Date): Subscription {
  switch (transition.kind) {
    case 'deprovision':
      return { ...sub, status: 'deleted', deletedAt: now };
    case 'expire':
      return { ...sub, status: 'expired' };
    case 'renew':
      return { ...sub, ...transition.changes, expiringSoonWarnedFor: null };
  }
}

function eventFor(sub: Subscription, transition: DueTransition, now: Date): DomainEvent {
  const facts = { customerId: sub.customerId, subscriptionId: sub.id };
  switch (transition.kind) {
    case 'deprovision':
      return systemEvent(sub.partnerId, now, {
        ...facts,
        type: 'subscription.deprovisioned',
        reason: 'retention_expired',
        data: { expiresAt: sub.expiresAt?.toISOString() ?? null },
      });
    case 'expire':
      return systemEvent(sub.partnerId, now, {
        ...facts,
        type: 'subscription.expired',
        reason: transition.reason,
        data: { commitmentEndDate: sub.commitmentEndDate },
      });
    case 'renew':
      return systemEvent(sub.partnerId, now, {
        ...facts,
        type: 'subscription.renewed',
        data: {
          effectiveStartDate: sub.effectiveStartDate,
          commitmentEndDate: sub.commitmentEndDate,
        },
      });
  }
}

interface Write {
  before: Subscription;
  after: Subscription;
  /** A change the customer sees, which makes a new version (ETag). */
  visible: boolean;
  outcome: DueOutcome;
}

async function write(trx: Db, writes: Write[]) {
  for (const { before, after, visible } of writes) {
    const version = before.version + (visible ? 1 : 0);
    const written = await updateSubscription(trx, { ...after, version }, before.version);
    if (!written) throw new Error(`subscription ${before.id} changed under its lock`);
  }
}

function outcomeOf(transition: DueTransition): DueOutcome {
  return transition.kind === 'deprovision'
    ? 'deprovisioned'
    : transition.kind === 'renew'
      ? 'renewed'
      : 'expired';
}
