import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEGMENTS } from '../../src/domain/customer.js';
import { buildApp } from '../../src/http/app.js';
import { bootstrapDemo, DEMO_PARTNER_ID } from '../../src/services/bootstrap-demo.js';
import type { AppContext } from '../../src/services/context.js';
import { listEventsOf } from '../../src/store/events.js';
import type { Store } from '../../src/store/db.js';
import { client, testContext } from '../helpers/app.js';
import { DIALECTS, openTestStore } from '../helpers/stores.js';

// Each database gets the demo partner once; PostgreSQL is shared by the run, so the test checks
// "created here, or already there" rather than assuming an empty database.
describe.each(DIALECTS)('first start on %s', (dialect) => {
  let store: Store;
  let ctx: AppContext;
  beforeAll(async () => {
    store = await openTestStore(dialect);
    ctx = await testContext(store);
  });
  afterAll(() => store.close());

  it('creates the demo partner, its token and customers of every segment, once', async () => {
    const token = `psc_${'t'.repeat(40)}-${dialect}`;
    const first = await bootstrapDemo(ctx, { instance: 'global', token });
    if (dialect === 'sqlite') expect(first).not.toBeNull();
    if (first) {
      expect(first).toMatchObject({
        token,
        tokenGenerated: false,
        partner: { id: DEMO_PARTNER_ID },
      });
      const app = await buildApp(ctx, { logger: false, version: 'test' });
      const response = await client(app, token).get('/v1/customers?limit=500');
      expect(response.statusCode).toBe(200);
      const customers = response.json<{ items: { segment: string }[] }>().items;
      expect(new Set(customers.map((c) => c.segment))).toEqual(new Set(SEGMENTS));
      await app.close();
    }
    expect(await bootstrapDemo(ctx, { instance: 'global', token })).toBeNull();
    const events = await listEventsOf(store.db, DEMO_PARTNER_ID, {});
    expect(events.filter((e) => e.type === 'partner.created')).toHaveLength(1);
  });

  it('generates a token when none is configured', async () => {
    if (dialect !== 'sqlite') return;
    const fresh = await openTestStore('sqlite');
    const result = await bootstrapDemo(
      { ...ctx, db: fresh.db },
      { instance: 'usgov', token: undefined },
    );
    expect(result?.tokenGenerated).toBe(true);
    expect(result?.token).toMatch(/^psc_/);
    expect(result?.partner.instance).toBe('usgov');
    await fresh.close();
  });
});
