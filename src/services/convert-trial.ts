import { DomainError, notFound } from '../domain/errors.js';
import type { BillingCycle } from '../domain/offer.js';
import type { Subscription } from '../domain/subscription.js';
import { decideConversion, requireTransition } from '../domain/subscription-lifecycle.js';
import { appendEvents } from '../store/events.js';
import { findSubscription, updateSubscription } from '../store/subscriptions.js';
import { inTransaction } from '../store/transaction.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';
import { offerOf } from './offer-of.js';
import { placeOrder } from './place-order.js';
import { authorize } from '../domain/permissions.js';

export interface ConversionRequest {
  targetOfferId: string;
  quantity: number;
  billingCycle: BillingCycle;
}

/**
 * Converts a trial into a paid subscription of one of its conversion targets: the paid one is
 * ordered like any other (same availability, quantity and price rules) and the trial ends.
 */
export function convertTrial(
  ctx: CallerContext,
  customerId: string,
  trialId: string,
  request: ConversionRequest,
): Promise<Subscription> {
  authorize(ctx.role, 'subscriptions.convert');
  return inTransaction(ctx.db, async (trx) => {
    const txCtx = { ...ctx, db: trx };
    const { subscriptions } = await placeOrderAfterChecks(txCtx, customerId, trialId, request);
    const paid = subscriptions[0];
    if (!paid) throw new Error('unreachable: a one-line order makes one subscription');
    const trial = await findSubscription(trx, ctx.partner.id, customerId, trialId);
    if (!trial) throw notFound('Subscription', trialId);
    const ended: Subscription = {
      ...trial,
      status: requireTransition(trial, 'convert'),
      version: trial.version + 1,
    };
    if (!(await updateSubscription(trx, ended, trial.version))) {
      throw new DomainError(
        'etag_mismatch',
        `Subscription ${trialId} changed meanwhile; try again.`,
      );
    }
    await appendEvents(trx, [
      callerEvent(ctx, ctx.clock.now(), {
        type: 'subscription.converted',
        customerId,
        subscriptionId: trial.id,
        orderId: paid.orderId,
        data: { targetOfferId: paid.offerId, convertedToSubscriptionId: paid.id },
      }),
    ]);
    return paid;
  });
}

async function placeOrderAfterChecks(
  ctx: CallerContext,
  customerId: string,
  trialId: string,
  request: ConversionRequest,
) {
  const trial = await findSubscription(ctx.db, ctx.partner.id, customerId, trialId);
  if (!trial) throw notFound('Subscription', trialId);
  const target = ctx.catalog.offer(request.targetOfferId);
  if (!target) throw notFound('Offer', request.targetOfferId);
  decideConversion(trial, offerOf(ctx, trial), target);
  return placeOrder(ctx, customerId, {
    billingCycle: request.billingCycle,
    lineItems: [{ offerId: target.id, quantity: request.quantity }],
  });
}
