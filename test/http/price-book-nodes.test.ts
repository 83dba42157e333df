import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { FastifyInstance } from 'fastify';
import { client, createTestApp, testContext, type TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { newCustomerBody } from '../helpers/customers.js';
import { DIALECTS } from '../helpers/stores.js';

describe.each(DIALECTS)('price books kept in memory by two nodes, on %s', (dialect) => {
  let t: TestApp;
  let other: FastifyInstance;
  beforeAll(async () => {
    const clock = new TestClock('2026-06-01T00:00:00.000Z');
    t = await createTestApp(dialect, { clock });
    // A second node: its own app and its own memory, on the same database.
    other = await buildApp(await testContext(t.store, clock), { logger: false, version: 'test' });
    await other.ready();
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it('price an order with the book another node saved a moment ago', async () => {
    const { token } = await t.newPartner();
    const one = client(t.app, token);
    const two = client(other, token);
    const customer = (await one.post('/v1/customers', newCustomerBody())).json<{ id: string }>();
    const preview = (api: typeof one) =>
      api.post(`/v1/customers/${customer.id}/orders/preview`, {
        billingCycle: 'monthly',
        lineItems: [{ offerId: 'mail-basic', quantity: 1 }],
      });
    // Both nodes price with the empty book, and keep it.
    expect((await preview(one)).json().total).toBe('4.80');
    expect((await preview(two)).json().total).toBe('4.80');
    expect(
      (await one.put('/v1/price-book', { defaultMarkupPercent: '25', rules: [] })).statusCode,
    ).toBe(200);
    // The node that did not save it learns of it from the partner row it reads anyway.
    expect((await preview(two)).json().total).toBe('6.00');
    const placed = await two.post(`/v1/customers/${customer.id}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId: 'mail-basic', quantity: 1 }],
    });
    expect(placed.json().lineItems[0]).toMatchObject({ unitPrice: '6.00', amount: '6.00' });
  });
});
