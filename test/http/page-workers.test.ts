import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../src/domain/event.js';
import { buildApp } from '../../src/http/app.js';
import type { PageJob } from '../../src/http/page-workers/page-job.js';
import { PageWorkers } from '../../src/http/page-workers/page-workers.js';
import type { CallerContext } from '../../src/services/context.js';
import { DEMO_CATALOG_PATH } from '../../src/store/catalog-files.js';
import { commitsSettled } from '../../src/store/dialects/dialect-of.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';
import { seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

describe.each(DIALECTS)('subscription pages answered by page workers on %s', (dialect) => {
  let t: TestApp;
  let workers: PageWorkers;
  let pooled: FastifyInstance;
  let token: string;
  let customerId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    workers = new PageWorkers({
      size: 2,
      target: t.store.target,
      catalogPath: DEMO_CATALOG_PATH,
      settled: () => commitsSettled(t.ctx.db),
    });
    await workers.ready();
    pooled = await buildApp(t.ctx, { logger: false, version: 'test', pageWorkers: workers });
    await pooled.ready();
    const seeded = await seedCustomer(t, { companyName: 'Zeta Works' });
    token = seeded.token;
    customerId = seeded.customer.id;
    const other = await seeded.api.post('/v1/customers', newCustomerBody({ companyName: 'Alpha' }));
    const otherId = other.json<{ id: string }>().id;
    for (const [id, quantity] of [
      [customerId, 3],
      [otherId, 4],
      [customerId, 5],
    ] as const) {
      const ordered = await seeded.api.post(`/v1/customers/${id}/orders`, {
        billingCycle: 'monthly',
        lineItems: [
          { offerId: 'mail-basic', quantity },
          { offerId: 'office-apps-business', quantity: 1 },
        ],
      });
      expect(ordered.statusCode, ordered.body).toBe(201);
    }
  });
  afterAll(async () => {
    await pooled.close();
    await workers.close();
    await t.close();
  });

  /** The same request to the app that answers pages in its event loop and to the pooled one. */
  async function both(url: string) {
    const [inLoop, fromWorker] = await Promise.all(
      [t.app, pooled].map((app) => client(app, token).get(url)),
    );
    return { inLoop: inLoop!, fromWorker: fromWorker! };
  }

  it('answers every list, filter, order and page with the bytes the event loop answers', async () => {
    const urls = [
      `/v1/customers/${customerId}/subscriptions`,
      `/v1/customers/${customerId}/subscriptions?limit=1`,
      `/v1/customers/${customerId}/subscriptions?offerId=mail-basic`,
      `/v1/customers/${customerId}/subscriptions?status=active&limit=2`,
      '/v1/subscriptions',
      '/v1/subscriptions?limit=2',
      '/v1/subscriptions?sort=-quantity&limit=3',
      '/v1/subscriptions?q=zeta&status=active,suspended',
      `/v1/subscriptions?customerId=${customerId}&sort=offerName`,
      '/v1/subscriptions?sort=expiresAt',
    ];
    for (const url of urls) {
      const { inLoop, fromWorker } = await both(url);
      expect(inLoop.statusCode, url).toBe(200);
      expect(fromWorker.statusCode, url).toBe(200);
      expect(fromWorker.headers['content-type'], url).toBe(inLoop.headers['content-type']);
      expect(fromWorker.body, url).toBe(inLoop.body);
    }
  });

  it('follows a page worker’s cursors to the end, as the event loop’s', async () => {
    for (const start of [
      `/v1/customers/${customerId}/subscriptions?limit=1`,
      '/v1/subscriptions?limit=2',
    ]) {
      let url: string | null = start;
      let pages = 0;
      while (url !== null) {
        const { inLoop, fromWorker } = await both(url);
        expect(fromWorker.body, url).toBe(inLoop.body);
        const next = fromWorker.json<{ nextCursor: string | null }>().nextCursor;
        url = next === null ? null : `${start}&cursor=${encodeURIComponent(next)}`;
        pages += 1;
      }
      expect(pages).toBeGreaterThan(2);
    }
  });

  it('refuses what the event loop refuses, with the same problem', async () => {
    const unknown = '00000000-0000-7000-8000-0000000000aa';
    for (const url of [
      `/v1/customers/${unknown}/subscriptions`,
      `/v1/customers/${customerId}/subscriptions?cursor=bm90LWEtY3Vyc29y`,
      '/v1/subscriptions?sort=quantity&cursor=bm90LWEtY3Vyc29y',
    ]) {
      const { inLoop, fromWorker } = await both(url);
      expect(fromWorker.statusCode, url).toBe(inLoop.statusCode);
      const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: 'any' });
      expect(withoutRequestId(fromWorker.json()), url).toEqual(withoutRequestId(inLoop.json()));
    }
  });
});

describe('page workers', () => {
  let t: TestApp;
  let caller: CallerContext;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const { partner } = await t.newPartner();
    caller = {
      ...t.ctx,
      partner,
      actor: systemActor,
      role: 'global_admin',
      serverClock: t.ctx.clock,
    };
  });
  afterAll(() => t.close());

  const workersWith = (options: { catalogPath?: string; settled?: () => Promise<void> }) =>
    new PageWorkers({
      size: 1,
      target: t.store.target,
      catalogPath: options.catalogPath ?? DEMO_CATALOG_PATH,
      settled: options.settled ?? (() => Promise.resolve()),
    });
  const firstPage: PageJob = {
    list: 'partner',
    query: { sort: 'customerName', descending: false, limit: 5 },
  };

  it('send a page only once what the worker could have read is durable', async () => {
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const workers = workersWith({ settled: () => settled });
    try {
      await workers.ready();
      let answered = false;
      const page = workers.page(caller, firstPage).then((json) => {
        answered = true;
        return json;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);
      settle();
      expect(JSON.parse(await page)).toEqual({ items: [], nextCursor: null });
    } finally {
      await workers.close();
    }
  });

  it('fail to start, and refuse pages, when the worker cannot open its catalog', async () => {
    const workers = workersWith({ catalogPath: '/nonexistent/catalog' });
    try {
      await expect(workers.ready()).rejects.toThrow('/nonexistent/catalog');
      await expect(workers.page(caller, firstPage)).rejects.toThrow('/nonexistent/catalog');
    } finally {
      await workers.close();
    }
  });

  it('refuse pages once closed', async () => {
    const workers = workersWith({});
    await workers.ready();
    await workers.close();
    await expect(workers.page(caller, firstPage)).rejects.toThrow('the page workers are closed');
  });
});
