import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEventsOf } from '../../src/store/events.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

interface Sub {
  id: string;
  offerId: string;
  status: string;
  quantity: number;
  etag: string;
  actions: string[];
  [key: string]: unknown;
}

describe.each(DIALECTS)('orders on %s', (dialect) => {
  let t: TestApp;
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t.close());

  it('places an order: one subscription per line, term dates, windows, price snapshot, events', async () => {
    const { api, base, partner, customer } = await seedCustomer(t);
    const response = await api.post(`${base}/orders`, {
      billingCycle: 'monthly',
      lineItems: [
        { offerId: 'mail-basic', quantity: 10, friendlyName: 'Sales mailboxes' },
        { offerId: 'office-apps-business', quantity: 3, termDuration: 'P1Y' },
      ],
    });
    expect(response.statusCode).toBe(201);
    const order = response.json();
    expect(response.headers.location).toBe(`${base}/orders/${order.id}`);
    expect(order).toMatchObject({
      customerId: customer.id,
      billingCycle: 'monthly',
      status: 'completed',
      creationDate: '2026-03-01T00:00:00.000Z',
    });
    expect(order.lineItems.map((l: { lineItemNumber: number }) => l.lineItemNumber)).toEqual([
      0, 1,
    ]);

    const mail = (
      await api.get(`${base}/subscriptions/${order.lineItems[0].subscriptionId}`)
    ).json<Sub>();
    const mailOffer = t.ctx.catalog.offer('mail-basic')!;
    const price = mailOffer.prices.find(
      (p) => p.currency === 'USD' && p.billingCycle === 'monthly' && p.termDuration === 'P1M',
    )!;
    expect(mail).toMatchObject({
      offerId: 'mail-basic',
      offerName: mailOffer.name,
      friendlyName: 'Sales mailboxes',
      quantity: 10,
      status: 'active',
      billingCycle: 'monthly',
      termDuration: 'P1M',
      effectiveStartDate: '2026-03-01',
      commitmentEndDate: '2026-03-31',
      cancellationAllowedUntil: '2026-03-08T00:00:00.000Z',
      unitPrice: price.unitPrice,
      currency: 'USD',
      orderId: order.id,
      parentSubscriptionId: null,
      suspendedAt: null,
      expiresAt: null,
      etag: '"1"',
    });
    expect(mail.actions).toEqual(expect.arrayContaining(['change_quantity', 'suspend', 'cancel']));
    const apps = (
      await api.get(`${base}/subscriptions/${order.lineItems[1].subscriptionId}`)
    ).json<Sub>();
    expect(apps).toMatchObject({ termDuration: 'P1Y', commitmentEndDate: '2027-02-28' });

    const events = await listEventsOf(t.store.db, partner.id, { customerId: customer.id });
    expect(events.map((e) => e.type)).toEqual([
      'customer.created',
      'order.created',
      'subscription.created',
      'subscription.created',
      'charge.created',
      'charge.created',
    ]);

    const orders = (await api.get(`${base}/orders`)).json();
    expect(orders.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect((await api.get(`${base}/orders/${order.id}`)).json()).toEqual(order);
  });

  it('refuses the whole order when one line is unavailable, naming every reason per line', async () => {
    const { api, base } = await seedCustomer(t, { country: 'TW' });
    const response = await api.post(`${base}/orders`, {
      billingCycle: 'monthly',
      lineItems: [
        { offerId: 'mail-basic', quantity: 1 },
        { offerId: 'gov-suite-g3', quantity: 5 },
        { offerId: 'edu-campus-faculty', quantity: 5 },
      ],
    });
    expect(response.statusCode).toBe(409);
    const problem = response.json();
    expect(problem.code).toBe('offer_unavailable');
    const codes = problem.errors.map(
      (e: { lineItemNumber: number; code: string }) => `${e.lineItemNumber}:${e.code}`,
    );
    expect(codes).toEqual(
      expect.arrayContaining([
        '1:market_not_supported',
        '1:segment_not_eligible',
        '1:instance_not_supported',
        '2:segment_not_eligible',
      ]),
    );
    expect(codes.some((c: string) => c.startsWith('0:'))).toBe(false);
    expect((await api.get(`${base}/subscriptions`)).json().items).toEqual([]);
    expect((await api.get(`${base}/orders`)).json().items).toEqual([]);
  });

  it('holds a one-per-customer limit across orders and within one order', async () => {
    const { api, base } = await seedCustomer(t);
    const limited = t.ctx.catalog.offers.find(
      (o) => o.limitUnitOfMeasure === 'concurrent' && o.limit === 1,
    )!;
    const line = { offerId: limited.id, quantity: 1 };
    const cycle = limited.billingCycles[0]!;
    const twice = await api.post(`${base}/orders`, {
      billingCycle: cycle,
      lineItems: [line, line],
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors).toEqual([
      expect.objectContaining({ lineItemNumber: 1, code: 'limit_reached' }),
    ]);
    const first = await api.post(`${base}/orders`, { billingCycle: cycle, lineItems: [line] });
    expect(first.statusCode).toBe(201);
    const held = first.json().lineItems[0].subscriptionId;
    const second = await api.post(`${base}/orders`, { billingCycle: cycle, lineItems: [line] });
    expect(second.statusCode).toBe(409);
    expect(second.json().errors).toEqual([
      expect.objectContaining({ lineItemNumber: 0, code: 'limit_reached', subscriptionId: held }),
    ]);
  });

  it('gives exactly one subscription when 20 orders for a limit-1 offer race', async () => {
    const { api, base } = await seedCustomer(t);
    const limited = t.ctx.catalog.offers.find(
      (o) => o.limitUnitOfMeasure === 'concurrent' && o.limit === 1,
    )!;
    const body = {
      billingCycle: limited.billingCycles[0],
      lineItems: [{ offerId: limited.id, quantity: 1 }],
    };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api.post(`${base}/orders`, body)),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([
      201,
      ...Array<number>(19).fill(409),
    ]);
    expect(
      (await api.get(`${base}/subscriptions?offerId=${limited.id}`)).json().items,
    ).toHaveLength(1);
  });

  it.each([
    ['no line items', { billingCycle: 'monthly', lineItems: [] }, 400, 'validation_failed'],
    [
      '101 line items',
      {
        billingCycle: 'monthly',
        lineItems: Array.from({ length: 101 }, () => ({ offerId: 'mail-basic', quantity: 1 })),
      },
      400,
      'validation_failed',
    ],
    [
      'a string quantity',
      { billingCycle: 'monthly', lineItems: [{ offerId: 'mail-basic', quantity: '1' }] },
      400,
      'validation_failed',
    ],
    [
      'an unknown billing cycle',
      { billingCycle: 'weekly', lineItems: [{ offerId: 'mail-basic', quantity: 1 }] },
      400,
      'validation_failed',
    ],
    [
      'an unknown offer',
      { billingCycle: 'monthly', lineItems: [{ offerId: 'nope', quantity: 1 }] },
      400,
      'validation_failed',
    ],
    [
      'a quantity over the maximum',
      { billingCycle: 'monthly', lineItems: [{ offerId: 'mail-basic', quantity: 100000 }] },
      422,
      'quantity_out_of_range',
    ],
    [
      'annual billing of a monthly-only offer',
      { billingCycle: 'annual', lineItems: [{ offerId: 'mail-kiosk', quantity: 1 }] },
      409,
      'offer_unavailable',
    ],
    [
      'an add-on without its base',
      { billingCycle: 'monthly', lineItems: [{ offerId: 'mail-extra-storage', quantity: 1 }] },
      400,
      'validation_failed',
    ],
  ])('refuses %s with %s %s and changes nothing', async (_name, body, status, code) => {
    const { api, base } = await seedCustomer(t);
    const response = await api.post(`${base}/orders`, body);
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
    expect((await api.get(`${base}/orders`)).json().items).toEqual([]);
  });

  it("answers 404 for another partner's customer", async () => {
    const owner = await seedCustomer(t);
    const other = await seedCustomer(t);
    const response = await other.api.post(`${owner.base}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId: 'mail-basic', quantity: 1 }],
    });
    expect(response.statusCode).toBe(404);
    expect((await owner.api.get(`${owner.base}/orders`)).json().items).toEqual([]);
  });
});
