import type { Customer } from '../../domain/customer.js';
import { DomainError, notFound } from '../../domain/errors.js';
import type { Offer } from '../../domain/offer.js';
import type { Subscription } from '../../domain/subscription.js';
import { lockCustomer } from '../../store/customers.js';
import { addOnsOf, findSubscription } from '../../store/subscriptions.js';
import type { Db } from '../../store/tables.js';
import type { CallerContext } from '../context.js';
import { offerOf } from '../offer-of.js';

/** The subscription a caller changes, with what every verb needs to judge it. */
export interface Subject {
  customer: Customer;
  sub: Subscription;
  offer: Offer;
}

/**
 * Reads the subscription for a change, its customer locked first (so limits and add-ons are
 * judged under one lock). `expectedVersion` (If-Match) refuses a change to a version the caller
 * has not seen.
 */
export async function loadSubject(
  trx: Db,
  ctx: CallerContext,
  ids: { customerId: string; subscriptionId: string },
  expectedVersion?: number,
): Promise<Subject> {
  const customer = await lockCustomer(trx, ctx.partner.id, ids.customerId);
  if (!customer) throw notFound('Customer', ids.customerId);
  const sub = await findSubscription(trx, ctx.partner.id, ids.customerId, ids.subscriptionId);
  if (!sub) throw notFound('Subscription', ids.subscriptionId);
  if (expectedVersion !== undefined && expectedVersion !== sub.version) {
    throw new DomainError(
      'etag_mismatch',
      `Subscription ${sub.id} has changed since you read it (version ${sub.version}); read it again.`,
    );
  }
  return { customer, sub, offer: offerOf(ctx, sub) };
}

/** A base's add-ons (none for an add-on), which follow it into suspension, back and out. */
export async function addOnsOfSubject(
  trx: Db,
  ctx: CallerContext,
  sub: Subscription,
): Promise<Subscription[]> {
  return sub.parentSubscriptionId === null ? addOnsOf(trx, ctx.partner.id, sub.id) : [];
}

/** An add-on's base (undefined for a base). */
export async function baseOfSubject(
  trx: Db,
  ctx: CallerContext,
  sub: Subscription,
): Promise<Subscription | undefined> {
  return sub.parentSubscriptionId === null
    ? undefined
    : findSubscription(trx, ctx.partner.id, sub.customerId, sub.parentSubscriptionId);
}
