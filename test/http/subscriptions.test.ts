import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DAY, HOUR, TestClock } from '../helpers/clock.js';
import { seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

interface Sub {
  id: string;
  status: string;
  quantity: number;
  etag: string;
  actions: string[];
  expiresAt: string | null;
  suspensionReasons: string[];
  [key: string]: unknown;
}

describe.each(DIALECTS)('the subscription lifecycle on %s', (dialect) => {
  let t: TestApp;
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t.close());

  async function orderOne(
    api: Awaited<ReturnType<typeof seedCustomer>>['api'],
    base: string,
    line: Record<string, unknown>,
    billingCycle = 'monthly',
  ): Promise<Sub> {
    const response = await api.post(`${base}/orders`, { billingCycle, lineItems: [line] });
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json().lineItems[0].subscriptionId as string;
    return (await api.get(`${base}/subscriptions/${id}`)).json<Sub>();
  }

  it('walks the seed: add-on, quantity, suspend with the expiry shown, reactivate, cancel', async () => {
    clock.set('2026-03-01T00:00:00.000Z');
    const { api, base } = await seedCustomer(t);
    const mail = await orderOne(api, base, { offerId: 'mail-basic', quantity: 10 });
    const url = `${base}/subscriptions/${mail.id}`;
    expect(mail.actions).toContain('add_addon');

    // Step 6: the add-ons this subscription can take.
    const addOnOffers = (await api.get(`${url}/addon-offers`)).json().items;
    const storage = addOnOffers.find(
      (a: { offer: { id: string } }) => a.offer.id === 'mail-extra-storage',
    );
    expect(storage).toMatchObject({ available: true, reasons: [] });
    const addOn = await orderOne(api, base, {
      offerId: 'mail-extra-storage',
      quantity: 50,
      parentSubscriptionId: mail.id,
    });
    expect(addOn).toMatchObject({
      parentSubscriptionId: mail.id,
      commitmentEndDate: mail.commitmentEndDate,
    });
    expect((await api.get(`${url}/addons`)).json().items.map((s: Sub) => s.id)).toEqual([addOn.id]);
    const again = (await api.get(`${url}/addon-offers`))
      .json()
      .items.find((a: { offer: { id: string } }) => a.offer.id === 'mail-extra-storage');
    expect(again.reasons).toEqual([
      expect.objectContaining({ code: 'already_owns_offer', subscriptionId: addOn.id }),
    ]);

    // Step 7: change the quantity, with If-Match.
    const changed = await api.patch(url, { quantity: 12 }, { 'if-match': mail.etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ quantity: 12, etag: '"2"' });
    expect(changed.headers.etag).toBe('"2"');
    const stale = await api.patch(url, { quantity: 14 }, { 'if-match': mail.etag });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('etag_mismatch');

    // Suspend: the seed's example, 112 days for an account opened 2026-01-10.
    const noReason = await api.patch(url, { status: 'suspended' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().code).toBe('suspension_reason_required');
    const suspended = await api.patch(url, { status: 'suspended', suspensionReason: 'nonpayment' });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({
      status: 'suspended',
      suspendedAt: '2026-03-01T00:00:00.000Z',
      expiresAt: '2026-06-21T00:00:00.000Z',
      suspensionReasons: ['nonpayment'],
      actions: expect.arrayContaining(['reactivate']),
    });
    const suspendedAddOn = (await api.get(`${base}/subscriptions/${addOn.id}`)).json<Sub>();
    expect(suspendedAddOn).toMatchObject({
      status: 'suspended',
      suspensionReasons: ['parent_suspended'],
      expiresAt: '2026-06-21T00:00:00.000Z',
    });
    const sameAgain = await api.patch(url, { status: 'suspended', suspensionReason: 'nonpayment' });
    expect(sameAgain.statusCode).toBe(200);
    expect(sameAgain.json().etag).toBe(suspended.json().etag);
    const otherReason = await api.patch(url, { status: 'suspended', suspensionReason: 'fraud' });
    expect(otherReason.statusCode).toBe(409);
    expect(otherReason.json().code).toBe('invalid_status_transition');
    const quantityWhileSuspended = await api.patch(url, { quantity: 20 });
    expect(quantityWhileSuspended.statusCode).toBe(409);
    expect(quantityWhileSuspended.json().code).toBe('subscription_suspended');

    // The catalog now says: reactivate rather than buy again? mail-basic has no limit, so no.
    // Reactivate on day 111 of 112: the add-on comes back with it.
    clock.set('2026-06-20T00:00:00.000Z');
    const reactivated = await api.patch(url, { status: 'active' });
    expect(reactivated.statusCode).toBe(200);
    expect(reactivated.json()).toMatchObject({
      status: 'active',
      suspendedAt: null,
      expiresAt: null,
      suspensionReasons: [],
    });
    expect((await api.get(`${base}/subscriptions/${addOn.id}`)).json()).toMatchObject({
      status: 'active',
    });

    // Cancel: mail-basic's window (7 days) has passed.
    const late = await api.patch(url, { status: 'deleted' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('cancellation_window_expired');

    const events = (await api.get(`${url}/events`))
      .json()
      .items.map((e: { type: string; reason: string | null }) =>
        e.reason ? `${e.type}:${e.reason}` : e.type,
      );
    expect(events).toEqual([
      'subscription.created',
      'charge.created:period',
      'subscription.quantity_changed',
      'charge.created:quantity_change',
      'subscription.suspended:nonpayment',
      'subscription.reactivated',
    ]);
  });

  it('cancels inside the window, add-ons following, and refuses changes afterwards', async () => {
    clock.set('2026-03-01T00:00:00.000Z');
    const { api, base } = await seedCustomer(t);
    const mail = await orderOne(api, base, { offerId: 'mail-basic', quantity: 2 });
    const addOn = await orderOne(api, base, {
      offerId: 'mail-extra-storage',
      quantity: 5,
      parentSubscriptionId: mail.id,
    });
    clock.advance(2 * DAY);
    const cancelled = await api.patch(`${base}/subscriptions/${mail.id}`, { status: 'deleted' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'deleted',
      deletedAt: '2026-03-03T00:00:00.000Z',
      actions: [],
    });
    expect((await api.get(`${base}/subscriptions/${addOn.id}`)).json()).toMatchObject({
      status: 'deleted',
    });
    const after = await api.patch(`${base}/subscriptions/${mail.id}`, { quantity: 3 });
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe('subscription_deleted');
  });

  it('refuses a reactivation once the retention period has ended', async () => {
    clock.set('2026-03-01T00:00:00.000Z');
    const { api, base } = await seedCustomer(t);
    const mail = await orderOne(api, base, { offerId: 'mail-basic', quantity: 2 });
    const url = `${base}/subscriptions/${mail.id}`;
    expect(
      (await api.patch(url, { status: 'suspended', suspensionReason: 'customer_request' }))
        .statusCode,
    ).toBe(200);
    clock.set('2026-06-21T00:00:00.000Z');
    const response = await api.patch(url, { status: 'active' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('retention_expired');
  });

  it('only lowers a quantity inside the decrease window', async () => {
    clock.set('2026-03-01T00:00:00.000Z');
    const { api, base } = await seedCustomer(t);
    const mail = await orderOne(api, base, { offerId: 'mail-basic', quantity: 10 });
    const url = `${base}/subscriptions/${mail.id}`;
    expect((await api.patch(url, { quantity: 8 })).statusCode).toBe(200);
    clock.advance(7 * DAY + HOUR);
    const lower = await api.patch(url, { quantity: 5 });
    expect(lower.statusCode).toBe(409);
    expect(lower.json().code).toBe('quantity_decrease_not_allowed');
    expect((await api.patch(url, { quantity: 9 })).json().quantity).toBe(9);
    const tooMany = await api.patch(url, { quantity: 301 });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().code).toBe('quantity_out_of_range');
  });

  it('shows a suspended one-per-customer subscription as the reason to reactivate', async () => {
    clock.set('2026-03-01T00:00:00.000Z');
    const { api, base } = await seedCustomer(t);
    const limited = t.ctx.catalog.offers.find(
      (o) => o.limitUnitOfMeasure === 'concurrent' && o.limit === 1,
    )!;
    const cycle = limited.billingCycles[0]!;
    const held = await orderOne(api, base, { offerId: limited.id, quantity: 1 }, cycle);
    await api.patch(`${base}/subscriptions/${held.id}`, {
      status: 'suspended',
      suspensionReason: 'other',
    });
    const catalog = (await api.get(`${base}/offers?billingCycle=${cycle}`)).json().items;
    const entry = catalog.find((a: { offer: { id: string } }) => a.offer.id === limited.id);
    expect(entry.available).toBe(false);
    expect(entry.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'limit_reached' }),
        expect.objectContaining({ code: 'suspended_subscription_exists', subscriptionId: held.id }),
      ]),
    );
    // Add-ons are listed too (API.md, "Availability, fixed"): no base, so none can be bought.
    const addOns = catalog.filter((a: { offer: { isAddOn: boolean } }) => a.offer.isAddOn);
    expect(addOns.length).toBeGreaterThan(0);
    for (const addOn of addOns) {
      expect(addOn).toMatchObject({
        available: false,
        reasons: expect.arrayContaining([
          expect.objectContaining({ code: 'base_subscription_required' }),
        ]),
      });
    }
  });

  it('converts a trial with a fixed quantity into its paid offer', async () => {
    clock.set('2026-03-01T00:00:00.000Z');
    const { api, base } = await seedCustomer(t);
    const trials = (await api.get(`${base}/offers?trial=true`)).json().items;
    const trialOffer = trials.find((a: { available: boolean }) => a.available).offer;
    const trial = await orderOne(api, base, { offerId: trialOffer.id, quantity: 5 });
    expect(trial).toMatchObject({
      isTrial: true,
      autoRenewEnabled: false,
      actions: expect.arrayContaining(['convert']),
    });
    expect(trial.actions).not.toContain('change_quantity');
    const fixed = await api.patch(`${base}/subscriptions/${trial.id}`, { quantity: 6 });
    expect(fixed.statusCode).toBe(422);
    expect(fixed.json().code).toBe('trial_quantity_fixed');

    const target = trialOffer.trial.conversionTargetOfferIds[0];
    const converted = await api.post(`${base}/subscriptions/${trial.id}/conversions`, {
      targetOfferId: target,
      quantity: 5,
      billingCycle: 'monthly',
    });
    expect(converted.statusCode).toBe(201);
    expect(converted.json()).toMatchObject({
      offerId: target,
      quantity: 5,
      isTrial: false,
      status: 'active',
    });
    expect((await api.get(`${base}/subscriptions/${trial.id}`)).json().status).toBe('expired');
    const again = (await api.get(`${base}/offers?trial=true`))
      .json()
      .items.find((a: { offer: { id: string } }) => a.offer.id === trialOffer.id);
    expect(again.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'trial_already_used', subscriptionId: trial.id }),
      ]),
    );
  });

  it('refuses status and quantity together, and a reason without a suspension', async () => {
    const { api, base } = await seedCustomer(t);
    const mail = await orderOne(api, base, { offerId: 'mail-basic', quantity: 2 });
    const url = `${base}/subscriptions/${mail.id}`;
    for (const body of [
      { status: 'suspended', suspensionReason: 'fraud', quantity: 3 },
      { suspensionReason: 'fraud' },
      {},
      { quantity: 2.5 },
      { status: 'expired' },
    ]) {
      const response = await api.patch(url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
    expect((await api.get(url)).json().etag).toBe('"1"');
  });

  it('runs a rename, auto-renewal and a suspension in one PATCH, all or nothing', async () => {
    clock.set('2026-03-01T00:00:00.000Z');
    const { api, base } = await seedCustomer(t);
    const mail = await orderOne(api, base, { offerId: 'mail-basic', quantity: 2 });
    const url = `${base}/subscriptions/${mail.id}`;

    // The suspension is refused (no reason), so the rename before it is not kept either.
    const refused = await api.patch(url, { friendlyName: 'Renamed', status: 'suspended' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('suspension_reason_required');
    expect((await api.get(url)).json()).toMatchObject({
      friendlyName: mail.friendlyName,
      etag: '"1"',
    });

    const together = await api.patch(url, {
      friendlyName: 'Renamed',
      autoRenewEnabled: false,
      status: 'suspended',
      suspensionReason: 'nonpayment',
    });
    expect(together.statusCode, together.body).toBe(200);
    expect(together.json()).toMatchObject({
      friendlyName: 'Renamed',
      autoRenewEnabled: false,
      status: 'suspended',
      suspensionReasons: ['nonpayment'],
      etag: '"2"',
    });
    const types = (await api.get(`${url}/events`))
      .json()
      .items.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['subscription.updated', 'subscription.suspended']),
    );
  });
});
