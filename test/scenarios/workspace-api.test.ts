import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { orderLine } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

type Api = ReturnType<typeof client>;

/** Issue 14's "done when", through the API alone: the partner's workspace. */
describe.each(DIALECTS)("the partner's workspace through the API alone, on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock('2026-03-01T00:00:00.000Z') });
  });
  afterAll(() => t.close());

  /** A new partner with two customers, Northwind and Fourth Coffee, each with a mail subscription. */
  async function twoCustomers() {
    const { partner, token } = await t.newPartner();
    const api = client(t.app, token);
    const customer = async (companyName: string) => {
      const response = await api.post('/v1/customers', newCustomerBody({ companyName }));
      expect(response.statusCode, response.body).toBe(201);
      const { id } = response.json<{ id: string }>();
      const subscriptionId = await orderLine(api, `/v1/customers/${id}`, {
        offerId: 'mail-basic',
        quantity: 5,
        friendlyName: `${companyName} mail`,
      });
      return { id, subscriptionId };
    };
    return {
      partner,
      api,
      northwind: await customer('Northwind Traders'),
      fourthCoffee: await customer('Fourth Coffee'),
    };
  }

  const listed = async (api: Api, query: string) => {
    const response = await api.get(`/v1/subscriptions?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: { id: string; customerName: string }[] }>().items;
  };

  it("a search across customers lists both customers' subscriptions with their names", async () => {
    const { api, northwind, fourthCoffee } = await twoCustomers();
    const found = await listed(api, 'q=MAIL');
    expect(found.map((s) => [s.id, s.customerName])).toEqual([
      [fourthCoffee.subscriptionId, 'Fourth Coffee'],
      [northwind.subscriptionId, 'Northwind Traders'],
    ]);
  });

  it('a bulk auto-renew change of two subscriptions and one unknown id answers 2 done and 1 refused', async () => {
    const { api, northwind, fourthCoffee } = await twoCustomers();
    const unknown = randomUUID();
    const response = await api.post('/v1/subscriptions/bulk', {
      operation: 'set_auto_renew',
      subscriptionIds: [northwind.subscriptionId, unknown, fourthCoffee.subscriptionId],
      autoRenewEnabled: false,
    });
    expect(response.statusCode, response.body).toBe(200);
    const { results } = response.json<{
      results: { subscriptionId: string; status: string; error?: { code: string } }[];
    }>();
    expect(results.map((r) => [r.subscriptionId, r.status, r.error?.code])).toEqual([
      [northwind.subscriptionId, 'done', undefined],
      [unknown, 'refused', 'subscription_not_found'],
      [fourthCoffee.subscriptionId, 'done', undefined],
    ]);
    const ending = await listed(api, 'expiresBefore=2026-04-01');
    expect(ending.map((s) => s.id).sort()).toEqual(
      [northwind.subscriptionId, fourthCoffee.subscriptionId].sort(),
    );
  });
});
