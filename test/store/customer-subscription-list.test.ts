import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/domain/subscription.js';
import { newId } from '../../src/services/ids.js';
import { encodeCursor } from '../../src/store/cursor.js';
import {
  insertSubscriptions,
  listSubscriptions,
  type SubscriptionListQuery,
} from '../../src/store/subscriptions.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { dueItemsOwner } from '../helpers/due-items.js';
import { DIALECTS } from '../helpers/stores.js';
import { subscriptionFixture } from '../helpers/subscriptions.js';

describe.each(DIALECTS)("a customer's subscription list on %s", (dialect) => {
  let t: TestApp;
  let partnerId: string;
  let customerId: string;
  let mine: Subscription[];
  let other: Awaited<ReturnType<typeof dueItemsOwner>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { partner } = await t.newPartner();
    const owner = await dueItemsOwner(t, partner);
    other = await dueItemsOwner(t, partner);
    partnerId = partner.id;
    customerId = owner.customer.id;
    const make = (customer: { customer: { id: string }; orderId: string }, i: number) =>
      subscriptionFixture({
        id: newId(),
        partnerId,
        customerId: customer.customer.id,
        orderId: customer.orderId,
        offerId: i % 3 === 0 ? 'mail' : 'suite',
        status: i % 2 === 0 ? 'suspended' : 'active',
      });
    mine = Array.from({ length: 9 }, (_, i) => make(owner, i));
    await insertSubscriptions(t.store.db, owner.customer, mine);
    await insertSubscriptions(t.store.db, other.customer, [make(other, 0), make(other, 1)]);
  });
  afterAll(() => t.close());

  /** Every page of the list, `limit` at a time, as the ids of each page. */
  async function pages(query: Omit<SubscriptionListQuery, 'cursor'>): Promise<string[][]> {
    const found: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await listSubscriptions(t.store.db, partnerId, customerId, {
        ...query,
        ...(cursor !== undefined && { cursor }),
      });
      if (!page) throw new Error('the list refused its own cursor');
      found.push(page.items.map((item) => item.subscription.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return found;
  }

  const idsOf = (keep: (s: Subscription) => boolean) =>
    mine
      .filter(keep)
      .map((s) => s.id)
      .sort();

  it('pages through the customer’s subscriptions in id order, with each filter and both', async () => {
    expect((await pages({ limit: 4 })).flat()).toEqual(idsOf(() => true));
    expect(await pages({ limit: 4 })).toHaveLength(3);
    expect((await pages({ limit: 2, status: 'suspended' })).flat()).toEqual(
      idsOf((s) => s.status === 'suspended'),
    );
    expect((await pages({ limit: 2, offerId: 'mail' })).flat()).toEqual(
      idsOf((s) => s.offerId === 'mail'),
    );
    expect((await pages({ limit: 1, status: 'active', offerId: 'mail' })).flat()).toEqual(
      idsOf((s) => s.status === 'active' && s.offerId === 'mail'),
    );
    expect(await pages({ limit: 5, offerId: 'nothing-like-this' })).toEqual([[]]);
  });

  it('gives whole subscriptions with their assigned licenses', async () => {
    const page = await listSubscriptions(t.store.db, partnerId, customerId, { limit: 1 });
    const first = mine.find((s) => s.id === idsOf(() => true)[0]);
    expect(page?.items).toEqual([{ subscription: first, assignedLicenses: 0 }]);
  });

  it('refuses a cursor it did not give', async () => {
    const refused = (cursor: string) =>
      listSubscriptions(t.store.db, partnerId, customerId, { limit: 2, cursor });
    expect(await refused('not-a-cursor')).toBeNull();
    expect(await refused(encodeCursor(['not-a-uuid']))).toBeNull();
    expect(await refused(encodeCursor([newId(), newId()]))).toBeNull();
  });

  it("refuses to insert another customer's subscription under this customer, and writes none", async () => {
    const stray = subscriptionFixture({
      id: newId(),
      partnerId,
      customerId: other.customer.id,
      orderId: other.orderId,
    });
    const alongside = { ...stray, id: newId(), customerId };
    await expect(
      insertSubscriptions(t.store.db, { id: customerId, companyName: 'Mine' }, [alongside, stray]),
    ).rejects.toThrow(`subscription ${stray.id} is not of customer ${customerId}`);
    const written = await t.store.db
      .selectFrom('subscriptions')
      .select('id')
      .where('id', 'in', [stray.id, alongside.id])
      .execute();
    expect(written).toEqual([]);
  });
});
