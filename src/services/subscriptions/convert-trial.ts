import { notFound } from '../../domain/errors.js';
import type { BillingCycle } from '../../domain/offer.js';
import { authorize } from '../../domain/permissions.js';
import type { Subscription } from '../../domain/subscription.js';
import { decideConversion } from '../../domain/subscription-lifecycle.js';
import { convert } from '../../domain/verbs/convert.js';
import { findSubscription } from '../../store/subscriptions.js';
import { inTransaction } from '../../store/transaction.js';
import type { CallerContext } from '../context.js';
import { offerOf } from '../offer-of.js';
import { placeOrder } from '../place-order.js';
import { applyChanges, callerChanges } from './apply-changes.js';

export interface ConversionRequest {
  targetOfferId: string;
  quantity: number;
  billingCycle: BillingCycle;
}

/**
 * Converts a trial into a paid subscription of one of its conversion targets: the paid one is
 * ordered like any other (same availability, quantity and price rules) and the trial ends, in one
 * transaction.
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
    const trial = await findSubscription(trx, ctx.partner.id, customerId, trialId);
    if (!trial) throw notFound('Subscription', trialId);
    const target = ctx.catalog.offer(request.targetOfferId);
    if (!target) throw notFound('Offer', request.targetOfferId);
    const trialOffer = offerOf(ctx, trial);
    decideConversion(trial, trialOffer, target);
    const { subscriptions } = await placeOrder(txCtx, customerId, {
      billingCycle: request.billingCycle,
      lineItems: [{ offerId: target.id, quantity: request.quantity }],
    });
    const paid = subscriptions[0];
    if (!paid) throw new Error('unreachable: a one-line order makes one subscription');
    // Read again: the order locked the customer, so the trial is judged as it is now.
    const current = await findSubscription(trx, ctx.partner.id, customerId, trialId);
    if (!current) throw notFound('Subscription', trialId);
    const change = convert(current, { trialOffer, target, paid, role: ctx.role });
    await applyChanges(trx, [change], callerChanges(ctx));
    return paid;
  });
}
