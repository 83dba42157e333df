import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';

type Api = ReturnType<typeof client>;
type Charge = { type: string; date: string; amount: string; quantity: number; days: number };

describe.each(DIALECTS)('billing through the API, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock('2026-06-01T00:00:00.000Z') });
  });
  afterAll(() => t.close());

  /** A sandbox partner at `start`, with one US customer. */
  async function sandbox(start = '2027-03-01T10:00:00.000Z', customer = newCustomerBody()) {
    const { token } = await t.newPartner({ isSandbox: true });
    const api = client(t.app, token);
    await move(api, start);
    const created = await api.post('/v1/customers', customer);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    return { api, customerId: id, base: `/v1/customers/${id}` };
  }

  async function move(api: Api, to: string) {
    const moved = await api.post('/v1/sandbox/clock', { to });
    expect(moved.statusCode, moved.body).toBe(200);
    return moved.json<{ processed: Record<string, number> }>().processed;
  }

  async function order(api: Api, base: string, line: Record<string, unknown>, cycle = 'monthly') {
    const placed = await api.post(`${base}/orders`, { billingCycle: cycle, lineItems: [line] });
    expect(placed.statusCode, placed.body).toBe(201);
    return placed.json<{ lineItems: { subscriptionId: string; amount: string }[] }>().lineItems[0]!;
  }

  const chargesOf = async (api: Api, base: string, subscriptionId: string) =>
    (await api.get(`${base}/charges?subscriptionId=${subscriptionId}`)).json<{
      items: Charge[];
    }>().items;

  describe('the price book', () => {
    it('starts empty, is replaced whole, and refuses a stale If-Match', async () => {
      const { api } = await sandbox();
      const empty = await api.get('/v1/price-book');
      expect(empty.json()).toEqual({
        defaultMarkupPercent: '0',
        rules: [],
        etag: '"0"',
        updatedAt: null,
      });
      expect(empty.headers.etag).toBe('"0"');
      const saved = await api.put(
        '/v1/price-book',
        { defaultMarkupPercent: '020.50', rules: [{ offerId: 'mail-basic', markupPercent: '10' }] },
        { 'if-match': '"0"' },
      );
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ defaultMarkupPercent: '20.5', etag: '"1"' });
      const stale = await api.put(
        '/v1/price-book',
        { defaultMarkupPercent: '30', rules: [] },
        { 'if-match': '"0"' },
      );
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('etag_mismatch');
      expect((await api.get('/v1/price-book')).json()).toMatchObject({
        defaultMarkupPercent: '20.5',
        rules: [{ offerId: 'mail-basic', markupPercent: '10' }],
      });
      const events = (await api.get('/v1/events?type=price_book.updated')).json().items;
      expect(events).toHaveLength(1);
    });

    it('refuses bad rules with their own codes and changes nothing', async () => {
      const { api, customerId } = await sandbox();
      const other = await sandbox();
      await api.put('/v1/price-book', { defaultMarkupPercent: '15', rules: [] });
      const before = (await api.get('/v1/price-book')).json();
      const refusals: [Record<string, unknown>, number, string, string?][] = [
        [
          { defaultMarkupPercent: '-5', rules: [] },
          422,
          'negative_markup',
          '/defaultMarkupPercent',
        ],
        [
          { defaultMarkupPercent: '5', rules: [{ offerId: 'mail-basic', markupPercent: '-1' }] },
          422,
          'negative_markup',
          '/rules/0/markupPercent',
        ],
        [
          {
            defaultMarkupPercent: '5',
            rules: [{ customerId, offerId: 'mail-basic', unitPrice: '3.99', currency: 'EUR' }],
          },
          422,
          'currency_mismatch',
          '/rules/0/currency',
        ],
        [
          {
            defaultMarkupPercent: '5',
            rules: [{ offerId: 'mail-basic', unitPrice: '100', currency: 'CHF' }],
          },
          422,
          'currency_mismatch',
          '/rules/0/currency',
        ],
        [
          { defaultMarkupPercent: '5', rules: [{ offerId: 'no-such-offer', markupPercent: '1' }] },
          422,
          'unknown_offer',
          '/rules/0/offerId',
        ],
        [
          { defaultMarkupPercent: '5', rules: [{ customerId: randomUUID(), markupPercent: '1' }] },
          422,
          'unknown_customer',
          '/rules/0/customerId',
        ],
        [
          {
            defaultMarkupPercent: '5',
            rules: [{ customerId: other.customerId, markupPercent: '1' }],
          },
          422,
          'unknown_customer',
          '/rules/0/customerId',
        ],
        [
          {
            defaultMarkupPercent: '5',
            rules: [{ offerId: 'mail-basic', markupPercent: '1', unitPrice: '2.00' }],
          },
          422,
          'invalid_price_rule',
        ],
        [
          {
            defaultMarkupPercent: '5',
            rules: [
              { segment: 'education', markupPercent: '1' },
              { segment: 'education', markupPercent: '2' },
            ],
          },
          422,
          'duplicate_price_rule',
        ],
        [
          {
            defaultMarkupPercent: '5',
            rules: [{ offerId: 'mail-basic', unitPrice: '3.999', currency: 'USD' }],
          },
          400,
          'validation_failed',
          '/rules/0/unitPrice',
        ],
        [{ defaultMarkupPercent: 'twenty', rules: [] }, 400, 'validation_failed'],
        [{ defaultMarkupPercent: 20, rules: [] }, 400, 'validation_failed'],
        [{ defaultMarkupPercent: '5', rules: [], extra: true }, 400, 'validation_failed'],
      ];
      for (const [body, status, code, field] of refusals) {
        const refused = await api.put('/v1/price-book', body);
        expect(refused.statusCode, `${JSON.stringify(body)}: ${refused.body}`).toBe(status);
        expect(refused.json().code, JSON.stringify(body)).toBe(code);
        if (field) {
          expect(refused.json().errors.map((e: { field: string }) => e.field)).toContain(field);
        }
      }
      expect((await api.get('/v1/price-book')).json()).toEqual(before);
      expect((await api.get('/v1/events?type=price_book.updated')).json().items).toHaveLength(1);
    });

    it('prices each customer by the most specific rule, in the offers list and the preview', async () => {
      const { api, customerId, base } = await sandbox();
      const school = await api.post('/v1/customers', newCustomerBody({ segment: 'education' }));
      const schoolBase = `/v1/customers/${school.json<{ id: string }>().id}`;
      const plain = await api.post('/v1/customers', newCustomerBody());
      const plainBase = `/v1/customers/${plain.json<{ id: string }>().id}`;
      const book = await api.put('/v1/price-book', {
        defaultMarkupPercent: '25',
        rules: [
          { segment: 'education', markupPercent: '5' },
          { offerId: 'mail-basic', markupPercent: '10' },
          { customerId, markupPercent: '50' },
          {
            customerId,
            offerId: 'mail-basic',
            unitPrice: '3.99',
            currency: 'USD',
            billingCycle: 'monthly',
          },
        ],
      });
      expect(book.statusCode, book.body).toBe(200);
      const priceOf = async (customerBase: string, offerId: string, cycle = 'monthly') =>
        (await api.get(`${customerBase}/offers?billingCycle=${cycle}`))
          .json<{ items: { offer: { id: string }; price: { unitPrice: string } | null }[] }>()
          .items.find((i) => i.offer.id === offerId)?.price?.unitPrice;
      // mail-basic costs 4.80 monthly, 45.60 annual; office-apps-business 9.90 monthly.
      expect(await priceOf(base, 'mail-basic')).toBe('3.99');
      expect(await priceOf(base, 'mail-basic', 'annual')).toBe('68.40');
      expect(await priceOf(base, 'office-apps-business')).toBe('14.85');
      expect(await priceOf(plainBase, 'mail-basic')).toBe('5.28');
      expect(await priceOf(plainBase, 'office-apps-business')).toBe('12.38');
      expect(await priceOf(schoolBase, 'office-apps-business')).toBe('10.40');
      // Every term sold with the cycle has its price: mail-basic costs 4.00 a month on a year.
      const terms = (await api.get(`${plainBase}/offers?billingCycle=monthly`))
        .json<{ items: { offer: { id: string }; prices: unknown[] }[] }>()
        .items.find((i) => i.offer.id === 'mail-basic')?.prices;
      expect(terms).toEqual([
        { currency: 'USD', billingCycle: 'monthly', termDuration: 'P1M', unitPrice: '5.28' },
        { currency: 'USD', billingCycle: 'monthly', termDuration: 'P1Y', unitPrice: '4.40' },
      ]);

      const preview = await api.post(`${base}/orders/preview`, {
        billingCycle: 'monthly',
        lineItems: [
          { offerId: 'mail-basic', quantity: 3 },
          { offerId: 'no-such-offer', quantity: 1 },
          { offerId: 'office-apps-business', quantity: 2 },
        ],
      });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({
        currency: 'USD',
        total: '41.67',
        lineItems: [
          { lineItemNumber: 0, available: true, unitPrice: '3.99', amount: '11.97' },
          {
            lineItemNumber: 1,
            available: false,
            reasons: [{ code: 'offer_not_found' }],
            unitPrice: null,
            amount: null,
          },
          { lineItemNumber: 2, available: true, unitPrice: '14.85', amount: '29.70' },
        ],
      });
      // The preview created nothing.
      expect((await api.get(`${base}/subscriptions`)).json().items).toEqual([]);
      expect((await api.get(`${base}/charges`)).json().items).toEqual([]);
    });
  });

  describe('the ledger', () => {
    it('keeps the price for the term and re-prices the renewal, saying so', async () => {
      const { api, base } = await sandbox();
      await api.put('/v1/price-book', { defaultMarkupPercent: '20', rules: [] });
      const line = await order(api, base, { offerId: 'mail-basic', quantity: 1 });
      expect(line.amount).toBe('5.76');
      await api.put('/v1/price-book', { defaultMarkupPercent: '50', rules: [] });
      const url = `${base}/subscriptions/${line.subscriptionId}`;
      expect((await api.get(url)).json()).toMatchObject({ unitPrice: '5.76', unitCost: '4.80' });
      // A second seat for the 31 days of March: the locked price, not the new one.
      expect((await api.patch(url, { quantity: 2 })).statusCode).toBe(200);
      expect((await move(api, '2027-04-01T00:00:00.000Z')).renewed).toBe(1);
      expect((await api.get(url)).json()).toMatchObject({ unitPrice: '7.20', unitCost: '4.80' });
      expect((await chargesOf(api, base, line.subscriptionId)).map((c) => c.amount)).toEqual([
        '5.76',
        '5.76',
        '14.40',
      ]);
      const changed = (await api.get(`${url}/events`))
        .json<{ items: { type: string; data: Record<string, unknown> }[] }>()
        .items.find((e) => e.type === 'subscription.price_changed');
      expect(changed?.data).toMatchObject({
        currency: 'USD',
        unitPrice: { from: '5.76', to: '7.20' },
        effectiveStartDate: '2027-04-01',
      });
    });

    it('refunds the rest of the period when cancelled inside the window', async () => {
      const { api, base } = await sandbox();
      const line = await order(api, base, { offerId: 'mail-basic', quantity: 10 });
      await move(api, '2027-03-04T10:00:00.000Z');
      const url = `${base}/subscriptions/${line.subscriptionId}`;
      expect((await api.patch(url, { status: 'deleted' })).statusCode).toBe(200);
      // 28 of March's 31 days come back: 10 × 4.80 × 28 / 31 = 43.354…
      expect(await chargesOf(api, base, line.subscriptionId)).toMatchObject([
        { type: 'period', amount: '48.00', quantity: 10, days: 31 },
        {
          type: 'cancellation_refund',
          date: '2027-03-04',
          amount: '-43.35',
          quantity: -10,
          days: 28,
        },
      ]);
      expect((await api.get(url)).json().nextChargeDate).toBeNull();
    });

    it('charges nothing for a trial and a paid period from its conversion', async () => {
      const { api, base } = await sandbox();
      const trial = await order(api, base, { offerId: 'office-apps-business-trial', quantity: 5 });
      expect(trial.amount).toBe('0.00');
      expect(await chargesOf(api, base, trial.subscriptionId)).toEqual([]);
      const converted = await api.post(
        `${base}/subscriptions/${trial.subscriptionId}/conversions`,
        {
          targetOfferId: 'office-apps-business',
          quantity: 5,
          billingCycle: 'monthly',
        },
      );
      expect(converted.statusCode, converted.body).toBe(201);
      expect(await chargesOf(api, base, converted.json().id)).toMatchObject([
        { type: 'period', date: '2027-03-01', quantity: 5, amount: '49.50' },
      ]);
    });

    it('charges every period missed while nobody ran it, on its own first day, and issues each invoice', async () => {
      const { api, base } = await sandbox();
      const line = await order(api, base, {
        offerId: 'mail-basic',
        quantity: 2,
        termDuration: 'P1Y',
      });
      const processed = await move(api, '2027-06-15T00:00:00.000Z');
      // One subscription, charged for its three missed periods at once.
      expect(processed).toMatchObject({ charged: 1, issued: 3 });
      const charges = await chargesOf(api, base, line.subscriptionId);
      expect(charges.map((c) => [c.date, c.amount])).toEqual([
        ['2027-03-01', '8.00'],
        ['2027-04-01', '8.00'],
        ['2027-05-01', '8.00'],
        ['2027-06-01', '8.00'],
      ]);
      const invoices = (await api.get(`${base}/invoices`)).json<{
        items: { number: string | null; periodStart: string; total: string }[];
      }>().items;
      expect(invoices.map((i) => [i.number, i.periodStart, i.total])).toEqual([
        ['PSC-2027-000001', '2027-03-01', '8.00'],
        ['PSC-2027-000002', '2027-04-01', '8.00'],
        ['PSC-2027-000003', '2027-05-01', '8.00'],
        [null, '2027-06-01', '8.00'],
      ]);
      expect((await api.get(`${base}/subscriptions/${line.subscriptionId}`)).json()).toMatchObject({
        nextChargeDate: '2027-07-01',
      });
      // Moving again charges nothing twice.
      expect(await move(api, '2027-06-20T00:00:00.000Z')).toMatchObject({ charged: 0, issued: 0 });
      expect(await chargesOf(api, base, line.subscriptionId)).toHaveLength(4);
    });
  });

  describe('reading invoices', () => {
    it('refuses a period start that is not a billing day, and a forged cursor', async () => {
      const { api, base } = await sandbox();
      await order(api, base, { offerId: 'mail-basic', quantity: 1 });
      for (const url of [
        '/v1/invoices?periodStart=2027-03-05',
        '/v1/billing/reconciliation?periodStart=2027-03-05',
      ]) {
        const refused = await api.get(url);
        expect(refused.statusCode, url).toBe(422);
        expect(refused.json().code).toBe('not_a_billing_day');
      }
      for (const url of [
        '/v1/invoices?periodStart=2027-02-30',
        '/v1/billing/reconciliation?periodStart=March',
        '/v1/billing/reconciliation',
        `${base}/charges?from=yesterday`,
      ]) {
        const refused = await api.get(url);
        expect(refused.statusCode, url).toBe(400);
        expect(refused.json().code).toBe('validation_failed');
      }
      const forged = await api.get(`${base}/charges?cursor=bm90LWEtY3Vyc29y`);
      expect(forged.statusCode).toBe(400);
      expect(forged.json().code).toBe('invalid_cursor');
    });

    it('pages charges and invoices, and has no upcoming invoice before a charge', async () => {
      const { api, base } = await sandbox();
      const none = await api.get(`${base}/invoices/upcoming`);
      expect(none.statusCode).toBe(404);
      expect(none.json().code).toBe('not_found');
      await order(api, base, { offerId: 'mail-basic', quantity: 1 });
      await order(api, base, { offerId: 'office-apps-business', quantity: 1 });
      const first = (await api.get(`${base}/charges?limit=1`)).json();
      expect(first.items).toHaveLength(1);
      const second = (await api.get(`${base}/charges?limit=1&cursor=${first.nextCursor}`)).json();
      expect(second.items).toHaveLength(1);
      expect(second.items[0].id).not.toBe(first.items[0].id);
      expect(second.nextCursor).toBeNull();
      const invoices = (await api.get('/v1/invoices?limit=1&status=draft')).json();
      expect(invoices.items).toHaveLength(1);
      expect(invoices.items[0]).toMatchObject({ total: '14.70', status: 'draft', number: null });
      const page = await api.get(`/v1/invoices?limit=1&cursor=${invoices.items[0].id}`);
      expect(page.statusCode).toBe(400);
      const csv = await api.get('/v1/invoices?limit=1', { accept: 'text/csv' });
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.body.trimEnd().split('\r\n')).toEqual([
        'id,number,status,customerId,customerName,periodStart,periodEnd,currency,total,cost,margin,issuedAt',
        expect.stringMatching(
          /^[0-9a-f-]{36},,draft,[0-9a-f-]{36},Contoso [^,]+,2027-03-01,2027-03-31,USD,14.70,14.70,0.00,$/,
        ),
      ]);
    });
  });
});
