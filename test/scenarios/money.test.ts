import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';

type Api = ReturnType<typeof client>;

/** Sums decimal strings exactly, in cents (the test's own arithmetic, not the product's). */
const cents = (amount: string) => {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
};

describe.each(DIALECTS)('money through the API alone, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new TestClock('2026-06-01T00:00:00.000Z') });
  });
  afterAll(() => t.close());

  async function move(api: Api, to: string) {
    const response = await api.post('/v1/sandbox/clock', { to });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ processed: Record<string, number> }>();
  }

  it('prices, prorates, invoices and reconciles a 20 % markup to the cent', async () => {
    const { token } = await t.newPartner({ isSandbox: true });
    const api = client(t.app, token);
    await move(api, '2027-01-01T09:00:00.000Z');
    const book = await api.put('/v1/price-book', { defaultMarkupPercent: '20', rules: [] });
    expect(book.statusCode, book.body).toBe(200);
    const customer = (await api.post('/v1/customers', newCustomerBody())).json<{ id: string }>();
    const base = `/v1/customers/${customer.id}`;

    // The catalog's mail-basic costs 4.80 a month in USD: with 20 % the customer pays 5.76.
    const offers = await api.get(`${base}/offers?billingCycle=monthly&addOn=false`);
    const mail = offers
      .json<{ items: { offer: { id: string }; price: { unitPrice: string } | null }[] }>()
      .items.find((item) => item.offer.id === 'mail-basic');
    expect(mail?.price?.unitPrice).toBe('5.76');

    const order = { billingCycle: 'monthly', lineItems: [{ offerId: 'mail-basic', quantity: 10 }] };
    const preview = await api.post(`${base}/orders/preview`, order);
    expect(preview.json()).toMatchObject({
      currency: 'USD',
      total: '57.60',
      lineItems: [
        {
          available: true,
          unitPrice: '5.76',
          amount: '57.60',
          periodStart: '2027-01-01',
          periodEnd: '2027-01-31',
        },
      ],
    });
    const placed = await api.post(`${base}/orders`, order);
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().lineItems[0]).toMatchObject({ unitPrice: '5.76', amount: '57.60' });
    const subscriptionId = placed.json().lineItems[0].subscriptionId as string;
    const url = `${base}/subscriptions/${subscriptionId}`;
    expect((await api.get(url)).json()).toMatchObject({
      unitPrice: '5.76',
      unitCost: '4.80',
      currency: 'USD',
      nextChargeDate: '2027-02-01',
    });

    // Ten days later, five more seats for the 21 days left of 31: 5 × 5.76 × 21 / 31 = 19.5096…
    await move(api, '2027-01-11T10:00:00.000Z');
    expect((await api.patch(url, { quantity: 15 })).statusCode).toBe(200);
    const charges = (await api.get(`${base}/charges?subscriptionId=${subscriptionId}`)).json<{
      items: Record<string, unknown>[];
    }>().items;
    expect(charges).toMatchObject([
      { type: 'period', quantity: 10, days: 31, periodDays: 31, amount: '57.60', cost: '48.00' },
      {
        type: 'quantity_change',
        date: '2027-01-11',
        quantity: 5,
        days: 21,
        periodDays: 31,
        unitPrice: '5.76',
        amount: '19.51',
        cost: '16.26',
      },
    ]);

    const upcoming = await api.get(`${base}/invoices/upcoming`);
    expect(upcoming.json()).toMatchObject({
      status: 'draft',
      number: null,
      periodStart: '2027-01-01',
      periodEnd: '2027-01-31',
      total: '77.11',
      cost: '64.26',
      margin: '12.85',
    });

    // The period closes: February is charged at 15 seats and January's invoice is issued.
    const closed = await move(api, '2027-02-01T00:00:01.000Z');
    expect(closed.processed).toMatchObject({ renewed: 1, issued: 1 });
    const issued = await api.get(`/v1/invoices?periodStart=2027-01-01`);
    const [invoice] = issued.json<{ items: Record<string, unknown>[] }>().items;
    expect(invoice).toMatchObject({
      number: 'PSC-2027-000001',
      status: 'issued',
      total: '77.11',
      cost: '64.26',
      margin: '12.85',
    });
    const full = await api.get(`${base}/invoices/${String(invoice?.id)}`);
    expect(full.json().charges.map((c: { amount: string }) => c.amount)).toEqual([
      '57.60',
      '19.51',
    ]);
    const february = (await api.get(`${base}/invoices/upcoming`)).json();
    expect(february).toMatchObject({ periodStart: '2027-02-01', total: '86.40', status: 'draft' });

    const csv = await api.get('/v1/billing/reconciliation?periodStart=2027-01-01');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse<Record<string, string>>(csv.body, { columns: true });
    expect(rows).toHaveLength(2);
    const sum = (column: string) =>
      rows.reduce((total, row) => total + cents(row[column] ?? '0'), 0);
    expect([sum('amount'), sum('cost'), sum('margin')]).toEqual([7711, 6426, 1285]);
    expect(rows[1]).toMatchObject({
      quantity: '5',
      days: '21',
      unitPrice: '5.76',
      unitCost: '4.80',
    });
  });
});
