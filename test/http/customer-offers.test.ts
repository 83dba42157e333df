import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { orderLine, seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

interface Item {
  offer: { id: string; isAddOn: boolean; isTrial: boolean };
  available: boolean;
  reasons: { code: string; subscriptionId?: string }[];
}

describe.each(DIALECTS)("a customer's catalog, add-ons included, on %s", (dialect) => {
  let t: TestApp;
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t.close());

  type Api = Awaited<ReturnType<typeof seedCustomer>>['api'];

  async function catalog(api: Api, url: string): Promise<Item[]> {
    const response = await api.get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Item[] }>().items;
  }

  const storageOf = (items: Item[]) => items.find((i) => i.offer.id === 'mail-extra-storage');

  it('lists every offer of the catalog in catalog order, add-ons too', async () => {
    const { api, base } = await seedCustomer(t);
    const items = await catalog(api, `${base}/offers?billingCycle=monthly`);
    const paid = t.ctx.catalog.offers.filter((o) => !o.isTrial);
    expect(items.map((i) => i.offer.id)).toEqual(paid.map((o) => o.id));
    expect(items.some((i) => i.offer.isAddOn)).toBe(true);
    const trials = await catalog(api, `${base}/offers?trial=true`);
    expect(trials.map((i) => i.offer.id)).toEqual(
      t.ctx.catalog.offers.filter((o) => o.isTrial).map((o) => o.id),
    );
  });

  it('says an add-on needs a base subscription while the customer has none', async () => {
    const { api, base } = await seedCustomer(t);
    const items = await catalog(api, `${base}/offers?billingCycle=monthly`);
    expect(storageOf(items)).toMatchObject({
      available: false,
      reasons: [{ code: 'base_subscription_required' }],
    });
    expect(
      items
        .filter((i) => i.offer.isAddOn)
        .every((i) => i.reasons.some((r) => r.code === 'base_subscription_required')),
    ).toBe(true);
    expect(items.find((i) => i.offer.id === 'mail-basic')).toMatchObject({ available: true });
  });

  it('says its bases are inactive while every one of them is suspended', async () => {
    const { api, base } = await seedCustomer(t);
    const basic = await orderLine(api, base, { offerId: 'mail-basic', quantity: 5 });
    const plus = await orderLine(api, base, { offerId: 'mail-plus', quantity: 5 });
    const url = `${base}/offers?billingCycle=monthly`;
    expect(storageOf(await catalog(api, url))).toMatchObject({ available: true, reasons: [] });

    const suspend = (id: string) =>
      api.patch(`${base}/subscriptions/${id}`, {
        status: 'suspended',
        suspensionReason: 'customer_request',
      });
    expect((await suspend(basic)).statusCode).toBe(200);
    // One base is still active: the add-on can go on it.
    expect(storageOf(await catalog(api, url))).toMatchObject({ available: true, reasons: [] });
    expect((await suspend(plus)).statusCode).toBe(200);
    const storage = storageOf(await catalog(api, url));
    expect(storage).toMatchObject({ available: false });
    expect(storage?.reasons).toHaveLength(1);
    expect(storage?.reasons[0]).toMatchObject({ code: 'base_subscription_inactive' });
    expect([basic, plus]).toContain(storage?.reasons[0]?.subscriptionId);

    const reactivated = await api.patch(`${base}/subscriptions/${plus}`, { status: 'active' });
    expect(reactivated.statusCode).toBe(200);
    expect(storageOf(await catalog(api, url))).toMatchObject({ available: true, reasons: [] });
  });

  it('hides add-ons with ?addOn=false and shows only them with ?addOn=true', async () => {
    const { api, base } = await seedCustomer(t);
    const all = await catalog(api, `${base}/offers?billingCycle=annual`);
    const withoutAddOns = await catalog(api, `${base}/offers?billingCycle=annual&addOn=false`);
    const onlyAddOns = await catalog(api, `${base}/offers?billingCycle=annual&addOn=true`);
    expect(withoutAddOns).toEqual(all.filter((i) => !i.offer.isAddOn));
    expect(onlyAddOns).toEqual(all.filter((i) => i.offer.isAddOn));
    expect(withoutAddOns.length).toBeGreaterThan(0);
    expect(onlyAddOns.length).toBeGreaterThan(0);
    const trials = await catalog(api, `${base}/offers?trial=true&addOn=false`);
    expect(trials.map((i) => i.offer.id)).toEqual(
      t.ctx.catalog.offers.filter((o) => o.isTrial && !o.isAddOn).map((o) => o.id),
    );
    const bad = await api.get(`${base}/offers?addOn=maybe`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
  });
});
