import { DomainError, notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/permissions.js';
import type { WebhookDelivery } from '../../domain/webhooks/delivery.js';
import { WEBHOOK_TEST_EVENT } from '../../domain/webhooks/endpoint.js';
import { appendEvents } from '../../store/events.js';
import type { Page } from '../../store/page.js';
import type { Db } from '../../store/tables.js';
import { inTransaction } from '../../store/transaction.js';
import {
  findDelivery,
  insertDelivery,
  listDeliveries as queryDeliveries,
  redeliver as markDue,
  type DeliveryQuery,
} from '../../store/webhook-deliveries.js';
import { findEndpoint } from '../../store/webhook-endpoints.js';
import type { CallerContext } from '../context.js';
import { callerEvent } from '../events.js';
import { invalidCursor } from '../invalid-cursor.js';

export type { DeliveryQuery };

/** The endpoint's deliveries, newest first, each with its attempts. */
export async function listDeliveries(
  ctx: CallerContext,
  endpointId: string,
  query: DeliveryQuery,
): Promise<Page<WebhookDelivery>> {
  authorize(ctx.role, 'webhooks.manage');
  await endpointOf(ctx, endpointId);
  const page = await queryDeliveries(
    ctx.db,
    ctx.partner.id,
    endpointId,
    query,
    ctx.serverClock.now(),
  );
  if (!page) throw invalidCursor();
  return page;
}

/** Delivers again now, with a fresh retry schedule, whatever became of it before. */
export async function redeliver(
  ctx: CallerContext,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  authorize(ctx.role, 'webhooks.manage');
  await endpointOf(ctx, endpointId);
  const now = ctx.serverClock.now();
  // Read back in the same transaction: the answer is the delivery as this call left it, not as a
  // dispatcher that picked it up at once has made it since.
  return inTransaction(ctx.db, async (trx) => {
    const outcome = await markDue(trx, ctx.partner.id, endpointId, deliveryId, now);
    if (outcome === 'not_found') throw notFound('Webhook delivery', deliveryId);
    if (outcome === 'in_flight') {
      throw new DomainError(
        'webhook_delivery_in_flight',
        'An attempt of this delivery is under way; see how it ends before delivering it again.',
      );
    }
    return delivered(ctx, deliveryId, trx);
  });
}

/** A `webhook.test` event, delivered to this endpoint only (even a disabled one's log shows it). */
export async function sendTestEvent(
  ctx: CallerContext,
  endpointId: string,
): Promise<WebhookDelivery> {
  authorize(ctx.role, 'webhooks.manage');
  const deliveryId = await inTransaction(ctx.db, async (trx) => {
    await endpointOf(ctx, endpointId, trx);
    const event = callerEvent(ctx, ctx.clock.now(), {
      type: WEBHOOK_TEST_EVENT,
      data: { endpointId },
    });
    await appendEvents(trx, [event]);
    return insertDelivery(trx, endpointId, event);
  });
  return delivered(ctx, deliveryId);
}

async function endpointOf(ctx: CallerContext, endpointId: string, db = ctx.db) {
  const stored = await findEndpoint(db, ctx.partner.id, endpointId);
  if (!stored) throw notFound('Webhook endpoint', endpointId);
  return stored.endpoint;
}

async function delivered(
  ctx: CallerContext,
  deliveryId: string,
  db: Db = ctx.db,
): Promise<WebhookDelivery> {
  const delivery = await findDelivery(db, ctx.partner.id, deliveryId, ctx.serverClock.now());
  if (!delivery) throw notFound('Webhook delivery', deliveryId);
  return delivery;
}
