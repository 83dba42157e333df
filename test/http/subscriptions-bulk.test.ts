import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { tokenWithRole } from '../helpers/roles.js';
import { orderLine } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

type Api = ReturnType<typeof client>;

interface Sub {
  id: string;
  customerId: string;
  status: string;
  quantity: number;
  autoRenewEnabled: boolean;
  etag: string;
  expiresAt: string | null;
  suspensionReasons: string[];
}

interface Result {
  subscriptionId: string;
  status: 'done' | 'refused';
  subscription?: Sub;
  error?: { type: string; title: string; status: number; code: string; detail: string };
}

describe.each(DIALECTS)('bulk changes to subscriptions on %s', (dialect) => {
  let t: TestApp;
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t.close());

  /** A partner with two customers: Contoso's mail and Fabrikam's mail plus, its add-on and a spare. */
  async function seed() {
    clock.set('2026-03-01T00:00:00.000Z');
    const { partner, token } = await t.newPartner();
    const api = client(t.app, token);
    const customer = async (name: string) => {
      const response = await api.post(
        '/v1/customers',
        newCustomerBody({ companyName: name, accountOpenedAt: '2026-01-10T15:30:00Z' }),
      );
      return `/v1/customers/${response.json<{ id: string }>().id}`;
    };
    const contoso = await customer('Contoso');
    const fabrikam = await customer('Fabrikam');
    const mail = await orderLine(api, contoso, { offerId: 'mail-basic', quantity: 10 });
    const plus = await orderLine(api, fabrikam, { offerId: 'mail-plus', quantity: 10 });
    const storage = await orderLine(api, contoso, {
      offerId: 'mail-extra-storage',
      quantity: 5,
      parentSubscriptionId: mail,
    });
    const spare = await orderLine(api, fabrikam, { offerId: 'security-endpoint', quantity: 4 });
    const url = { [mail]: contoso, [plus]: fabrikam, [storage]: contoso, [spare]: fabrikam };
    const read = async (id: string) =>
      (await api.get(`${url[id]}/subscriptions/${id}`)).json<Sub>();
    const events = async (id: string) =>
      (await api.get(`${url[id]}/subscriptions/${id}/events`))
        .json<{ items: { type: string }[] }>()
        .items.map((e) => e.type);
    return { partner, api, ids: { mail, plus, storage, spare }, read, events, url };
  }

  const bulk = (api: Api, body: unknown, headers?: Record<string, string>) =>
    api.post('/v1/subscriptions/bulk', body, headers);

  it('turns auto-renew off across customers, as the single PATCH would', async () => {
    const { api, ids, read, events } = await seed();
    const response = await bulk(api, {
      operation: 'set_auto_renew',
      subscriptionIds: [ids.plus, ids.mail],
      autoRenewEnabled: false,
    });
    expect(response.statusCode, response.body).toBe(200);
    const { results } = response.json<{ results: Result[] }>();
    expect(results.map((r) => [r.subscriptionId, r.status])).toEqual([
      [ids.plus, 'done'],
      [ids.mail, 'done'],
    ]);
    expect(results[0]!.subscription).toMatchObject({ autoRenewEnabled: false, etag: '"2"' });
    expect(results[0]!.error).toBeUndefined();
    expect(await read(ids.mail)).toMatchObject({ autoRenewEnabled: false, etag: '"2"' });
    expect((await events(ids.mail)).filter((type) => type === 'subscription.updated')).toHaveLength(
      1,
    );
  });

  it('suspends with a reason (add-ons follow), then reactivates and cancels', async () => {
    const { api, ids, read } = await seed();
    const suspended = await bulk(api, {
      operation: 'suspend',
      subscriptionIds: [ids.mail, ids.plus],
      reason: 'nonpayment',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json<{ results: Result[] }>().results[0]!.subscription).toMatchObject({
      status: 'suspended',
      suspensionReasons: ['nonpayment'],
      expiresAt: '2026-06-21T00:00:00.000Z',
    });
    expect(await read(ids.storage)).toMatchObject({
      status: 'suspended',
      suspensionReasons: ['parent_suspended'],
    });

    const reactivated = await bulk(api, { operation: 'reactivate', subscriptionIds: [ids.mail] });
    expect(reactivated.json<{ results: Result[] }>().results[0]).toMatchObject({
      status: 'done',
      subscription: { status: 'active', expiresAt: null },
    });
    expect((await read(ids.storage)).status).toBe('active');

    const cancelled = await bulk(api, { operation: 'cancel', subscriptionIds: [ids.mail] });
    expect(cancelled.json<{ results: Result[] }>().results[0]).toMatchObject({
      status: 'done',
      subscription: { status: 'deleted' },
    });
    expect((await read(ids.storage)).status).toBe('deleted');
  });

  it('answers each item on its own: done, refused by a rule, unknown and another partner’s', async () => {
    const { api, ids, read, url } = await seed();
    const other = await seed();
    const unknown = randomUUID();
    const response = await bulk(api, {
      operation: 'change_quantity',
      subscriptionIds: [ids.plus, ids.mail, unknown, other.ids.plus, ids.spare],
      quantity: 301,
    });
    expect(response.statusCode, response.body).toBe(200);
    const { results } = response.json<{ results: Result[] }>();
    expect(results.map((r) => [r.subscriptionId, r.status, r.error?.code])).toEqual([
      [ids.plus, 'done', undefined],
      [ids.mail, 'refused', 'quantity_out_of_range'],
      [unknown, 'refused', 'subscription_not_found'],
      [other.ids.plus, 'refused', 'subscription_not_found'],
      [ids.spare, 'done', undefined],
    ]);
    expect(results[1]!.error).toMatchObject({
      type: 'urn:psc:problem:quantity_out_of_range',
      title: 'Quantity out of range',
      status: 422,
      code: 'quantity_out_of_range',
      detail: expect.any(String),
    });
    expect(results[2]!.error).toMatchObject({ status: 404, title: 'Subscription not found' });
    expect(results[1]!.subscription).toBeUndefined();
    expect(await read(ids.mail)).toMatchObject({ quantity: 10, etag: '"1"' });
    expect(await other.read(other.ids.plus)).toMatchObject({ quantity: 10, etag: '"1"' });
    expect(await read(ids.plus)).toMatchObject({ quantity: 301, etag: '"2"' });
    // The same ledger effect as a single change: the increase is charged for the days left.
    const charges = (await api.get(`${url[ids.plus]}/charges?subscriptionId=${ids.plus}`)).json<{
      items: { type: string; quantity: number }[];
    }>().items;
    expect(charges.map((c) => c.type)).toEqual(['period', 'quantity_change']);
  });

  it.each([
    ['sales_agent', { operation: 'cancel' }],
    ['helpdesk_agent', { operation: 'cancel' }],
    ['billing_admin', { operation: 'change_quantity', quantity: 12 }],
    ['billing_admin', { operation: 'suspend', reason: 'fraud' }],
    ['sales_agent', { operation: 'suspend', reason: 'nonpayment' }],
  ])('refuses a %s the whole request (%o) with 403 before anything runs', async (role, body) => {
    const { partner, ids, read } = await seed();
    const api = client(t.app, await tokenWithRole(t, partner.id, role as 'sales_agent'));
    const request = { ...body, subscriptionIds: [ids.mail, randomUUID()] };
    for (const headers of [undefined, { 'idempotency-key': `bulk-${role}` }]) {
      const response = await bulk(api, request, headers);
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
    expect(await read(ids.mail)).toMatchObject({ status: 'active', quantity: 10, etag: '"1"' });
  });

  it('lets a billing admin suspend for non-payment and a sales agent change auto-renew', async () => {
    const { partner, ids } = await seed();
    const billing = client(t.app, await tokenWithRole(t, partner.id, 'billing_admin'));
    const sales = client(t.app, await tokenWithRole(t, partner.id, 'sales_agent'));
    const suspended = await bulk(billing, {
      operation: 'suspend',
      subscriptionIds: [ids.plus],
      reason: 'nonpayment',
    });
    expect(suspended.json().results[0].status).toBe('done');
    const renewal = await bulk(sales, {
      operation: 'set_auto_renew',
      subscriptionIds: [ids.spare],
      autoRenewEnabled: false,
    });
    expect(renewal.json().results[0].status).toBe('done');
  });

  it.each([
    ['no ids', { operation: 'cancel', subscriptionIds: [] }, '/subscriptionIds'],
    [
      '501 ids',
      { operation: 'cancel', subscriptionIds: Array.from({ length: 501 }, () => randomUUID()) },
      '/subscriptionIds',
    ],
    [
      'a duplicate id',
      { operation: 'cancel', subscriptionIds: ['MAIL', 'MAIL'] },
      '/subscriptionIds',
    ],
    [
      'an id that is not a UUID',
      { operation: 'cancel', subscriptionIds: ['x'] },
      '/subscriptionIds/0',
    ],
    ['an unknown operation', { operation: 'delete', subscriptionIds: ['MAIL'] }, '/operation'],
    ['an unknown field', { operation: 'cancel', subscriptionIds: ['MAIL'], force: true }, '/force'],
    [
      'auto-renew missing',
      { operation: 'set_auto_renew', subscriptionIds: ['MAIL'] },
      '/autoRenewEnabled',
    ],
    [
      'auto-renew as text',
      { operation: 'set_auto_renew', subscriptionIds: ['MAIL'], autoRenewEnabled: 'false' },
      '/autoRenewEnabled',
    ],
    ['a reason missing', { operation: 'suspend', subscriptionIds: ['MAIL'] }, '/reason'],
    [
      'an unknown reason',
      { operation: 'suspend', subscriptionIds: ['MAIL'], reason: 'whim' },
      '/reason',
    ],
    [
      'a quantity missing',
      { operation: 'change_quantity', subscriptionIds: ['MAIL'] },
      '/quantity',
    ],
    [
      'a quantity of 0',
      { operation: 'change_quantity', subscriptionIds: ['MAIL'], quantity: 0 },
      '/quantity',
    ],
    [
      'a quantity with cancel',
      { operation: 'cancel', subscriptionIds: ['MAIL'], quantity: 3 },
      '/quantity',
    ],
    [
      'a reason with reactivate',
      { operation: 'reactivate', subscriptionIds: ['MAIL'], reason: 'other' },
      '/reason',
    ],
  ])('refuses %s with 400 and changes nothing', async (_name, body, field) => {
    const { api, ids, read } = await seed();
    const request = JSON.parse(JSON.stringify(body).replaceAll('MAIL', ids.mail)) as object;
    const response = await bulk(api, request);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: expect.arrayContaining([expect.objectContaining({ field })]),
    });
    expect(await read(ids.mail)).toMatchObject({ status: 'active', etag: '"1"' });
  });

  it('takes 500 ids at once', async () => {
    const { api, ids } = await seed();
    const subscriptionIds = [ids.spare, ...Array.from({ length: 499 }, () => randomUUID())];
    const response = await bulk(api, {
      operation: 'set_auto_renew',
      subscriptionIds,
      autoRenewEnabled: false,
    });
    expect(response.statusCode).toBe(200);
    const { results } = response.json<{ results: Result[] }>();
    expect(results.map((r) => r.subscriptionId)).toEqual(subscriptionIds);
    expect(results.filter((r) => r.status === 'done')).toHaveLength(1);
  });

  it('replays the same results for the same Idempotency-Key and acts once', async () => {
    const { api, ids, read, events } = await seed();
    const body = {
      operation: 'change_quantity',
      subscriptionIds: [ids.mail, ids.plus, randomUUID()],
      quantity: 250,
    };
    const headers = { 'idempotency-key': 'bulk-quantity-1' };
    const first = await bulk(api, body, headers);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<{ results: Result[] }>().results.map((r) => r.status)).toEqual([
      'done',
      'done',
      'refused',
    ]);
    const replay = await bulk(api, body, headers);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expect(await read(ids.mail)).toMatchObject({ quantity: 250, etag: '"2"' });
    expect(
      (await events(ids.mail)).filter((type) => type === 'subscription.quantity_changed'),
    ).toHaveLength(1);
    const otherBody = await bulk(api, { ...body, quantity: 251 }, headers);
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.json().code).toBe('idempotency_key_reused');
  });

  it('under an Idempotency-Key still answers each item on its own', async () => {
    const { api, ids, read } = await seed();
    const response = await bulk(
      api,
      { operation: 'cancel', subscriptionIds: [ids.storage, ids.mail, ids.plus] },
      { 'idempotency-key': 'bulk-cancel-1' },
    );
    expect(response.statusCode, response.body).toBe(200);
    // The add-on went first, so the base it belonged to cancels after it; all three are done.
    expect(response.json<{ results: Result[] }>().results.map((r) => r.status)).toEqual([
      'done',
      'done',
      'done',
    ]);
    clock.set('2026-03-20T00:00:00.000Z');
    const late = await bulk(
      api,
      { operation: 'cancel', subscriptionIds: [ids.spare, ids.mail] },
      { 'idempotency-key': 'bulk-cancel-2' },
    );
    // Cancelling what is already cancelled is no change, as with the single PATCH.
    expect(
      late.json<{ results: Result[] }>().results.map((r) => [r.status, r.error?.code]),
    ).toEqual([
      ['refused', 'cancellation_window_expired'],
      ['done', undefined],
    ]);
    expect(await read(ids.spare)).toMatchObject({ status: 'active', etag: '"1"' });
  });
});
