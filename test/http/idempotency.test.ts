import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeIdempotencyKeys } from '../../src/services/purge-idempotency-keys.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DAY, TestClock } from '../helpers/clock.js';
import { seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

const ORDER = { billingCycle: 'monthly', lineItems: [{ offerId: 'mail-basic', quantity: 3 }] };

describe.each(DIALECTS)('idempotency on %s', (dialect) => {
  let t: TestApp;
  const clock = new TestClock('2026-03-01T00:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(() => t.close());

  it('replays the first answer to a retry and acts once', async () => {
    const { api, base } = await seedCustomer(t);
    const first = await api.post(`${base}/orders`, ORDER, { 'idempotency-key': 'order-1' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await api.post(`${base}/orders`, ORDER, { 'idempotency-key': 'order-1' });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers.location).toBe(first.headers.location);
    expect((await api.get(`${base}/orders`)).json().items).toHaveLength(1);
  });

  it("accepts Partner Center's MS-RequestId as the key, also for PATCH", async () => {
    const { api, base } = await seedCustomer(t);
    const order = (await api.post(`${base}/orders`, ORDER)).json();
    const url = `${base}/subscriptions/${order.lineItems[0].subscriptionId}`;
    const first = await api.patch(url, { quantity: 7 }, { 'ms-requestid': 'patch-1' });
    const retry = await api.patch(url, { quantity: 7 }, { 'ms-requestid': 'patch-1' });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers.etag).toBe('"2"');
    const events = (await api.get(`${url}/events`)).json().items;
    expect(
      events.filter((e: { type: string }) => e.type === 'subscription.quantity_changed'),
    ).toHaveLength(1);
  });

  it('refuses the same key with another body, and keeps keys per partner', async () => {
    const { api, base } = await seedCustomer(t);
    expect((await api.post(`${base}/orders`, ORDER, { 'idempotency-key': 'k' })).statusCode).toBe(
      201,
    );
    const other = { ...ORDER, lineItems: [{ offerId: 'mail-basic', quantity: 4 }] };
    const reused = await api.post(`${base}/orders`, other, { 'idempotency-key': 'k' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');

    const stranger = await seedCustomer(t);
    const own = await stranger.api.post(`${stranger.base}/orders`, ORDER, {
      'idempotency-key': 'k',
    });
    expect(own.statusCode).toBe(201);
    expect(own.headers['idempotent-replayed']).toBeUndefined();
  });

  it('does not store refusals: a retry after the cause is fixed succeeds', async () => {
    const { api, base } = await seedCustomer(t);
    const refused = await api.post(
      `${base}/orders`,
      { billingCycle: 'monthly', lineItems: [{ offerId: 'mail-basic', quantity: 100000 }] },
      { 'idempotency-key': 'r' },
    );
    expect(refused.statusCode).toBe(422);
    expect((await api.post(`${base}/orders`, ORDER, { 'idempotency-key': 'r' })).statusCode).toBe(
      201,
    );
  });

  it('acts once when two requests with one key arrive together', async () => {
    const { api, base } = await seedCustomer(t);
    const [a, b] = await Promise.all([
      api.post(`${base}/orders`, ORDER, { 'idempotency-key': 'together' }),
      api.post(`${base}/orders`, ORDER, { 'idempotency-key': 'together' }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    // SQLite runs them one after the other (a replay); PostgreSQL may refuse the second while the
    // first runs. Either way one order exists.
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    const refusal = [a, b].find((r) => r.statusCode === 409);
    if (refusal) expect(refusal.json().code).toBe('idempotency_key_in_use');
    expect((await api.get(`${base}/orders`)).json().items).toHaveLength(1);
  });

  it('forgets a key after 24 hours', async () => {
    clock.set('2026-03-01T00:00:00.000Z');
    const { api, base, partner } = await seedCustomer(t);
    await api.post(`${base}/orders`, ORDER, { 'idempotency-key': 'old' });
    clock.advance(DAY + 1);
    const later = await api.post(`${base}/orders`, ORDER, { 'idempotency-key': 'old' });
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect((await api.get(`${base}/orders`)).json().items).toHaveLength(2);

    clock.advance(DAY + 1);
    expect(await purgeIdempotencyKeys(t.ctx)).toBeGreaterThanOrEqual(1);
    const kept = await t.store.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('partner_id', '=', partner.id)
      .execute();
    expect(kept).toEqual([]);
  });

  it('refuses an empty or over-long key', async () => {
    const { api, base } = await seedCustomer(t);
    const long = await api.post(`${base}/orders`, ORDER, { 'idempotency-key': 'x'.repeat(256) });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toMatchObject({ field: 'idempotency-key' });
  });

  it.each([
    ['an empty Idempotency-Key', { 'idempotency-key': '' }],
    ['a blank Idempotency-Key', { 'idempotency-key': '   ' }],
    ['a blank MS-RequestId', { 'ms-requestid': ' ' }],
  ])('refuses %s with 400 on every write, and changes nothing', async (_name, headers) => {
    const { api, base, partner } = await seedCustomer(t);
    const order = await api.post(`${base}/orders`, ORDER, headers);
    expect(order.statusCode).toBe(400);
    expect(order.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: Object.keys(headers)[0], code: 'invalid_idempotency_key' }],
    });
    expect((await api.get(`${base}/orders`)).json().items).toEqual([]);
    // Also where no answer is kept for a retry (PATCH /v1/users): the key is malformed all the same.
    const { user } = (
      await api.post('/v1/users', {
        email: `k-${partner.id}@example.com`,
        displayName: 'Kept',
        role: 'sales_agent',
      })
    ).json<{ user: { id: string } }>();
    const rename = await api.patch(`/v1/users/${user.id}`, { displayName: 'Renamed' }, headers);
    expect(rename.statusCode).toBe(400);
    expect((await api.get(`/v1/users/${user.id}`)).json().displayName).toBe('Kept');
  });
});
