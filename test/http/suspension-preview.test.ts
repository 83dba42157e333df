import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { orderLine, seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

interface Sub {
  id: string;
  status: string;
  actions: string[];
  expiresAt: string | null;
  suspensionPreview?: { expiresAt: string } | null;
}

describe.each(DIALECTS)('the suspension preview on %s', (dialect) => {
  let t: TestApp;
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t.close());

  type Api = Awaited<ReturnType<typeof seedCustomer>>['api'];

  const get = async (api: Api, base: string, id: string) =>
    (await api.get(`${base}/subscriptions/${id}`)).json<Sub>();

  it('is the expiresAt the suspension then gets: the seed’s 2026-03-01 → 2026-06-21', async () => {
    clock.set('2026-03-01T00:00:00.000Z');
    // Billing day 1, account opened 2026-01-10: 90 + 22 days.
    const { api, base } = await seedCustomer(t);
    const id = await orderLine(api, base, { offerId: 'mail-basic', quantity: 10 });
    const active = await get(api, base, id);
    expect(active.actions).toContain('suspend');
    expect(active.suspensionPreview).toEqual({ expiresAt: '2026-06-21T00:00:00.000Z' });
    const listed = (await api.get(`${base}/subscriptions`)).json<{ items: Sub[] }>().items;
    expect(listed.find((s) => s.id === id)?.suspensionPreview).toEqual(active.suspensionPreview);

    const suspended = await api.patch(`${base}/subscriptions/${id}`, {
      status: 'suspended',
      suspensionReason: 'nonpayment',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json<Sub>().expiresAt).toBe(active.suspensionPreview?.expiresAt);
    // Suspended, it cannot be suspended again: no preview, the real date instead.
    expect(suspended.json<Sub>().suspensionPreview ?? null).toBeNull();
    expect((await get(api, base, id)).suspensionPreview ?? null).toBeNull();
  });

  it('follows the clock and the offer’s own retention policy', async () => {
    clock.set('2026-04-17T08:09:10.011Z');
    const { api, base } = await seedCustomer(t);
    // mail-kiosk keeps data 60 days, at most 90: 60 + 22 = 82 days.
    const id = await orderLine(api, base, { offerId: 'mail-kiosk', quantity: 5 });
    clock.set('2026-05-02T23:59:59.999Z');
    const preview = (await get(api, base, id)).suspensionPreview;
    expect(preview).toEqual({ expiresAt: '2026-07-23T23:59:59.999Z' });
    const suspended = await api.patch(`${base}/subscriptions/${id}`, {
      status: 'suspended',
      suspensionReason: 'customer_request',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json<Sub>().expiresAt).toBe(preview?.expiresAt);
  });

  it('is absent where suspending is not possible: an add-on under a suspended base, a cancelled one', async () => {
    clock.set('2026-03-01T00:00:00.000Z');
    const { api, base } = await seedCustomer(t);
    const mail = await orderLine(api, base, { offerId: 'mail-basic', quantity: 10 });
    const addOn = await orderLine(api, base, {
      offerId: 'mail-extra-storage',
      quantity: 50,
      parentSubscriptionId: mail,
    });
    expect((await get(api, base, addOn)).suspensionPreview).toEqual({
      expiresAt: '2026-06-21T00:00:00.000Z',
    });
    const other = await orderLine(api, base, { offerId: 'mail-plus', quantity: 3 });
    await api.patch(`${base}/subscriptions/${mail}`, {
      status: 'suspended',
      suspensionReason: 'other',
    });
    const suspendedAddOn = await get(api, base, addOn);
    expect(suspendedAddOn.actions).not.toContain('suspend');
    expect(suspendedAddOn.suspensionPreview ?? null).toBeNull();

    const cancelled = await api.patch(`${base}/subscriptions/${other}`, { status: 'deleted' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<Sub>().suspensionPreview ?? null).toBeNull();
  });
});
