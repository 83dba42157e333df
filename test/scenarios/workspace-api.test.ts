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
  it('a customer is renamed and a taken domain refused (409)', async () => {
    const { api, northwind, fourthCoffee } = await twoCustomers();
    const url = `/v1/customers/${northwind.id}`;
    const renamed = await api.patch(url, { companyName: 'Northwind Holdings' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ id: northwind.id, companyName: 'Northwind Holdings' });
    expect((await listed(api, 'q=holdings')).map((s) => s.customerName)).toEqual([
      'Northwind Holdings',
    ]);

    const coffee = (await api.get(`/v1/customers/${fourthCoffee.id}`)).json<{ domain: string }>();
    const taken = await api.patch(url, { domain: coffee.domain });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('customer_domain_taken');
    expect((await api.get(url)).json().domain).not.toBe(coffee.domain);
  });

  it('a password reset invalidates the old password and the temporary one signs in with mustChangePassword: true', async () => {
    const { api } = await twoCustomers();
    const email = `ana-${Math.random().toString(36).slice(2, 8)}@${dialect}.example`;
    const password = 'Ana chose this password';
    const invited = await api.post('/v1/users', {
      email,
      displayName: 'Ana',
      role: 'sales_agent',
      password,
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const signIn = (secret: string) =>
      t.app.inject({ method: 'POST', url: '/v1/session', payload: { email, password: secret } });
    expect((await signIn(password)).statusCode).toBe(201);

    const userId = invited.json<{ user: { id: string } }>().user.id;
    const reset = await api.post(`/v1/users/${userId}/password-reset`, {});
    expect(reset.statusCode, reset.body).toBe(200);
    const { temporaryPassword } = reset.json<{ temporaryPassword: string }>();

    const old = await signIn(password);
    expect(old.statusCode).toBe(401);
    expect(old.json().code).toBe('invalid_credentials');
    const fresh = await signIn(temporaryPassword);
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json().user).toMatchObject({ id: userId, mustChangePassword: true });
  });
});
