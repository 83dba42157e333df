import { randomUUID } from 'node:crypto';
import type { DeliveryAttempt } from '../../domain/webhooks/delivery.js';
import { previousSecretSigns } from '../../domain/webhooks/endpoint.js';
import { attemptVerdict, failedTooLong } from '../../domain/webhooks/retry-schedule.js';
import { appendEvents, eventsByIds } from '../../store/events.js';
import { inTransaction } from '../../store/transaction.js';
import {
  claimDueDeliveries,
  recordAttempt,
  releaseClaims,
  type ClaimedDelivery,
} from '../../store/webhook-deliveries.js';
import {
  disableFailingEndpoint,
  endpointsByIds,
  markEndpointAnswering,
  markEndpointFailing,
  type StoredEndpoint,
} from '../../store/webhook-endpoints.js';
import type { AppContext } from '../context.js';
import { systemEvent } from '../events.js';
import { nameEvents, type NamedEvent } from '../list-events.js';
import { signedHeaders } from './signature.js';

export type { ClaimedDelivery };

/**
 * How long a claim holds a delivery, for attempts that may take `timeoutMs`: four times that, so
 * a live dispatcher always records its attempt before another may claim the delivery (a minute
 * for the 15 s of an attempt); a dead one's deliveries are claimed again after it.
 */
export function claimLeaseMs(timeoutMs: number): number {
  return 4 * timeoutMs;
}

/** Due deliveries, claimed for this dispatcher alone, as many of each endpoint as it has room. */
export function claimDeliveries(
  ctx: AppContext,
  options: {
    limit: number;
    freeSlots: (endpointId: string) => number;
    skipEndpoints: readonly string[];
    leaseMs: number;
  },
): Promise<ClaimedDelivery[]> {
  const now = ctx.clock.now();
  const { leaseMs, ...which } = options;
  return inTransaction(ctx.db, (trx) =>
    claimDueDeliveries(trx, {
      now,
      leaseUntil: new Date(now.getTime() + leaseMs),
      claimToken: randomUUID(),
      ...which,
    }),
  );
}

/** Gives back claimed deliveries this dispatcher will not attempt (it is stopping). */
export function releaseDeliveries(
  ctx: AppContext,
  claims: readonly Pick<ClaimedDelivery, 'id' | 'claimToken'>[],
): Promise<void> {
  if (claims.length === 0) return Promise.resolve();
  return inTransaction(ctx.db, (trx) => releaseClaims(trx, claims));
}

/** A claimed delivery made ready to post, or the reason it cannot be posted at all. */
export type PreparedDelivery =
  | { claimed: ClaimedDelivery; url: string; headers: Record<string, string>; body: string }
  | { claimed: ClaimedDelivery; failure: string };

/**
 * The requests of claimed deliveries: the body `{ type, timestamp, data }` with the event as the
 * API shows it (`present`), signed with the endpoint's secrets. A delivery whose endpoint was
 * deleted meanwhile is dropped (its log went with it).
 */
export async function prepareDeliveries(
  ctx: AppContext,
  claimed: readonly ClaimedDelivery[],
  present: (named: NamedEvent) => unknown,
): Promise<PreparedDelivery[]> {
  const now = ctx.clock.now();
  const endpoints = await endpointsByIds(ctx.db, unique(claimed.map((c) => c.endpointId)));
  const events = await eventsByIds(ctx.db, unique(claimed.map((c) => c.eventId)));
  const named = new Map<string, NamedEvent>();
  for (const partnerId of unique(events.map((event) => event.partnerId))) {
    const own = events.filter((event) => event.partnerId === partnerId);
    for (const item of await nameEvents(ctx.db, partnerId, own)) named.set(item.event.id, item);
  }
  return claimed.flatMap((delivery): PreparedDelivery[] => {
    const stored = endpoints.get(delivery.endpointId);
    const event = named.get(delivery.eventId);
    if (!stored || !event) return [];
    let secrets: string[];
    try {
      secrets = signingSecrets(ctx, stored, now);
    } catch (error) {
      return [{ claimed: delivery, failure: `cannot sign: ${(error as Error).message}` }];
    }
    const body = JSON.stringify({
      type: event.event.type,
      timestamp: event.event.occurredAt.toISOString(),
      data: present(event),
    });
    return [
      {
        claimed: delivery,
        url: stored.endpoint.url,
        headers: signedHeaders(delivery.eventId, body, secrets, now),
        body,
      },
    ];
  });
}

function signingSecrets(ctx: AppContext, stored: StoredEndpoint, now: Date): string[] {
  const box = ctx.webhooks.secrets;
  if (!box) throw new Error('no PSC_SECRET_KEY on this process');
  const { current, previous } = stored.secrets;
  const both = previous !== null && previousSecretSigns(stored.endpoint, now);
  return [box.open(current), ...(both ? [box.open(previous)] : [])];
}

/**
 * Records finished attempts in one transaction: each delivery's outcome and next attempt, and
 * each endpoint's health. An endpoint that has only failed for five days is disabled, with a
 * `webhook.endpoint_disabled` event. Answers how many attempts counted (a claim that ran out
 * and was taken by another dispatcher does not).
 */
export async function recordAttempts(
  ctx: AppContext,
  results: readonly { claimed: ClaimedDelivery; attempt: DeliveryAttempt }[],
): Promise<number> {
  if (results.length === 0) return 0;
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    let recorded = 0;
    const answered = new Set<string>();
    const failed = new Map<string, { partnerId: string; at: Date }>();
    for (const { claimed, attempt } of results) {
      // The wait before a retry counts from the end of the failed attempt.
      const ended = new Date(attempt.at.getTime() + attempt.durationMs);
      const verdict = attemptVerdict(
        attempt.statusCode,
        claimed.scheduleFailures,
        ended,
        ctx.webhooks.retryDelaysMs,
      );
      if (!(await recordAttempt(trx, claimed, attempt, verdict))) continue;
      recorded += 1;
      if (verdict.status === 'succeeded') answered.add(claimed.endpointId);
      else if (!failed.has(claimed.endpointId)) {
        failed.set(claimed.endpointId, { partnerId: claimed.partnerId, at: attempt.at });
      }
    }
    for (const endpointId of answered) await markEndpointAnswering(trx, endpointId);
    for (const [endpointId, { partnerId, at }] of failed) {
      if (answered.has(endpointId)) continue;
      const health = await markEndpointFailing(trx, endpointId, at);
      if (!health?.enabled || !failedTooLong(health.failingSince, now)) continue;
      if (await disableFailingEndpoint(trx, endpointId, now)) {
        await appendEvents(trx, [
          systemEvent(partnerId, now, {
            type: 'webhook.endpoint_disabled',
            reason: 'Every delivery failed for 5 days',
            data: { endpointId, failingSince: health.failingSince.toISOString() },
          }),
        ]);
      }
    }
    return recorded;
  });
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
