import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEventsOf } from '../../src/store/events.js';
import { TEST_NOW, client, createTestApp, type TestApp } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';

describe.each(DIALECTS)('customers API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  async function partnerApi(billingDay?: number) {
    const { partner, token } = await t.newPartner(billingDay === undefined ? {} : { billingDay });
    return { partner, api: client(t.app, token) };
  }

  it('creates a customer with defaults, a Location and a customer.created event', async () => {
    const { partner, api } = await partnerApi();
    const body = newCustomerBody({ domain: 'Fabrikam-Example.COM', country: 'de' });
    const response = await api.post('/v1/customers', body);
    expect(response.statusCode).toBe(201);
    const customer = response.json();
    expect(customer).toMatchObject({
      companyName: body.companyName,
      domain: 'fabrikam-example.com',
      country: 'DE',
      segment: 'commercial',
      accountOpenedAt: TEST_NOW.toISOString(),
      firstBillingPeriodStart: '2026-03-01',
      createdAt: TEST_NOW.toISOString(),
    });
    expect(customer.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.location).toBe(`/v1/customers/${customer.id}`);

    const events = await listEventsOf(t.store.db, partner.id, { customerId: customer.id });
    expect(events.map((e) => e.type)).toEqual(['customer.created']);
    expect(events[0]).toMatchObject({ actor: { type: 'token', name: 'test' } });

    const fetched = await api.get(`/v1/customers/${customer.id}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(customer);
  });

  it('computes firstBillingPeriodStart from the partner billing day and a past opening', async () => {
    const { api } = await partnerApi(15);
    const response = await api.post(
      '/v1/customers',
      newCustomerBody({ accountOpenedAt: '2026-01-20T10:00:00Z' }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      accountOpenedAt: '2026-01-20T10:00:00.000Z',
      firstBillingPeriodStart: '2026-02-15',
    });
  });

  it('refuses an account opened in the future and changes nothing', async () => {
    const { partner, api } = await partnerApi();
    const response = await api.post(
      '/v1/customers',
      newCustomerBody({ accountOpenedAt: '2026-03-02T00:00:00Z' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: '/accountOpenedAt', code: 'in_the_future' }],
    });
    const list = await api.get('/v1/customers');
    expect(list.json().items).toEqual([]);
    const events = await listEventsOf(t.store.db, partner.id, {});
    expect(events.filter((e) => e.type === 'customer.created')).toEqual([]);
  });

  it.each([
    ['a missing field', { companyName: undefined }, '/companyName', 'required'],
    ['an unknown field', { vip: true }, '/vip', 'unknown_field'],
    ['an unknown segment', { segment: 'military' }, '/segment', 'invalid_value'],
    ['a number for a string', { companyName: 42 }, '/companyName', 'invalid_type'],
    ['a blank name', { companyName: '   ' }, '/companyName', 'invalid_format'],
    ['a country that is not ISO', { country: 'XX' }, '/country', 'invalid_country'],
    ['a three-letter country', { country: 'USA' }, '/country', 'invalid_format'],
    ['a bad domain', { domain: 'not a domain' }, '/domain', 'invalid_domain'],
    ['a bad date', { accountOpenedAt: 'yesterday' }, '/accountOpenedAt', 'invalid_format'],
    [
      'a bad email',
      { billingProfile: { ...(newCustomerBody().billingProfile as object), email: 'nope' } },
      '/billingProfile/email',
      'invalid_format',
    ],
    [
      'an unknown nested field',
      { billingProfile: { ...(newCustomerBody().billingProfile as object), phone: '1' } },
      '/billingProfile/phone',
      'unknown_field',
    ],
  ])(
    'answers 400 validation_failed naming the field for %s',
    async (_name, change, field, code) => {
      const { api } = await partnerApi();
      const body = newCustomerBody(change);
      const response = await api.post('/v1/customers', JSON.parse(JSON.stringify(body)));
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem).toMatchObject({
        status: 400,
        code: 'validation_failed',
        title: expect.any(String),
      });
      expect(problem.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, code })]),
      );
      expect((await api.get('/v1/customers')).json().items).toEqual([]);
    },
  );

  it('refuses a domain taken by another customer of the partner, in any case', async () => {
    const { api } = await partnerApi();
    const first = await api.post('/v1/customers', newCustomerBody({ domain: 'wingtip.example' }));
    expect(first.statusCode).toBe(201);
    const second = await api.post('/v1/customers', newCustomerBody({ domain: 'WINGTIP.example.' }));
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'customer_domain_taken' });
    expect((await api.get('/v1/customers')).json().items).toHaveLength(1);
  });

  it('lets two partners have customers with the same domain', async () => {
    const a = await partnerApi();
    const b = await partnerApi();
    const body = newCustomerBody();
    expect((await a.api.post('/v1/customers', body)).statusCode).toBe(201);
    expect((await b.api.post('/v1/customers', body)).statusCode).toBe(201);
  });

  it('creates exactly one customer when ten requests race for one domain', async () => {
    const { api } = await partnerApi();
    const body = newCustomerBody();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => api.post('/v1/customers', body)),
    );
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, ...Array<number>(9).fill(409)]);
    expect((await api.get('/v1/customers')).json().items).toHaveLength(1);
  });

  it('lists in name order with cursor paging and searches name and domain', async () => {
    const { api } = await partnerApi();
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo 100%'];
    for (const name of names) {
      const domain = `${name.replace(/\W/g, '')}.example`;
      expect(
        (await api.post('/v1/customers', newCustomerBody({ companyName: name, domain })))
          .statusCode,
      ).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.get(`/v1/customers?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.statusCode).toBe(200);
      const body = page.json<{ items: { companyName: string }[]; nextCursor: string | null }>();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((c) => c.companyName));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo 100%']);

    const byName = await api.get('/v1/customers?q=ALP');
    expect(byName.json().items.map((c: { companyName: string }) => c.companyName)).toEqual([
      'Alpha',
    ]);
    const byDomain = await api.get('/v1/customers?q=charlie.exa');
    expect(byDomain.json().items).toHaveLength(1);
    const literalPercent = await api.get(`/v1/customers?q=${encodeURIComponent('0%')}`);
    expect(literalPercent.json().items.map((c: { companyName: string }) => c.companyName)).toEqual([
      'echo 100%',
    ]);
    const wildcard = await api.get(`/v1/customers?q=${encodeURIComponent('_')}`);
    expect(wildcard.json().items).toEqual([]);
  });

  it('refuses bad paging parameters with 400', async () => {
    const { api } = await partnerApi();
    for (const query of ['limit=0', 'limit=501', 'limit=abc', 'cursor=bm9wZQ']) {
      const response = await api.get(`/v1/customers?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe(
        query.startsWith('cursor') ? 'invalid_cursor' : 'validation_failed',
      );
    }
  });

  it("answers 404 for another partner's customer and for an unknown one", async () => {
    const owner = await partnerApi();
    const other = await partnerApi();
    const created = (await owner.api.post('/v1/customers', newCustomerBody())).json();
    const foreign = await other.api.get(`/v1/customers/${created.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('not_found');
    expect((await other.api.get('/v1/customers')).json().items).toEqual([]);
    const missing = await owner.api.get('/v1/customers/0190d1a2-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    const malformed = await owner.api.get('/v1/customers/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({
      field: 'customerId',
      code: 'invalid_format',
    });
  });
});
