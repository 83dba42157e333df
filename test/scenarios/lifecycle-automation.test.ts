import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';

type Api = ReturnType<typeof client>;

describe.each(DIALECTS)('time passing, through the sandbox clock, on %s', (dialect) => {
  let t: TestApp;
  const clock = new TestClock('2026-01-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t.close());

  /** A sandbox partner whose clock starts at `start`, and a customer opened on the seed's date. */
  async function sandbox(start = '2026-03-01T00:00:00.000Z') {
    const { token } = await t.newPartner({ isSandbox: true });
    const api = client(t.app, token);
    await move(api, { to: start });
    const customer = (
      await api.post('/v1/customers', newCustomerBody({ accountOpenedAt: '2026-01-10T15:30:00Z' }))
    ).json<{ id: string }>();
    return { api, base: `/v1/customers/${customer.id}`, customerId: customer.id };
  }

  async function move(api: Api, body: Record<string, string>) {
    const response = await api.post('/v1/sandbox/clock', body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ now: string; processed: Record<string, number> }>();
  }

  async function order(
    api: Api,
    base: string,
    billingCycle: string,
    line: Record<string, unknown>,
  ) {
    const response = await api.post(`${base}/orders`, { billingCycle, lineItems: [line] });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().lineItems[0].subscriptionId as string;
  }

  const get = async (api: Api, base: string, id: string) =>
    (await api.get(`${base}/subscriptions/${id}`)).json<Record<string, unknown>>();
  const eventTypes = async (api: Api, base: string, id: string) =>
    (await api.get(`${base}/subscriptions/${id}/events`))
      .json<{ items: { type: string }[] }>()
      .items.map((e) => e.type);

  it("follows the seed's retention example to the millisecond", async () => {
    const { api, base } = await sandbox();
    const id = await order(api, base, 'monthly', { offerId: 'mail-basic', quantity: 5 });
    const url = `${base}/subscriptions/${id}`;
    const first = await api.patch(url, { status: 'suspended', suspensionReason: 'nonpayment' });
    expect(first.json().expiresAt).toBe('2026-06-21T00:00:00.000Z');

    // Day 111 of 112: still there, and it can come back.
    await move(api, { to: '2026-06-20T00:00:00.000Z' });
    expect((await get(api, base, id)).status).toBe('suspended');
    expect((await api.patch(url, { status: 'active' })).statusCode).toBe(200);

    const second = await api.patch(url, {
      status: 'suspended',
      suspensionReason: 'customer_request',
    });
    const expiresAt = second.json().expiresAt as string;
    expect(expiresAt).toBe('2026-10-10T00:00:00.000Z');

    const justBefore = new Date(Date.parse(expiresAt) - 1).toISOString();
    expect((await move(api, { to: justBefore })).processed.deprovisioned).toBe(0);
    expect((await get(api, base, id)).status).toBe('suspended');

    const justAfter = new Date(Date.parse(expiresAt) + 1).toISOString();
    expect((await move(api, { to: justAfter })).processed.deprovisioned).toBe(1);
    const deleted = await get(api, base, id);
    expect(deleted).toMatchObject({ status: 'deleted', deletedAt: justAfter, actions: [] });
    const types = await eventTypes(api, base, id);
    expect(types.filter((type: string) => type === 'subscription.deprovisioned')).toHaveLength(1);
    expect(types.filter((type: string) => type === 'subscription.expiring_soon')).toHaveLength(2);

    // Running again changes nothing.
    expect((await move(api, { advanceBy: 'PT1H' })).processed).toMatchObject({
      deprovisioned: 0,
      warned: 0,
    });
  });

  it('renews an annual term when auto-renew is on, add-ons with it', async () => {
    const { api, base } = await sandbox();
    const id = await order(api, base, 'annual', { offerId: 'mail-basic', quantity: 5 });
    const addOn = await order(api, base, 'annual', {
      offerId: 'security-advanced-threat-protection',
      quantity: 5,
      parentSubscriptionId: id,
    });
    expect(await get(api, base, id)).toMatchObject({
      commitmentEndDate: '2027-02-28',
      autoRenewEnabled: true,
    });
    expect((await move(api, { to: '2027-02-28T23:59:59.999Z' })).processed.renewed).toBe(0);
    expect((await move(api, { to: '2027-03-01T00:00:00.000Z' })).processed.renewed).toBe(2);
    const renewed = await get(api, base, id);
    expect(renewed).toMatchObject({
      status: 'active',
      effectiveStartDate: '2027-03-01',
      commitmentEndDate: '2028-02-29',
      cancellationAllowedUntil: '2027-03-08T00:00:00.000Z',
    });
    expect(await get(api, base, addOn)).toMatchObject({
      status: 'active',
      commitmentEndDate: '2028-02-29',
    });
    expect(await eventTypes(api, base, id)).toEqual([
      'subscription.created',
      'charge.created',
      'subscription.renewed',
      'charge.created',
    ]);
  });

  it('expires a term without auto-renew, its add-ons with it, after one warning', async () => {
    const { api, base } = await sandbox();
    const id = await order(api, base, 'monthly', { offerId: 'mail-basic', quantity: 5 });
    const addOn = await order(api, base, 'monthly', {
      offerId: 'mail-extra-storage',
      quantity: 10,
      parentSubscriptionId: id,
    });
    expect(
      (await api.patch(`${base}/subscriptions/${id}`, { autoRenewEnabled: false })).statusCode,
    ).toBe(200);
    expect((await move(api, { to: '2026-03-25T00:00:00.000Z' })).processed.warned).toBe(1);
    expect((await move(api, { to: '2026-03-26T00:00:00.000Z' })).processed.warned).toBe(0);
    expect((await move(api, { to: '2026-04-01T00:00:00.000Z' })).processed.expired).toBe(2);
    expect(await get(api, base, id)).toMatchObject({ status: 'expired', actions: [] });
    expect(await get(api, base, addOn)).toMatchObject({ status: 'expired' });
    expect(await eventTypes(api, base, id)).toEqual([
      'subscription.created',
      'charge.created',
      'subscription.updated',
      'subscription.expiring_soon',
      'subscription.expired',
    ]);
  });

  it('ends a trial at its end date', async () => {
    const { api, base } = await sandbox();
    const trialOffer = t.ctx.catalog.offers.find((o) => o.isTrial)!;
    const id = await order(api, base, 'monthly', { offerId: trialOffer.id, quantity: 3 });
    const trial = await get(api, base, id);
    expect(trial.trialEndDate).toBe('2026-03-30');
    await move(api, { to: '2026-03-30T23:00:00.000Z' });
    expect((await get(api, base, id)).status).toBe('active');
    expect((await move(api, { to: '2026-03-31T00:00:00.000Z' })).processed.expired).toBe(1);
    expect(await get(api, base, id)).toMatchObject({ status: 'expired' });
    const types = await eventTypes(api, base, id);
    expect(types).toEqual([
      'subscription.created',
      'subscription.expiring_soon',
      'subscription.expired',
    ]);
  });

  it('refuses the clock to other partners and backwards', async () => {
    const { token } = await t.newPartner();
    const real = await client(t.app, token).post('/v1/sandbox/clock', { advanceBy: 'P1D' });
    expect(real.statusCode).toBe(403);
    expect(real.json().code).toBe('sandbox_only');
    const { api } = await sandbox();
    const back = await api.post('/v1/sandbox/clock', { to: '2026-02-01T00:00:00.000Z' });
    expect(back.statusCode).toBe(422);
    expect(back.json().code).toBe('sandbox_clock_backwards');
    for (const body of [
      { advanceBy: 'P1M' },
      { advanceBy: '30 days' },
      { advanceBy: 'P1D', to: '2027-01-01T00:00:00Z' },
      {},
    ]) {
      const response = await api.post('/v1/sandbox/clock', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await api.get('/v1/sandbox/clock')).json()).toEqual({
      now: '2026-03-01T00:00:00.000Z',
    });
    expect((await move(api, { advanceBy: 'P1DT12H' })).now).toBe('2026-03-02T12:00:00.000Z');
  });

  it('tells every caller the time by its partner: the sandbox clock, else the server’s', async () => {
    const { api, base } = await sandbox('2026-03-01T00:00:00.000Z');
    expect((await api.get('/v1/clock')).json()).toEqual({
      now: '2026-03-01T00:00:00.000Z',
      sandbox: true,
      billingDay: 1,
      billingPeriod: { start: '2026-03-01', end: '2026-03-31' },
    });
    await move(api, { advanceBy: 'P10D' });
    const { now } = (await api.get('/v1/clock')).json<{ now: string }>();
    expect(now).toBe('2026-03-11T00:00:00.000Z');
    // The portal shows the expiry a suspension would have from this clock: it is the API's.
    const id = await order(api, base, 'monthly', { offerId: 'mail-basic', quantity: 1 });
    const suspended = await api.patch(`${base}/subscriptions/${id}`, {
      status: 'suspended',
      suspensionReason: 'other',
    });
    expect(suspended.json()).toMatchObject({ suspendedAt: now });
    const { token } = await t.newPartner({ billingDay: 20 });
    expect((await client(t.app, token).get('/v1/clock')).json()).toMatchObject({
      now: clock.now().toISOString(),
      sandbox: false,
      billingDay: 20,
    });
  });
});
