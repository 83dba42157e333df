import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEventsOf } from '../../src/store/events.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';

type Api = ReturnType<typeof client>;

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

/**
 * Input a client can send that one database or the other could not take (issue 10): each is
 * refused at the edge with the same 400 problem on both, and changes nothing.
 */
describe.each(DIALECTS)('bad input at the edge on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  async function sandbox() {
    const { partner, token } = await t.newPartner({ isSandbox: true });
    const api = client(t.app, token);
    const customer = (await api.post('/v1/customers', newCustomerBody())).json<{ id: string }>();
    const events = async () => (await listEventsOf(t.store.db, partner.id, {})).length;
    const clock = async () => (await api.get('/v1/sandbox/clock')).json<{ now: string }>().now;
    const before = { events: await events(), clock: await clock() };
    const unchanged = async () => {
      expect({ events: await events(), clock: await clock() }).toEqual(before);
    };
    return { api, customer, unchanged };
  }

  function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status, code, type: `urn:psc:problem:${code}` });
  }

  function expectRefused(response: LightMyRequestResponse, field: string, itemCode: string) {
    expectProblem(response, 400, 'validation_failed');
    expect(response.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, code: itemCode })]),
    );
  }

  const post = (api: Api, url: string, body: unknown) => api.post(url, body);

  it('refuses NUL characters and lone surrogates in any string of a body, or in a key', async () => {
    const { api, unchanged } = await sandbox();
    const profile = newCustomerBody().billingProfile as Record<string, unknown>;
    const cases: [string, unknown, string][] = [
      ['/v1/customers', newCustomerBody({ companyName: 'Contoso\u0000Ltd' }), '/companyName'],
      ['/v1/customers', newCustomerBody({ companyName: 'Contoso \ud800' }), '/companyName'],
      ['/v1/customers', newCustomerBody({ companyName: '\udc00 Contoso' }), '/companyName'],
      [
        '/v1/customers',
        newCustomerBody({ billingProfile: { ...profile, firstName: 'A\u0000' } }),
        '/billingProfile/firstName',
      ],
      ['/v1/customers', { ...newCustomerBody(), 'vip\u0000': true }, '/'],
      ['/v1/users', { email: 'ana@contoso.example', displayName: 'Ana\u0000' }, '/displayName'],
      ['/v1/session', { email: 'ana\u0000@contoso.example', password: 'x' }, '/email'],
      ['/v1/sandbox/clock', { advanceBy: 'P1D\u0000' }, '/advanceBy'],
    ];
    for (const [url, body, field] of cases) {
      expectRefused(await post(api, url, body), field, 'invalid_text');
    }
    expect((await api.get('/v1/customers')).json().items).toHaveLength(1);
    await unchanged();
  });

  it('keeps a well-formed surrogate pair: an emoji is text like any other', async () => {
    const { api } = await sandbox();
    const created = await api.post('/v1/customers', newCustomerBody({ companyName: 'Café 😀' }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().companyName).toBe('Café 😀');
  });

  it('refuses a NUL in a query string', async () => {
    const { api, customer, unchanged } = await sandbox();
    for (const [url, field] of [
      ['/v1/customers?q=%00', 'q'],
      ['/v1/customers?q=Contoso%00', 'q'],
      ['/v1/events?type=%00', 'type'],
      ['/v1/events?actorId=a%00b', 'actorId'],
      [`/v1/customers/${customer.id}/subscriptions?offerId=%00`, 'offerId'],
    ] as const) {
      expectRefused(await api.get(url), field, 'invalid_text');
    }
    await unchanged();
  });

  it('refuses ids that are not 8-4-4-4-12 lower-case hex, in paths and queries', async () => {
    const { api, customer, unchanged } = await sandbox();
    const id = randomUUID();
    const urn = `urn:uuid:${customer.id}`;
    for (const [url, field] of [
      [`/v1/customers/${urn}`, 'customerId'],
      [`/v1/customers/${customer.id.toUpperCase()}`, 'customerId'],
      [`/v1/customers/${urn}/subscriptions`, 'customerId'],
      [`/v1/customers/${customer.id}/subscriptions/urn:uuid:${id}`, 'subscriptionId'],
      [`/v1/customers/${customer.id}/orders/urn:uuid:${id}`, 'orderId'],
      [`/v1/customers/${customer.id}/users/urn:uuid:${id}`, 'userId'],
      [`/v1/users/urn:uuid:${id}`, 'userId'],
      [`/v1/events?customerId=${urn}`, 'customerId'],
      [`/v1/events?subscriptionId={${id}}`, 'subscriptionId'],
    ] as const) {
      expectRefused(await api.get(url), field, 'invalid_format');
    }
    const patched = await api.patch(`/v1/customers/${urn}/subscriptions/${id}`, { quantity: 2 });
    expectRefused(patched, 'customerId', 'invalid_format');
    await unchanged();
  });

  it('refuses forged and foreign cursors with invalid_cursor', async () => {
    const { api, customer, unchanged } = await sandbox();
    const base = `/v1/customers/${customer.id}`;
    for (const url of [
      '/v1/events?cursor=WyJ4Il0',
      `/v1/events?cursor=${cursorOf(['\u0000'])}`,
      `/v1/events?cursor=${cursorOf([randomUUID().toUpperCase()])}`,
      `${base}/orders?cursor=WyJ4Il0`,
      `${base}/subscriptions?cursor=WyJ4Il0`,
      `${base}/users?cursor=${cursorOf(['a\u0000'])}`,
      `/v1/customers?cursor=${cursorOf(['contoso', 'x'])}`,
      `/v1/customers?cursor=${cursorOf(['contoso', randomUUID(), 'x'])}`,
      `/v1/offers?cursor=${cursorOf([1])}`,
    ]) {
      const refused = await api.get(url);
      expectProblem(refused, 400, 'invalid_cursor');
      expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
    await unchanged();
  });

  it('refuses instants before 1970 or after 9999, on days that do not exist, or at leap seconds', async () => {
    const { api, unchanged } = await sandbox();
    const instants = [
      '0000-01-01T00:00:00Z',
      '1969-12-31T23:59:59Z',
      '2026-12-31T23:59:60Z',
      '2026-02-30T00:00:00Z',
      '2026-03-01T24:00:00Z',
      '9999-12-31T23:00:00-05:00',
      '+010000-01-01T00:00:00Z',
    ];
    for (const instant of instants) {
      const query = encodeURIComponent(instant);
      expectRefused(await api.get(`/v1/events?from=${query}`), 'from', 'invalid_format');
      expectRefused(await api.get(`/v1/events?to=${query}`), 'to', 'invalid_format');
      const customer = newCustomerBody({ accountOpenedAt: instant });
      expectRefused(
        await api.post('/v1/customers', customer),
        '/accountOpenedAt',
        'invalid_format',
      );
      expectRefused(await api.post('/v1/sandbox/clock', { to: instant }), '/to', 'invalid_format');
    }
    const fine = await api.get(`/v1/events?from=1970-01-01T00:00:00Z&to=9999-12-31T23:59:59.999Z`);
    expect(fine.statusCode, fine.body).toBe(200);
    await unchanged();
  });

  it('refuses a duration too long for any date, and leaves the clock where it was', async () => {
    const { api, unchanged } = await sandbox();
    for (const advanceBy of ['P99999999999D', 'PT99999999999999999999S', 'P999999W']) {
      expectRefused(
        await api.post('/v1/sandbox/clock', { advanceBy }),
        '/advanceBy',
        'out_of_range',
      );
    }
    await unchanged();
  });

  it('refuses to move the sandbox clock past its last instant, and can still move after', async () => {
    const { api, unchanged } = await sandbox();
    const past = await api.post('/v1/sandbox/clock', { to: '9999-12-31T23:59:59.999Z' });
    expectRefused(past, '/to', 'out_of_range');
    await unchanged();

    const last = await api.post('/v1/sandbox/clock', { to: '9989-12-31T23:59:59.999Z' });
    expect(last.statusCode, last.body).toBe(200);
    expectRefused(
      await api.post('/v1/sandbox/clock', { advanceBy: 'PT1S' }),
      '/advanceBy',
      'out_of_range',
    );
    expect((await api.get('/v1/sandbox/clock')).json().now).toBe('9989-12-31T23:59:59.999Z');
  });

  it('refuses a customer domain that is not a hostname', async () => {
    const { api, unchanged } = await sandbox();
    for (const domain of [
      'contoso..example',
      '-contoso.example',
      'contoso_ltd.example',
      'a'.repeat(64) + '.example',
      'contoso.example:443',
      'bücher.example',
    ]) {
      const response = await api.post('/v1/customers', newCustomerBody({ domain }));
      expectRefused(response, '/domain', 'invalid_domain');
    }
    await unchanged();
  });

  it('answers URLs it cannot route as problems: bad percent-encoding and over-long segments', async () => {
    const { api, customer, unchanged } = await sandbox();
    for (const url of [
      '/v1/offers/%ZZ',
      '/v1/customers/%E0%A4%A',
      `/v1/customers/${customer.id}/orders/%ED%A0%80`,
    ]) {
      expectProblem(await api.get(url), 400, 'bad_request');
    }
    const long = 'a'.repeat(101);
    expectProblem(await api.post(`/v1/customers/${long}/orders`, {}), 414, 'uri_too_long');
    expectProblem(await api.patch(`/v1/users/${long}`, {}), 414, 'uri_too_long');
    // Where the router has other routes of the method to try, the segment is simply not found.
    expectProblem(await api.get(`/v1/customers/${long}/orders`), 404, 'route_not_found');
    await unchanged();
  });
});
