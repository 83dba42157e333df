import { expect } from 'vitest';
import { client } from './app.js';
import { newCustomerBody } from './customers.js';
import type { TestApp } from './app.js';

/**
 * A new partner and a customer opened on the seed's example date (billing day 1, opened
 * 2026-01-10, first billing period 2026-02-01, so 112 days of retention).
 */
export async function seedCustomer(t: TestApp, overrides: Record<string, unknown> = {}) {
  const { partner, token } = await t.newPartner();
  const api = client(t.app, token);
  const response = await api.post(
    '/v1/customers',
    newCustomerBody({ accountOpenedAt: '2026-01-10T15:30:00Z', ...overrides }),
  );
  if (response.statusCode !== 201) throw new Error(`customer: ${response.body}`);
  const customer = response.json<{ id: string }>();
  const base = `/v1/customers/${customer.id}`;
  return { partner, token, api, customer, base };
}

/** Orders one line for the customer at `base` (monthly unless said) and returns its subscription's id. */
export async function orderLine(
  api: ReturnType<typeof client>,
  base: string,
  line: Record<string, unknown>,
  billingCycle = 'monthly',
): Promise<string> {
  const response = await api.post(`${base}/orders`, { billingCycle, lineItems: [line] });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ lineItems: { subscriptionId: string }[] }>().lineItems[0]!.subscriptionId;
}
