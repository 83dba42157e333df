import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../src/domain/customer.js';
import type { Subscription } from '../../src/domain/subscription.js';
import { newId } from '../../src/services/ids.js';
import { oldestDueAt } from '../../src/store/scheduler-lag.js';
import { insertSubscriptions } from '../../src/store/subscriptions.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { dueItemsOwner, DUE_ITEMS_CREATED } from '../helpers/due-items.js';
import { DIALECTS } from '../helpers/stores.js';
import { subscriptionFixture } from '../helpers/subscriptions.js';

const NOW = new Date('2020-06-15T12:00:00.000Z');

/** An active subscription of the owner, not yet due unless `changes` make it so. */
function subscription(
  owner: { partnerId: string; customerId: string; orderId: string },
  changes: Partial<Subscription>,
): Subscription {
  return subscriptionFixture({
    id: newId(),
    ...owner,
    creationDate: DUE_ITEMS_CREATED,
    effectiveStartDate: '2020-01-01',
    commitmentEndDate: '2020-12-31',
    cancellationAllowedUntil: null,
    quantityDecreaseAllowedUntil: null,
    nextChargeDate: '2020-07-01',
    ...changes,
  });
}

// Each case on a database of its own: another test file's due work would be the oldest.
describe.each(DIALECTS)("the scheduler's oldest due work on %s", (dialect) => {
  let t: TestApp;
  let owner: { partnerId: string; customerId: string; orderId: string };
  let customer: Customer;
  beforeAll(async () => {
    t = await createTestApp(dialect, { ownDatabase: true });
    const { partner } = await t.newPartner();
    const made = await dueItemsOwner(t, partner);
    customer = made.customer;
    owner = { partnerId: partner.id, customerId: customer.id, orderId: made.orderId };
  });
  afterAll(() => t.close());

  it('is none while nothing is due, then each kind of work from when it fell due', async () => {
    await insertSubscriptions(t.store.db, customer, [subscription(owner, {})]);
    expect(await oldestDueAt(t.store.db, NOW)).toBeUndefined();

    // A billing period that began on June 1st and is not charged yet.
    await insertSubscriptions(t.store.db, customer, [
      subscription(owner, { nextChargeDate: '2020-06-01' }),
    ]);
    expect(await oldestDueAt(t.store.db, NOW)).toEqual(new Date('2020-06-01T00:00:00.000Z'));

    // A term whose last day was May 19th: it ended as May 20th began.
    await insertSubscriptions(t.store.db, customer, [
      subscription(owner, { commitmentEndDate: '2020-05-19', nextChargeDate: null }),
    ]);
    expect(await oldestDueAt(t.store.db, NOW)).toEqual(new Date('2020-05-20T00:00:00.000Z'));

    // A retention that ended on April 2nd at noon.
    await insertSubscriptions(t.store.db, customer, [
      subscription(owner, {
        status: 'suspended',
        suspensionReasons: ['nonpayment'],
        suspendedAt: DUE_ITEMS_CREATED,
        expiresAt: new Date('2020-04-02T12:00:00.000Z'),
        nextChargeDate: null,
      }),
    ]);
    expect(await oldestDueAt(t.store.db, NOW)).toEqual(new Date('2020-04-02T12:00:00.000Z'));
  });
});
