import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCatalog } from '../../src/domain/catalog-index.js';
import { runPartnerDueWork } from '../../src/services/run-due-work.js';
import { setSandboxNow } from '../../src/store/partners.js';
import { createTestApp, testCatalog, type TestApp } from '../helpers/app.js';
import { seedCustomer } from '../helpers/seed-customer.js';
import { DIALECTS } from '../helpers/stores.js';

/** The demo catalog, but mail-basic no longer renews automatically (a vendor's change). */
function catalogWithoutRenewal() {
  const { catalog } = testCatalog();
  return indexCatalog({
    ...catalog,
    offers: catalog.offers.map((o) => (o.id === 'mail-basic' ? { ...o, autoRenewable: false } : o)),
  });
}

describe.each(DIALECTS)('due work with the catalog as it is today, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('warns of and expires an auto-renewing subscription whose offer no longer renews', async () => {
    const { partner, api, base } = await seedCustomer(t);
    const order = await api.post(`${base}/orders`, {
      billingCycle: 'monthly',
      lineItems: [{ offerId: 'mail-basic', quantity: 3 }],
    });
    const subscriptionId = order.json().lineItems[0].subscriptionId as string;
    const url = `${base}/subscriptions/${subscriptionId}`;
    expect((await api.get(url)).json()).toMatchObject({
      autoRenewEnabled: true,
      commitmentEndDate: '2026-03-31',
    });
    // The partner's own clock, so that this test's time moves for it alone.
    await t.store.db
      .updateTable('partners')
      .set({ is_sandbox: 1, sandbox_now: '2026-03-26T00:00:00.000Z' })
      .where('id', '=', partner.id)
      .execute();

    const unchanged = await runPartnerDueWork(t.ctx, partner.id);
    expect(unchanged.warned).toBe(0);
    const changed = { ...t.ctx, catalog: catalogWithoutRenewal() };
    expect((await runPartnerDueWork(changed, partner.id)).warned).toBe(1);
    expect((await runPartnerDueWork(changed, partner.id)).warned).toBe(0);

    await setSandboxNow(t.store.db, partner.id, new Date('2026-04-01T00:00:00.000Z'));
    const atTermEnd = await runPartnerDueWork(changed, partner.id);
    expect(atTermEnd).toMatchObject({ expired: 1, renewed: 0 });
    const events = (await api.get(`${url}/events`)).json().items as {
      type: string;
      reason: string;
    }[];
    expect(events.map((e) => [e.type, e.reason])).toEqual(
      expect.arrayContaining([
        ['subscription.expiring_soon', 'term_end'],
        ['subscription.expired', 'term_ended'],
      ]),
    );
    expect((await api.get(url)).json().status).toBe('expired');
  });
});
