import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/services/create-api-token.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';
import { TestClock } from '../helpers/clock.js';
import { seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

describe.each(DIALECTS)('the audit log on %s', (dialect) => {
  let t: TestApp;
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t.close());

  it('lists every change with its actor and reason, filtered and paged', async () => {
    const { api, base, customer } = await seedCustomer(t);
    const order = (
      await api.post(`${base}/orders`, {
        billingCycle: 'monthly',
        lineItems: [{ offerId: 'mail-basic', quantity: 3 }],
      })
    ).json();
    const subscriptionId = order.lineItems[0].subscriptionId as string;
    clock.set('2026-03-02T00:00:00.000Z');
    await api.patch(`${base}/subscriptions/${subscriptionId}`, {
      status: 'suspended',
      suspensionReason: 'fraud',
    });

    const all = (await api.get(`/v1/events?customerId=${customer.id}`)).json().items;
    expect(all.map((e: { type: string }) => e.type)).toEqual([
      'customer.created',
      'order.created',
      'subscription.created',
      'charge.created',
      'subscription.suspended',
    ]);
    expect(all[4]).toMatchObject({
      actor: { type: 'token', name: 'test' },
      reason: 'fraud',
      subscriptionId,
      data: { expiresAt: '2026-06-22T00:00:00.000Z' },
    });
    // Each event names what it is about, as it is called now.
    const { companyName } = (await api.get(base)).json<{ companyName: string }>();
    expect(all[0]).toMatchObject({ customerName: companyName, subscriptionName: null });

    const byType = (
      await api.get(`/v1/events?type=subscription.suspended&customerId=${customer.id}`)
    ).json();
    expect(byType.items).toHaveLength(1);
    const byTime = (
      await api.get(
        `/v1/events?customerId=${customer.id}&from=2026-03-01T12:00:00Z&to=2026-03-03T00:00:00Z`,
      )
    ).json();
    expect(byTime.items.map((e: { type: string }) => e.type)).toEqual(['subscription.suspended']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await api.get(
          `/v1/events?customerId=${customer.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e: { id: string }) => e.id));

    await api.patch(`${base}/subscriptions/${subscriptionId}`, { friendlyName: 'Front office' });
    const renamed = (await api.get(`/v1/events?customerId=${customer.id}`)).json().items;
    expect(renamed[3]).toMatchObject({
      customerName: companyName,
      subscriptionName: 'Front office',
    });
    const history = (await api.get(`${base}/subscriptions/${subscriptionId}/events`)).json();
    expect(history.items[0]).toMatchObject({ subscriptionName: 'Front office' });
  });

  it('filters by actor and exports CSV without a page limit', async () => {
    const { api, base, customer, partner } = await seedCustomer(t);
    for (let i = 0; i < 3; i += 1) {
      await api.post(`${base}/orders`, {
        billingCycle: 'monthly',
        lineItems: [{ offerId: 'mail-basic', quantity: 1 }],
      });
    }
    const { secret } = await createApiToken(t.ctx, {
      partnerId: partner.id,
      name: '=HYPERLINK("http://evil.example"), "x"',
    });
    const auditor = client(t.app, secret);
    const tokenEvents = (
      await api.get(`/v1/events?customerId=${customer.id}&actorType=token&limit=500`)
    ).json();
    // The customer, then three orders, each with its subscription and its first charge.
    expect(tokenEvents.items).toHaveLength(10);
    const actorId = tokenEvents.items[0].actor.id as string;
    const byActor = (
      await api.get(`/v1/events?actorId=${actorId}&customerId=${customer.id}`)
    ).json();
    expect(byActor.items).toHaveLength(10);
    expect(
      (await api.get(`/v1/events?actorType=system&customerId=${customer.id}`)).json().items,
    ).toEqual([]);

    const csv = await api.get(`/v1/events?customerId=${customer.id}&limit=1`, {
      accept: 'text/csv',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,occurredAt,type,actorType,actorId,actorName,customerId,customerName,subscriptionId,subscriptionName,orderId,reason,data',
    );
    expect(lines).toHaveLength(1 + 10);
    expect(lines.filter((l) => l.includes(',subscription.created,'))).toHaveLength(3);
    const { companyName } = (await api.get(base)).json<{ companyName: string }>();
    expect(lines.slice(1).every((l) => l.includes(`,${customer.id},${companyName},`))).toBe(true);
    // A formula in a name is written as text, quoted and escaped.
    await auditor.post('/v1/customers', newCustomerBody());
    const withFormula = await auditor.get(
      '/v1/events?type=customer.created&actorType=token&limit=500',
      { accept: 'text/csv' },
    );
    expect(withFormula.body).toContain(`"'=HYPERLINK(""http://evil.example""), ""x"""`);
    expect(withFormula.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('quotes cells with a separator, quote or newline, and defuses formulas, in the CSV', async () => {
    const { api, partner } = await seedCustomer(t);
    const names = [
      'Ops; billing',
      '=1;2',
      '@SUM(A1:A9)',
      '-2+3',
      '\tcmd',
      'Line one\nline two',
      'A "quoted", name',
    ];
    for (const name of names) {
      const { secret } = await createApiToken(t.ctx, { partnerId: partner.id, name });
      await client(t.app, secret).post('/v1/customers', newCustomerBody());
    }
    const csv = await api.get('/v1/events?type=customer.created&actorType=token', {
      accept: 'text/csv',
    });
    expect(csv.statusCode).toBe(200);
    for (const cell of [
      '"Ops; billing"',
      `"'=1;2"`,
      "'@SUM(A1:A9)",
      "'-2+3",
      "'\tcmd",
      '"Line one\nline two"',
      '"A ""quoted"", name"',
    ]) {
      expect(csv.body).toContain(`,${cell},`);
    }
    expect(csv.body.endsWith('\r\n')).toBe(true);
  });

  it("never shows another partner's events", async () => {
    const owner = await seedCustomer(t);
    const other = await seedCustomer(t);
    const foreign = (await other.api.get(`/v1/events?customerId=${owner.customer.id}`)).json();
    expect(foreign.items).toEqual([]);
  });
});
