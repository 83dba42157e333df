import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import { startMetricsListener } from '../../src/metrics/listener.js';
import { createMetrics, stopObserving } from '../../src/metrics/registry.js';
import { client, createTestApp, TEST_NOW, type TestApp } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';
import { seedDueItems } from '../helpers/due-items.js';
import { DIALECTS } from '../helpers/stores.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The value of the sample `name{labels}` of a scrape (labels as printed, in their order). */
function sample(scrape: string, series: string): number | undefined {
  const line = scrape.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(DIALECTS)('metrics on %s', (dialect) => {
  let t: TestApp;
  let registry: Registry;
  let app: FastifyInstance;
  let logs = '';
  beforeAll(async () => {
    // A database of its own: the overdue item below would be due work for other test files' workers.
    t = await createTestApp(dialect, { ownDatabase: true });
    registry = createMetrics(t.ctx);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    app = await buildApp(t.ctx, {
      logger: createLogger('trace', sink),
      version: 'test',
      metrics: { registry, token: TOKEN },
    });
  });
  afterAll(async () => {
    stopObserving();
    await app.close();
    await t.close();
  });

  const scrape = async () => {
    const response = await app.inject({ method: 'GET', url: '/metrics', headers: bearer(TOKEN) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    return response.body;
  };

  it('counts requests by route pattern, orders and charges, and times commits', async () => {
    const { token } = await t.newPartner();
    const api = client(app, token);
    const created = await api.post('/v1/customers', newCustomerBody());
    expect(created.statusCode, created.body).toBe(201);
    const base = `/v1/customers/${created.json<{ id: string }>().id}`;
    const order = await api.post(`${base}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId: 'mail-basic', quantity: 2 }],
    });
    expect(order.statusCode, order.body).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/no/such/route/42' })).statusCode).toBe(404);

    const text = await scrape();
    expect(
      sample(
        text,
        'psc_http_request_duration_seconds_count{route="/v1/customers/:customerId/orders",method="POST",status_code="201"}',
      ),
    ).toBe(1);
    expect(
      sample(
        text,
        'psc_http_request_duration_seconds_bucket{le="10",route="/v1/customers/:customerId/orders",method="POST",status_code="201"}',
      ),
    ).toBe(1);
    expect(
      sample(
        text,
        'psc_http_request_duration_seconds_count{route="unmatched",method="GET",status_code="404"}',
      ),
    ).toBe(1);
    // No raw URL, so no id, ever becomes a label.
    expect(text).not.toContain(base);
    expect(text).not.toContain('/no/such/route');
    expect(sample(text, 'psc_orders_placed_total')).toBe(1);
    expect(sample(text, 'psc_charges_written_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'psc_db_commit_wait_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'psc_process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'psc_db_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'psc_webhook_deliveries_pending')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'psc_webhook_deliveries_due')).toBeGreaterThanOrEqual(0);
  });

  it('reports the scheduler as late by the age of the oldest overdue item', async () => {
    expect(sample(await scrape(), 'psc_scheduler_lag_seconds')).toBe(0);
    await seedDueItems(t, 1);
    // The seeded retention ended on 2020-04-01; the test's clock reads TEST_NOW.
    const overdue = (TEST_NOW.getTime() - Date.parse('2020-04-01T00:00:00.000Z')) / 1000;
    expect(sample(await scrape(), 'psc_scheduler_lag_seconds')).toBeGreaterThanOrEqual(overdue);
  });

  it('answers only a scraper with the token, and never logs it', async () => {
    const without = await app.inject({ method: 'GET', url: '/metrics' });
    expect(without.statusCode).toBe(401);
    expect(without.headers['content-type']).toContain('application/problem+json');
    expect(without.json()).toMatchObject({ status: 401, code: 'unauthorized' });
    const wrong = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: bearer(`${TOKEN}x`),
    });
    expect(wrong.statusCode).toBe(401);
    await scrape();
    expect(logs).toContain('/metrics');
    expect(logs).not.toContain(TOKEN);
  });

  it('is not found on the public port without a token, and stays out of the API document', async () => {
    const open = await buildApp(t.ctx, {
      logger: false,
      version: 'test',
      metrics: { registry: new Registry(), token: undefined },
    });
    try {
      const response = await open.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'route_not_found' });
    } finally {
      await open.close();
    }
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });

  it('serves them without a token on a listener of their own', async () => {
    const listener = await startMetricsListener(registry, { port: 0, host: '127.0.0.1' });
    try {
      const { port } = listener.server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('psc_scheduler_lag_seconds');
    } finally {
      await listener.close();
    }
  });
});
