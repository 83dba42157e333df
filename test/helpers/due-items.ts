import { systemActor } from '../../src/domain/event.js';
import type { Subscription } from '../../src/domain/subscription.js';
import { createCustomer } from '../../src/services/create-customer.js';
import { newId } from '../../src/services/ids.js';
import { insertOrder } from '../../src/store/orders.js';
import { insertSubscriptions } from '../../src/store/subscriptions.js';
import type { Partner } from '../../src/domain/partner.js';
import type { TestApp } from './app.js';
import { newCustomerBody } from './customers.js';

/** When the due items' order was placed. */
export const DUE_ITEMS_CREATED = new Date('2020-01-01T00:00:00.000Z');

/**
 * What subscriptions written straight to the database belong to: a customer of the partner opened
 * in December 2019 and an empty order placed on DUE_ITEMS_CREATED.
 */
export async function dueItemsOwner(t: TestApp, partner: Partner) {
  const body = newCustomerBody() as unknown as Parameters<typeof createCustomer>[1];
  const customer = await createCustomer(
    { ...t.ctx, partner, actor: systemActor, role: 'global_admin', serverClock: t.ctx.clock },
    { ...body, accountOpenedAt: new Date('2019-12-01T00:00:00.000Z') },
  );
  const orderId = newId();
  await insertOrder(t.store.db, {
    id: orderId,
    partnerId: partner.id,
    customerId: customer.id,
    billingCycle: 'monthly',
    status: 'completed',
    creationDate: DUE_ITEMS_CREATED,
    currency: 'USD',
    lineItems: [],
  });
  return { customer, orderId };
}

/**
 * `count` subscriptions of a new partner, suspended in 2020 with their retention ended on
 * 2020-04-01, written straight to the database: due work for a scheduler whose clock reads
 * mid-2020, and for no test that lives in 2026. With `billed`, each still owes its monthly periods
 * from February (billing goes on while suspended).
 */
export async function seedDueItems(t: TestApp, count: number, options: { billed?: boolean } = {}) {
  const { partner } = await t.newPartner();
  const { customer, orderId } = await dueItemsOwner(t, partner);
  const createdAt = DUE_ITEMS_CREATED;
  const ids: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const chunk = Array.from({ length: Math.min(500, count - start) }, (_, i) =>
      dueItem(partner.id, customer.id, orderId, createdAt, start + i, options.billed === true),
    );
    ids.push(...chunk.map((s) => s.id));
    await insertSubscriptions(t.store.db, customer, chunk);
  }
  return { partner, customer, ids };
}

/** How many deprovisioned events each of the partner's subscriptions has. */
export async function deprovisionedEvents(t: TestApp, partnerId: string) {
  const rows = await t.store.db
    .selectFrom('events')
    .select(['subscription_id'])
    .where('partner_id', '=', partnerId)
    .where('type', '=', 'subscription.deprovisioned')
    .execute();
  return rows.map((r) => r.subscription_id);
}

function dueItem(
  partnerId: string,
  customerId: string,
  orderId: string,
  createdAt: Date,
  n: number,
  billed: boolean,
): Subscription {
  return {
    id: newId(),
    partnerId,
    customerId,
    offerId: 'mail-basic',
    offerName: 'Mail',
    friendlyName: `Mailbox ${n}`,
    quantity: 1,
    unitType: 'licenses',
    parentSubscriptionId: null,
    orderId,
    status: 'suspended',
    billingCycle: 'monthly',
    termDuration: 'P1M',
    autoRenewEnabled: true,
    isTrial: false,
    trialEndDate: null,
    creationDate: createdAt,
    effectiveStartDate: '2020-01-01',
    commitmentEndDate: '2020-12-31',
    cancellationAllowedUntil: null,
    quantityDecreaseAllowedUntil: null,
    suspensionReasons: ['nonpayment'],
    suspendedAt: createdAt,
    expiresAt: new Date(Date.parse('2020-04-01T00:00:00.000Z') + n),
    deletedAt: null,
    unitPrice: '4.00',
    unitCost: '4.00',
    nextChargeDate: billed ? '2020-02-01' : null,
    currency: 'USD',
    version: 1,
    expiringSoonWarnedFor: null,
  };
}
