import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEventsOf } from '../../src/store/events.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';
import { tokenWithRole } from '../helpers/roles.js';
import { DIALECTS } from '../helpers/stores.js';

interface Customer {
  id: string;
  companyName: string;
  domain: string;
  billingProfile: {
    firstName: string;
    email: string;
    address: { city: string; country: string; line1: string };
  };
}

describe.each(DIALECTS)('changing a customer (PATCH /v1/customers/{id}) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  async function partnerWithCustomer() {
    const { partner, token } = await t.newPartner();
    const api = client(t.app, token);
    const customer = (await api.post('/v1/customers', newCustomerBody())).json<Customer>();
    return { partner, api, customer, url: `/v1/customers/${customer.id}` };
  }

  const updates = async (partnerId: string, customerId: string) =>
    (await listEventsOf(t.store.db, partnerId, { customerId })).filter(
      (e) => e.type === 'customer.updated',
    );

  it('renames it, moves its domain and changes parts of its billing profile, with one event saying from → to', async () => {
    const { partner, api, customer, url } = await partnerWithCustomer();
    const response = await api.patch(url, {
      companyName: '  Northwind Traders ',
      domain: 'Northwind-Renamed.EXAMPLE.',
      billingProfile: {
        email: 'ap@northwind.example',
        address: { city: 'Taipei', country: 'tw' },
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const changed = response.json<Customer>();
    expect(changed).toEqual({
      ...customer,
      companyName: 'Northwind Traders',
      domain: 'northwind-renamed.example',
      billingProfile: {
        ...customer.billingProfile,
        email: 'ap@northwind.example',
        address: { ...customer.billingProfile.address, city: 'Taipei', country: 'TW' },
      },
    });
    expect((await api.get(url)).json()).toEqual(changed);
    // The list is ordered and searched by the new name.
    const found = (await api.get('/v1/customers?q=northwind%20trad')).json<{ items: Customer[] }>();
    expect(found.items.map((c) => c.id)).toEqual([customer.id]);

    const [event, ...more] = await updates(partner.id, customer.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actor: { type: 'token' },
      customerId: customer.id,
      data: {
        changes: [
          { field: '/companyName', from: customer.companyName, to: 'Northwind Traders' },
          { field: '/domain', from: customer.domain, to: 'northwind-renamed.example' },
          {
            field: '/billingProfile/email',
            from: 'billing@contoso.example',
            to: 'ap@northwind.example',
          },
          { field: '/billingProfile/address/city', from: 'Redmond', to: 'Taipei' },
          { field: '/billingProfile/address/country', from: 'US', to: 'TW' },
        ],
      },
    });
  });

  it('answers what it already has as no change: no event', async () => {
    const { partner, api, customer, url } = await partnerWithCustomer();
    const same = await api.patch(url, {
      companyName: customer.companyName,
      domain: customer.domain.toUpperCase(),
      billingProfile: { address: { city: customer.billingProfile.address.city } },
    });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual(customer);
    expect(await updates(partner.id, customer.id)).toEqual([]);
  });

  it('refuses a domain another customer of the partner has with 409, and changes nothing', async () => {
    const { partner, api, customer, url } = await partnerWithCustomer();
    const other = (await api.post('/v1/customers', newCustomerBody())).json<Customer>();
    const taken = await api.patch(url, { companyName: 'Renamed', domain: other.domain });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'customer_domain_taken',
      errors: [{ field: '/domain', code: 'customer_domain_taken' }],
    });
    expect((await api.get(url)).json()).toEqual(customer);
    expect(await updates(partner.id, customer.id)).toEqual([]);

    // Another partner's customers do not count.
    const stranger = await partnerWithCustomer();
    const free = await stranger.api.patch(stranger.url, { domain: other.domain });
    expect(free.statusCode).toBe(200);
    expect(free.json().domain).toBe(other.domain);
  });

  it('lets one of two customers moved to one domain at once have it', async () => {
    const { partner, api } = await partnerWithCustomer();
    const ids = await Promise.all(
      [1, 2, 3].map(
        async () => (await api.post('/v1/customers', newCustomerBody())).json<Customer>().id,
      ),
    );
    const domain = `contested-${dialect}-${Math.random().toString(36).slice(2, 8)}.example`;
    const answers = await Promise.all(
      ids.map((id) => api.patch(`/v1/customers/${id}`, { domain })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409)) {
      expect(refused.json().code).toBe('customer_domain_taken');
    }
    const events = await listEventsOf(t.store.db, partner.id, {});
    expect(events.filter((e) => e.type === 'customer.updated')).toHaveLength(1);
  });

  it.each([
    ['an empty body', {}, undefined, 'validation_failed'],
    ['an unknown field', { country: 'DE' }, '/country', 'unknown_field'],
    ['a blank name', { companyName: '   ' }, '/companyName', 'invalid_format'],
    ['a domain that is not one', { domain: 'not a domain' }, '/domain', 'invalid_domain'],
    [
      'an unknown billing country',
      { billingProfile: { address: { country: 'XX' } } },
      '/billingProfile/address/country',
      'invalid_country',
    ],
    ['an empty billing profile', { billingProfile: {} }, '/billingProfile', undefined],
    [
      'a bad billing email',
      { billingProfile: { email: 'nobody' } },
      '/billingProfile/email',
      'invalid_format',
    ],
  ])('refuses %s with 400 and changes nothing', async (_name, body, field, code) => {
    const { partner, api, customer, url } = await partnerWithCustomer();
    const refused = await api.patch(url, body);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().code).toBe('validation_failed');
    if (field !== undefined) {
      expect(refused.json().errors).toContainEqual(
        expect.objectContaining({ field, ...(code === undefined ? {} : { code }) }),
      );
    }
    expect((await api.get(url)).json()).toEqual(customer);
    expect(await updates(partner.id, customer.id)).toEqual([]);
  });

  it('answers 404 for an unknown customer and for another partner’s', async () => {
    const { url } = await partnerWithCustomer();
    const stranger = await partnerWithCustomer();
    expect((await stranger.api.patch(url, { companyName: 'Mine now' })).statusCode).toBe(404);
    const unknown = await stranger.api.patch('/v1/customers/0190d1a2-0000-7000-8000-000000000000', {
      companyName: 'Nobody',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');
  });

  it('lets who may create customers change them, and nobody else', async () => {
    const { partner, url } = await partnerWithCustomer();
    const sales = client(t.app, await tokenWithRole(t, partner.id, 'sales_agent'));
    expect((await sales.patch(url, { companyName: 'By sales' })).statusCode).toBe(200);
    const helpdesk = client(t.app, await tokenWithRole(t, partner.id, 'helpdesk_agent'));
    const refused = await helpdesk.patch(url, { companyName: 'By helpdesk' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    expect((await sales.get(url)).json().companyName).toBe('By sales');
  });

  it('replays a retry with the same Idempotency-Key and changes once', async () => {
    const { partner, api, customer, url } = await partnerWithCustomer();
    const body = { companyName: 'Once Renamed' };
    const first = await api.patch(url, body, { 'idempotency-key': 'rename-1' });
    await api.patch(url, { companyName: 'Meanwhile' });
    const retry = await api.patch(url, body, { 'idempotency-key': 'rename-1' });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect((await api.get(url)).json().companyName).toBe('Meanwhile');
    expect(await updates(partner.id, customer.id)).toHaveLength(2);
  });
});
