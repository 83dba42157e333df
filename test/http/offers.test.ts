import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer } from '../../src/domain/offer.js';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/stores.js';

interface OfferPage {
  items: Offer[];
  nextCursor: string | null;
}

describe.each(DIALECTS)('offers API on %s', (dialect) => {
  let t: TestApp;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    api = client(t.app, (await t.newPartner()).token);
  });
  afterAll(() => t.close());

  async function all(query: string): Promise<Offer[]> {
    const response = await api.get(`/v1/offers?limit=500&${query}`);
    expect(response.statusCode).toBe(200);
    return response.json<OfferPage>().items;
  }

  it('lists the whole catalog with every field of the contract', async () => {
    const offers = await all('');
    expect(offers.map((o) => o.id)).toEqual(t.ctx.catalog.offers.map((o) => o.id));
    expect(offers).toEqual(JSON.parse(JSON.stringify(t.ctx.catalog.offers)));
  });

  it('filters by country, segment, billing cycle, instance, trial and add-on', async () => {
    const catalog = t.ctx.catalog.offers;
    expect(await all('country=jp')).toEqual(catalog.filter((o) => o.markets.includes('JP')));
    expect((await all('segment=education')).every((o) => o.segments.includes('education'))).toBe(
      true,
    );
    const annual = await all('billingCycle=annual');
    expect(annual.length).toBeGreaterThan(0);
    expect(annual.every((o) => o.billingCycles.includes('annual'))).toBe(true);
    expect((await all('instance=usgov')).every((o) => o.instances.includes('usgov'))).toBe(true);
    const trials = await all('trial=true');
    expect(trials.length).toBeGreaterThan(0);
    expect(trials.every((o) => o.isTrial)).toBe(true);
    expect((await all('addOn=false')).some((o) => o.isAddOn)).toBe(false);
    const combined = await all('country=GB&segment=education&billingCycle=monthly');
    expect(combined).toEqual(
      catalog.filter(
        (o) =>
          o.markets.includes('GB') &&
          o.segments.includes('education') &&
          o.billingCycles.includes('monthly'),
      ),
    );
  });

  it('pages through the catalog with a cursor', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: OfferPage = (
        await api.get(`/v1/offers?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      ids.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(t.ctx.catalog.offers.map((o) => o.id));
  });

  it('gets one offer, 404 for an unknown id, 400 for bad filters', async () => {
    const first = t.ctx.catalog.offers[0]!;
    const one = await api.get(`/v1/offers/${first.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(JSON.parse(JSON.stringify(first)));
    const missing = await api.get('/v1/offers/no-such-offer');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    for (const query of ['segment=military', 'billingCycle=weekly', 'trial=maybe', 'country=USA']) {
      const response = await api.get(`/v1/offers?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
  });

  it('lists the markets with the currency each is billed in, as markets.json has them', async () => {
    const response = await api.get('/v1/markets');
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{ items: { country: string; currency: string }[] }>();
    expect(items).toContainEqual({ country: 'TW', currency: 'TWD', name: 'Taiwan' });
    expect(items).toContainEqual({ country: 'DE', currency: 'EUR', name: 'Germany' });
    const sold = new Set(t.ctx.catalog.offers.flatMap((offer) => offer.markets));
    expect(new Set(items.map((market) => market.country))).toEqual(sold);
    expect((await t.app.inject({ method: 'GET', url: '/v1/markets' })).statusCode).toBe(401);
  });
});
